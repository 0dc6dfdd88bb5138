package org.unaoc.trustfund.security;

import static org.jooq.Records.mapping;
import static org.unaoc.trustfund.db.Tables.AUDIT_LOG;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;

/** The audit log: append-only, read by auditors. */
@Service
public class AuditLog {

    private static final int MAX_ROWS = 10_000;

    private final DSLContext db;

    AuditLog(DSLContext db) {
        this.db = db;
    }

    public record Event(long id, OffsetDateTime at, String actor, @Nullable String address, String action,
                        @Nullable String method, @Nullable String path, @Nullable Integer status, String outcome,
                        @Nullable String detail) {
    }

    public void record(String actor, @Nullable String address, String action, @Nullable String method, @Nullable String path,
                       @Nullable Integer status, String outcome, @Nullable String detail) {
        db.insertInto(AUDIT_LOG).set(AUDIT_LOG.ACTOR, actor).set(AUDIT_LOG.ADDRESS, address).set(AUDIT_LOG.ACTION, action)
                .set(AUDIT_LOG.METHOD, method).set(AUDIT_LOG.PATH, path).set(AUDIT_LOG.STATUS, status)
                .set(AUDIT_LOG.OUTCOME, outcome).set(AUDIT_LOG.DETAIL, detail == null || detail.length() <= 2000 ? detail
                        : detail.substring(0, 2000)).execute();
    }

    public List<Event> list(@Nullable LocalDate from, @Nullable LocalDate to, @Nullable String actor) {
        Condition condition = DSL.noCondition();
        if (from != null) {
            condition = condition.and(AUDIT_LOG.AT.ge(from.atStartOfDay().atOffset(ZoneOffset.UTC)));
        }
        if (to != null) {
            condition = condition.and(AUDIT_LOG.AT.lt(to.plusDays(1).atStartOfDay().atOffset(ZoneOffset.UTC)));
        }
        if (actor != null) {
            condition = condition.and(AUDIT_LOG.ACTOR.eq(actor));
        }
        return db.select(AUDIT_LOG.ID, AUDIT_LOG.AT, AUDIT_LOG.ACTOR, AUDIT_LOG.ADDRESS, AUDIT_LOG.ACTION, AUDIT_LOG.METHOD,
                        AUDIT_LOG.PATH, AUDIT_LOG.STATUS, AUDIT_LOG.OUTCOME, AUDIT_LOG.DETAIL)
                .from(AUDIT_LOG).where(condition).orderBy(AUDIT_LOG.ID.desc()).limit(MAX_ROWS)
                .fetch(mapping(Event::new));
    }
}
