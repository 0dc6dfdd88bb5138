package org.unaoc.trustfund.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.unaoc.trustfund.db.Tables.APPROVAL;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.unaoc.trustfund.support.Api;
import org.unaoc.trustfund.support.ApiTest;
import org.unaoc.trustfund.support.Months;

class IdempotencyTest extends ApiTest {

    @org.springframework.beans.factory.annotation.Autowired
    @org.springframework.beans.factory.annotation.Qualifier("requestMappingHandlerMapping")
    org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping mappings;

    /** Every POST of the API writes, but a projection scenario (a read): each requires its key (SPEC.md §3). */
    @Test
    void every_post_that_writes_refuses_to_run_without_its_key() {
        List<String> paths = new ArrayList<>();
        mappings.getHandlerMethods().keySet().forEach(info -> info.getPatternValues().forEach(pattern -> {
            if (pattern.startsWith("/api/") && !pattern.equals("/api/projections")
                    && info.getMethodsCondition().getMethods().contains(org.springframework.web.bind.annotation.RequestMethod.POST)) {
                paths.add(pattern.replaceAll("\\{[^}]+}", "1"));
            }
        }));
        assertThat(paths).as("the API's writes").hasSizeGreaterThan(30).contains("/api/pledges", "/api/contributors",
                "/api/exchange-rates", "/api/periods/1/close", "/api/year-end-closings", "/api/approvals/1/approval");
        int approvals = db.fetchCount(APPROVAL);
        for (String path : paths) {
            String user = path.startsWith("/api/approvals/") ? "approver" : "finance";
            String type = path.equals("/api/bank-statements") ? "text/csv"
                    : path.equals("/api/exchange-rates/import") ? "text/csv" : "application/json";
            Api.Response refused = api().send(api().request(user, path).header("Content-Type", type)
                    .POST(java.net.http.HttpRequest.BodyPublishers.ofString(type.equals("text/csv") ? "a,b\n" : "{}")).build());
            assertThat(refused.status()).as(path + ": " + refused.text()).isEqualTo(400);
            assertThat(refused.body().get("type").asString()).as(path).isEqualTo("/problems/idempotency-key-missing");
        }
        assertThat(db.fetchCount(APPROVAL)).isEqualTo(approvals);
    }

    private Map<String, Object> entry(String description) {
        String date = Months.fresh().atDay(4).toString();
        return Map.of("date", date, "description", description, "lines", List.of(
                Map.of("account", "1010", "debit", "500.00"), Map.of("account", "4500", "credit", "500.00")));
    }

    @Test
    void fifty_concurrent_posts_with_one_key_make_one_request() throws Exception {
        String key = UUID.randomUUID().toString();
        Map<String, Object> body = entry("fifty at once " + key);
        int before = db.fetchCount(APPROVAL);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Api.Response>> responses = new ArrayList<>();
        try (ExecutorService clients = Executors.newFixedThreadPool(50)) {
            for (int i = 0; i < 50; i++) {
                responses.add(clients.submit(() -> {
                    start.await();
                    return api().post("finance", "/api/journal-entries", body, key);
                }));
            }
            start.countDown();
        }
        List<Api.Response> answers = new ArrayList<>();
        for (Future<Api.Response> response : responses) {
            answers.add(response.get());
        }
        assertThat(db.fetchCount(APPROVAL)).isEqualTo(before + 1);
        List<Api.Response> accepted = answers.stream().filter(a -> a.status() == 202).toList();
        List<Api.Response> originals = accepted.stream().filter(a -> a.header("Idempotent-Replayed") == null).toList();
        assertThat(originals).hasSize(1);
        String approval = originals.getFirst().body().get("approval").asString();
        assertThat(accepted).allSatisfy(a -> assertThat(a.body().get("approval").asString()).isEqualTo(approval));
        assertThat(accepted.stream().filter(a -> "true".equals(a.header("Idempotent-Replayed")))).hasSize(accepted.size() - 1);
        // the others arrived while the first was still running
        assertThat(answers).allSatisfy(a -> assertThat(a.status()).isIn(202, 409));
        answers.stream().filter(a -> a.status() == 409).forEach(a ->
                assertThat(a.body().get("type").asString()).isEqualTo("/problems/request-in-progress"));

        Api.Response later = api().post("finance", "/api/journal-entries", body, key);
        assertThat(later.status()).isEqualTo(202);
        assertThat(later.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(later.body().get("approval").asString()).isEqualTo(approval);
        assertThat(db.fetchCount(APPROVAL)).isEqualTo(before + 1);
    }

    @Test
    void the_same_key_with_another_body_is_422() {
        String key = UUID.randomUUID().toString();
        assertThat(api().post("finance", "/api/journal-entries", entry("first " + key), key).status()).isEqualTo(202);
        Api.Response other = api().post("finance", "/api/journal-entries", entry("second " + key), key);
        assertThat(other.status()).isEqualTo(422);
        assertThat(other.body().get("type").asString()).isEqualTo("/problems/idempotency-key-reused");
    }

    @Test
    void keys_are_scoped_to_the_user() {
        String key = UUID.randomUUID().toString();
        assertThat(api().post("finance", "/api/journal-entries", entry("finance's " + key), key).status()).isEqualTo(202);
        Api.Response other = api().post("finance2", "/api/journal-entries", entry("finance2's " + key), key);
        assertThat(other.status()).isEqualTo(202);
        assertThat(other.header("Idempotent-Replayed")).isNull();
    }

    @Test
    void no_key_is_400_and_writes_nothing() {
        int before = db.fetchCount(APPROVAL);
        Api.Response missing = api().post("finance", "/api/journal-entries", entry("no key"), null);
        assertThat(missing.status()).isEqualTo(400);
        assertThat(missing.body().get("type").asString()).isEqualTo("/problems/idempotency-key-missing");
        Api.Response tooLong = api().post("finance", "/api/journal-entries", entry("long key"), "k".repeat(256));
        assertThat(tooLong.status()).isEqualTo(400);
        assertThat(db.fetchCount(APPROVAL)).isEqualTo(before);
    }

    @Test
    void a_failed_request_stores_no_key_so_a_corrected_retry_goes_through() {
        String key = UUID.randomUUID().toString();
        Map<String, Object> bad = Map.of("date", "2051-01-01", "description", "bad", "lines", List.of(
                Map.of("account", "1010", "debit", "1.00"), Map.of("account", "4500", "credit", "2.00")));
        assertThat(api().post("finance", "/api/journal-entries", bad, key).status()).isEqualTo(422);
        assertThat(api().post("finance", "/api/journal-entries", bad, key).header("Idempotent-Replayed")).isNull();
    }
}
