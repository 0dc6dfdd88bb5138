package org.unaoc.trustfund.spending;

import static org.unaoc.trustfund.db.Tables.EXPENDITURE;
import static org.unaoc.trustfund.db.Tables.JOURNAL_ENTRY;
import static org.unaoc.trustfund.db.Tables.OBLIGATION;
import static org.unaoc.trustfund.db.Tables.OBLIGATION_ADJUSTMENT;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.unaoc.trustfund.ledger.EntriesPosted;

/**
 * Keeps what each expenditure liquidates (and each final liquidation releases) as date order gives
 * it (R16, R21): restated from the obligation's history whenever an expenditure naming it, a
 * reversal of one, or an adjustment is recorded, whatever their dates. Only the sub-ledger moves:
 * the journal does not carry obligations, and every restated row is dated after the event that
 * caused it, in an open period.
 */
@Service
class Liquidations {

    /** Final liquidations recorded before 2 December 2026 as adjustments; their release is on the expenditure now (V018). */
    static final String FINAL = "FINAL_LIQUIDATION";

    private final DSLContext db;

    Liquidations(DSLContext db) {
        this.db = db;
    }

    /** The obligation's history as the books hold it. */
    record History(BigDecimal committed, List<Liquidation.Change> changes, List<Liquidation.Spent> spent) {

        Liquidation.Outcome replay() {
            return Liquidation.replay(committed, changes, spent);
        }

        /** The same history with one more expenditure, recorded now. */
        History with(Liquidation.Spent more) {
            List<Liquidation.Spent> all = new ArrayList<>(spent);
            all.add(more);
            return new History(committed, changes, all);
        }
    }

    History of(long obligation) {
        BigDecimal committed = db.select(OBLIGATION.AMOUNT).from(OBLIGATION).where(OBLIGATION.ID.eq(obligation))
                .fetchSingle(OBLIGATION.AMOUNT);
        List<Liquidation.Change> changes = db.selectFrom(OBLIGATION_ADJUSTMENT)
                .where(OBLIGATION_ADJUSTMENT.OBLIGATION_ID.eq(obligation)).and(OBLIGATION_ADJUSTMENT.KIND.ne(FINAL))
                .fetch(a -> new Liquidation.Change(a.getId(), a.getKind(), a.getAdjustedOn(), a.getCreatedAt().toInstant(),
                        a.getAmount()));
        var entry = JOURNAL_ENTRY.as("entry");
        var reversal = JOURNAL_ENTRY.as("reversal");
        List<Liquidation.Spent> spent = db.select(EXPENDITURE.ID, EXPENDITURE.SPENT_ON, entry.POSTED_AT, EXPENDITURE.AMOUNT,
                        EXPENDITURE.RELEASES_THE_REST, reversal.ENTRY_DATE, reversal.POSTED_AT)
                .from(EXPENDITURE).join(entry).on(entry.ID.eq(EXPENDITURE.ENTRY_ID))
                .leftJoin(reversal).on(reversal.REVERSES_ID.eq(EXPENDITURE.ENTRY_ID))
                .where(EXPENDITURE.OBLIGATION_ID.eq(obligation))
                .fetch(r -> new Liquidation.Spent(r.value1(), r.value2(), r.value3().toInstant(), r.value4(), r.value5(),
                        r.value6(), r.value7() == null ? null : r.value7().toInstant()));
        return new History(committed, changes, spent);
    }

    /** An expenditure not yet recorded, as the history will hold it: last of its day. */
    static Liquidation.Spent candidate(java.time.LocalDate on, BigDecimal amount, boolean releasesTheRest) {
        return new Liquidation.Spent(-1, on, Instant.MAX, amount, releasesTheRest, null, null);
    }

    /** Writes what date order gives onto the obligation's expenditures: what each liquidates and, if final, releases. */
    void restate(long obligation) {
        Liquidation.Outcome outcome = of(obligation).replay();
        outcome.liquidated().forEach((expenditure, liquidated) -> {
            BigDecimal released = outcome.released().getOrDefault(expenditure, BigDecimal.ZERO.setScale(2));
            db.update(EXPENDITURE).set(EXPENDITURE.LIQUIDATED, liquidated).set(EXPENDITURE.RELEASED, released)
                    .where(EXPENDITURE.ID.eq(expenditure))
                    .and(EXPENDITURE.LIQUIDATED.ne(liquidated).or(EXPENDITURE.RELEASED.ne(released))).execute();
        });
    }

    /** A reversal of an expenditure that liquidated an obligation gives the obligation back to the later ones. */
    @EventListener
    void posted(EntriesPosted posted) {
        if (posted.entries().isEmpty()) {
            return;
        }
        var reversal = JOURNAL_ENTRY.as("reversal");
        db.selectDistinct(EXPENDITURE.OBLIGATION_ID).from(EXPENDITURE).join(reversal).on(reversal.REVERSES_ID.eq(EXPENDITURE.ENTRY_ID))
                .where(reversal.ID.eq(DSL.any(DSL.val(posted.entries().toArray(Long[]::new)))))
                .and(EXPENDITURE.OBLIGATION_ID.isNotNull())
                .fetch(EXPENDITURE.OBLIGATION_ID).forEach(this::restate);
    }
}
