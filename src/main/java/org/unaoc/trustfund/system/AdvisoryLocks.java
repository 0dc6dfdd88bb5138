package org.unaoc.trustfund.system;

import org.jooq.DSLContext;
import org.jooq.impl.DSL;

/**
 * Transaction-scoped PostgreSQL advisory locks, one class of lock per kind of thing. Held until
 * commit or rollback, so nothing is ever left locked.
 */
public final class AdvisoryLocks {

    /** A period: shared by postings (the trigger refuse_closed_period), exclusive when it closes. */
    public static final int PERIOD = 7001;
    public static final int IDEMPOTENCY_KEY = 7002;
    public static final int RECEIPT = 7003;
    public static final int BANK_ACCOUNT_STATEMENTS = 7004;
    /** Commitments against the fund's available cash, one at a time. */
    public static final int AVAILABILITY = 7005;
    /** The single writer of the integrity chain. */
    public static final int CHAIN_WRITER = 7006;
    /** One payment of an invoice at a time: two approved at the same moment cannot both pay it. */
    public static final int INVOICE = 7007;

    private AdvisoryLocks() {
    }

    /** Waits for and takes the exclusive lock on (kind, id). */
    public static void hold(DSLContext db, int kind, long id) {
        db.select(DSL.field("pg_advisory_xact_lock({0}, {1})", Object.class, DSL.inline(kind), DSL.val(fold(id)))).fetch();
    }

    /** Takes the lock if free; false when another transaction holds it. */
    public static boolean tryHold(DSLContext db, int kind, String key) {
        return Boolean.TRUE.equals(db.select(DSL.field("pg_try_advisory_xact_lock({0}, hashtext({1}))", Boolean.class,
                DSL.inline(kind), DSL.val(key))).fetchOne(0, Boolean.class));
    }

    private static int fold(long id) {
        return (int) (id ^ (id >>> 32));
    }
}
