package org.unaoc.trustfund.spending;

import static org.unaoc.trustfund.db.Tables.EXPENDITURE;
import static org.unaoc.trustfund.db.Tables.OBLIGATION;
import static org.unaoc.trustfund.db.Tables.OBLIGATION_ADJUSTMENT;

import java.math.BigDecimal;
import java.time.LocalDate;
import org.jooq.Condition;
import org.jooq.Field;
import org.jooq.impl.DSL;
import org.unaoc.trustfund.ledger.Standing;

/**
 * What an obligation still commits, defined once (R11, R21): its amount, plus the adjustments dated
 * by the day (raised, reduced, cancelled, released by a final liquidation still standing), less
 * what standing expenditure dated by the day has liquidated. For the obligation of the enclosing query.
 */
final class Open {

    /** A day after every day on the books: what is open now, every adjustment and reversal counted. */
    static final LocalDate EVER = LocalDate.of(9999, 12, 31);

    private Open() {
    }

    /** Open on the day a query names (one row per day asked for). */
    static Field<BigDecimal> by(Field<LocalDate> day) {
        return OBLIGATION.AMOUNT.plus(adjustedBy(day)).minus(Spent.liquidatedBy(day));
    }

    /** The adjustments of the obligation dated by the day, a release by a final liquidation only while it stands. */
    static Field<BigDecimal> adjustedBy(Field<LocalDate> day) {
        return DSL.field(DSL.select(DSL.coalesce(DSL.sum(OBLIGATION_ADJUSTMENT.AMOUNT), BigDecimal.ZERO))
                .from(OBLIGATION_ADJUSTMENT).where(OBLIGATION_ADJUSTMENT.OBLIGATION_ID.eq(OBLIGATION.ID))
                .and(OBLIGATION_ADJUSTMENT.ADJUSTED_ON.le(day)).and(releaseStandsBy(day)));
    }

    private static Condition releaseStandsBy(Field<LocalDate> day) {
        return OBLIGATION_ADJUSTMENT.EXPENDITURE_ID.isNull().or(DSL.exists(DSL.selectOne().from(EXPENDITURE)
                .where(EXPENDITURE.ID.eq(OBLIGATION_ADJUSTMENT.EXPENDITURE_ID))
                .and(Standing.entryBy(EXPENDITURE.ENTRY_ID, day))));
    }
}
