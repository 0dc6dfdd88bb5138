package org.unaoc.trustfund.projections;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.unaoc.trustfund.support.Api;
import org.unaoc.trustfund.support.FreshBooksTest;
import tools.jackson.databind.JsonNode;

/**
 * A six-month projection worked out by hand: USD 200,000.00 in cash; a USD tranche of 50,000.00
 * due in February and still unpaid (late); a EUR tranche of 80,000.00 due in June (100,000.00 at
 * the as-of rate 0.80000); an announced pledge of USD 30,000.00 expected in July; a 2010 cost plan of
 * 1,200,000.00 (1,356,000.00 with PSC: 113,000.00 a month, reserve 15% = 203,400.00); one
 * unliquidated obligation of HLG of 10,000.00 (11,300.00 with PSC), paid in April and counted once:
 * April's planned HLG spending is 113,000.00 − 11,300.00 = 101,700.00. No cash liabilities.
 */
class ProjectionTest extends FreshBooksTest {

    private static final String QUERY = "/api/projections?asOf=2010-03-31&until=2010-09";

    @BeforeEach
    void books() {
        if (db.fetchCount(org.unaoc.trustfund.db.Tables.RECEIPT) > 0) {
            return;
        }
        api().send(api().request("finance", "/api/exchange-rates/import").header("Idempotency-Key", java.util.UUID.randomUUID().toString()).header("Content-Type", "text/csv")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString("EUR,2010-01-01,0.80000\n")).build());
        for (String code : List.of("SE", "IT", "NO")) {
            api().post("finance", "/api/contributors", Map.of("code", code, "name", "Government " + code, "type", "GOVERNMENT"));
        }
        ok(api().post("finance", "/api/receipts", Map.of("contributor", "SE", "amount", usd("200000.00"),
                "receivedOn", "2010-01-15", "bankAccount", "1010", "bankReference", "SE-CASH")));
        ok(api().post("finance", "/api/agreements", Map.of("contributor", "SE", "reference", "SE-2010", "signedOn", "2010-01-10",
                "tranches", List.of(Map.of("dueOn", "2010-02-28", "amount", usd("50000.00"))))));
        ok(api().post("finance", "/api/agreements", Map.of("contributor", "IT", "reference", "IT-2010", "signedOn", "2010-02-01",
                "tranches", List.of(Map.of("dueOn", "2010-06-15", "amount", Map.of("amount", "80000.00", "currency", "EUR"))))));
        ok(api().post("finance", "/api/pledges", Map.of("contributor", "NO", "amount", usd("30000.00"),
                "announcedOn", "2010-03-01", "expectedOn", "2010-07-10")));
        // the obligation first: once the plan's reserve is counted, nothing would be available for it
        ok(api().post("finance", "/api/obligations", Map.of("component", "HLG", "objectClass", "TRAVEL", "amount", usd("10000.00"),
                "date", "2010-03-20", "payee", "Travel agent", "description", "Travel to the Group's meeting")));
        ok(api().post("finance", "/api/cost-plans", Map.of("component", "HLG", "year", 2010,
                "lines", List.of(Map.of("objectClass", "MEETINGS", "amount", "1200000.00")))));
    }

    private static Map<String, Object> usd(String amount) {
        return Map.of("amount", amount, "currency", "USD");
    }

    private static void ok(Api.Response response) {
        assertThat(response.status()).as(response.text()).isIn(200, 201);
    }

    private JsonNode project(String scenario) {
        Api.Response response = api().get("author", QUERY + "&scenario=" + scenario);
        assertThat(response.status()).as(response.text()).isEqualTo(200);
        return response.body();
    }

    private static List<String> closing(JsonNode projection, String field) {
        return projection.get("months").valueStream().map(m -> m.get(field).asString()).toList();
    }

    @Test
    void base_matches_the_hand_computation() {
        JsonNode base = project("base");
        assertThat(base.get("months").valueStream().map(m -> m.get("month").asString()))
                .containsExactly("2010-04", "2010-05", "2010-06", "2010-07", "2010-08", "2010-09");
        assertThat(base.get("openingCash").asString()).isEqualTo("200000.00");
        assertThat(closing(base, "securedReceipts")).containsExactly("50000.00", "0.00", "100000.00", "0.00", "0.00", "0.00");
        assertThat(closing(base, "announcedPledges")).containsExactly("0.00", "0.00", "0.00", "30000.00", "0.00", "0.00");
        assertThat(closing(base, "plannedSpending"))
                .containsExactly("101700.00", "113000.00", "113000.00", "113000.00", "113000.00", "113000.00");
        assertThat(closing(base, "obligations")).containsExactly("11300.00", "0.00", "0.00", "0.00", "0.00", "0.00");
        assertThat(closing(base, "closing"))
                .containsExactly("137000.00", "24000.00", "11000.00", "-102000.00", "-215000.00", "-328000.00");
        assertThat(closing(base, "closingWithPledges"))
                .containsExactly("137000.00", "24000.00", "11000.00", "-72000.00", "-185000.00", "-298000.00");
        assertThat(closing(base, "reserve")).containsOnly("203400.00");
        assertThat(base.get("fundingGap").asString()).isEqualTo("531400.00");
        assertThat(base.get("fundingGapWithPledges").asString()).isEqualTo("501400.00");
        // (200,000.00 − 203,400.00 − 11,300.00) ÷ 113,000.00 is below zero: no month covered
        assertThat(base.get("monthsOfCoverage").asString()).isEqualTo("0.0");
        assertThat(base.get("monthsUntilBelowReserve").asInt()).isZero();
        assertThat(base.get("firstMonthBelowReserve").asString()).isEqualTo("2010-04");
        assertThat(base.get("stillToBePledged").get("amount").asString()).isEqualTo("531400.00");
        assertThat(base.get("exchangeRateSensitivity").get("fundingGapAtMinus10Percent").asString()).isEqualTo("541400.00");
        assertThat(base.get("exchangeRateSensitivity").get("fundingGapAtPlus10Percent").asString()).isEqualTo("521400.00");
    }

    @Test
    void conservative_and_optimistic_match_the_hand_computation() {
        JsonNode conservative = project("conservative");
        assertThat(closing(conservative, "securedReceipts")).containsExactly("0.00", "50000.00", "0.00", "0.00", "0.00", "100000.00");
        assertThat(closing(conservative, "closing"))
                .containsExactly("87000.00", "24000.00", "-89000.00", "-202000.00", "-315000.00", "-328000.00");
        assertThat(closing(conservative, "announcedPledges")).containsOnly("0.00");
        assertThat(conservative.get("fundingGap").asString()).isEqualTo("531400.00");
        assertThat(conservative.get("fundingGapWithPledges").asString()).isEqualTo("531400.00");

        JsonNode optimistic = project("optimistic");
        assertThat(closing(optimistic, "closing"))
                .containsExactly("137000.00", "24000.00", "11000.00", "-72000.00", "-185000.00", "-298000.00");
        assertThat(optimistic.get("fundingGap").asString()).isEqualTo("501400.00");
    }

    @Test
    void a_custom_scenario_shocks_currencies_and_changes_spending() {
        Api.Response custom = api().post("author", "/api/projections", Map.of("asOf", "2010-03-31", "until", "2010-09",
                "collectionDelayMonths", 0, "announcedShare", "0.5", "fxShock", Map.of("EUR", "-0.20"),
                "spendingChange", Map.of("HLG", "-0.50")));
        assertThat(custom.status()).as(custom.text()).isEqualTo(200);
        JsonNode body = custom.body();
        // EUR 80,000 at 0.8 less 20% = 80,000.00; HLG 678,000.00 a year = 56,500.00 a month; reserve 101,700.00
        assertThat(closing(body, "securedReceipts")).containsExactly("50000.00", "0.00", "80000.00", "0.00", "0.00", "0.00");
        assertThat(closing(body, "plannedSpending"))
                .containsExactly("45200.00", "56500.00", "56500.00", "56500.00", "56500.00", "56500.00");
        assertThat(closing(body, "announcedPledges")).containsExactly("0.00", "0.00", "0.00", "15000.00", "0.00", "0.00");
        assertThat(closing(body, "closing"))
                .containsExactly("193500.00", "137000.00", "160500.00", "104000.00", "47500.00", "-9000.00");
        assertThat(closing(body, "reserve")).containsOnly("101700.00");
        assertThat(body.get("firstMonthBelowReserve").asString()).isEqualTo("2010-08");
        assertThat(body.get("monthsUntilBelowReserve").asInt()).isEqualTo(4);
        // (200,000.00 − 101,700.00 − 11,300.00) ÷ 56,500.00 = 1.54: 1.5 months
        assertThat(body.get("monthsOfCoverage").asString()).isEqualTo("1.5");
    }

    @Test
    void the_projection_starts_from_the_funding_status_and_the_position_of_the_as_of_date() {
        JsonNode base = project("base");
        JsonNode funding = api().get("auditor", "/api/statements/funding-status?from=2000-01-01&to=2010-03-31").body();
        String balance = funding.get("rows").valueStream().filter(r -> r.get("cells").get(0).asString()
                .equals("Balance of funds (cash)")).findFirst().orElseThrow().get("cells").get(3).asString();
        JsonNode position = api().get("auditor", "/api/statements/financial-position?asOf=2010-03-31").body();
        String cash = position.get("rows").valueStream().filter(r -> r.get("cells").get(0).asString()
                .equals("Cash and cash equivalents")).findFirst().orElseThrow().get("cells").get(1).asString();
        // R23: the funding status is on a cash basis, its balance of funds the cash; what is secured comes on top
        assertThat(base.get("balanceOfFunds").asString()).isEqualTo(balance).isEqualTo(cash);
        assertThat(base.get("openingCash").asString()).isEqualTo(cash);
        assertThat(new java.math.BigDecimal(base.get("openingCash").asString()).add(new java.math.BigDecimal(
                base.get("securedReceipts").asString()))).isEqualByComparingTo("350000.00");
    }

    @Test
    void the_financing_section_is_written_from_these_books_not_from_the_demo() {
        String markdown = api().get("author", "/api/reports/financing-section?asOf=2010-03-31&format=md").text();
        assertThat(markdown).contains("Government SE", "Government IT", "As of 2010-03-31, 2 governments and organisations")
                .doesNotContain("Spain", "{{");
        assertThat(markdown).contains("USD 150,000.00").contains("USD 30,000.00 had been announced in 1 pledges");
        // like with like: the 2010 plan of 1,200,000.00 with its PSC at 13%, as the expenditure carries its PSC
        assertThat(markdown).contains("| HLG | 1,356,000.00 | 0.00 | 0.0 |")
                .contains("against cost plans of USD 1,356,000.00 for the same years, also with programme support costs");
        // each table says on what basis and as of when
        assertThat(markdown).contains("*Signed agreements as of 2010-03-31.").contains("*Cost plans of 2010 to 2010 in full")
                .contains("*From 2010-03-31 to ");
    }

    @Test
    void bad_parameters_are_4xx_problems() {
        assertThat(api().get("author", "/api/projections?asOf=2010-03-31&until=2010-02").status()).isEqualTo(422);
        assertThat(api().get("author", "/api/projections?asOf=2010-03-31&until=2010-09&scenario=rosy").status()).isEqualTo(422);
        assertThat(api().post("author", "/api/projections", Map.of("asOf", "2010-03-31", "until", "2010-09",
                "announcedShare", "1.5")).status()).isEqualTo(422);
        assertThat(api().post("author", "/api/projections", Map.of("asOf", "2010-03-31", "until", "2010-09",
                "collectionDelayMonths", -1)).status()).isEqualTo(422);
        assertThat(api().get("author", "/api/projections?asOf=2010-03-31&until=garbage").status()).isEqualTo(422);
        assertThat(api().get("qatar", QUERY).status()).isEqualTo(403);
    }
}
