package org.unaoc.trustfund.system;

import static org.unaoc.trustfund.db.Tables.IDEMPOTENCY_KEY;

import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * Stored answers to requests made with an Idempotency-Key, scoped to the user. The key row is
 * written in the transaction that wrote the records, so both are there or neither.
 */
@Component
class IdempotencyKeys {

    private final DSLContext db;

    IdempotencyKeys(DSLContext db) {
        this.db = db;
    }

    record Stored(String requestHash, int status, @Nullable String contentType, byte[] body) {
    }

    /** Takes the key for this transaction; false when another request holds it now. */
    boolean tryHold(String user, String key) {
        return AdvisoryLocks.tryHold(db, AdvisoryLocks.IDEMPOTENCY_KEY, user + "\n" + key);
    }

    @Nullable Stored find(String user, String key) {
        return db.select(IDEMPOTENCY_KEY.REQUEST_HASH, IDEMPOTENCY_KEY.RESPONSE_STATUS, IDEMPOTENCY_KEY.RESPONSE_TYPE,
                        IDEMPOTENCY_KEY.RESPONSE_BODY)
                .from(IDEMPOTENCY_KEY)
                .where(IDEMPOTENCY_KEY.USERNAME.eq(user)).and(IDEMPOTENCY_KEY.KEY.eq(key))
                .fetchOptional(org.jooq.Records.mapping(Stored::new))
                .orElse(null);
    }

    void store(String user, String key, String method, String path, String requestHash, Stored response) {
        db.insertInto(IDEMPOTENCY_KEY)
                .set(IDEMPOTENCY_KEY.USERNAME, user)
                .set(IDEMPOTENCY_KEY.KEY, key)
                .set(IDEMPOTENCY_KEY.METHOD, method)
                .set(IDEMPOTENCY_KEY.PATH, path)
                .set(IDEMPOTENCY_KEY.REQUEST_HASH, requestHash)
                .set(IDEMPOTENCY_KEY.RESPONSE_STATUS, response.status())
                .set(IDEMPOTENCY_KEY.RESPONSE_TYPE, response.contentType())
                .set(IDEMPOTENCY_KEY.RESPONSE_BODY, response.body())
                .execute();
    }
}
