package org.unaoc.trustfund.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.UUID;
import org.jooq.Record;
import org.jooq.Result;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.unaoc.trustfund.db.Tables;
import org.unaoc.trustfund.support.Api;
import org.unaoc.trustfund.support.ApiTest;

/**
 * Issue #18 item 6: every refusal (401, 403, 405, CSRF, locked) is in the audit log with who and
 * from where, once; identical refusals of nobody in particular count on one row a minute; the log
 * filters and pages in SQL, and the count of repeats is the only thing of a row that can change.
 */
class RefusalAuditTest extends ApiTest {

    private long last;

    @BeforeEach
    void lastRow() {
        last = db.select(DSL.coalesce(DSL.max(Tables.AUDIT_LOG.ID), 0L)).from(Tables.AUDIT_LOG).fetchSingle().value1();
    }

    private Result<Record> since(String path) {
        return db.select().from(Tables.AUDIT_LOG).where(Tables.AUDIT_LOG.ID.gt(last))
                .and(Tables.AUDIT_LOG.PATH.eq(path)).orderBy(Tables.AUDIT_LOG.ID).fetch();
    }

    @Test
    void a_head_request_refused_to_a_donor_is_in_the_log_under_its_name() {
        Api.Response refused = api().send(api().request("qatar", "/api/audit-log").HEAD().build());
        assertThat(refused.status()).as("HEAD is decided as GET: the donor may not read the auditors' log").isEqualTo(403);
        Result<Record> rows = since("/api/audit-log");
        assertThat(rows).hasSize(1);
        Record row = rows.getFirst();
        assertThat(row.get(Tables.AUDIT_LOG.ACTOR)).isEqualTo("qatar");
        assertThat(row.get(Tables.AUDIT_LOG.METHOD)).isEqualTo("HEAD");
        assertThat(row.get(Tables.AUDIT_LOG.STATUS)).isEqualTo(403);
        assertThat(row.get(Tables.AUDIT_LOG.OUTCOME)).isEqualTo("REFUSED");
        assertThat(row.get(Tables.AUDIT_LOG.DETAIL)).isEqualTo("role does not allow it");
        assertThat(row.get(Tables.AUDIT_LOG.ADDRESS)).isEqualTo("127.0.0.1");
    }

    @Test
    void a_method_not_allowed_is_in_the_log() {
        assertThat(api().send(api().request("finance", "/api/fund").DELETE().build()).status()).isEqualTo(405);
        assertThat(since("/api/fund")).singleElement().satisfies(row -> {
            assertThat(row.get(Tables.AUDIT_LOG.ACTOR)).isEqualTo("finance");
            assertThat(row.get(Tables.AUDIT_LOG.STATUS)).isEqualTo(405);
            assertThat(row.get(Tables.AUDIT_LOG.DETAIL)).isEqualTo("method not allowed");
        });
    }

    @Test
    void fifty_identical_anonymous_requests_count_on_one_row_a_minute() {
        String path = "/api/accounts/F" + UUID.randomUUID().toString().substring(0, 8) + "/entries";
        for (int i = 0; i < 50; i++) {
            // a query that changes each time makes no new row: nobody's refusals are kept without it
            assertThat(api().get(null, path + "?n=" + i).status()).isEqualTo(401);
        }
        Result<Record> rows = since(path);
        assertThat(rows).as("one row, two if a minute ended meanwhile").hasSizeBetween(1, 2);
        assertThat(rows.stream().mapToInt(row -> row.get(Tables.AUDIT_LOG.REPEATS)).sum()).isEqualTo(50);
        assertThat(rows).allSatisfy(row -> {
            assertThat(row.get(Tables.AUDIT_LOG.ACTOR)).isEqualTo("anonymous");
            assertThat(row.get(Tables.AUDIT_LOG.STATUS)).isEqualTo(401);
            assertThat(row.get(Tables.AUDIT_LOG.DETAIL)).isEqualTo("unauthenticated");
        });
        // a logged-in user's refusals are each a row of their own
        for (int i = 0; i < 3; i++) {
            assertThat(api().get("qatar", path).status()).isEqualTo(403);
        }
        // a logged-in user's refusal keeps its query
        assertThat(since(path)).filteredOn(row -> "qatar".equals(row.get(Tables.AUDIT_LOG.ACTOR))).hasSize(3)
                .allSatisfy(row -> assertThat(row.get(Tables.AUDIT_LOG.REPEATS)).isEqualTo(1));
    }

    @Test
    void a_form_without_its_csrf_token_is_in_the_log_as_such() throws Exception {
        HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
        URI receipts = URI.create("http://localhost:" + port + "/receipts");
        HttpResponse<String> forged = browser.send(HttpRequest.newBuilder(receipts)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("amount=10.00")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(forged.statusCode()).isEqualTo(403);
        assertThat(since("/receipts")).singleElement().satisfies(row -> {
            assertThat(row.get(Tables.AUDIT_LOG.STATUS)).isEqualTo(403);
            assertThat(row.get(Tables.AUDIT_LOG.DETAIL)).isEqualTo("CSRF token missing or wrong");
        });
    }

    @Test
    void a_locked_login_is_one_row_naming_the_lock() {
        String name = "locked" + UUID.randomUUID().toString().substring(0, 8);
        for (int i = 0; i < LoginFailures.LOCK_AFTER; i++) {
            basic(name, "wrong");
        }
        Api.Response locked = basic(name, "wrong");
        assertThat(locked.status()).isEqualTo(401);
        assertThat(locked.body().get("type").asString()).isEqualTo("/problems/account-locked");
        var rows = db.selectFrom(Tables.AUDIT_LOG).where(Tables.AUDIT_LOG.ID.gt(last)).and(Tables.AUDIT_LOG.ACTOR.eq(name))
                .orderBy(Tables.AUDIT_LOG.ID).fetch();
        assertThat(rows).allSatisfy(r -> assertThat(r.getAction()).isEqualTo("LOGIN"));
        assertThat(rows.stream().filter(r -> r.getDetail().equals("BadCredentialsException")).mapToInt(r -> r.getRepeats()).sum())
                .as("the five failures, on one row (two if a minute ended meanwhile)").isEqualTo(LoginFailures.LOCK_AFTER);
        assertThat(rows.getLast().getDetail()).isEqualTo("LockedException");
        assertThat(rows.getLast().getRepeats()).isEqualTo(1);
        assertThat(since("/api/fund")).as("no second row for the same refusal").isEmpty();
    }

    @Test
    void the_log_pages_in_sql_and_says_the_total() {
        String actor = "pager" + UUID.randomUUID().toString().substring(0, 8);
        AuditLog log = new AuditLog(db);
        for (int i = 0; i < 7; i++) {
            log.record(actor, "10.0.0." + i, "READ", "GET", "/api/fund?n=" + i, 200, "DONE", null);
        }
        Api.Response first = api().get("auditor", "/api/audit-log?actor=" + actor + "&size=3");
        assertThat(first.header("X-Total-Count")).isEqualTo("7");
        assertThat(first.body().valueStream().map(e -> e.get("path").asString()).toList())
                .containsExactly("/api/fund?n=6", "/api/fund?n=5", "/api/fund?n=4");
        assertThat(first.header("Link")).contains("page=2").contains("rel=\"next\"");
        Api.Response third = api().get("auditor", "/api/audit-log?actor=" + actor + "&size=3&page=3");
        assertThat(third.body().valueStream().map(e -> e.get("path").asString()).toList()).containsExactly("/api/fund?n=0");
        assertThat(third.header("Link")).isNull();
        for (String nonsense : List.of("to=%2B999999999-12-31", "actor=%00")) {
            Api.Response refused = api().get("auditor", "/api/audit-log?" + nonsense);
            assertThat(refused.status()).as(nonsense + ": " + refused.text()).isEqualTo(422);
        }
        Api.Response tooMany = api().get("auditor", "/api/audit-log?size=100000");
        assertThat(tooMany.status()).isEqualTo(422);
        assertThat(tooMany.body().get("field").asString()).isEqualTo("size");
    }

    @Test
    void only_the_count_of_repeats_of_a_row_can_change() {
        AuditLog log = new AuditLog(db);
        String path = "/api/repeat-" + UUID.randomUUID();
        log.recordRepeatable("anonymous", "10.9.9.9", "READ", "GET", path, 401, "REFUSED", "unauthenticated");
        log.recordRepeatable("anonymous", "10.9.9.9", "READ", "GET", path, 401, "REFUSED", "unauthenticated");
        assertThat(since(path)).singleElement().satisfies(row -> assertThat(row.get(Tables.AUDIT_LOG.REPEATS)).isEqualTo(2));
        List<String> refused = List.of(
                "UPDATE audit_log SET repeats = repeats + 5 WHERE path = '" + path + "'",
                "UPDATE audit_log SET repeats = repeats + 1 WHERE repeat_key IS NULL AND id = (SELECT max(id) FROM audit_log WHERE repeat_key IS NULL)",
                "UPDATE audit_log SET actor = 'nobody' WHERE path = '" + path + "'",
                "DELETE FROM audit_log WHERE path = '" + path + "'");
        for (String sql : refused) {
            assertThatThrownBy(() -> db.execute(sql)).as(sql).rootCause()
                    .satisfies(e -> assertThat(((java.sql.SQLException) e).getSQLState()).isIn("TF003", "42501"));
        }
        assertThat(since(path)).singleElement().satisfies(row -> assertThat(row.get(Tables.AUDIT_LOG.REPEATS)).isEqualTo(2));
    }

    private Api.Response basic(String user, String password) {
        return api().send(api().request(null, "/api/fund").header("Authorization", "Basic "
                + java.util.Base64.getEncoder().encodeToString((user + ":" + password).getBytes())).GET().build());
    }
}
