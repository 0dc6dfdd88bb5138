package org.unaoc.trustfund.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.unaoc.trustfund.ledger.Entries.entry;
import static org.unaoc.trustfund.ledger.Entries.line;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.unaoc.trustfund.support.Api;
import org.unaoc.trustfund.support.ApiTest;
import org.unaoc.trustfund.support.Months;
import tools.jackson.databind.JsonNode;

class AccountApiTest extends ApiTest {

    @Test
    void an_account_statement_has_opening_running_and_closing_balances() {
        YearMonth month = Months.fresh();
        // the cash the travel is paid from: no bank account is overdrawn on any day (R20)
        Entries.post(api(), Entries.simple(month.atDay(1), "1010", "4500", "150.50"));
        Entries.post(api(), Entries.simple(month.atDay(3), "5200", "1010", "100.00"));
        Entries.post(api(), Entries.simple(month.atDay(12), "5200", "1010", "50.50"));
        Entries.post(api(), Entries.simple(month.atDay(20), "1010", "5200", "20.00"));

        JsonNode statement = api().get("auditor", "/api/accounts/5200/entries?from=" + month.atDay(10) + "&to="
                + month.atEndOfMonth()).body();
        BigDecimal opening = new BigDecimal(statement.get("opening").asString());
        JsonNode lines = statement.get("lines");
        assertThat(lines).hasSize(2);
        assertThat(new BigDecimal(lines.get(0).get("balance").asString())).isEqualByComparingTo(opening.add(new BigDecimal("50.50")));
        assertThat(new BigDecimal(lines.get(1).get("balance").asString())).isEqualByComparingTo(opening.add(new BigDecimal("30.50")));
        assertThat(new BigDecimal(statement.get("closing").asString())).isEqualByComparingTo(opening.add(new BigDecimal("30.50")));

        JsonNode wholeMonth = api().get("auditor", "/api/accounts/5200/entries?from=" + month.atDay(1) + "&to="
                + month.atEndOfMonth()).body();
        assertThat(new BigDecimal(wholeMonth.get("closing").asString())
                .subtract(new BigDecimal(wholeMonth.get("opening").asString()))).isEqualByComparingTo("130.50");
    }

    @Test
    void accounts_show_usd_and_original_currency_balances_as_of_a_date() {
        YearMonth month = Months.fresh();
        Map<String, Object> eur = line("1011", "debit", "1280000.00");
        eur.put("currency", "EUR");
        eur.put("originalAmount", "1000000.00");
        Entries.post(api(), entry(month.atDay(10), "EUR cash", List.of(eur, line("4100", "credit", "1280000.00"))));

        JsonNode before = account(month.atDay(9).toString(), "1011");
        JsonNode after = account(month.atDay(10).toString(), "1011");
        BigDecimal usdMoved = new BigDecimal(after.get("balanceUsd").asString())
                .subtract(new BigDecimal(before.get("balanceUsd").asString()));
        assertThat(usdMoved).isEqualByComparingTo("1280000.00");
        assertThat(after.get("side").asString()).isEqualTo("DEBIT");
        assertThat(after.get("byCurrency").get(0).get("original").get("currency").asString()).isEqualTo("EUR");
        assertThat(account(month.atDay(10).toString(), "4100").get("side").asString()).isEqualTo("CREDIT");
    }

    @Test
    void health_is_public_and_the_openapi_description_needs_a_login() {
        Api.Response health = api().get(null, "/actuator/health/readiness");
        assertThat(health.status()).isEqualTo(200);
        assertThat(health.body().get("status").asString()).isEqualTo("UP");
        assertThat(api().get(null, "/v3/api-docs").status()).isEqualTo(401);
        Api.Response docs = api().get("auditor", "/v3/api-docs");
        assertThat(docs.status()).isEqualTo(200);
        assertThat(docs.body().get("paths").has("/api/journal-entries")).isTrue();
    }

    private JsonNode account(String asOf, String code) {
        for (JsonNode account : api().get("finance", "/api/accounts?asOf=" + asOf).body()) {
            if (account.get("code").asString().equals(code)) {
                return account;
            }
        }
        throw new AssertionError("no account " + code);
    }
}
