package org.unaoc.trustfund.spending;

import static org.unaoc.trustfund.db.Tables.EXPENDITURE;
import static org.unaoc.trustfund.db.Tables.JOURNAL_ENTRY;
import static org.unaoc.trustfund.db.Tables.OBLIGATION;
import static org.unaoc.trustfund.db.Tables.OBLIGATION_ADJUSTMENT;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Service;
import org.unaoc.trustfund.system.Problem;

/** Obligations as they stand: what each commits, was adjusted by and has liquidated (R11, R21). */
@Service
public class Obligations {

    private final DSLContext db;

    Obligations(DSLContext db) {
        this.db = db;
    }

    public Spending.Obligation get(long id) {
        Field<LocalDate> now = DSL.val(Open.EVER);
        return db.select(OBLIGATION.asterisk(), Spent.liquidatedBy(now).as("liquidated"), Open.adjustedBy(now).as("adjusted"))
                .from(OBLIGATION).where(OBLIGATION.ID.eq(id))
                .fetchOptional(r -> {
                    var o = r.into(OBLIGATION);
                    BigDecimal done = r.get("liquidated", BigDecimal.class).setScale(2);
                    BigDecimal adjusted = r.get("adjusted", BigDecimal.class).setScale(2);
                    return new Spending.Obligation(o.getId(), o.getComponent(), ObjectClass.valueOf(o.getObjectClass()), o.getAmount(),
                            o.getPscRate().stripTrailingZeros(), o.getObligatedOn(), o.getPayee(), o.getDescription(), adjusted,
                            done, o.getAmount().add(adjusted).subtract(done));
                })
                .orElseThrow(() -> Problem.invalidField("obligation", "obligation " + id + " does not exist"));
    }

    /**
     * What is open of the obligation on the day and stays open on every later day something
     * changed it: a liquidation or adjustment dated then may take no more, so that none recorded
     * later finds less than it took.
     */
    BigDecimal openFrom(long id, LocalDate on) {
        var reversal = JOURNAL_ENTRY.as("reversal");
        Set<LocalDate> days = new TreeSet<>(List.of(on, Open.EVER));
        days.addAll(db.select(EXPENDITURE.SPENT_ON).from(EXPENDITURE).where(EXPENDITURE.OBLIGATION_ID.eq(id))
                .and(EXPENDITURE.SPENT_ON.gt(on))
                .union(DSL.select(OBLIGATION_ADJUSTMENT.ADJUSTED_ON).from(OBLIGATION_ADJUSTMENT)
                        .where(OBLIGATION_ADJUSTMENT.OBLIGATION_ID.eq(id)).and(OBLIGATION_ADJUSTMENT.ADJUSTED_ON.gt(on)))
                .union(DSL.select(reversal.ENTRY_DATE).from(reversal).join(EXPENDITURE).on(EXPENDITURE.ENTRY_ID.eq(reversal.REVERSES_ID))
                        .where(EXPENDITURE.OBLIGATION_ID.eq(id)).and(reversal.ENTRY_DATE.gt(on)))
                .fetch(0, LocalDate.class));
        // the least open on any of those days, in one query over them
        @SuppressWarnings("unchecked")
        org.jooq.Row1<LocalDate>[] rows = days.stream().map(d -> DSL.row(DSL.val(d))).toArray(org.jooq.Row1[]::new);
        var checkpoint = DSL.values(rows).as("checkpoint", "day");
        Field<LocalDate> day = checkpoint.field("day", LocalDate.class);
        BigDecimal open = db.select(DSL.min(Open.by(day))).from(checkpoint).crossJoin(OBLIGATION)
                .where(OBLIGATION.ID.eq(id)).fetchSingle().value1();
        return open.setScale(2).max(BigDecimal.ZERO.setScale(2));
    }
}
