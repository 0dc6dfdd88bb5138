package org.unaoc.trustfund.contributions;

import org.jooq.DSLContext;

/** R7 for tests of other features. */
public final class R7 {

    private R7() {
    }

    public static void holds(DSLContext db, long agreement) {
        Books.r7Holds(db, agreement);
    }
}
