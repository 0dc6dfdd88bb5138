package org.unaoc.trustfund.spending;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.unaoc.trustfund.support.Api;
import tools.jackson.databind.JsonNode;

/** Spending over HTTP for the tests. */
final class Spend {

    private final Api api;

    Spend(Api api) {
        this.api = api;
    }

    static Map<String, Object> usd(String amount) {
        return Map.of("amount", amount, "currency", "USD");
    }

    static Map<String, Object> commitment(String component, String objectClass, String amount, String date) {
        return new HashMap<>(Map.of("component", component, "objectClass", objectClass, "amount", usd(amount), "date", date,
                "payee", "Payee " + UUID.randomUUID().toString().substring(0, 8), "description", "Test " + component));
    }

    void contributor(String code) {
        Api.Response response = api.post("finance", "/api/contributors", Map.of("code", code, "name", "Contributor " + code,
                "type", code.length() == 2 ? "GOVERNMENT" : "FOUNDATION"));
        assertThat(response.status()).as(response.text()).isIn(201, 409);
    }

    /** Cash without an agreement (R3): revenue, and cash in 1010. */
    JsonNode cash(String contributor, String amount, String date) {
        Api.Response response = api.post("finance", "/api/receipts", Map.of("contributor", contributor, "amount", usd(amount),
                "receivedOn", date, "bankAccount", "1010", "bankReference", "CASH-" + UUID.randomUUID()));
        assertThat(response.status()).as(response.text()).isEqualTo(201);
        return response.body();
    }

    Api.Response expenditure(Map<String, Object> commitment) {
        return api.post("finance", "/api/expenditures", commitment);
    }

    Api.Response obligation(Map<String, Object> commitment) {
        return api.post("finance", "/api/obligations", commitment);
    }

    JsonNode approve(Api.Response requested) {
        assertThat(requested.status()).as(requested.text()).isEqualTo(202);
        Api.Response approved = api.post("approver", "/api/approvals/" + requested.body().get("approval").asString()
                + "/approval", Map.of());
        assertThat(approved.status()).as(approved.text()).isEqualTo(200);
        return approved.body().get("result");
    }

    void plan(String component, int year, String objectClass, String amount) {
        Api.Response response = api.post("finance", "/api/cost-plans", Map.of("component", component, "year", year,
                "lines", List.of(Map.of("objectClass", objectClass, "amount", amount))));
        assertThat(response.status()).as(response.text()).isEqualTo(201);
    }

    /** An entry's lines as "account Dr|Cr amount". */
    List<String> lines(JsonNode entry) {
        return entry.get("lines").valueStream().map(line -> line.get("account").asString() + " "
                + (line.get("debit").isNull() ? "Cr " + line.get("credit").asString() : "Dr " + line.get("debit").asString()))
                .toList();
    }
}
