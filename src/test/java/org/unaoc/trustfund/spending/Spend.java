package org.unaoc.trustfund.spending;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
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

    /**
     * A direct expenditure as the office records it (R19): requested by {@code finance}, approved by
     * {@code approver}. Answers 201 with the expenditure once approved, or the refusal of either step.
     */
    Api.Response expenditure(Map<String, Object> commitment) {
        Api.Response requested = api.post("finance", "/api/expenditures", commitment);
        if (requested.status() != 202) {
            return requested;
        }
        Api.Response approved = api.post("approver", "/api/approvals/" + requested.body().get("approval").asString()
                + "/approval", Map.of());
        if (approved.status() != 200) {
            return approved;
        }
        JsonNode result = approved.body().get("result");
        return new Api.Response(201, approved.headers(), result.toString(), result);
    }

    Api.Response obligation(Map<String, Object> commitment) {
        return api.post("finance", "/api/obligations", commitment);
    }

    JsonNode approve(Api.Response requested) {
        return api.approved(requested);
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

    /** The funds available to the whole fund at the end of {@code asOf}. */
    BigDecimal available(String asOf) {
        Api.Response response = api.get("auditor", "/api/availability?asOf=" + asOf);
        assertThat(response.status()).as(response.text()).isEqualTo(200);
        return new BigDecimal(response.body().get("available").asString());
    }

    /** An account's balance in USD, on its normal side, at the end of {@code asOf}. */
    BigDecimal balance(String code, String asOf) {
        for (JsonNode account : api.get("auditor", "/api/accounts?asOf=" + asOf).body()) {
            if (account.get("code").asString().equals(code)) {
                return new BigDecimal(account.get("balanceUsd").asString());
            }
        }
        throw new AssertionError("no account " + code);
    }

    /** Whether the audit log holds a request by {@code actor} to {@code path}. */
    boolean audited(String actor, String path) {
        for (JsonNode event : api.get("auditor", "/api/audit-log?actor=" + actor + "&size=1000").body()) {
            if (event.get("path").asString().equals(path)) {
                return true;
            }
        }
        return false;
    }
}
