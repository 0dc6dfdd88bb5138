package org.unaoc.trustfund.support;

import java.time.YearMonth;
import org.jooq.DSLContext;

/**
 * Months no other test uses, so that tests sharing the database never close each other's periods.
 * They start after the last month any earlier run used (an external test database keeps its data).
 */
public final class Months {

    private static final YearMonth FIRST = YearMonth.of(2050, 1);
    private static YearMonth next;

    private Months() {
    }

    static synchronized void startAfterUsed(DSLContext db) {
        if (next != null) {
            return;
        }
        Integer used = db.fetchSingle("SELECT max(id) FROM fiscal_period WHERE id >= 205001 AND (status = 'CLOSED' "
                + "OR EXISTS (SELECT 1 FROM journal_entry e WHERE e.period_id = fiscal_period.id) "
                + "OR EXISTS (SELECT 1 FROM approval a WHERE a.payload ->> 'date' LIKE to_char(starts_on, 'YYYY-MM') || '%'))")
                .get(0, Integer.class);
        next = used == null ? FIRST : YearMonth.of(used / 100, used % 100).plusMonths(1);
    }

    public static synchronized YearMonth fresh() {
        if (next == null) {
            next = FIRST;
        }
        if (next.getYear() > 2099) {
            throw new IllegalStateException("The test database has used every month to 2099: give the tests a fresh database");
        }
        YearMonth month = next;
        next = next.plusMonths(1);
        return month;
    }
}
