package org.unaoc.trustfund.ledger;

import static org.unaoc.trustfund.db.Tables.FISCAL_PERIOD;
import static org.unaoc.trustfund.db.Tables.YEAR_END_CLOSING;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jooq.DSLContext;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.unaoc.trustfund.system.Problem;

/**
 * The year-end close: the year's revenue and expenses are closed into the accumulated surplus
 * (3100) by one entry on 31 December, then every month of the year is closed. The statements of
 * the year leave that entry out of the surplus and come out the same forever after.
 */
@Service
public class YearEndClose {

    static final String ACCUMULATED_SURPLUS = "3100";

    private final DSLContext db;
    private final ChartOfAccounts chart;
    private final TrialBalances trialBalances;
    private final Journal journal;
    private final Periods periods;

    YearEndClose(DSLContext db, ChartOfAccounts chart, TrialBalances trialBalances, Journal journal, Periods periods) {
        this.db = db;
        this.chart = chart;
        this.trialBalances = trialBalances;
        this.journal = journal;
        this.periods = periods;
    }

    public record Closed(int year, @Nullable Long entry, BigDecimal surplus, List<Periods.Period> periods) {
    }

    @Transactional
    public Closed close(int year, String user) {
        if (year < 2000 || year > 2099) {
            throw Problem.invalidField("year", year + " is outside the books");
        }
        // the books' closing lock first: the close posts (which takes it shared) and then closes months
        org.unaoc.trustfund.system.AdvisoryLocks.hold(db, org.unaoc.trustfund.system.AdvisoryLocks.PERIOD, 0);
        if (db.fetchExists(YEAR_END_CLOSING, YEAR_END_CLOSING.YEAR.eq(year))) {
            throw Problem.conflict("year-closed", "Year already closed", "The year " + year + " is already closed.");
        }
        LocalDate end = LocalDate.of(year, 12, 31);
        Map<Integer, TrialBalances.Movement> before = trialBalances.cumulative(LocalDate.of(year - 1, 12, 31));
        Map<Integer, TrialBalances.Movement> after = trialBalances.cumulative(end);
        List<NewLine> lines = new ArrayList<>();
        BigDecimal surplus = BigDecimal.ZERO;
        for (Account account : chart.all()) {
            if (account.type() != AccountType.REVENUE && account.type() != AccountType.EXPENSE) {
                continue;
            }
            BigDecimal net = net(after.get(account.id())).subtract(net(before.get(account.id())));
            if (net.signum() != 0) {
                lines.add(new NewLine(account.code(), net.negate(), null, null, null, Dimensions.NONE));
                surplus = surplus.subtract(net);
            }
        }
        Long entry = null;
        if (!lines.isEmpty()) {
            if (surplus.signum() != 0) {
                lines.add(new NewLine(ACCUMULATED_SURPLUS, surplus.negate(), null, null, null, Dimensions.NONE));
            }
            entry = journal.post(new NewEntry(end, EntryType.YEAR_END_CLOSE, "Year-end close " + year
                    + ": revenue and expenses into the accumulated surplus", lines, null, user, null, null));
        }
        db.insertInto(YEAR_END_CLOSING).set(YEAR_END_CLOSING.YEAR, year).set(YEAR_END_CLOSING.ENTRY_ID, entry)
                .set(YEAR_END_CLOSING.CLOSED_BY, user).execute();
        List<Periods.Period> closed = new ArrayList<>();
        for (int month = 1; month <= 12; month++) {
            YearMonth period = YearMonth.of(year, month);
            String status = db.select(FISCAL_PERIOD.STATUS).from(FISCAL_PERIOD).where(FISCAL_PERIOD.ID.eq(Periods.idOf(period)))
                    .fetchSingle(FISCAL_PERIOD.STATUS);
            closed.add("OPEN".equals(status) ? periods.close(period, user) : periods.get(period));
        }
        return new Closed(year, entry, surplus, closed);
    }

    private static BigDecimal net(TrialBalances.@Nullable Movement movement) {
        return movement == null ? BigDecimal.ZERO : movement.net();
    }
}
