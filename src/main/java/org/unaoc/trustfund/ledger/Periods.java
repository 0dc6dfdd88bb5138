package org.unaoc.trustfund.ledger;

import static org.jooq.Records.mapping;
import static org.unaoc.trustfund.db.Tables.FISCAL_PERIOD;
import static org.unaoc.trustfund.db.Tables.JOURNAL_ENTRY;
import static org.unaoc.trustfund.db.Tables.PERIOD_EVENT;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.List;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.unaoc.trustfund.system.AdvisoryLocks;
import org.unaoc.trustfund.system.Problem;

/**
 * Monthly fiscal periods. Months close in order (R22); a closed period refuses every entry dated
 * in it or before it, and the database refuses it too. Closing holds the period's advisory lock
 * and the books' closing lock exclusively, so it waits for postings in flight.
 */
@Service
public class Periods {

    private final DSLContext db;
    private final TrialBalances trialBalances;

    Periods(DSLContext db, TrialBalances trialBalances) {
        this.db = db;
        this.trialBalances = trialBalances;
    }

    public record Period(String period, LocalDate startsOn, LocalDate endsOn, String status,
                         @Nullable OffsetDateTime closedAt, @Nullable String closedBy,
                         @Nullable String trialBalanceHash) {
    }

    public static int idOf(LocalDate date) {
        return date.getYear() * 100 + date.getMonthValue();
    }

    /** The year's closing period (R22): period 13, the one day 31 December, after December. */
    public static int closingPeriodOf(int year) {
        return year * 100 + 13;
    }

    public static int idOf(YearMonth month) {
        return month.getYear() * 100 + month.getMonthValue();
    }

    public static YearMonth parse(String text) {
        try {
            return YearMonth.parse(text);
        } catch (DateTimeParseException e) {
            throw Problem.invalidField("period", "'" + text + "' is not a month yyyy-MM");
        }
    }

    /** Refuses a date in a closed month or before one: for records a closed month's statements read, though not in the journal. */
    public void requireOpen(LocalDate date) {
        requireOpen(idOf(date));
    }

    /** A fast refusal in Java; the trigger on journal_entry has the last word. */
    void requireOpen(int period) {
        String status = db.select(FISCAL_PERIOD.STATUS).from(FISCAL_PERIOD).where(FISCAL_PERIOD.ID.eq(period))
                .fetchOne(FISCAL_PERIOD.STATUS);
        if (status == null) {
            throw Problem.invalidField("date", "the books keep periods from 2000-01 to 2099-12");
        }
        if ("CLOSED".equals(status)) {
            throw closed(period);
        }
        Integer later = db.select(DSL.min(FISCAL_PERIOD.ID)).from(FISCAL_PERIOD)
                .where(FISCAL_PERIOD.ID.gt(period)).and(FISCAL_PERIOD.STATUS.eq("CLOSED")).fetchOne(0, Integer.class);
        if (later != null) {
            throw Problem.conflict("period-closed", "Period closed", "The period " + format(later) + " is closed, and "
                    + format(period) + " is before it: an entry dated then would change the balances it closed with. "
                    + "Date the entry in an open month after the closed ones, or ask for " + format(later) + " to be reopened (the months after it reopen with it).")
                    .with("period", format(later));
        }
    }

    /**
     * The first day an entry may be dated on: the day after the last closed month (months close
     * in order, so every day from it on is open), or {@link LocalDate#MIN} when none is closed.
     */
    public LocalDate firstOpenDay() {
        Integer lastClosed = db.select(DSL.max(FISCAL_PERIOD.ID)).from(FISCAL_PERIOD)
                .where(FISCAL_PERIOD.STATUS.eq("CLOSED")).fetchOne(0, Integer.class);
        if (lastClosed == null) {
            return LocalDate.MIN;
        }
        return lastClosed % 100 == 13 ? LocalDate.of(lastClosed / 100 + 1, 1, 1)
                : LocalDate.of(lastClosed / 100, lastClosed % 100, 1).plusMonths(1);
    }

    static Problem closed(int period) {
        return Problem.conflict("period-closed", "Period closed", "The period " + format(period)
                + " is closed: no entry may be dated in it. Date the entry in an open period, or ask for the period to be reopened.")
                .with("period", format(period));
    }

    public List<Period> list(@Nullable YearMonth from, @Nullable YearMonth to) {
        YearMonth now = YearMonth.now(java.time.ZoneOffset.UTC);
        Integer firstEntry = db.select(DSL.min(JOURNAL_ENTRY.PERIOD_ID)).from(JOURNAL_ENTRY).fetchOne(0, Integer.class);
        Integer lastEntry = db.select(DSL.max(JOURNAL_ENTRY.PERIOD_ID)).from(JOURNAL_ENTRY).fetchOne(0, Integer.class);
        int low = from != null ? idOf(from) : Math.min(firstEntry == null ? idOf(now) : firstEntry, idOf(now.withMonth(1)));
        int high = to != null ? idOf(to) : Math.max(lastEntry == null ? idOf(now) : lastEntry, idOf(now));
        return db.select(FISCAL_PERIOD.ID, FISCAL_PERIOD.STARTS_ON, FISCAL_PERIOD.ENDS_ON, FISCAL_PERIOD.STATUS,
                        FISCAL_PERIOD.CLOSED_AT, FISCAL_PERIOD.CLOSED_BY, FISCAL_PERIOD.TRIAL_BALANCE_HASH)
                .from(FISCAL_PERIOD)
                .where(FISCAL_PERIOD.ID.between(low, high))
                .orderBy(FISCAL_PERIOD.ID)
                .fetch(mapping((id, starts, ends, status, closedAt, closedBy, hash) ->
                        new Period(format(id), starts, ends, status, closedAt, closedBy, hash)));
    }

    public Period get(YearMonth month) {
        return list(month, month).stream().findFirst()
                .orElseThrow(() -> Problem.notFound("Period " + month));
    }

    /** Closes the month: no entry may be dated in it afterwards. Stores the hash of its trial balance. */
    @Transactional
    public Period close(YearMonth month, String user) {
        int period = lockExclusively(month);
        String status = db.select(FISCAL_PERIOD.STATUS).from(FISCAL_PERIOD).where(FISCAL_PERIOD.ID.eq(period))
                .forUpdate().fetchOne(FISCAL_PERIOD.STATUS);
        if ("CLOSED".equals(status)) {
            throw Problem.conflict("period-already-closed", "Period already closed", "The period " + month + " is already closed.");
        }
        Integer earlier = db.select(DSL.min(FISCAL_PERIOD.ID)).from(FISCAL_PERIOD)
                .where(FISCAL_PERIOD.ID.lt(period)).and(FISCAL_PERIOD.STATUS.eq("OPEN"))
                .andExists(db.selectOne().from(JOURNAL_ENTRY).where(JOURNAL_ENTRY.PERIOD_ID.eq(FISCAL_PERIOD.ID)))
                .fetchOne(0, Integer.class);
        if (earlier != null) {
            throw Problem.conflict("period-order", "Months close in order", "The period " + format(earlier)
                    + " has entries and is still open: close it, and every month after it, before " + month + ".")
                    .with("period", format(earlier));
        }
        String hash = trialBalances.of(month.atDay(1), month.atEndOfMonth()).hash();
        db.update(FISCAL_PERIOD)
                .set(FISCAL_PERIOD.STATUS, "CLOSED")
                .set(FISCAL_PERIOD.CLOSED_AT, OffsetDateTime.now())
                .set(FISCAL_PERIOD.CLOSED_BY, user)
                .set(FISCAL_PERIOD.TRIAL_BALANCE_HASH, hash)
                .where(FISCAL_PERIOD.ID.eq(period))
                .execute();
        db.insertInto(PERIOD_EVENT).set(PERIOD_EVENT.PERIOD_ID, period).set(PERIOD_EVENT.ACTION, "CLOSE")
                .set(PERIOD_EVENT.DONE_BY, user).set(PERIOD_EVENT.TRIAL_BALANCE_HASH, hash).execute();
        return get(month);
    }

    /** Whether the period (a month, or a year's closing period) is closed. */
    public boolean isClosed(int period) {
        return "CLOSED".equals(db.select(FISCAL_PERIOD.STATUS).from(FISCAL_PERIOD).where(FISCAL_PERIOD.ID.eq(period))
                .fetchOne(FISCAL_PERIOD.STATUS));
    }

    /**
     * Closes the year's closing period once its close is posted (R22); the caller holds the books'
     * closing lock. Its hash is that of the year's trial balance the close was worked from.
     */
    void closeClosingPeriod(int year, String user) {
        int period = closingPeriodOf(year);
        AdvisoryLocks.hold(db, AdvisoryLocks.PERIOD, period);
        String hash = trialBalances.of(LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31)).hash();
        db.update(FISCAL_PERIOD).set(FISCAL_PERIOD.STATUS, "CLOSED").set(FISCAL_PERIOD.CLOSED_AT, OffsetDateTime.now())
                .set(FISCAL_PERIOD.CLOSED_BY, user).set(FISCAL_PERIOD.TRIAL_BALANCE_HASH, hash)
                .where(FISCAL_PERIOD.ID.eq(period)).execute();
        db.insertInto(PERIOD_EVENT).set(PERIOD_EVENT.PERIOD_ID, period).set(PERIOD_EVENT.ACTION, "CLOSE")
                .set(PERIOD_EVENT.DONE_BY, user).set(PERIOD_EVENT.TRIAL_BALANCE_HASH, hash).execute();
    }

    /** Checks that a reopening may be asked for: the period exists and is closed. */
    void requireClosed(YearMonth month) {
        if (!"CLOSED".equals(get(month).status())) {
            throw Problem.conflict("period-not-closed", "Period not closed", "The period " + month + " is open; only a closed period is reopened.");
        }
    }

    /**
     * Reopens a closed month and every closed month after it (R22: a later month closed with
     * balances the reopened one may change); called when a reopening request has been approved.
     */
    @Transactional
    public Period reopen(YearMonth month, String reason, String requestedBy, String approvedBy) {
        int period = lockExclusively(month);
        requireClosed(month);
        List<Integer> reopened = db.update(FISCAL_PERIOD)
                .set(FISCAL_PERIOD.STATUS, "OPEN")
                .setNull(FISCAL_PERIOD.CLOSED_AT)
                .setNull(FISCAL_PERIOD.CLOSED_BY)
                .setNull(FISCAL_PERIOD.TRIAL_BALANCE_HASH)
                .where(FISCAL_PERIOD.ID.ge(period)).and(FISCAL_PERIOD.STATUS.eq("CLOSED"))
                .returning(FISCAL_PERIOD.ID)
                .fetch(FISCAL_PERIOD.ID);
        for (int each : reopened.stream().sorted().toList()) {
            db.insertInto(PERIOD_EVENT).set(PERIOD_EVENT.PERIOD_ID, each).set(PERIOD_EVENT.ACTION, "REOPEN")
                    .set(PERIOD_EVENT.DONE_BY, requestedBy).set(PERIOD_EVENT.APPROVED_BY, approvedBy)
                    .set(PERIOD_EVENT.REASON, each == period ? reason : reason + " (reopened with " + month + ")").execute();
        }
        return get(month);
    }

    /** The month's lock, and the books' closing lock that every posting holds shared (see V007). */
    private int lockExclusively(YearMonth month) {
        int period = idOf(month);
        get(month);
        AdvisoryLocks.hold(db, AdvisoryLocks.PERIOD, 0);
        AdvisoryLocks.hold(db, AdvisoryLocks.PERIOD, period);
        return period;
    }

    static String format(int period) {
        return String.format("%04d-%02d", period / 100, period % 100);
    }
}
