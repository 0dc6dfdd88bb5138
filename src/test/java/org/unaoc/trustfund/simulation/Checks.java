package org.unaoc.trustfund.simulation;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.unaoc.trustfund.support.Api;
import tools.jackson.databind.JsonNode;

/**
 * What the books must hold, read from the database and the API and compared with the model: the
 * cheap checks after every operation, the dated ones (every month end) now and then and at the end.
 */
final class Checks {

    private final DSLContext db;
    private final Api api;
    private final Driver driver;
    private final Model model;
    private final Map<YearMonth, String> closedStatements = new HashMap<>();

    Checks(DSLContext db, Api api, Driver driver, Model model) {
        this.db = db;
        this.api = api;
        this.driver = driver;
        this.model = model;
    }

    /** ACCOUNTING.md §6, 1, 2 and 6, and R7 in USD per agreement against the model's exchange differences. */
    List<Violation> afterEach(List<Model.Accepted> accepted, int step) {
        List<Violation> found = new ArrayList<>();
        Record row = db.fetchSingle("""
                SELECT (SELECT count(*) FROM (SELECT entry_id FROM journal_line GROUP BY entry_id
                          HAVING sum(amount_usd) <> 0 OR count(*) < 2) e) AS unbalanced,
                       (SELECT coalesce(sum(balance_usd), 0) FROM account) AS total,
                       (SELECT count(*) FROM account a
                          LEFT JOIN (SELECT account_id, sum(amount_usd) AS total FROM journal_line GROUP BY account_id) l
                                 ON l.account_id = a.id
                          LEFT JOIN (SELECT account_id, sum(debit_usd - credit_usd) AS total FROM account_period_balance
                                      GROUP BY account_id) p ON p.account_id = a.id
                         WHERE a.balance_usd <> coalesce(l.total, 0) OR a.balance_usd <> coalesce(p.total, 0)) AS drifting,
                       (SELECT count(*) FROM (SELECT approval_id FROM journal_entry WHERE approval_id IS NOT NULL
                          GROUP BY approval_id HAVING count(*) > 1) t) AS twice""");
        if (row.get("unbalanced", Long.class) > 0) {
            found.add(new Violation("unbalanced-entry", row.get("unbalanced") + " entries do not balance", step));
        }
        if (row.get("total", BigDecimal.class).signum() != 0) {
            found.add(new Violation("balances-not-zero", "the balances sum to " + row.get("total"), step));
        }
        if (row.get("drifting", Long.class) > 0) {
            found.add(new Violation("balance-drift", row.get("drifting") + " accounts differ from their lines or periods", step));
        }
        if (row.get("twice", Long.class) > 0) {
            found.add(new Violation("approval-posted-twice", row.get("twice") + " approvals posted more than one entry", step));
        }
        Model.Books books = model.at(accepted, LocalDate.MAX);
        Map<Long, BigDecimal> differences = new HashMap<>();
        db.fetch("""
                SELECT l.agreement_id, -sum(l.amount_usd) AS difference FROM journal_line l JOIN account a ON a.id = l.account_id
                 WHERE a.code IN ('7810', '7820') AND l.agreement_id IS NOT NULL GROUP BY l.agreement_id""")
                .forEach(r -> differences.put(r.get(0, Long.class), r.get(1, BigDecimal.class)));
        driver.agreements.forEach((key, id) -> {
            BigDecimal expected = books.differences(key);
            BigDecimal actual = differences.getOrDefault(id, BigDecimal.ZERO);
            if (expected.compareTo(actual) != 0) {
                found.add(new Violation(kind("exchange-difference", expected.subtract(actual)), "agreement " + key + " (id " + id + ") has exchange differences "
                        + actual + " where date-ordered recording gives " + expected, step));
            }
        });
        return found;
    }

    /**
     * A difference of a few cents has a kind of its own: a payment settles a share of the carrying
     * amount, rounded to the cent, so a back-dated partial payment recorded after a later one
     * rounds differently from date order; larger differences are something else.
     */
    static String kind(String kind, BigDecimal difference) {
        return difference.abs().compareTo(new BigDecimal("0.05")) <= 0 ? kind + ":cents" : kind;
    }

    /** Carrying amounts, statuses and bank balances at every month end so far, and closed months unchanged. */
    List<Violation> dated(List<Model.Accepted> accepted, int step, YearMonth until, boolean last) {
        List<Violation> found = new ArrayList<>();
        for (YearMonth month = YearMonth.from(Generator.START); !month.isAfter(until); month = month.plusMonths(1)) {
            LocalDate end = month.atEndOfMonth();
            Model.Books books = model.at(accepted, end);
            receivables(books, end, step, found);
            cash(books, end, step, found, last);
        }
        statuses(model.at(accepted, LocalDate.MAX), step, found);
        if (last) {
            closedMonths(step, found);
            for (int year = Generator.START.getYear(); year <= until.getYear(); year++) {
                budgetAgainstActual(year, step, found);
                fundingStatus(model.at(accepted, LocalDate.of(year, 12, 31)), year, step, found);
            }
        }
        return found;
    }

    private void receivables(Model.Books books, LocalDate end, int step, List<Violation> found) {
        Map<String, BigDecimal> carried = new HashMap<>();
        db.fetch("""
                SELECT l.agreement_id, l.tranche_no, sum(l.amount_usd) FROM journal_line l JOIN account a ON a.id = l.account_id
                 WHERE a.code IN ('1210', '1220') AND l.entry_date <= ? GROUP BY 1, 2""", end)
                .forEach(r -> carried.put(r.get(0, Long.class) + "#" + r.get(1, Integer.class), r.get(2, BigDecimal.class)));
        driver.agreements.forEach((key, id) -> {
            for (var tranche : books.tranches.entrySet()) {
                if (!tranche.getKey().startsWith(key + "#")) {
                    continue;
                }
                String number = tranche.getKey().substring(key.length() + 1);
                BigDecimal actual = carried.getOrDefault(id + "#" + number, BigDecimal.ZERO);
                if (actual.compareTo(tranche.getValue().carrying) != 0) {
                    found.add(new Violation(kind("receivable-carrying", actual.subtract(tranche.getValue().carrying)), "on " + end + " tranche " + tranche.getKey()
                            + " carries " + actual + " on 1210/1220 where date-ordered recording gives "
                            + tranche.getValue().carrying, step));
                }
            }
        });
    }

    private void cash(Model.Books books, LocalDate end, int step, List<Violation> found, boolean last) {
        Map<String, BigDecimal[]> balances = new HashMap<>();
        db.fetch("""
                SELECT a.code, sum(coalesce(l.original_amount, l.amount_usd)), sum(l.amount_usd) FROM journal_line l
                  JOIN account a ON a.id = l.account_id WHERE a.code IN ('1010', '1011', '1012') AND l.entry_date <= ?
                 GROUP BY a.code""", end)
                .forEach(r -> balances.put(r.get(0, String.class), new BigDecimal[] {r.get(1, BigDecimal.class), r.get(2, BigDecimal.class)}));
        for (String account : Model.BANK_CURRENCY.keySet()) {
            BigDecimal[] actual = balances.getOrDefault(account, new BigDecimal[] {BigDecimal.ZERO, BigDecimal.ZERO});
            Model.Cash expected = books.cash(account);
            if (actual[0].compareTo(expected.amount) != 0 || actual[1].compareTo(expected.usd) != 0) {
                found.add(new Violation("bank-balance", "on " + end + " account " + account + " holds " + actual[0] + " ("
                        + actual[1] + " USD) where date-ordered recording gives " + expected.amount + " (" + expected.usd + " USD)", step));
            }
            if (actual[0].signum() < 0) {
                found.add(new Violation("overdrawn", "on " + end + " bank account " + account + " is overdrawn: " + actual[0], step));
            }
        }
        if (!last) {
            return;
        }
        obligations(books, end, step, found);
        // R20: no commitment takes more than the cash less what is committed and owed, on any month end. The
        // operating reserve is left out: a year's cost plan may ask for a reserve before the cash for it arrives.
        JsonNode available = api.get("auditor", "/api/availability?asOf=" + end).body();
        if (available.has("availableInTotal")) {
            BigDecimal committed = new BigDecimal(available.get("availableInTotal").asString())
                    .add(new BigDecimal(available.get("operatingReserve").asString()));
            if (committed.signum() < 0) {
                found.add(new Violation("negative-availability", "on " + end + " cash less obligations and cash liabilities is "
                        + committed + " (" + available + ")", step));
            }
        }
    }

    /**
     * Budget against actual for a year: its expenditure and PSC are what the expense accounts hold for
     * the year, before its year-end close (in the closing period, 13) empties them.
     */
    private void budgetAgainstActual(int year, int step, List<Violation> found) {
        JsonNode table = api.get("auditor", "/api/statements/budget-vs-actual?from=" + year + "-01-01&to=" + year + "-12-31").body();
        JsonNode total = null;
        for (JsonNode row : table.path("rows")) {
            if ("TOTAL".equals(row.get("kind").asString())) {
                total = row.get("cells");
            }
        }
        Record journal = db.fetchSingle("""
                SELECT coalesce(sum(l.amount_usd) FILTER (WHERE a.code IN ('5100', '5200', '5300', '5400', '5500')), 0) AS spent,
                       coalesce(sum(l.amount_usd) FILTER (WHERE a.code = '5900'), 0) AS psc
                  FROM journal_line l JOIN account a ON a.id = l.account_id
                 WHERE l.entry_date BETWEEN ? AND ? AND l.period_id % 100 <> 13""", LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31));
        List<String> columns = table.path("columns").valueStream().map(JsonNode::asString).toList();
        BigDecimal spent = total == null ? BigDecimal.ZERO : new BigDecimal(total.get(columns.indexOf("Expenditure")).asString());
        BigDecimal psc = total == null ? BigDecimal.ZERO
                : new BigDecimal(total.get(columns.indexOf("PSC charged on the expenditure")).asString());
        if (spent.compareTo(journal.get("spent", BigDecimal.class)) != 0 || psc.compareTo(journal.get("psc", BigDecimal.class)) != 0) {
            found.add(new Violation("budget-vs-actual", "budget against actual for " + year + " shows expenditure " + spent
                    + " and PSC " + psc + " where the expense accounts hold " + journal.get("spent") + " and " + journal.get("psc"), step));
        }
    }

    /**
     * The funding status of a year on a cash basis (R23): its balance of funds is the cash the model
     * holds in every bank account at the year end, and its reconciliation to revenue comes to the
     * contributions it shows.
     */
    private void fundingStatus(Model.Books books, int year, int step, List<Violation> found) {
        JsonNode table = api.get("auditor", "/api/statements/funding-status?from=" + year + "-01-01&to=" + year + "-12-31").body();
        BigDecimal balance = null;
        List<BigDecimal> contributions = new ArrayList<>();
        for (JsonNode row : table.path("rows")) {
            String label = row.get("cells").get(0).asString();
            if (label.equals("Balance of funds (cash)")) {
                balance = new BigDecimal(row.get("cells").get(3).asString());
            } else if (label.equals("Contributions from donors, net of refunds paid")) {
                contributions.add(new BigDecimal(row.get("cells").get(2).asString()));
            }
        }
        BigDecimal cash = Model.BANK_CURRENCY.keySet().stream().map(a -> books.cash(a).usd).reduce(BigDecimal.ZERO, BigDecimal::add);
        if (balance == null || balance.compareTo(cash) != 0) {
            found.add(new Violation("funding-status", "the " + year + " funding status shows a balance of funds of " + balance
                    + " where the bank accounts hold " + cash + " USD by date-ordered recording", step));
        }
        if (contributions.size() != 2 || contributions.get(0).compareTo(contributions.get(1)) != 0) {
            found.add(new Violation("funding-status", "the " + year + " funding status's contributions and its reconciliation "
                    + "to revenue differ: " + contributions, step));
        }
    }

    /** The unliquidated-obligations schedule against the obligations net of liquidations still standing (R11, R21). */
    private void obligations(Model.Books books, LocalDate end, int step, List<Violation> found) {
        BigDecimal expected = books.obligations.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add);
        JsonNode schedule = api.get("auditor", "/api/statements/obligations?asOf=" + end).body();
        if (!schedule.has("total")) {
            found.add(new Violation("obligations-schedule", "the obligations schedule on " + end + " has no total: " + schedule, step));
            return;
        }
        BigDecimal actual = new BigDecimal(schedule.get("total").asString());
        if (actual.compareTo(expected) != 0) {
            found.add(new Violation("obligations-schedule", "on " + end + " the schedule shows " + actual
                    + " unliquidated where the obligations net of standing liquidations are " + expected, step));
        }
    }

    /** R21 and the sub-ledger: each tranche's status and outstanding amount as the model has them now. */
    private void statuses(Model.Books books, int step, List<Violation> found) {
        JsonNode list = api.get(Driver.MAKER, "/api/agreements").body();
        Map<Long, JsonNode> byId = new HashMap<>();
        for (JsonNode agreement : list.isArray() ? list : list.path("items")) {
            byId.put(agreement.get("id").asLong(), agreement);
        }
        driver.agreements.forEach((key, id) -> {
            JsonNode agreement = byId.get(id);
            if (agreement == null) {
                return;
            }
            for (JsonNode tranche : agreement.get("tranches")) {
                String name = Model.tranche(key, tranche.get("number").asInt());
                Model.Tranche expected = books.tranches.get(name);
                String status = tranche.get("status").asString();
                BigDecimal carrying = new BigDecimal(tranche.get("carryingUsd").asString());
                if ("PAID".equals(status) && carrying.signum() != 0) {
                    found.add(new Violation("paid-tranche-carries", "tranche " + name + " is PAID and carries " + carrying, step));
                }
                if (expected != null && (expected.recognisedOn != null || expected.conditional)
                        && !expected.status().equals(status)) {
                    found.add(new Violation("tranche-status", "tranche " + name + " is " + status + " where the model has "
                            + expected.status() + " (received " + expected.received + " of " + expected.agreed + ")", step));
                }
            }
        });
    }

    /** After a close, the month's statements as they were then. */
    void closed(YearMonth month) {
        closedStatements.put(month, statements(month));
    }

    void reopened(YearMonth month) {
        closedStatements.keySet().removeIf(m -> !m.isBefore(month));
    }

    private void closedMonths(int step, List<Violation> found) {
        closedStatements.forEach((month, then) -> {
            String now = statements(month);
            if (!now.equals(then)) {
                found.add(new Violation("closed-month-changed", "the statements of the closed month " + month
                        + " changed after it closed", step));
            }
        });
    }

    private String statements(YearMonth month) {
        String range = "from=" + month.atDay(1) + "&to=" + month.atEndOfMonth();
        return api.get("auditor", "/api/statements/trial-balance?" + range).text()
                + api.get("auditor", "/api/statements/financial-position?asOf=" + month.atEndOfMonth()).text();
    }
}
