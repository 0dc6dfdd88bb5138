package org.unaoc.trustfund.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.unaoc.trustfund.db.Tables;
import org.unaoc.trustfund.support.ApiTest;

/**
 * The pages beyond who opens which (that is {@code AccessMatrixTest}): forms without the CSRF token
 * are refused and write nothing, a form's write and its audit row go together, reads of statements
 * are audited, and pages need a login.
 */
class PageAccessTest extends ApiTest {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    record Session(HttpClient client) {
    }

    @Test
    void a_form_without_its_csrf_token_is_refused_and_writes_nothing() throws Exception {
        Session session = logIn("finance");
        int receipts = db.fetchCount(Tables.RECEIPT);
        HttpResponse<String> forged = session.client().send(HttpRequest.newBuilder(uri("/receipts"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("contributor=&amount=10.00&currency=USD&receivedOn=2050-01-01"
                        + "&bankAccount=1010&bankReference=FORGED")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(forged.statusCode()).isEqualTo(403);
        assertThat(db.fetchCount(Tables.RECEIPT)).isEqualTo(receipts);
        // and a write to the API from the browser session needs the token too
        HttpResponse<String> api = session.client().send(HttpRequest.newBuilder(uri("/api/contributors"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"code\":\"FORGED\",\"name\":\"Forged\",\"type\":\"GOVERNMENT\"}"))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(api.statusCode()).isEqualTo(403);
        assertThat(db.fetchCount(Tables.CONTRIBUTOR, Tables.CONTRIBUTOR.CODE.eq("FORGED"))).isZero();
        // credentials of another kind do not lift the CSRF check off the session: the request is judged by them alone
        HttpResponse<String> bearer = session.client().send(HttpRequest.newBuilder(uri("/api/contributors"))
                .header("Content-Type", "application/json").header("Authorization", "Bearer not-a-token")
                .header("Idempotency-Key", java.util.UUID.randomUUID().toString())
                .POST(HttpRequest.BodyPublishers.ofString("{\"code\":\"FORGED\",\"name\":\"Forged\",\"type\":\"FOUNDATION\"}"))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(bearer.statusCode()).isEqualTo(401);
        HttpResponse<String> wrongBasic = session.client().send(HttpRequest.newBuilder(uri("/api/contributors"))
                .header("Content-Type", "application/json").header("Authorization", "Basic "
                        + java.util.Base64.getEncoder().encodeToString("finance:wrong".getBytes(StandardCharsets.UTF_8)))
                .header("Idempotency-Key", java.util.UUID.randomUUID().toString())
                .POST(HttpRequest.BodyPublishers.ofString("{\"code\":\"FORGED\",\"name\":\"Forged\",\"type\":\"FOUNDATION\"}"))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(wrongBasic.statusCode()).isEqualTo(401);
        assertThat(db.fetchCount(Tables.CONTRIBUTOR, Tables.CONTRIBUTOR.CODE.eq("FORGED"))).isZero();
    }

    @Test
    void a_form_write_and_its_audit_row_are_written_together_and_a_refused_one_writes_only_its_refusal() throws Exception {
        Session session = logIn("finance");
        String form = get(session, "/agreements/contributors/new").body();
        Matcher token = CSRF.matcher(form);
        assertThat(token.find()).isTrue();
        String csrf = URLEncoder.encode(token.group(1), StandardCharsets.UTF_8);
        long lastAudit = db.select(org.jooq.impl.DSL.coalesce(org.jooq.impl.DSL.max(Tables.AUDIT_LOG.ID), 0L))
                .from(Tables.AUDIT_LOG).fetchSingle().value1();
        // a code of its own: the database may be one kept between test runs
        String code = "WEB-" + Long.toString(System.nanoTime() % 1_000_000_000L, 36).toUpperCase(java.util.Locale.ROOT);

        HttpResponse<String> refused = post(session, "/agreements/contributors", "code=" + code.toLowerCase(java.util.Locale.ROOT)
                + "&name=&type=GOVERNMENT&_csrf=" + csrf);
        assertThat(refused.statusCode()).isEqualTo(422);
        assertThat(refused.body()).contains("field-error").contains("value=\"" + code.toLowerCase(java.util.Locale.ROOT) + "\""); // as typed
        assertThat(db.fetchCount(Tables.CONTRIBUTOR, Tables.CONTRIBUTOR.CODE.eq(code))).isZero();

        HttpResponse<String> added = post(session, "/agreements/contributors", "code=" + code + "&name=Added+from+the+page"
                + "&type=FOUNDATION&_csrf=" + csrf);
        assertThat(added.statusCode()).isEqualTo(302);
        assertThat(db.fetchCount(Tables.CONTRIBUTOR, Tables.CONTRIBUTOR.CODE.eq(code))).isOne();
        var rows = db.selectFrom(Tables.AUDIT_LOG).where(Tables.AUDIT_LOG.ID.gt(lastAudit))
                .and(Tables.AUDIT_LOG.PATH.eq("/agreements/contributors")).orderBy(Tables.AUDIT_LOG.ID).fetch();
        assertThat(rows).extracting(r -> r.getActor() + " " + r.getOutcome() + " " + r.getStatus())
                .containsExactly("finance REFUSED 422", "finance DONE 302");
    }

    @Test
    void the_pages_that_show_statements_are_in_the_audit_log_as_reads() throws Exception {
        Session session = logIn("qatar");
        long before = db.fetchCount(Tables.AUDIT_LOG, Tables.AUDIT_LOG.ACTOR.eq("qatar").and(Tables.AUDIT_LOG.ACTION.eq("READ")));
        assertThat(get(session, "/pledge-status").statusCode()).isEqualTo(200);
        assertThat(get(session, "/statements?name=funding-status").statusCode()).isEqualTo(200);
        var reads = db.selectFrom(Tables.AUDIT_LOG).where(Tables.AUDIT_LOG.ACTOR.eq("qatar"))
                .and(Tables.AUDIT_LOG.ACTION.eq("READ")).orderBy(Tables.AUDIT_LOG.ID.desc()).limit(2).fetch();
        assertThat(db.fetchCount(Tables.AUDIT_LOG, Tables.AUDIT_LOG.ACTOR.eq("qatar").and(Tables.AUDIT_LOG.ACTION.eq("READ"))))
                .isEqualTo(before + 2);
        assertThat(reads).extracting(r -> r.getPath()).containsExactly("/statements?name=funding-status", "/pledge-status");
    }

    @Test
    void pages_need_a_login_and_a_wrong_password_is_refused() throws Exception {
        HttpClient anonymous = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
        HttpResponse<String> home = anonymous.send(HttpRequest.newBuilder(uri("/finance")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(home.statusCode()).isEqualTo(302);
        assertThat(home.headers().firstValue("Location").orElseThrow()).endsWith("/login");
        HttpResponse<String> refused = postLogin(anonymous, "finance2", "wrong");
        assertThat(refused.headers().firstValue("Location").orElseThrow()).endsWith("/login?failed&username=finance2");
    }

    private Session logIn(String user) throws IOException, InterruptedException {
        HttpClient client = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
        HttpResponse<String> done = postLogin(client, user, "demo");
        assertThat(done.headers().firstValue("Location").orElseThrow()).as("login of " + user).doesNotContain("failed");
        return new Session(client);
    }

    private HttpResponse<String> postLogin(HttpClient client, String user, String password) throws IOException, InterruptedException {
        String form = client.send(HttpRequest.newBuilder(uri("/login")).build(), HttpResponse.BodyHandlers.ofString()).body();
        Matcher token = CSRF.matcher(form);
        assertThat(token.find()).as("the login form carries a CSRF token").isTrue();
        String body = "username=" + user + "&password=" + URLEncoder.encode(password, StandardCharsets.UTF_8)
                + "&_csrf=" + URLEncoder.encode(token.group(1), StandardCharsets.UTF_8);
        return client.send(HttpRequest.newBuilder(uri("/login")).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> get(Session session, String path) throws IOException, InterruptedException {
        return session.client().send(HttpRequest.newBuilder(uri(path)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> post(Session session, String path, String form) throws IOException, InterruptedException {
        return session.client().send(HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }
}
