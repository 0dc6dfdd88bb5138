package org.unaoc.trustfund.simulation;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jooq.DSLContext;
import org.unaoc.trustfund.support.Api;

/**
 * One run of a list of operations on fresh books: each recorded through the driver, what it was
 * expected to do compared with what the product did, the checks after every step and, every
 * {@code datedEvery} steps and at the end, at every month end.
 */
final class Run {

    /** What a run found: the violations (the first of each kind), and the operations it recorded. */
    record Result(List<Violation> violations, int recorded, Map<YearMonth, Map<String, java.math.BigDecimal>> trialBalances,
                  Map<Op, Integer> outcomes) {
        Set<String> kinds() {
            Set<String> kinds = new java.util.TreeSet<>();
            violations.forEach(v -> kinds.add(v.kind()));
            return kinds;
        }
    }

    private static final boolean TRACE = Boolean.getBoolean("simulation.trace");

    private final DSLContext db;
    private final Api api;
    private final int datedEvery;

    Run(DSLContext db, Api api, int datedEvery) {
        this.db = db;
        this.api = api;
        this.datedEvery = datedEvery;
    }

    Result of(Generator.Plan plan, List<Op> ops, boolean keepTrialBalances) {
        Map<String, Long> byType = new java.util.TreeMap<>();
        long recording = 0;
        long checking = 0;
        long dating = 0;
        long reset = System.nanoTime();
        FreshFund.reset();
        if (Boolean.getBoolean("simulation.timing")) {
            System.out.printf("  reset %d ms%n", (System.nanoTime() - reset) / 1_000_000);
        }
        Driver driver = new Driver(api);
        driver.setUp(plan.rates());
        Model model = new Model(plan.rates());
        Checks checks = new Checks(db, api, driver, model);
        List<Model.Accepted> accepted = new ArrayList<>();
        Map<String, Violation> found = new LinkedHashMap<>();
        Map<Op, Integer> outcomes = new java.util.HashMap<>();
        Set<YearMonth> postedIn = new HashSet<>();
        Set<String> created = new HashSet<>();
        YearMonth latest = YearMonth.from(Generator.START);
        for (int step = 0; step < ops.size(); step++) {
            Op op = ops.get(step);
            if (!created.containsAll(op.needs())) {
                continue;
            }
            long started = System.nanoTime();
            boolean earlierOpenWithEntries = op instanceof Op.PeriodClose close && !close.inOrder()
                    && postedIn.contains(close.month().minusMonths(1));
            Driver.Outcome outcome = driver.record(op);
            recording += System.nanoTime() - started;
            if (outcome.status() == 201 || op instanceof Op.Expenditure && outcome.status() == 200) {
                withinFunds(model, accepted, op, step, found);
            }
            byType.merge(op.getClass().getSimpleName(), System.nanoTime() - started, Long::sum);
            if (TRACE) {
                System.out.println("  " + step + " " + op + " -> " + outcome.status() + (outcome.problem() == null ? "" : " " + outcome.problem()));
            }
            expect(op, outcome, step, found, earlierOpenWithEntries);
            outcomes.put(op, outcome.status());
            if (outcome.accepted() && outcome.status() != 204) {
                accepted.add(new Model.Accepted(step, op));
                if (op.posts()) {
                    postedIn.add(YearMonth.from(op.date()));
                }
                created.add(key(op));
                if (op instanceof Op.BankStatement statement) {
                    statement.credits().forEach(credit -> created.add(credit.key()));
                }
                if (op instanceof Op.PeriodClose close) {
                    checks.closed(close.month());
                } else if (op instanceof Op.PeriodReopening reopening && reopening.approve()) {
                    checks.reopened(reopening.month());
                }
            }
            if (YearMonth.from(op.date()).isAfter(latest)) {
                latest = YearMonth.from(op.date());
            }
            started = System.nanoTime();
            checks.afterEach(accepted, step).forEach(v -> found.putIfAbsent(v.kind(), v));
            checking += System.nanoTime() - started;
            if (datedEvery > 0 && step % datedEvery == datedEvery - 1) {
                started = System.nanoTime();
                checks.dated(accepted, step, latest, false).forEach(v -> found.putIfAbsent(v.kind(), v));
                dating += System.nanoTime() - started;
            }
        }
        long started = System.nanoTime();
        checks.dated(accepted, ops.size(), latest, true).forEach(v -> found.putIfAbsent(v.kind(), v));
        dating += System.nanoTime() - started;
        if (TRACE || Boolean.getBoolean("simulation.timing")) {
            System.out.printf("  run of %d operations: recording %d ms, checks after each %d ms, dated checks %d ms%n",
                    ops.size(), recording / 1_000_000, checking / 1_000_000, dating / 1_000_000);
            byType.forEach((type, nanos) -> System.out.printf("    %s %d ms%n", type, nanos / 1_000_000));
        }
        return new Result(List.copyOf(found.values()), accepted.size(), keepTrialBalances ? trialBalances(latest) : Map.of(),
                outcomes);
    }

    /** R9 on the books as they stand: a commitment the product took must fit an upper bound of what was available. */
    private static void withinFunds(Model model, List<Model.Accepted> accepted, Op op, int step, Map<String, Violation> found) {
        java.math.BigDecimal amount;
        java.math.BigDecimal released = java.math.BigDecimal.ZERO;
        Model.Books books = model.at(accepted, java.time.LocalDate.MAX);
        if (op instanceof Op.Obligation o) {
            amount = o.amount();
        } else if (op instanceof Op.Expenditure e) {
            amount = e.amount();
            if (e.obligation() != null) {
                java.math.BigDecimal liquidated = books.openObligation(e.obligation()).min(e.amount());
                released = liquidated.add(Model.psc(liquidated));
            }
        } else {
            return;
        }
        java.math.BigDecimal required = amount.add(Model.psc(amount)).subtract(released);
        java.math.BigDecimal available = Model.availableAtMost(books, op.date().getYear());
        if (required.subtract(available).compareTo(java.math.BigDecimal.ONE) > 0) {
            found.putIfAbsent("accepted-beyond-funds", new Violation("accepted-beyond-funds", describe(op)
                    + " needing " + required + " was accepted with at most " + available + " available (R9)", step, op));
        }
    }

    /** What each operation may answer: anything else is a violation of its own kind. */
    private static void expect(Op op, Driver.Outcome outcome, int step, Map<String, Violation> found,
                               boolean earlierOpenWithEntries) {
        if (outcome.status() >= 500) {
            found.putIfAbsent("server-error", new Violation("server-error", describe(op) + " answered " + outcome.status()
                    + ": " + outcome.text(), step, op));
            return;
        }
        if (op instanceof Op.PeriodClose close && !close.inOrder()) {
            if (outcome.accepted() && earlierOpenWithEntries) {
                found.putIfAbsent("close-out-of-order", new Violation("close-out-of-order", "closing " + close.month()
                        + " was accepted while an earlier month was open (R22: months close in order)", step, op));
            }
            return;
        }
        if ("/simulation/statement-imported-twice".equals(outcome.problem())) {
            found.putIfAbsent("statement-imported-twice", new Violation("statement-imported-twice", describe(op)
                    + " imported a second time created receipts: " + outcome.text(), step, op));
            return;
        }
        if (outcome.accepted()) {
            return;
        }
        // R19/R20: whatever pays out of a bank account may find it short on its day or a later one
        boolean mayBeShort = op instanceof Op.Expenditure || op instanceof Op.Obligation || op instanceof Op.PscRemittance
                || op instanceof Op.Refund || op instanceof Op.ManualEntry;
        if (mayBeShort && List.of("/problems/insufficient-funds", "/problems/allotment-exceeded").contains(outcome.problem())) {
            return;
        }
        if (op instanceof Op.PscRemittance && outcome.text().contains("more than the programme support cost payable")) {
            return; // the expenditures that made it payable may have been refused for want of funds
        }
        if (op instanceof Op.FundClosure && outcome.status() < 500) {
            return; // refused while an obligation, a liability or a receivable is open: the model does not judge it
        }
        if (op instanceof Op.ConditionExpiry && "/problems/nothing-held".equals(outcome.problem())) {
            return; // spending on the component may have met the whole condition: the model does not follow it
        }
        String kind = "refused:" + op.getClass().getSimpleName() + ":" + (outcome.problem() == null ? outcome.status() : outcome.problem().replace("/problems/", ""));
        found.putIfAbsent(kind, new Violation(kind, describe(op) + " was refused: " + outcome.text(), step, op));
    }

    static String describe(Op op) {
        return op.toString();
    }

    private static String key(Op op) {
        return switch (op) {
            case Op.Contributor c -> c.code();
            case Op.Pledge p -> p.key();
            case Op.Agreement a -> a.key();
            case Op.Receipt r -> r.key();
            case Op.BankStatement b -> b.key();
            case Op.ManualEntry m -> m.key();
            case Op.Obligation o -> o.key();
            case Op.Expenditure e -> e.key();
            case Op.Refund r -> r.key();
            default -> "";
        };
    }

    /** The balance of every account at every month end (for comparing two recording orders). */
    private Map<YearMonth, Map<String, java.math.BigDecimal>> trialBalances(YearMonth until) {
        Map<YearMonth, Map<String, java.math.BigDecimal>> balances = new LinkedHashMap<>();
        for (YearMonth month = YearMonth.from(Generator.START); !month.isAfter(until); month = month.plusMonths(1)) {
            Map<String, java.math.BigDecimal> accounts = new java.util.TreeMap<>();
            db.fetch("SELECT a.code, sum(l.amount_usd) FROM journal_line l JOIN account a ON a.id = l.account_id "
                    + "WHERE l.entry_date <= ? GROUP BY a.code HAVING sum(l.amount_usd) <> 0", month.atEndOfMonth())
                    .forEach(r -> accounts.put(r.get(0, String.class), r.get(1, java.math.BigDecimal.class)));
            balances.put(month, accounts);
        }
        return balances;
    }
}
