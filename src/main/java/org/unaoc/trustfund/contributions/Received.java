package org.unaoc.trustfund.contributions;

import static org.unaoc.trustfund.db.Tables.RECEIPT_APPLICATION;

import org.jooq.Condition;
import org.jooq.Field;
import org.jooq.impl.DSL;
import org.unaoc.trustfund.ledger.Standing;

/**
 * What counts as received on a tranche, defined once: the parts of receipts that settled it (cash,
 * bank charges within the tolerance, cash held under a condition), leaving out every part whose
 * entry has been reversed (R21: a reversed receipt reopens its tranche).
 */
public final class Received {

    private Received() {
    }

    /** Rows of receipt_application that settle a tranche and still stand. */
    public static Condition onTranches() {
        return RECEIPT_APPLICATION.KIND.in("TRANCHE", "BANK_CHARGE", "CONDITIONAL").and(standing());
    }

    /** As {@link #onTranches()} on a date: applied by then, and not reversed by an entry dated by then. */
    public static Condition onTranchesBy(java.time.LocalDate asOf) {
        return onTranchesBy(DSL.val(asOf));
    }

    /** As {@link #onTranchesBy(java.time.LocalDate)} on the date a query names (one row per date asked for). */
    public static Condition onTranchesBy(Field<java.time.LocalDate> asOf) {
        return RECEIPT_APPLICATION.KIND.in("TRANCHE", "BANK_CHARGE", "CONDITIONAL").and(RECEIPT_APPLICATION.APPLIED_ON.le(asOf))
                .and(standingBy(asOf));
    }

    /** Rows whose entry has not been reversed by an entry dated on or before the date. */
    public static Condition standingBy(java.time.LocalDate asOf) {
        return standingBy(DSL.val(asOf));
    }

    private static Condition standingBy(Field<java.time.LocalDate> asOf) {
        return Standing.entryBy(RECEIPT_APPLICATION.ENTRY_ID, asOf);
    }

    /** Rows whose entry has not been reversed. */
    public static Condition standing() {
        return Standing.entry(RECEIPT_APPLICATION.ENTRY_ID);
    }
}
