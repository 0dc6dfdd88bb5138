package org.unaoc.trustfund.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import org.junit.jupiter.api.Test;
import org.unaoc.trustfund.support.Api;
import org.unaoc.trustfund.support.ApiTest;

/** Every error path answers an RFC 9457 problem with a stable type and nothing of the inside. */
class ProblemResponsesTest extends ApiTest {

    @Test
    void unauthenticated_is_401() {
        assertProblem(api().get(null, "/api/fund"), 401, "/problems/unauthenticated");
        assertProblem(api().send(api().request(null, "/api/fund")
                .header("Authorization", "Basic " + java.util.Base64.getEncoder().encodeToString("finance:wrong".getBytes()))
                .GET().build()), 401, "/problems/unauthenticated");
    }

    @Test
    void a_role_without_the_right_is_403() {
        assertProblem(api().post("auditor", "/api/journal-entries", "{}"), 403, "/problems/forbidden");
        assertProblem(api().get("qatar", "/api/accounts"), 403, "/problems/forbidden");
    }

    @Test
    void an_unknown_path_is_404() {
        assertProblem(api().get("finance", "/api/no-such-thing"), 404, "/problems/not-found");
        assertProblem(api().get("finance", "/api/journal-entries/999999999"), 404, "/problems/not-found");
        assertProblem(api().get("finance", "/api/accounts/9999/entries"), 404, "/problems/not-found");
    }

    @Test
    void a_wrong_method_is_405() {
        assertProblem(api().send(api().request("finance", "/api/fund").DELETE().build()), 405, "/problems/method-not-allowed");
    }

    @Test
    void a_wrong_media_type_is_415() {
        assertProblem(api().send(api().request("finance", "/api/journal-entries").header("Idempotency-Key", "m1")
                .header("Content-Type", "text/plain").POST(HttpRequest.BodyPublishers.ofString("hello")).build()),
                415, "/problems/unsupported-media-type");
    }

    @Test
    void malformed_json_is_400() {
        assertProblem(api().post("finance", "/api/journal-entries", "{\"date\": \"2050-01-01\", "), 400, "/problems/malformed-json");
    }

    @Test
    void a_bad_date_or_amount_names_the_field() {
        Api.Response date = api().post("finance", "/api/journal-entries", "{\"date\": \"2050-02-30\", \"description\": \"x\", \"lines\": []}");
        assertProblem(date, 422, "/problems/invalid-request");
        assertThat(date.body().get("field").asString()).isEqualTo("date");
        Api.Response amount = api().post("finance", "/api/journal-entries", "{\"date\": \"2050-02-03\", \"description\": \"x\", "
                + "\"lines\": [{\"account\": \"1010\", \"debit\": \"1,000.00\"}, {\"account\": \"4500\", \"credit\": \"1000.00\"}]}");
        assertProblem(amount, 422, "/problems/invalid-request");
        assertThat(amount.body().get("field").asString()).isEqualTo("lines[0].debit");
        assertProblem(api().get("finance", "/api/statements/trial-balance?from=yesterday"), 422, "/problems/invalid-request");
        assertProblem(api().post("finance", "/api/periods/2050-13/close", "{}"), 422, "/problems/invalid-request");
    }

    private static void assertProblem(Api.Response response, int status, String type) {
        assertThat(response.status()).as(response.text()).isEqualTo(status);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.body().get("type").asString()).isEqualTo(type);
        assertThat(response.body().get("status").asInt()).isEqualTo(status);
        assertThat(response.body().get("title").asString()).isNotBlank();
        assertThat(response.body().get("detail").asString()).isNotBlank();
        assertThat(response.text()).doesNotContain("Exception", "org.", "java.", "SELECT", "select ", "\tat ");
    }
}
