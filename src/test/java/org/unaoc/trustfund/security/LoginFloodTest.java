package org.unaoc.trustfund.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.management.ManagementFactory;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.Test;
import org.unaoc.trustfund.db.Tables;
import org.unaoc.trustfund.support.ApiTest;

/**
 * Issue #18's flood: failed logins through the login form, each with a user name of a million
 * characters, leave the heap where it was and add no audit row longer than 200 bytes. {@code make
 * test} sends 300; {@code make flood} the 3,000 ({@code -Dflood.logins}).
 */
class LoginFloodTest extends ApiTest {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    private static long usedHeapAfterGc() throws InterruptedException {
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(100);
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    @Test
    void failed_logins_with_names_of_a_million_characters_keep_nothing_of_them() throws Exception {
        HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
        URI login = URI.create("http://localhost:" + port + "/login");
        Matcher token = CSRF.matcher(browser.send(HttpRequest.newBuilder(login).build(), HttpResponse.BodyHandlers.ofString()).body());
        assertThat(token.find()).isTrue();
        String form = "username=" + "m".repeat(1_000_000) + "&password=guess&_csrf=" + URLEncoder.encode(token.group(1), StandardCharsets.UTF_8);
        long lastAudit = db.select(DSL.coalesce(DSL.max(Tables.AUDIT_LOG.ID), 0L)).from(Tables.AUDIT_LOG).fetchSingle().value1();
        long heap = usedHeapAfterGc();

        int logins = Integer.getInteger("flood.logins", 300);
        for (int i = 0; i < logins; i++) {
            HttpResponse<Void> refused = browser.send(HttpRequest.newBuilder(login)
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.discarding());
            assertThat(refused.statusCode()).isEqualTo(302);
            assertThat(refused.headers().firstValue("Location").orElseThrow()).as("the name is not sent back").endsWith("/login?failed");
        }

        long grown = usedHeapAfterGc() - heap;
        assertThat(grown).as("heap grown by " + logins + " floods of 1 MB").isLessThan(32L * 1024 * 1024);
        var rows = db.select(DSL.field("pg_column_size(audit_log.*)", Integer.class), Tables.AUDIT_LOG.ACTOR)
                .from(Tables.AUDIT_LOG).where(Tables.AUDIT_LOG.ID.gt(lastAudit)).and(Tables.AUDIT_LOG.ACTION.eq("LOGIN")).fetch();
        assertThat(rows).isNotEmpty();
        System.out.printf("login flood: %d failed logins, heap grown by %d KiB, %d audit rows, the longest %d bytes%n", logins,
                grown / 1024, rows.size(), rows.stream().mapToInt(row -> row.value1()).max().orElse(0));
        assertThat(rows).allSatisfy(row -> {
            assertThat(row.value1()).as("bytes of the audit row of " + row.value2()).isLessThanOrEqualTo(200);
            assertThat(row.value2()).startsWith("mmmm").endsWith("(1000000 characters)");
        });
    }
}
