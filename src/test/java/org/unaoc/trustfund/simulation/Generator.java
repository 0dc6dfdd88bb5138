package org.unaoc.trustfund.simulation;

import static java.math.RoundingMode.HALF_UP;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.jspecify.annotations.Nullable;

/**
 * Writes a fund's life from a seed: the operations of a finance office over three years, in the
 * order it records them. About a third are back-dated into a month still open; revaluations are
 * sometimes run weeks after their date; months close in order, now and then one is reopened, and
 * now and then one is closed out of order (which must be refused). The generator reads only its
 * own plan (through the model), never the product, so a seed gives the same list every time.
 */
final class Generator {

    static final LocalDate START = LocalDate.of(2006, 1, 1);
    static final YearMonth LAST = YearMonth.of(2008, 12);
    static final List<String> COMPONENTS = List.of("HLG", "RESEARCH", "SECRETARIAT");
    static final List<String> OBJECT_CLASSES = List.of("STAFF", "TRAVEL", "CONTRACTUAL", "MEETINGS", "OPERATING");
    /** Contributors and the currency each signs in (Spain and Norway also in USD now and then). */
    static final List<String[]> CONTRIBUTORS = List.of(new String[] {"ES", "GOVERNMENT", "EUR"},
            new String[] {"TR", "GOVERNMENT", "USD"}, new String[] {"NO", "GOVERNMENT", "NOK"},
            new String[] {"GB", "GOVERNMENT", "GBP"}, new String[] {"QA", "GOVERNMENT", "USD"},
            new String[] {"FI", "GOVERNMENT", "EUR"}, new String[] {"FND-RC", "FOUNDATION", "USD"},
            new String[] {"ISESCO", "ORGANIZATION", "USD"});

    record Plan(long seed, Rates rates, List<Op> ops) {
    }

    private final Random random;
    private final Rates rates;
    private final Model model;
    private final List<Op> ops = new ArrayList<>();
    private final List<Model.Accepted> planned = new ArrayList<>();
    private final int target;
    private YearMonth clock = YearMonth.from(START);
    private YearMonth firstOpen = YearMonth.from(START);
    private int agreements;
    private int receipts;
    private int obligations;
    private int expenditures;
    private int pledges;
    private int statements;
    private final java.util.Map<String, BigDecimal> statementBalances = new java.util.HashMap<>();
    private final java.util.Map<String, LocalDate> statementDates = new java.util.HashMap<>();
    private final List<Op.Agreement> signed = new ArrayList<>();
    private final List<String> openPledges = new ArrayList<>();
    private final List<Op.Receipt> recorded = new ArrayList<>();
    private final List<String> reversedOrApplied = new ArrayList<>();
    private final List<Op.Expenditure> spent = new ArrayList<>();
    private final List<Op.ManualEntry> manual = new ArrayList<>();
    private final List<String> expired = new ArrayList<>();
    private final List<String> allowed = new ArrayList<>();

    /**
     * Kinds of operation a run can leave out (-Dsimulation.without=a,b): to look past a known
     * defect at what else a seed finds. "late-revaluations" also keeps every date after the
     * latest revaluation, so that nothing is posted before one.
     */
    static final List<String> FEATURES = List.of("receipt-reversals", "late-revaluations", "out-of-order-closes",
            "year-end-closes", "reopenings", "late-rates");

    private final java.util.Set<String> without;
    private LocalDate lastRevaluation = START;

    private Generator(long seed, int operations, java.util.Set<String> without) {
        this.without = without;
        this.random = new Random(seed);
        this.rates = Rates.generate(random, START.minusMonths(1), LAST.plusMonths(1).atDay(1));
        this.model = new Model(rates);
        this.target = operations;
    }

    static Plan plan(long seed, int operations, java.util.Set<String> without) {
        if (!FEATURES.containsAll(without)) {
            throw new IllegalArgumentException("simulation.without names " + without + "; the features are " + FEATURES);
        }
        Generator generator = new Generator(seed, operations, without);
        generator.write();
        return new Plan(seed, generator.rates, List.copyOf(generator.ops));
    }

    private void write() {
        for (String[] c : CONTRIBUTORS) {
            add(new Op.Contributor(c[0], c[1], START));
        }
        int perMonth = Math.max(2, target / (LAST.getYear() * 12 + LAST.getMonthValue() - START.getYear() * 12 - START.getMonthValue() + 1));
        while (!clock.isAfter(LAST)) {
            if (clock.getMonthValue() == 1) {
                for (String component : COMPONENTS) {
                    BigDecimal planned = money(200_000, 600_000);
                    add(new Op.CostPlan(component, clock.getYear(), planned, clock.atDay(1)));
                    if (random.nextInt(3) == 0) {
                        // an allotment caps the component's commitments in the year: some are then refused
                        add(new Op.Allotment(component, clock.getYear(), planned.multiply(BigDecimal.valueOf(2 + random.nextInt(6)))
                                .setScale(2, HALF_UP), clock.atDay(1), random.nextInt(6) > 0));
                    }
                }
            }
            int count = perMonth / 2 + random.nextInt(perMonth + 1);
            for (int i = 0; i < count; i++) {
                one();
            }
            monthEnd();
            clock = clock.plusMonths(1);
        }
        if (random.nextInt(4) == 0) {
            add(new Op.FundClosure(LAST.atEndOfMonth()));
        }
    }

    private void one() {
        int pick = random.nextInt(100);
        if (pick < 12 || signed.size() < 3) {
            agreement();
        } else if (pick < 42) {
            trancheReceipt();
        } else if (pick < 46) {
            otherReceipt();
        } else if (pick < 50) {
            application();
        } else if (pick < 54) {
            reversal();
        } else if (pick < 60) {
            obligation();
        } else if (pick < 72) {
            expenditure();
        } else if (pick < 75) {
            confirmation();
        } else if (pick < 78) {
            pledge();
        } else if (pick < 80) {
            pledgeCancellation();
        } else if (pick < 83) {
            allowanceOrWriteOff();
        } else if (pick < 85) {
            conditionExpiry();
        } else if (pick < 88) {
            refund();
        } else if (pick < 90) {
            pscRemittance();
        } else if (pick < 93) {
            lateRevaluation();
        } else if (pick < 95) {
            bankStatement();
        } else if (pick < 97) {
            manualEntry();
        } else if (pick < 98 && !without.contains("late-rates")) {
            lateRate();
        } else {
            trancheReceipt();
        }
    }

    /** A rate for a currency from a day in an open month already past, a few per cent off the one in force. */
    private void lateRate() {
        if (!firstOpen.isBefore(clock)) {
            return;
        }
        LocalDate on = date(START);
        if (!on.isBefore(clock.atDay(1))) {
            return;
        }
        String currency = List.of("EUR", "NOK", "GBP").get(random.nextInt(3));
        BigDecimal rate = rates.on(currency, on);
        add(new Op.LateRate(currency, rate.multiply(BigDecimal.valueOf(0.97 + random.nextDouble() * 0.06))
                .setScale(rate.scale(), HALF_UP), on));
    }

    private void manualEntry() {
        Op.ManualEntry entry = new Op.ManualEntry("M" + ops.size(), money(10, 400), date(START), random.nextInt(6) > 0);
        manual.add(entry);
        add(entry);
    }

    /** At a month's end: revaluation on some, closes two months behind, a reopening or an out-of-order close now and then. */
    private void monthEnd() {
        LocalDate end = clock.atEndOfMonth();
        if (clock.getMonthValue() == 12 || clock.getMonthValue() == 6 || random.nextInt(6) == 0) {
            if (random.nextInt(3) > 0) {
                add(new Op.Revaluation(end));
                if (without.contains("late-revaluations")) {
                    lastRevaluation = end.plusDays(1);
                }
            }
            if (clock.getMonthValue() == 12) {
                add(new Op.Reclassification(end));
            }
        }
        YearMonth closeable = clock.minusMonths(2);
        if (!firstOpen.isAfter(closeable)) {
            boolean firstHasEntries = ops.stream().anyMatch(op -> op.posts() && YearMonth.from(op.date()).equals(firstOpen));
            if (random.nextInt(25) == 0 && firstOpen.plusMonths(1).isBefore(clock) && firstHasEntries
                    && !without.contains("out-of-order-closes")) {
                add(new Op.PeriodClose(firstOpen.plusMonths(1), end, false));
            }
            add(new Op.PeriodClose(firstOpen, end, true));
            firstOpen = firstOpen.plusMonths(1);
            if (firstOpen.getMonthValue() == 1 && !without.contains("year-end-closes")) {
                add(new Op.YearEndClose(firstOpen.getYear() - 1, LocalDate.of(firstOpen.getYear() - 1, 12, 31)));
            } else if (random.nextInt(20) == 0 && !without.contains("reopenings")) {
                YearMonth last = firstOpen.minusMonths(1);
                boolean approve = random.nextInt(5) > 0;
                add(new Op.PeriodReopening(last, end, approve));
                if (approve) {
                    firstOpen = last;
                }
            }
        }
    }

    /** A date for a new operation: this month, or (a third of the time) back in a month still open. */
    private LocalDate date(LocalDate notBefore) {
        LocalDate earliest = max(max(notBefore, firstOpen.atDay(1)), lastRevaluation);
        LocalDate monthStart = max(earliest, clock.atDay(1));
        LocalDate from = random.nextInt(3) == 0 ? earliest : monthStart;
        LocalDate to = clock.atEndOfMonth();
        if (from.isAfter(to)) {
            return to;
        }
        long days = to.toEpochDay() - from.toEpochDay();
        return from.plusDays(random.nextLong(days + 1));
    }

    private boolean possible(LocalDate notBefore) {
        return !max(notBefore, lastRevaluation).isAfter(clock.atEndOfMonth());
    }

    private void agreement() {
        String[] c = CONTRIBUTORS.get(random.nextInt(CONTRIBUTORS.size()));
        String currency = random.nextInt(6) == 0 ? "USD" : c[2];
        LocalDate signed = date(START);
        boolean conditional = "USD".equals(currency) && random.nextInt(8) == 0;
        int count = conditional ? 1 : 1 + random.nextInt(3);
        List<Op.Tranche> tranches = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            boolean appropriation = i > 0 && random.nextInt(3) == 0;
            tranches.add(new Op.Tranche(signed.plusMonths(2 + 12L * i).plusDays(random.nextInt(20)),
                    money(50_000, 900_000), appropriation));
        }
        String earmark = conditional || random.nextInt(4) == 0 ? COMPONENTS.get(random.nextInt(COMPONENTS.size())) : null;
        String pledge = pledgeOf(c[0], signed);
        Op.Agreement agreement = new Op.Agreement("A" + (++agreements), c[0], currency, signed, tranches, earmark,
                conditional ? signed.plusMonths(9) : null, pledge);
        this.signed.add(agreement);
        add(agreement);
    }

    /** The tranches with something outstanding at the end of the plan so far, with when they became binding. */
    private record Open(Op.Agreement agreement, int number, Model.Tranche tranche) {
    }

    private List<Open> open() {
        Model.Books books = model.at(planned, LocalDate.MAX);
        List<Open> open = new ArrayList<>();
        for (Op.Agreement a : signed) {
            for (int n = 1; n <= a.tranches().size(); n++) {
                Model.Tranche t = books.tranches.get(Model.tranche(a.key(), n));
                if (t != null && t.outstanding().signum() > 0 && (t.recognisedOn != null || t.conditional)
                        && !expired.contains(a.key()) && !allowed.contains(Model.tranche(a.key(), n))) {
                    open.add(new Open(a, n, t));
                }
            }
        }
        return open;
    }

    private void trancheReceipt() {
        List<Open> open = open();
        if (open.isEmpty()) {
            return;
        }
        Open pick = open.get(random.nextInt(open.size()));
        LocalDate binding = max(pick.tranche().recognisedOn != null ? pick.tranche().recognisedOn : pick.agreement().date(),
                reopenedOn(pick.agreement().key(), pick.number()));
        if (!possible(binding)) {
            return;
        }
        LocalDate on = date(binding);
        BigDecimal outstanding = pick.tranche().outstanding();
        String currency = pick.agreement().currency();
        BigDecimal unit = rates(currency, on);
        BigDecimal amount = switch (random.nextInt(6)) {
            case 0, 1 -> outstanding;
            case 2 -> outstanding.multiply(BigDecimal.valueOf(0.3 + random.nextDouble() * 0.4)).setScale(2, HALF_UP);
            case 3 -> on.isBefore(latestOn(pick.agreement().key(), pick.number())) ? outstanding
                    : outstanding.subtract(unit.multiply(BigDecimal.valueOf(5 + random.nextInt(40)))).setScale(2, HALF_UP);
            case 4 -> outstanding.subtract(unit.multiply(BigDecimal.valueOf(300 + random.nextInt(2000)))).setScale(2, HALF_UP);
            default -> on.isBefore(latestOn(pick.agreement().key(), pick.number())) ? outstanding
                    : outstanding.multiply(BigDecimal.valueOf(1.01 + random.nextDouble() * 0.05)).setScale(2, HALF_UP);
        };
        if (amount.signum() <= 0) {
            amount = outstanding;
        }
        if (on.isBefore(latestOn(pick.agreement().key(), pick.number()))) {
            // cash dated before cash already on the tranche stays a plain part payment in either order: settled
            // first in date order, it must not finish the tranche within the bank-charge tolerance
            amount = amount.min(outstanding.subtract(unit.multiply(BigDecimal.valueOf(300))).setScale(2, HALF_UP));
            if (amount.signum() <= 0) {
                return;
            }
        }
        receipt(pick.agreement().contributor(), pick.agreement().key(), pick.number(), null, currency, amount, on);
    }

    /** The latest date cash was put on a tranche: an overpayment dated before it would change which receipt holds the excess. */
    private LocalDate latestOn(String agreement, int tranche) {
        LocalDate latest = START;
        for (Op op : ops) {
            LocalDate on = switch (op) {
                case Op.Receipt r when agreement.equals(r.agreement()) && Integer.valueOf(tranche).equals(r.tranche()) -> r.date();
                case Op.Application a when agreement.equals(a.agreement()) && tranche == a.tranche() -> a.date();
                default -> START;
            };
            latest = max(latest, on);
            latest = max(latest, reopenedOn(agreement, tranche));
        }
        return latest;
    }

    /**
     * The latest reversal of a receipt on the tranche: what it reopened is open only from that date,
     * so cash for it is dated on or after it.
     */
    private LocalDate reopenedOn(String agreement, int tranche) {
        LocalDate latest = START;
        for (Op op : ops) {
            if (op instanceof Op.Reversal r && r.approve()) {
                boolean onTranche = recorded.stream().anyMatch(receipt -> receipt.key().equals(r.target())
                        && agreement.equals(receipt.agreement()) && Integer.valueOf(tranche).equals(receipt.tranche()));
                if (onTranche) {
                    latest = max(latest, r.date());
                }
            }
        }
        return latest;
    }

    private void receipt(@Nullable String contributor, @Nullable String agreement, @Nullable Integer tranche,
                         @Nullable String pledge, String currency, BigDecimal amount, LocalDate on) {
        String account = "USD".equals(currency) ? "1010" : "GBP".equals(currency) || random.nextInt(3) == 0 ? "1010"
                : "EUR".equals(currency) ? "1011" : "1012";
        BigDecimal credited = null;
        if ("1010".equals(account) && !"USD".equals(currency)) {
            credited = amount.divide(rates.on(currency, on), 2, HALF_UP)
                    .multiply(BigDecimal.valueOf(1 - random.nextInt(20) / 10_000.0)).setScale(2, HALF_UP);
        }
        Op.Receipt receipt = new Op.Receipt("R" + (++receipts), contributor, agreement, tranche, pledge, currency, amount, on,
                account, credited);
        recorded.add(receipt);
        add(receipt);
    }

    /** Cash with no agreement: a contributor's revenue (fulfilling its pledge, J-C), or unidentified cash for 2190. */
    private void otherReceipt() {
        if (random.nextBoolean()) {
            receipt(null, null, null, null, random.nextBoolean() ? "USD" : "EUR", money(5_000, 200_000), date(START));
            return;
        }
        String[] c = CONTRIBUTORS.get(random.nextInt(CONTRIBUTORS.size()));
        LocalDate on = date(START);
        String pledge = pledgeOf(c[0], on);
        if (pledge == null && openPledges.stream().anyMatch(p -> p.startsWith("P" + c[0] + "-"))) {
            return; // the product takes a contributor's sole announced pledge for its cash: name it, or send none
        }
        receipt(c[0], null, null, pledge, "USD", money(10_000, 150_000), on);
    }

    /** An open pledge of the contributor announced by the date, taken off the open list (it is being fulfilled). */
    private @Nullable String pledgeOf(String contributor, LocalDate on) {
        for (String key : openPledges) {
            Op pledge = ops.stream().filter(op -> op instanceof Op.Pledge p && p.key().equals(key)).findFirst().orElseThrow();
            if (key.startsWith("P" + contributor + "-") && !pledge.date().isAfter(on)) {
                openPledges.remove(key);
                return key;
            }
        }
        return null;
    }

    private void application() {
        Model.Books books = model.at(planned, LocalDate.MAX);
        List<Open> open = open();
        for (Op.Receipt receipt : recorded) {
            BigDecimal held = books.unappliedOf(receipt.key());
            if (held.signum() <= 0 || reversedOrApplied.contains(receipt.key())) {
                continue;
            }
            for (Open o : open) {
                LocalDate binding = o.tranche().recognisedOn != null ? o.tranche().recognisedOn : o.agreement().date();
                LocalDate notBefore = max(max(binding, receipt.date()), latestOn(o.agreement().key(), o.number()));
                boolean theirs = receipt.contributor() == null || receipt.contributor().equals(o.agreement().contributor());
                if (theirs && o.agreement().currency().equals(receipt.currency()) && held.compareTo(o.tranche().outstanding()) <= 0
                        && possible(notBefore) && !o.agreement().conditional()) {
                    reversedOrApplied.add(receipt.key());
                    add(new Op.Application(receipt.key(), o.agreement().key(), o.number(), date(notBefore)));
                    return;
                }
            }
        }
    }

    /** A receipt or an expenditure reversed (approved, now and then rejected). */
    private void reversal() {
        Model.Books books = model.at(planned, LocalDate.MAX);
        List<Op> candidates = new ArrayList<>();
        for (Op.Receipt r : without.contains("receipt-reversals") ? List.<Op.Receipt>of() : recorded) {
            if (!reversedOrApplied.contains(r.key()) && books.unapplied.get(r.key()) == null && possible(r.date())
                    && !r.key().contains("/")) {
                candidates.add(r);
            }
        }
        for (Op.Expenditure e : spent) {
            if (!reversedOrApplied.contains(e.key()) && possible(e.date())) {
                candidates.add(e);
            }
        }
        for (Op.ManualEntry m : manual) {
            if (m.approve() && !reversedOrApplied.contains(m.key()) && possible(m.date())) {
                candidates.add(m);
            }
        }
        if (candidates.isEmpty()) {
            return;
        }
        Op target = candidates.get(random.nextInt(candidates.size()));
        String key = switch (target) {
            case Op.Receipt r -> r.key();
            case Op.Expenditure e -> e.key();
            case Op.ManualEntry m -> m.key();
            default -> throw new IllegalStateException("not reversible here: " + target);
        };
        boolean approve = random.nextInt(8) > 0;
        if (approve) {
            reversedOrApplied.add(key);
        }
        // not before later cash on the same tranche: that cash was settled against what the reversal reopens
        LocalDate notBefore = target instanceof Op.Receipt r && r.agreement() != null
                ? max(r.date(), latestOn(r.agreement(), r.tranche())) : target.date();
        for (Op op : ops) {
            if (op instanceof Op.Reversal earlier && earlier.target().equals(key)) {
                notBefore = max(notBefore, earlier.date()); // a rejected request, then the approved one, in date order too
            }
        }
        add(new Op.Reversal(key, date(notBefore), approve));
    }

    private void obligation() {
        add(new Op.Obligation("O" + (++obligations), COMPONENTS.get(random.nextInt(3)), OBJECT_CLASSES.get(random.nextInt(5)),
                spendable(), date(START)));
    }

    private void expenditure() {
        Model.Books books = model.at(planned, LocalDate.MAX);
        String obligation = null;
        BigDecimal amount = spendable();
        LocalDate notBefore = START;
        String component = COMPONENTS.get(random.nextInt(3));
        if (random.nextBoolean()) {
            for (Op op : ops) {
                if (op instanceof Op.Obligation o && books.openObligation(o.key()).signum() > 0 && possible(o.date())) {
                    obligation = o.key();
                    component = o.component();
                    // after the obligation's other liquidations and their reversals: which one is capped must not depend on order
                    notBefore = o.date();
                    for (Op other : ops) {
                        if (other instanceof Op.Expenditure e && o.key().equals(e.obligation())) {
                            notBefore = max(notBefore, e.date());
                        }
                        if (other instanceof Op.Reversal r && spent.stream().anyMatch(e -> e.key().equals(r.target())
                                && o.key().equals(e.obligation()))) {
                            notBefore = max(notBefore, r.date());
                        }
                    }
                    amount = books.openObligation(o.key()).multiply(BigDecimal.valueOf(0.5 + random.nextDouble() * 0.6))
                            .setScale(2, HALF_UP);
                    break;
                }
            }
        }
        Op.Expenditure expenditure = new Op.Expenditure("E" + (++expenditures), component,
                OBJECT_CLASSES.get(random.nextInt(5)), amount, date(notBefore), obligation);
        spent.add(expenditure);
        add(expenditure);
    }

    /** Sized to the cash the plan has brought in, so that most commitments fit and some do not. */
    private BigDecimal spendable() {
        BigDecimal cash = model.at(planned, LocalDate.MAX).cash("1010").usd.max(new BigDecimal("100000"));
        return cash.multiply(BigDecimal.valueOf(0.01 + random.nextDouble() * 0.12)).setScale(2, HALF_UP);
    }

    private void confirmation() {
        Model.Books books = model.at(planned, LocalDate.MAX);
        for (Op.Agreement a : signed) {
            for (int n = 1; n <= a.tranches().size(); n++) {
                Model.Tranche t = books.tranches.get(Model.tranche(a.key(), n));
                if (a.tranches().get(n - 1).subjectToAppropriation() && t.recognisedOn == null && possible(a.date())) {
                    add(new Op.Confirmation(a.key(), n, date(a.date())));
                    return;
                }
            }
        }
    }

    private void pledge() {
        String[] c = CONTRIBUTORS.get(random.nextInt(CONTRIBUTORS.size()));
        String key = "P" + c[0] + "-" + (++pledges);
        openPledges.add(key);
        add(new Op.Pledge(key, c[0], money(20_000, 300_000), date(START)));
    }

    private void pledgeCancellation() {
        if (openPledges.isEmpty()) {
            return;
        }
        String key = openPledges.remove(random.nextInt(openPledges.size()));
        Op pledge = ops.stream().filter(op -> op instanceof Op.Pledge p && p.key().equals(key)).findFirst().orElseThrow();
        add(new Op.PledgeCancellation(key, date(pledge.date())));
    }

    /** An allowance on a receivable long overdue, and later, after approval, its write-off (R14). */
    private void allowanceOrWriteOff() {
        for (String key : allowed) {
            String agreement = key.substring(0, key.indexOf('#'));
            int number = Integer.parseInt(key.substring(key.indexOf('#') + 1));
            Op allowance = ops.stream().filter(op -> op instanceof Op.Allowance a && Model.tranche(a.agreement(), a.tranche()).equals(key))
                    .findFirst().orElseThrow();
            if (ops.stream().noneMatch(op -> op instanceof Op.WriteOff w && Model.tranche(w.agreement(), w.tranche()).equals(key) && w.approve())
                    && possible(allowance.date())) {
                add(new Op.WriteOff(agreement, number, date(max(allowance.date(), latestOn(agreement, number))),
                        random.nextInt(5) > 0));
                return;
            }
        }
        for (Open o : open()) {
            LocalDate due = o.agreement().tranches().get(o.number() - 1).dueOn();
            if (!o.agreement().conditional() && due.plusMonths(4).isBefore(clock.atDay(1)) && possible(due)) {
                allowed.add(Model.tranche(o.agreement().key(), o.number()));
                add(new Op.Allowance(o.agreement().key(), o.number(),
                        date(max(max(due, o.tranche().recognisedOn), latestOn(o.agreement().key(), o.number())))));
                return;
            }
        }
    }

    private void conditionExpiry() {
        for (Op.Agreement a : signed) {
            if (a.conditional() && !expired.contains(a.key()) && possible(a.conditionDeadline())) {
                expired.add(a.key());
                add(new Op.ConditionExpiry(a.key(), date(a.conditionDeadline())));
                return;
            }
        }
    }

    private void refund() {
        String[] c = CONTRIBUTORS.get(random.nextInt(CONTRIBUTORS.size()));
        add(new Op.Refund("F" + ops.size(), c[0], money(1_000, 20_000), date(START), random.nextInt(5) > 0));
    }

    private void pscRemittance() {
        LocalDate on = date(START);
        BigDecimal payable = model.at(planned, on).pscPayable;
        BigDecimal later = model.at(planned, LocalDate.MAX).pscPayable;
        BigDecimal amount = payable.min(later).divide(BigDecimal.TWO, 2, HALF_UP);
        if (amount.signum() > 0) {
            add(new Op.PscRemittance(amount, on));
        }
    }

    /** A camt.053 or CSV statement of 1010 (USD) or 1011 (EUR), following on from the account's last one; one in four sent twice. */
    private void bankStatement() {
        String account = random.nextBoolean() ? "1010" : "1011";
        String currency = Model.BANK_CURRENCY.get(account);
        LocalDate last = statementDates.getOrDefault(account, START);
        LocalDate on = date(last);
        if (on.isBefore(last)) {
            return;
        }
        String key = "S" + (++statements);
        List<Op.Receipt> credits = new ArrayList<>();
        for (int i = 1, n = 1 + random.nextInt(4); i <= n; i++) {
            Op.Receipt credit = new Op.Receipt(key + "/" + i, null, null, null, null, currency, money(2_000, 90_000), on,
                    account, null);
            credits.add(credit);
            recorded.add(credit);
        }
        Op.BankStatement statement = new Op.BankStatement(key, account, currency,
                statementBalances.getOrDefault(account, BigDecimal.ZERO.setScale(2)), credits, on, random.nextInt(4) == 0,
                random.nextBoolean());
        statementBalances.put(account, statement.closingBalance());
        statementDates.put(account, on);
        add(statement);
    }

    /** A revaluation as of the end of an open month already past: run late, after postings dated after it. */
    private void lateRevaluation() {
        if (firstOpen.isBefore(clock) && !without.contains("late-revaluations")) {
            YearMonth month = firstOpen.plusMonths(random.nextInt((int) java.time.temporal.ChronoUnit.MONTHS.between(firstOpen, clock)));
            add(new Op.Revaluation(month.atEndOfMonth()));
        }
    }

    private void add(Op op) {
        planned.add(new Model.Accepted(ops.size(), op));
        ops.add(op);
    }

    private BigDecimal money(int from, int to) {
        return BigDecimal.valueOf(from + random.nextInt(to - from), 0).add(BigDecimal.valueOf(random.nextInt(100), 2));
    }

    private BigDecimal rates(String currency, LocalDate on) {
        return "USD".equals(currency) ? BigDecimal.ONE : rates.on(currency, on);
    }

    private static LocalDate max(LocalDate a, @Nullable LocalDate b) {
        return b == null || a.isAfter(b) ? a : b;
    }
}
