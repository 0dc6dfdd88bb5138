package org.unaoc.trustfund.ledger;

import org.jooq.DSLContext;

/** The ledger invariants, for tests of other features. */
public final class InvariantsCheck {

    private InvariantsCheck() {
    }

    public static void hold(DSLContext db, String context) {
        Invariants.hold(db, context);
    }
}
