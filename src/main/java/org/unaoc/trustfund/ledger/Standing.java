package org.unaoc.trustfund.ledger;

import static org.unaoc.trustfund.db.Tables.JOURNAL_ENTRY;

import java.time.LocalDate;
import org.jooq.Condition;
import org.jooq.Field;
import org.jooq.impl.DSL;

/**
 * Whether an entry still stands, defined once: it does until a reversal of it is posted, and on a
 * date until a reversal dated on or before that date is (R21: a sub-ledger row follows its entry).
 */
public final class Standing {

    private Standing() {
    }

    /** The entry has not been reversed. */
    public static Condition entry(Field<Long> entry) {
        var reversal = JOURNAL_ENTRY.as("reversal");
        return DSL.notExists(DSL.selectOne().from(reversal).where(reversal.REVERSES_ID.eq(entry)));
    }

    /** The entry has not been reversed by an entry dated on or before the date (a field, so one query may ask many dates). */
    public static Condition entryBy(Field<Long> entry, Field<LocalDate> asOf) {
        var reversal = JOURNAL_ENTRY.as("reversal");
        return DSL.notExists(DSL.selectOne().from(reversal).where(reversal.REVERSES_ID.eq(entry))
                .and(reversal.ENTRY_DATE.le(asOf)));
    }
}
