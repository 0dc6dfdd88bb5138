package org.unaoc.trustfund.contributions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.unaoc.trustfund.contributions.Books.money;
import static org.unaoc.trustfund.contributions.Books.tranche;

import java.net.http.HttpRequest;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.unaoc.trustfund.support.Api;
import org.unaoc.trustfund.support.ApiTest;
import tools.jackson.databind.JsonNode;

/** Bad input on the income side: a 4xx problem, and nothing written. */
class ContributionInputTest extends ApiTest {

    private Books books;

    @BeforeEach
    void fund() {
        books = new Books(api());
        books.rates(Books.GOLDEN_EUR_RATES);
        books.contributor("ES", "Spain", "GOVERNMENT", true, false);
    }

    private String snapshot() {
        return db.fetchSingle("SELECT (SELECT count(*) FROM journal_entry) || '/' || (SELECT count(*) FROM receipt) || '/' "
                + "|| (SELECT count(*) FROM agreement) || '/' || (SELECT count(*) FROM pledge) || '/' "
                + "|| (SELECT count(*) FROM contributor) || '/' || (SELECT count(*) FROM exchange_rate)").get(0, String.class);
    }

    private void refused(String path, Map<String, Object> body, int status) {
        String before = snapshot();
        Api.Response response = api().post("finance", path, body);
        assertThat(response.status()).as(path + " " + body + " -> " + response.text()).isEqualTo(status);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.body().get("detail").asString()).isNotBlank();
        assertThat(snapshot()).as("nothing written by " + body).isEqualTo(before);
    }

    private Map<String, Object> receipt(Map<String, Object> changes) {
        Map<String, Object> body = new HashMap<>(Map.of("contributor", "ES", "amount", money("100.00", "USD"),
                "receivedOn", "2006-08-01", "bankAccount", "1010", "bankReference", "R-" + UUID.randomUUID()));
        body.putAll(changes);
        return body;
    }

    @Test
    void receipts_with_bad_amounts_currencies_or_references_are_refused() {
        JsonNode agreement = books.agreement("ES", "2006-03-15", List.of(tranche("2006-09-30", "1000.00", "EUR")), Map.of());
        long id = agreement.get("id").asLong();
        refused("/api/receipts", receipt(Map.of("amount", money("-5.00", "USD"))), 422);
        refused("/api/receipts", receipt(Map.of("amount", money("0.00", "USD"))), 422);
        refused("/api/receipts", receipt(Map.of("amount", money("10.001", "USD"))), 422);
        refused("/api/receipts", receipt(Map.of("amount", money("10", "XXY"))), 422);
        refused("/api/receipts", receipt(Map.of("amount", Map.of("amount", "10"))), 422);
        refused("/api/receipts", receipt(Map.of("contributor", "ZZ")), 422);
        refused("/api/receipts", receipt(Map.of("agreement", 999999999)), 422);
        refused("/api/receipts", receipt(Map.of("agreement", id, "amount", money("10.00", "EUR"), "bankAccount", "1011",
                "tranche", 7)), 422);
        refused("/api/receipts", receipt(Map.of("bankAccount", "4100")), 422);
        refused("/api/receipts", receipt(Map.of("bankAccount", "1011")), 422);
        refused("/api/receipts", receipt(Map.of("agreement", id, "amount", money("10.00", "USD"))), 422);
        refused("/api/receipts", receipt(Map.of("receivedOn", "2006-02-30")), 422);
        refused("/api/receipts", receipt(Map.of("agreement", id, "amount", money("10.00", "EUR"), "bankAccount", "1011",
                "receivedOn", "2005-01-10")), 422);
        // paid in full, then nothing is open for the same agreement
        books.receipt(Map.of("agreement", id, "amount", money("1000.00", "EUR"), "receivedOn", "2006-08-01", "bankAccount", "1011"));
        refused("/api/receipts", receipt(Map.of("agreement", id, "amount", money("1000.00", "EUR"), "bankAccount", "1011")), 409);
    }

    @Test
    void a_transaction_without_a_rate_names_the_currency_and_the_date() {
        books.contributor("JP", "Japan", "GOVERNMENT", false, true);
        String before = snapshot();
        Api.Response response = api().post("finance", "/api/agreements", Map.of("contributor", "JP", "reference",
                "JP-" + UUID.randomUUID(), "signedOn", "2006-05-01", "tranches", List.of(tranche("2006-09-01", "1000000", "JPY"))));
        assertThat(response.status()).isEqualTo(422);
        assertThat(response.body().get("type").asString()).isEqualTo("/problems/no-exchange-rate");
        assertThat(response.body().get("detail").asString()).contains("JPY").contains("2006-05-01");
        assertThat(snapshot()).isEqualTo(before);
    }

    @Test
    void agreements_and_pledges_with_bad_input_are_refused() {
        String reference = "ES-" + UUID.randomUUID();
        refused("/api/agreements", Map.of("contributor", "ES", "reference", reference, "signedOn", "2006-03-15",
                "tranches", List.of()), 422);
        refused("/api/agreements", Map.of("contributor", "ZZ", "reference", reference, "signedOn", "2006-03-15",
                "tranches", List.of(tranche("2006-09-30", "10.00", "EUR"))), 422);
        refused("/api/agreements", Map.of("contributor", "ES", "reference", reference, "signedOn", "2006-03-15",
                "tranches", List.of(tranche("2006-01-30", "10.00", "EUR"))), 422);
        refused("/api/agreements", Map.of("contributor", "ES", "reference", reference, "signedOn", "2006-03-15",
                "tranches", List.of(tranche("2006-09-30", "10.00", "EUR"), tranche("2006-10-30", "10.00", "USD"))), 422);
        refused("/api/agreements", Map.of("contributor", "ES", "reference", reference, "signedOn", "2006-03-15",
                "tranches", List.of(tranche("2006-09-30", "-10.00", "EUR"))), 422);
        refused("/api/pledges", Map.of("contributor", "ES", "amount", money("0", "USD"), "announcedOn", "2006-01-01"), 422);
        refused("/api/pledges", Map.of("contributor", "QQ", "amount", money("5", "USD"), "announcedOn", "2006-01-01"), 422);
        refused("/api/contributors", Map.of("code", "XZ", "name", "Nowhere", "type", "GOVERNMENT"), 422);
        refused("/api/contributors", Map.of("code", "ES", "name", "Spain again", "type", "GOVERNMENT"), 409);
        refused("/api/contributors", Map.of("code", "es", "name", "lower", "type", "PRIVATE"), 422);
        refused("/api/exchange-rates", Map.of("currency", "EUR", "effectiveFrom", "2006-03-01", "rate", "-1"), 422);
        refused("/api/exchange-rates", Map.of("currency", "USD", "effectiveFrom", "2006-03-01", "rate", "1"), 422);
    }

    @Test
    void a_bad_csv_line_is_named_and_nothing_of_the_file_is_stored() {
        String before = snapshot();
        Api.Response response = api().send(api().request("finance", "/api/exchange-rates/import").header("Idempotency-Key", java.util.UUID.randomUUID().toString())
                .header("Content-Type", "text/csv").POST(HttpRequest.BodyPublishers.ofString(
                        "currency,effectiveFrom,rate\nGBP,2006-01-01,0.55\nGBP,2006-02-01,abc\nGBP,2006-03-01,0.56\n")).build());
        assertThat(response.status()).isEqualTo(422);
        assertThat(response.body().get("detail").asString()).contains("line 3");
        assertThat(response.body().get("line").asInt()).isEqualTo(3);
        assertThat(snapshot()).isEqualTo(before);
    }

    @Test
    void a_rate_used_by_a_posted_entry_is_changed_only_through_approval() {
        books.agreement("ES", "2006-03-20", List.of(tranche("2006-09-30", "10.00", "EUR")), Map.of());
        Api.Response correction = api().post("finance", "/api/exchange-rates", Map.of("currency", "EUR",
                "effectiveFrom", "2006-03-01", "rate", "0.81"));
        assertThat(correction.status()).as(correction.text()).isEqualTo(202);
        assertThat(correction.body().get("status").asString()).isEqualTo("PENDING_APPROVAL");
        assertThat(api().get("finance", "/api/exchange-rates?currency=EUR").body().valueStream()
                .filter(r -> r.get("effectiveFrom").asString().equals("2006-03-01")).findFirst().orElseThrow()
                .get("rate").asString()).isEqualTo("0.80000");
        Api.Response rejected = api().post("approver", "/api/approvals/" + correction.body().get("approval").asString()
                + "/rejection", Map.of("reason", "the published rate was right"));
        assertThat(rejected.status()).isEqualTo(200);
        Api.Response inCsv = api().send(api().request("finance", "/api/exchange-rates/import").header("Idempotency-Key", java.util.UUID.randomUUID().toString()).header("Content-Type", "text/csv")
                .POST(HttpRequest.BodyPublishers.ofString("EUR,2006-03-01,0.81\n")).build());
        assertThat(inCsv.status()).isEqualTo(409);
    }
}
