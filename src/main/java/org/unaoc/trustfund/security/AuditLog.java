package org.unaoc.trustfund.security;

import static org.jooq.Records.mapping;
import static org.unaoc.trustfund.db.Tables.AUDIT_LOG;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Objects;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.SortField;
import org.jooq.impl.DSL;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.unaoc.trustfund.system.Problem;
import org.unaoc.trustfund.system.Sha256;

/**
 * The audit log: append-only, read by auditors, filtered and paged in SQL. Events of nobody in
 * particular that repeat (a flood of anonymous requests, of failed logins under one name from one
 * address) are counted on one row per minute.
 */
@Service
public class AuditLog {

    public static final int MAX_PAGE = 1000;
    private static final int MAX_DETAIL = 2000;

    private final DSLContext db;
    private final Clock clock = Clock.systemUTC();

    AuditLog(DSLContext db) {
        this.db = db;
    }

    public record Event(long id, OffsetDateTime at, String actor, @Nullable String address, String action,
                        @Nullable String method, @Nullable String path, @Nullable Integer status, String outcome,
                        @Nullable String detail, int repeats) {
    }

    /** What is asked of the log: every filter optional. */
    public record Query(@Nullable LocalDate from, @Nullable LocalDate to, @Nullable String actor, @Nullable String outcome) {
    }

    /** The columns the log is sorted by; each ends on the id, so that pages never overlap. */
    public enum Order { ID, ACTOR, OUTCOME }

    /** One page of events (pages from 1) and how many the query finds in all. */
    public record Page(List<Event> events, int page, int size, long total) {
    }

    public void record(String actor, @Nullable String address, String action, @Nullable String method, @Nullable String path,
                       @Nullable Integer status, String outcome, @Nullable String detail) {
        db.insertInto(AUDIT_LOG).set(AUDIT_LOG.ACTOR, actor).set(AUDIT_LOG.ADDRESS, address).set(AUDIT_LOG.ACTION, action)
                .set(AUDIT_LOG.METHOD, method).set(AUDIT_LOG.PATH, path).set(AUDIT_LOG.STATUS, status)
                .set(AUDIT_LOG.OUTCOME, outcome).set(AUDIT_LOG.DETAIL, cut(detail)).execute();
    }

    /**
     * Records an event of nobody in particular: the first of the minute gets a row, each identical one
     * after it in the same minute adds one to that row's repeats.
     */
    public void recordRepeatable(String actor, @Nullable String address, String action, @Nullable String method,
                                 @Nullable String path, @Nullable Integer status, String outcome, @Nullable String detail) {
        String minute = clock.instant().truncatedTo(ChronoUnit.MINUTES).toString();
        // 128 bits of the event's SHA-256 name it well enough, and keep the row short
        String key = Sha256.of(String.join("\u0000", minute, actor, Objects.toString(address), action,
                Objects.toString(method), Objects.toString(path), Objects.toString(status), outcome,
                Objects.toString(cut(detail)))).substring(0, 32);
        db.insertInto(AUDIT_LOG).set(AUDIT_LOG.ACTOR, actor).set(AUDIT_LOG.ADDRESS, address).set(AUDIT_LOG.ACTION, action)
                .set(AUDIT_LOG.METHOD, method).set(AUDIT_LOG.PATH, path).set(AUDIT_LOG.STATUS, status)
                .set(AUDIT_LOG.OUTCOME, outcome).set(AUDIT_LOG.DETAIL, cut(detail)).set(AUDIT_LOG.REPEAT_KEY, key)
                .onConflict(AUDIT_LOG.REPEAT_KEY).where(AUDIT_LOG.REPEAT_KEY.isNotNull())
                .doUpdate().set(AUDIT_LOG.REPEATS, AUDIT_LOG.REPEATS.plus(1))
                .execute();
    }

    public Page page(Query query, Order order, boolean descending, int page, int size) {
        if (size < 1 || size > MAX_PAGE) {
            throw Problem.invalidField("size", "a page has 1 to " + MAX_PAGE + " events");
        }
        if (page < 1) {
            throw Problem.invalidField("page", "pages are numbered from 1");
        }
        Condition condition = condition(query);
        long total = db.fetchCount(AUDIT_LOG, condition);
        List<Event> events = db.select(AUDIT_LOG.ID, AUDIT_LOG.AT, AUDIT_LOG.ACTOR, AUDIT_LOG.ADDRESS, AUDIT_LOG.ACTION,
                        AUDIT_LOG.METHOD, AUDIT_LOG.PATH, AUDIT_LOG.STATUS, AUDIT_LOG.OUTCOME, AUDIT_LOG.DETAIL, AUDIT_LOG.REPEATS)
                .from(AUDIT_LOG).where(condition).orderBy(sort(order, descending))
                .limit(size).offset((long) (page - 1) * size)
                .fetch(mapping(Event::new));
        return new Page(events, page, size, total);
    }

    private static Condition condition(Query query) {
        Condition condition = DSL.noCondition();
        if (query.from() != null) {
            condition = condition.and(AUDIT_LOG.AT.ge(query.from().atStartOfDay().atOffset(ZoneOffset.UTC)));
        }
        if (query.to() != null) {
            condition = condition.and(AUDIT_LOG.AT.lt(query.to().plusDays(1).atStartOfDay().atOffset(ZoneOffset.UTC)));
        }
        if (query.actor() != null) {
            condition = condition.and(AUDIT_LOG.ACTOR.eq(query.actor()));
        }
        if (query.outcome() != null) {
            condition = condition.and(AUDIT_LOG.OUTCOME.eq(query.outcome()));
        }
        return condition;
    }

    private static List<SortField<?>> sort(Order order, boolean descending) {
        SortField<Long> id = descending ? AUDIT_LOG.ID.desc() : AUDIT_LOG.ID.asc();
        return switch (order) {
            case ID -> List.of(id);
            case ACTOR -> List.of(descending ? AUDIT_LOG.ACTOR.desc() : AUDIT_LOG.ACTOR.asc(), id);
            case OUTCOME -> List.of(descending ? AUDIT_LOG.OUTCOME.desc() : AUDIT_LOG.OUTCOME.asc(), id);
        };
    }

    private static @Nullable String cut(@Nullable String detail) {
        return detail == null || detail.length() <= MAX_DETAIL ? detail : detail.substring(0, MAX_DETAIL);
    }
}
