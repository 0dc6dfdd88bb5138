package org.unaoc.trustfund.ledger;

import static org.unaoc.trustfund.db.Tables.ACCOUNT_PERIOD_BALANCE;
import static org.unaoc.trustfund.db.Tables.FISCAL_PERIOD;
import static org.unaoc.trustfund.db.Tables.JOURNAL_LINE;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jooq.DSLContext;
import org.jooq.Record3;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.unaoc.trustfund.system.Problem;

/**
 * Trial balances from the per-period balances. Whole months never touch the lines; a from or to
 * inside a month adds that month's lines up to the day, so the work stays bounded by one month.
 */
@Service
public class TrialBalances {

    private static final BigDecimal ZERO = new BigDecimal("0.00");

    private final DSLContext db;
    private final ChartOfAccounts chart;

    TrialBalances(DSLContext db, ChartOfAccounts chart) {
        this.db = db;
        this.chart = chart;
    }

    public record Movement(BigDecimal debits, BigDecimal credits) {
        static final Movement NONE = new Movement(ZERO, ZERO);

        Movement minus(Movement earlier) {
            return new Movement(debits.subtract(earlier.debits), credits.subtract(earlier.credits));
        }

        public BigDecimal net() {
            return debits.subtract(credits);
        }
    }

    /** Read in one snapshot, so that a posting committed in between cannot tear the figures. */
    @Transactional(readOnly = true, isolation = org.springframework.transaction.annotation.Isolation.REPEATABLE_READ)
    public TrialBalance of(LocalDate from, LocalDate to) {
        if (to.isBefore(from)) {
            throw Problem.invalidField("to", to + " is before from " + from);
        }
        Map<Integer, Movement> before = cumulative(from.minusDays(1));
        Map<Integer, Movement> until = cumulative(to);
        List<TrialBalance.Row> rows = new ArrayList<>();
        BigDecimal[] totals = {ZERO, ZERO, ZERO, ZERO, ZERO, ZERO};
        for (Account account : chart.all()) {
            Movement opening = before.getOrDefault(account.id(), Movement.NONE);
            Movement closing = until.getOrDefault(account.id(), Movement.NONE);
            Movement period = closing.minus(opening);
            TrialBalance.Row row = new TrialBalance.Row(account.code(), account.name(), account.type().name(),
                    debitSide(opening.net()), creditSide(opening.net()), period.debits(), period.credits(),
                    debitSide(closing.net()), creditSide(closing.net()));
            rows.add(row);
            BigDecimal[] values = {row.openingDebit(), row.openingCredit(), row.debits(), row.credits(),
                    row.closingDebit(), row.closingCredit()};
            for (int i = 0; i < totals.length; i++) {
                totals[i] = totals[i].add(values[i]);
            }
        }
        TrialBalance.Row total = new TrialBalance.Row("TOTAL", "Total", "", totals[0], totals[1], totals[2], totals[3],
                totals[4], totals[5]);
        return new TrialBalance(from, to, anyOpenPeriod(from, to), rows, total);
    }

    /** Debits and credits per account from the start of the books through {@code date}. */
    public Map<Integer, Movement> cumulative(LocalDate date) {
        int month = Periods.idOf(date);
        boolean monthEnd = date.plusDays(1).getDayOfMonth() == 1;
        Map<Integer, Movement> movements = new HashMap<>();
        var periods = db.select(ACCOUNT_PERIOD_BALANCE.ACCOUNT_ID, DSL.sum(ACCOUNT_PERIOD_BALANCE.DEBIT_USD),
                        DSL.sum(ACCOUNT_PERIOD_BALANCE.CREDIT_USD))
                .from(ACCOUNT_PERIOD_BALANCE)
                .where(monthEnd ? ACCOUNT_PERIOD_BALANCE.PERIOD_ID.le(month) : ACCOUNT_PERIOD_BALANCE.PERIOD_ID.lt(month))
                .groupBy(ACCOUNT_PERIOD_BALANCE.ACCOUNT_ID)
                .fetch();
        add(movements, periods);
        if (!monthEnd) {
            var partialMonth = db.select(JOURNAL_LINE.ACCOUNT_ID,
                            DSL.sum(DSL.greatest(JOURNAL_LINE.AMOUNT_USD, DSL.inline(BigDecimal.ZERO))),
                            DSL.sum(DSL.greatest(JOURNAL_LINE.AMOUNT_USD.neg(), DSL.inline(BigDecimal.ZERO))))
                    .from(JOURNAL_LINE)
                    .where(JOURNAL_LINE.PERIOD_ID.eq(month)).and(JOURNAL_LINE.ENTRY_DATE.le(date))
                    .groupBy(JOURNAL_LINE.ACCOUNT_ID)
                    .fetch();
            add(movements, partialMonth);
        }
        return movements;
    }

    private static void add(Map<Integer, Movement> movements, List<? extends Record3<Integer, BigDecimal, BigDecimal>> rows) {
        for (var row : rows) {
            Movement more = new Movement(row.value2(), row.value3());
            movements.merge(row.value1(), more, (a, b) -> new Movement(a.debits.add(b.debits), a.credits.add(b.credits)));
        }
    }

    private boolean anyOpenPeriod(LocalDate from, LocalDate to) {
        return db.fetchExists(FISCAL_PERIOD, FISCAL_PERIOD.ID.between(Periods.idOf(from), Periods.idOf(to))
                .and(FISCAL_PERIOD.STATUS.eq("OPEN")));
    }

    private static BigDecimal debitSide(BigDecimal net) {
        return net.signum() > 0 ? net : ZERO;
    }

    private static BigDecimal creditSide(BigDecimal net) {
        return net.signum() < 0 ? net.negate() : ZERO;
    }
}
