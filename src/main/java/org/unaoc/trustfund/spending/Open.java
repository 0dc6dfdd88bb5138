package org.unaoc.trustfund.spending;

import static org.unaoc.trustfund.db.Tables.EXPENDITURE;
import static org.unaoc.trustfund.db.Tables.OBLIGATION;
import static org.unaoc.trustfund.db.Tables.OBLIGATION_ADJUSTMENT;

import java.math.BigDecimal;
import java.time.LocalDate;
import org.jooq.Field;
import org.jooq.impl.DSL;

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

    /**
     * The adjustments of the obligation dated by the day, less what its final liquidations standing
     * by then released (restated in date order on the expenditure, R21).
     */
    static Field<BigDecimal> adjustedBy(Field<LocalDate> day) {
        Field<BigDecimal> adjusted = DSL.field(DSL.select(DSL.coalesce(DSL.sum(OBLIGATION_ADJUSTMENT.AMOUNT), BigDecimal.ZERO))
                .from(OBLIGATION_ADJUSTMENT).where(OBLIGATION_ADJUSTMENT.OBLIGATION_ID.eq(OBLIGATION.ID))
                .and(OBLIGATION_ADJUSTMENT.ADJUSTED_ON.le(day)).and(OBLIGATION_ADJUSTMENT.KIND.ne(Liquidations.FINAL)));
        Field<BigDecimal> released = DSL.field(DSL.select(DSL.coalesce(DSL.sum(EXPENDITURE.RELEASED), BigDecimal.ZERO))
                .from(EXPENDITURE).where(EXPENDITURE.OBLIGATION_ID.eq(OBLIGATION.ID)).and(EXPENDITURE.RELEASES_THE_REST)
                .and(Spent.by(day)));
        return adjusted.minus(released);
    }
}
