package org.unaoc.trustfund.ledger;

import static org.unaoc.trustfund.db.Tables.ACCOUNT_PERIOD_BALANCE;
import static org.unaoc.trustfund.db.Tables.YEAR_END_CLOSING;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.unaoc.trustfund.system.AdvisoryLocks;
import org.unaoc.trustfund.system.Problem;

/**
 * The year-end close (R22): once December is closed, one entry in the year's closing period
 * (period 13, dated 31 December) closes the year's revenue and expenses into the accumulated
 * surplus (3100) and brings the operating reserve (3200) to what the year's plan asks for (R10),
 * from 3100; then the closing period closes. Balances of 31 December leave it out and the next
 * year opens from it. Reopening December reopens the closing period with it: adjusted and closed
 * again, the year is closed again by a further run that closes only what changed.
 */
@Service
public class YearEndClose {

    static final String ACCUMULATED_SURPLUS = "3100";
    static final String OPERATING_RESERVE = "3200";

    private final DSLContext db;
    private final ChartOfAccounts chart;
    private final Journal journal;
    private final Periods periods;
    private final OperatingReserve reserve;

    YearEndClose(DSLContext db, ChartOfAccounts chart, Journal journal, Periods periods, OperatingReserve reserve) {
        this.db = db;
        this.chart = chart;
        this.journal = journal;
        this.periods = periods;
        this.reserve = reserve;
    }

    public record Closed(int year, int run, @Nullable Long entry, BigDecimal surplus, BigDecimal reserve,
                         BigDecimal toReserve, Periods.Period december) {
    }

    @Transactional
    public Closed close(int year, String user) {
        if (year < 2000 || year > 2099) {
            throw Problem.invalidField("year", year + " is outside the books");
        }
        // the books' closing lock first: the close posts (which takes it shared) and then closes its period
        AdvisoryLocks.hold(db, AdvisoryLocks.PERIOD, 0);
        int closing = Periods.closingPeriodOf(year);
        if (periods.isClosed(closing)) {
            throw Problem.conflict("year-closed", "Year already closed", "The year " + year + " is closed. To adjust it, "
                    + "ask for December " + year + " to be reopened (its closing period reopens with it), post the "
                    + "adjustments, close December again and run the year-end close again.").with("year", year);
        }
        if (!periods.isClosed(Periods.idOf(LocalDate.of(year, 12, 1)))) {
            throw Problem.conflict("december-open", "December is open", "December " + year + " is open: close the months of "
                    + year + " in order, December last, then run the year-end close.")
                    .with("period", year + "-12");
        }
        Map<Integer, BigDecimal> ofTheYear = new HashMap<>();
        db.select(ACCOUNT_PERIOD_BALANCE.ACCOUNT_ID, DSL.sum(ACCOUNT_PERIOD_BALANCE.DEBIT_USD.minus(ACCOUNT_PERIOD_BALANCE.CREDIT_USD)))
                .from(ACCOUNT_PERIOD_BALANCE)
                .where(ACCOUNT_PERIOD_BALANCE.PERIOD_ID.between(year * 100 + 1, closing))
                .groupBy(ACCOUNT_PERIOD_BALANCE.ACCOUNT_ID)
                .forEach(r -> ofTheYear.put(r.value1(), r.value2()));
        List<NewLine> lines = new ArrayList<>();
        BigDecimal surplus = BigDecimal.ZERO.setScale(2);
        for (Account account : chart.all()) {
            if (account.type() != AccountType.REVENUE && account.type() != AccountType.EXPENSE) {
                continue;
            }
            BigDecimal net = ofTheYear.getOrDefault(account.id(), BigDecimal.ZERO);
            if (net.signum() != 0) {
                lines.add(new NewLine(account.code(), net.negate(), null, null, null, Dimensions.NONE));
                surplus = surplus.subtract(net);
            }
        }
        if (surplus.signum() != 0) {
            lines.add(new NewLine(ACCUMULATED_SURPLUS, surplus.negate(), null, null, null, Dimensions.NONE));
        }
        // 3200 after the year (credit positive) against what the plan asks for: the difference comes from 3100
        BigDecimal target = reserve.of(year);
        BigDecimal held = db.select(DSL.coalesce(DSL.sum(ACCOUNT_PERIOD_BALANCE.CREDIT_USD.minus(ACCOUNT_PERIOD_BALANCE.DEBIT_USD)),
                        BigDecimal.ZERO)).from(ACCOUNT_PERIOD_BALANCE)
                .where(ACCOUNT_PERIOD_BALANCE.ACCOUNT_ID.eq(chart.byCode(OPERATING_RESERVE).id()))
                .and(ACCOUNT_PERIOD_BALANCE.PERIOD_ID.le(closing)).fetchSingle().value1();
        BigDecimal toReserve = target.subtract(held).setScale(2);
        if (toReserve.signum() != 0) {
            lines.add(new NewLine(ACCUMULATED_SURPLUS, toReserve, null, null, null, Dimensions.NONE));
            lines.add(new NewLine(OPERATING_RESERVE, toReserve.negate(), null, null, null, Dimensions.NONE));
        }
        Long entry = null;
        if (!lines.isEmpty()) {
            entry = journal.post(new NewEntry(LocalDate.of(year, 12, 31), EntryType.YEAR_END_CLOSE, "Year-end close " + year
                    + ": revenue and expenses into the accumulated surplus, the operating reserve to " + target.toPlainString()
                    + " USD", lines, null, user, null, null));
        }
        int run = db.select(DSL.coalesce(DSL.max(YEAR_END_CLOSING.RUN), 0)).from(YEAR_END_CLOSING)
                .where(YEAR_END_CLOSING.YEAR.eq(year)).fetchSingle().value1() + 1;
        db.insertInto(YEAR_END_CLOSING).set(YEAR_END_CLOSING.YEAR, year).set(YEAR_END_CLOSING.RUN, run)
                .set(YEAR_END_CLOSING.ENTRY_ID, entry).set(YEAR_END_CLOSING.CLOSED_BY, user).execute();
        periods.closeClosingPeriod(year, user);
        return new Closed(year, run, entry, surplus, target, toReserve, periods.get(java.time.YearMonth.of(year, 12)));
    }
}
