package org.unaoc.trustfund.statements;

import static org.unaoc.trustfund.db.Tables.ACCOUNT;
import static org.unaoc.trustfund.db.Tables.FISCAL_PERIOD;
import static org.unaoc.trustfund.db.Tables.FUND;
import static org.unaoc.trustfund.db.Tables.JOURNAL_ENTRY;
import static org.unaoc.trustfund.db.Tables.JOURNAL_LINE;
import static org.unaoc.trustfund.db.Tables.TRANCHE;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import org.unaoc.trustfund.ledger.Account;
import org.unaoc.trustfund.ledger.ChartOfAccounts;
import org.unaoc.trustfund.ledger.EntryType;
import org.unaoc.trustfund.ledger.Periods;
import org.unaoc.trustfund.ledger.TrialBalances;

/**
 * What every statement needs from the books: balances by account code at a date (from the
 * per-period balances), the movements of a window without the year-end closing entries, and
 * whether the figures are final.
 */
@Component
class StatementFacts {

    static final BigDecimal ZERO = new BigDecimal("0.00");

    private final DSLContext db;
    private final TrialBalances trialBalances;
    private final ChartOfAccounts chart;

    StatementFacts(DSLContext db, TrialBalances trialBalances, ChartOfAccounts chart) {
        this.db = db;
        this.trialBalances = trialBalances;
        this.chart = chart;
    }

    List<Account> accounts() {
        return chart.all();
    }

    /** Balance per account code at the end of the date, debit positive. */
    Map<String, BigDecimal> balancesAt(LocalDate date) {
        Map<Integer, TrialBalances.Movement> cumulative = trialBalances.cumulative(date);
        Map<String, BigDecimal> balances = new HashMap<>();
        for (Account account : chart.all()) {
            TrialBalances.Movement movement = cumulative.get(account.id());
            balances.put(account.code(), movement == null ? ZERO : movement.net());
        }
        return balances;
    }

    /** The cash in every bank account, in USD, from balances by account code. */
    BigDecimal cash(Map<String, BigDecimal> balances) {
        BigDecimal cash = ZERO;
        for (Account account : chart.bankAccounts()) {
            cash = cash.add(balances.getOrDefault(account.code(), ZERO));
        }
        return cash;
    }

    /**
     * What revaluations and transfers between bank accounts (and their reversals) moved the USD carrying
     * amount of the bank accounts by from–to: the effect of exchange-rate changes on cash held in other
     * currencies (IPSAS 2), realised on a transfer or not, and not a cash flow.
     */
    BigDecimal cashRevalued(LocalDate from, LocalDate to) {
        var reversed = JOURNAL_ENTRY.as("reversed");
        List<String> revaluations = List.of(EntryType.REVALUATION.name(), EntryType.REVALUATION_ADJUSTMENT.name(),
                EntryType.BANK_TRANSFER.name());
        return db.select(DSL.coalesce(DSL.sum(JOURNAL_LINE.AMOUNT_USD), ZERO)).from(JOURNAL_LINE)
                .join(JOURNAL_ENTRY).on(JOURNAL_ENTRY.ID.eq(JOURNAL_LINE.ENTRY_ID))
                .leftJoin(reversed).on(reversed.ID.eq(JOURNAL_ENTRY.REVERSES_ID))
                .join(ACCOUNT).on(ACCOUNT.ID.eq(JOURNAL_LINE.ACCOUNT_ID))
                .where(ACCOUNT.CODE.in(chart.bankAccounts().stream().map(Account::code).toList()))
                .and(DSL.coalesce(reversed.TYPE, JOURNAL_ENTRY.TYPE).in(revaluations))
                .and(JOURNAL_LINE.ENTRY_DATE.between(from, to))
                .fetchSingle().value1().setScale(2);
    }

    /**
     * Contributions receivable at the end of the date by maturity (IPSAS 1): current when the tranche
     * is due within twelve months of the date (or overdue), non-current otherwise, whichever of 1210
     * or 1220 carries it; a line without a tranche keeps its account's side. [current, non-current].
     */
    BigDecimal[] receivablesByMaturity(LocalDate asOf) {
        var current = DSL.coalesce(DSL.field(TRANCHE.DUE_ON.le(DSL.inline(asOf.plusMonths(12)))),
                DSL.field(ACCOUNT.CODE.eq(DSL.inline("1210"))));
        BigDecimal[] split = {ZERO, ZERO};
        db.select(current, DSL.sum(JOURNAL_LINE.AMOUNT_USD)).from(JOURNAL_LINE)
                .join(ACCOUNT).on(ACCOUNT.ID.eq(JOURNAL_LINE.ACCOUNT_ID))
                .leftJoin(TRANCHE).on(TRANCHE.AGREEMENT_ID.eq(JOURNAL_LINE.AGREEMENT_ID)).and(TRANCHE.TRANCHE_NO.eq(JOURNAL_LINE.TRANCHE_NO))
                .where(ACCOUNT.CODE.in("1210", "1220")).and(JOURNAL_LINE.ENTRY_DATE.le(asOf))
                .groupBy(current)
                .forEach(r -> split[Boolean.TRUE.equals(r.value1()) ? 0 : 1] = r.value2().setScale(2));
        return split;
    }

    /** Movement per account code from–to, debit positive, without the year-end closing entries. */
    Map<String, BigDecimal> movements(LocalDate from, LocalDate to) {
        Map<String, BigDecimal> before = balancesAt(from.minusDays(1));
        Map<String, BigDecimal> after = balancesAt(to);
        Map<String, BigDecimal> closing = closingEntries(from, to);
        Map<String, BigDecimal> movements = new HashMap<>();
        for (String code : after.keySet()) {
            movements.put(code, after.get(code).subtract(before.get(code)).subtract(closing.getOrDefault(code, ZERO)));
        }
        return movements;
    }

    /**
     * The lines of the year-end closes that the balances from–to take in, per account code (a few
     * entries a year: bounded). A year's close is in its closing period, after 31 December: the
     * balances of a day take in the closes of the years before that day's year.
     */
    Map<String, BigDecimal> closingEntries(LocalDate from, LocalDate to) {
        Map<String, BigDecimal> lines = new HashMap<>();
        db.select(ACCOUNT.CODE, DSL.sum(JOURNAL_LINE.AMOUNT_USD)).from(JOURNAL_LINE)
                .join(JOURNAL_ENTRY).on(JOURNAL_ENTRY.ID.eq(JOURNAL_LINE.ENTRY_ID))
                .join(ACCOUNT).on(ACCOUNT.ID.eq(JOURNAL_LINE.ACCOUNT_ID))
                .where(JOURNAL_ENTRY.TYPE.eq(EntryType.YEAR_END_CLOSE.name()))
                .and(JOURNAL_ENTRY.PERIOD_ID.mod(100).eq(13).and(JOURNAL_ENTRY.ENTRY_DATE.between(
                                LocalDate.of(from.minusDays(1).getYear(), 12, 31), LocalDate.of(to.getYear() - 1, 12, 31)))
                        // a close posted before closing periods existed is in December itself
                        .or(JOURNAL_ENTRY.PERIOD_ID.mod(100).ne(13).and(JOURNAL_ENTRY.ENTRY_DATE.between(from, to))))
                .groupBy(ACCOUNT.CODE)
                .forEach(r -> lines.put(r.value1(), r.value2()));
        return lines;
    }

    /** FINAL when every period from–to that holds entries, and the last one, is closed. */
    String status(LocalDate from, LocalDate to) {
        int first = Periods.idOf(from);
        int last = Periods.idOf(to);
        boolean open = db.fetchExists(FISCAL_PERIOD, FISCAL_PERIOD.ID.between(first, last)
                .and(FISCAL_PERIOD.STATUS.eq("OPEN"))
                .and(FISCAL_PERIOD.ID.eq(last).or(DSL.exists(DSL.selectOne().from(JOURNAL_ENTRY)
                        .where(JOURNAL_ENTRY.PERIOD_ID.eq(FISCAL_PERIOD.ID))))));
        return open ? "PROVISIONAL" : "FINAL";
    }

    /** The last entry the figures include: the highest id dated up to the end. */
    @Nullable Long lastEntry(LocalDate to) {
        // the year's close is dated 31 December but comes after it (R22): a statement to that day leaves it out
        return db.select(DSL.max(JOURNAL_ENTRY.ID)).from(JOURNAL_ENTRY).where(JOURNAL_ENTRY.ENTRY_DATE.le(to))
                .and(JOURNAL_ENTRY.PERIOD_ID.ne(Periods.closingPeriodOf(to.getYear()))).fetchSingle().value1();
    }

    /** The trial-balance hash stored when the last period of the statement was closed. */
    @Nullable String closedHash(LocalDate to) {
        return db.select(FISCAL_PERIOD.TRIAL_BALANCE_HASH).from(FISCAL_PERIOD)
                .where(FISCAL_PERIOD.ID.eq(Periods.idOf(to))).and(FISCAL_PERIOD.STATUS.eq("CLOSED"))
                .fetchOne(FISCAL_PERIOD.TRIAL_BALANCE_HASH);
    }

    String fund() {
        return db.select(FUND.NAME).from(FUND).fetchSingle(FUND.NAME);
    }

    StatementTable table(String statement, String title, StatementRequest request, List<String> columns,
                         List<StatementTable.Row> rows) {
        return new StatementTable(statement, title, fund(), request.from(), request.to(),
                status(request.from(), request.to()), lastEntry(request.to()), closedHash(request.to()), columns, rows);
    }

    static BigDecimal sum(Map<String, BigDecimal> values, String... codes) {
        BigDecimal total = ZERO;
        for (String code : codes) {
            total = total.add(values.getOrDefault(code, ZERO));
        }
        return total;
    }

}
