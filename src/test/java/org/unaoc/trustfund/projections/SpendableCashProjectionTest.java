package org.unaoc.trustfund.projections;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.unaoc.trustfund.support.Api;
import org.unaoc.trustfund.support.FreshBooksTest;
import tools.jackson.databind.JsonNode;

/**
 * A projection from spendable cash (issue #17 item 6), worked out by hand. EUR per USD: 0.80000 from
 * 2010-01-01, 0.75000 from 2010-03-01.
 * <ul>
 * <li>1010: USD 200,000.00 from Sweden, less an expenditure of 20,000.00: 180,000.00. 1011: EUR
 * 40,000.00 from Italy and EUR 5,000.00 nobody has identified yet (25 February), carried at
 * 56,250.00, worth EUR 45,000.00 ÷ 0.75 = 60,000.00 at the as-of rate. Cash 240,000.00.</li>
 * <li>Cash liabilities: the expenditure's PSC in 2150 (2,600.00) and the unapplied EUR 5,000.00 in 2190,
 * at the as-of rate as the cash is (6,666.67, though carried at 6,250.00): 9,266.67. Opening spendable
 * cash 230,733.33.</li>
 * <li>Secured: Sweden's USD 50,000.00 due in May. Norway's USD 60,000.00 due in June carries an
 * allowance: doubtful, not secured.</li>
 * <li>HLG's 2010 plan of 1,200,000.00 with PSC 13%: 113,000.00 a month, reserve 15% 203,400.00; its open
 * obligation of 10,000.00 (11,300.00 with PSC) is paid in April and taken off April's plan (101,700.00).</li>
 * </ul>
 * Closing cash: April 230,733.33 − 101,700.00 − 11,300.00 = 117,733.33; May + 50,000.00 − 113,000.00 =
 * 54,733.33; June − 113,000.00 = −58,266.67. Funding gap 203,400.00 + 58,266.67 = 261,666.67. Months of
 * coverage (230,733.33 − 203,400.00 − 11,300.00) ÷ 113,000.00 = 0.14: 0.1. EUR 10% weaker: the EUR
 * spendable (EUR 40,000.00) is 36,000.00 ÷ 0.75 = 48,000.00, gap 267,000.00; 10% stronger: 58,666.67,
 * gap 256,333.33.
 */
class SpendableCashProjectionTest extends FreshBooksTest {

    @Test
    void the_projection_starts_from_cash_less_cash_liabilities_at_the_as_of_rate() {
        books();
        Api.Response response = api().get("author", "/api/projections?asOf=2010-03-31&until=2010-06&scenario=base");
        assertThat(response.status()).as(response.text()).isEqualTo(200);
        JsonNode projection = response.body();
        assertThat(projection.get("cash").asString()).isEqualTo("240000.00");
        assertThat(projection.get("cashLiabilities").asString()).isEqualTo("9266.67");
        assertThat(projection.get("openingCash").asString()).isEqualTo("230733.33");
        assertThat(months(projection, "securedReceipts")).containsExactly("0.00", "50000.00", "0.00");
        assertThat(months(projection, "plannedSpending")).containsExactly("101700.00", "113000.00", "113000.00");
        assertThat(months(projection, "obligations")).containsExactly("11300.00", "0.00", "0.00");
        assertThat(months(projection, "closing")).containsExactly("117733.33", "54733.33", "-58266.67");
        assertThat(projection.get("fundingGap").asString()).isEqualTo("261666.67");
        assertThat(projection.get("monthsOfCoverage").asString()).isEqualTo("0.1");
        assertThat(projection.get("exchangeRateSensitivity").get("fundingGapAtMinus10Percent").asString()).isEqualTo("267000.00");
        assertThat(projection.get("exchangeRateSensitivity").get("fundingGapAtPlus10Percent").asString()).isEqualTo("256333.33");
    }

    private static List<String> months(JsonNode projection, String field) {
        return projection.get("months").valueStream().map(m -> m.get(field).asString()).toList();
    }

    private void books() {
        ok(api().send(api().request("finance", "/api/exchange-rates/import").header("Idempotency-Key", UUID.randomUUID().toString())
                .header("Content-Type", "text/csv").POST(java.net.http.HttpRequest.BodyPublishers.ofString(
                        "EUR,2010-01-01,0.80000\nEUR,2010-03-01,0.75000\n")).build()));
        for (String code : List.of("SE", "IT", "NO")) {
            api().post("finance", "/api/contributors", Map.of("code", code, "name", "Government " + code, "type", "GOVERNMENT"));
        }
        ok(receipt(Map.of("contributor", "SE", "amount", usd("200000.00"), "receivedOn", "2010-01-15", "bankAccount", "1010")));
        long italy = ok(api().post("finance", "/api/agreements", Map.of("contributor", "IT", "reference", "IT-2010",
                "signedOn", "2010-02-01", "tranches", List.of(Map.of("dueOn", "2010-02-15",
                        "amount", Map.of("amount", "40000.00", "currency", "EUR")))))).get("id").asLong();
        ok(receipt(Map.of("agreement", italy, "amount", Map.of("amount", "40000.00", "currency", "EUR"),
                "receivedOn", "2010-02-20", "bankAccount", "1011")));
        ok(receipt(Map.of("amount", Map.of("amount", "5000.00", "currency", "EUR"), "receivedOn", "2010-02-25",
                "bankAccount", "1011")));
        long norway = ok(api().post("finance", "/api/agreements", Map.of("contributor", "NO", "reference", "NO-2010",
                "signedOn", "2010-01-10", "tranches", List.of(Map.of("dueOn", "2010-06-30", "amount", usd("60000.00"))))))
                .get("id").asLong();
        ok(api().post("finance", "/api/impairments", Map.of("agreement", norway, "date", "2010-03-15",
                "reason", "the ministry has said the appropriation will not pass")));
        ok(api().post("finance", "/api/agreements", Map.of("contributor", "SE", "reference", "SE-2010", "signedOn", "2010-01-10",
                "tranches", List.of(Map.of("dueOn", "2010-05-31", "amount", usd("50000.00"))))));
        api().approved(api().post("finance", "/api/expenditures", Map.of("component", "HLG", "objectClass",
                "OPERATING", "amount", usd("20000.00"), "date", "2010-03-10", "payee", "Conference centre",
                "description", "Rooms for the Group")));
        ok(api().post("finance", "/api/obligations", Map.of("component", "HLG", "objectClass", "TRAVEL", "amount",
                usd("10000.00"), "date", "2010-03-20", "payee", "Travel agent", "description", "Travel to the Group's meeting")));
        ok(api().post("finance", "/api/cost-plans", Map.of("component", "HLG", "year", 2010,
                "lines", List.of(Map.of("objectClass", "MEETINGS", "amount", "1200000.00")))));
    }

    private Api.Response receipt(Map<String, Object> receipt) {
        Map<String, Object> body = new java.util.HashMap<>(receipt);
        body.put("bankReference", "REF-" + UUID.randomUUID());
        return api().post("finance", "/api/receipts", body);
    }

    private static Map<String, Object> usd(String amount) {
        return Map.of("amount", amount, "currency", "USD");
    }

    private static JsonNode ok(Api.Response response) {
        assertThat(response.status()).as(response.text()).isIn(200, 201);
        return response.body();
    }
}
