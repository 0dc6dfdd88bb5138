package org.unaoc.trustfund.spending;

import static org.unaoc.trustfund.db.Tables.EXPENDITURE;
import static org.unaoc.trustfund.db.Tables.JOURNAL_ENTRY;

import java.time.LocalDate;
import org.jooq.Condition;
import org.jooq.impl.DSL;

/**
 * Which expenditures count, defined once: those whose entry has not been reversed (R21: a reversed
 * expenditure leaves budget against actual, allotments, earmarks and the obligation it liquidated
 * as they were before it).
 */
public final class Spent {

    private Spent() {
    }

    /** Expenditure rows whose entry still stands. */
    public static Condition standing() {
        var reversal = JOURNAL_ENTRY.as("reversal");
        return DSL.notExists(DSL.selectOne().from(reversal).where(reversal.REVERSES_ID.eq(EXPENDITURE.ENTRY_ID)));
    }

    /** Expenditure rows not reversed by an entry dated on or before the date. */
    public static Condition standingBy(LocalDate asOf) {
        var reversal = JOURNAL_ENTRY.as("reversal");
        return DSL.notExists(DSL.selectOne().from(reversal).where(reversal.REVERSES_ID.eq(EXPENDITURE.ENTRY_ID))
                .and(reversal.ENTRY_DATE.le(asOf)));
    }
}
