package org.unaoc.trustfund.spending;

import static org.unaoc.trustfund.db.Tables.EXPENDITURE;
import static org.unaoc.trustfund.db.Tables.OBLIGATION;

import java.math.BigDecimal;
import java.time.LocalDate;
import org.jooq.Condition;
import org.jooq.Field;
import org.jooq.impl.DSL;
import org.unaoc.trustfund.ledger.Standing;

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
        return Standing.entry(EXPENDITURE.ENTRY_ID);
    }

    /** Expenditure rows not reversed by an entry dated on or before the date. */
    public static Condition standingBy(LocalDate asOf) {
        return standingBy(DSL.val(asOf));
    }

    /** Expenditure rows spent by the date a query names and not reversed by then (one row per date asked for). */
    public static Condition by(Field<LocalDate> asOf) {
        return EXPENDITURE.SPENT_ON.le(asOf).and(standingBy(asOf));
    }

    /** What standing expenditure has liquidated of the obligation of the enclosing query by the date. */
    static Field<BigDecimal> liquidatedBy(Field<LocalDate> asOf) {
        return DSL.field(DSL.select(DSL.coalesce(DSL.sum(EXPENDITURE.LIQUIDATED), BigDecimal.ZERO)).from(EXPENDITURE)
                .where(EXPENDITURE.OBLIGATION_ID.eq(OBLIGATION.ID)).and(by(asOf)));
    }

    private static Condition standingBy(Field<LocalDate> asOf) {
        return Standing.entryBy(EXPENDITURE.ENTRY_ID, asOf);
    }
}
