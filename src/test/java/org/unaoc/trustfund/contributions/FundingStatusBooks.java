package org.unaoc.trustfund.contributions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.unaoc.trustfund.contributions.Books.money;
import static org.unaoc.trustfund.contributions.Books.tranche;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.unaoc.trustfund.support.Api;
import org.unaoc.trustfund.support.FreshBooksTest;
import tools.jackson.databind.JsonNode;

/**
 * The funding status on a cash basis (ACCOUNTING.md R23; issue #17 item 1) on J-A and J-B together,
 * with the golden EUR rates. J-A: Spain signs for EUR 1,000,000 on 2006-03-15 (1,250,000.00) and pays
 * on 2006-07-10 into 1011 (1,280,000.00, realised gain 30,000.00). J-B: Germany signs for EUR 500,000
 * on 2006-10-02 (625,000.00), revalued on 2006-12-31 at 0.78125 (640,000.00, unrealised 15,000.00),
 * paid on 2007-02-12 at 0.77500 (645,161.29, realised 5,161.29). The 1011 cash of EUR 1,000,000 is
 * already at 0.78125 at the year end: its revaluation moves nothing.
 *
 * <pre>
 *                                          2006            2007
 * Contributions from donors, net of refunds 1,280,000.00    645,161.29   (cumulative 1,925,161.29)
 * Balance of funds (cash)                  1,280,000.00    645,161.29   (cumulative 1,925,161.29)
 * Reconciliation: voluntary contributions  1,875,000.00          0.00
 *   decrease (increase) in receivables      -640,000.00    640,000.00
 *   unrealised exchange on contributions      15,000.00          0.00
 *   realised exchange on contributions        30,000.00      5,161.29
 *   = contributions                        1,280,000.00    645,161.29
 * </pre>
 *
 * One set of books per class: {@link FundingStatusTest} records in date order,
 * {@link FundingStatusLateRevaluationTest} runs the 2006 revaluation after the 2007 receipt (R16).
 */
abstract class FundingStatusBooks extends FreshBooksTest {

    static final String CONTRIBUTIONS = "Contributions from donors, net of refunds paid";

    void agreements() {
        Books books = new Books(api());
        books.rates(Books.GOLDEN_EUR_RATES);
        books.contributor("ES", "Spain", "GOVERNMENT", true, false);
        books.contributor("DE", "Germany", "GOVERNMENT", false, false);
        long spain = books.agreement("ES", "2006-03-15", List.of(tranche("2006-09-30", "1000000.00", "EUR")), Map.of())
                .get("id").asLong();
        books.receipt(Map.of("agreement", spain, "amount", money("1000000.00", "EUR"), "receivedOn", "2006-07-10",
                "bankAccount", "1011"));
        books.agreement("DE", "2006-10-02", List.of(tranche("2007-03-31", "500000.00", "EUR")), Map.of());
    }

    void germanyPays() {
        long germany = db.fetchSingle("select id from agreement where contributor = 'DE'").get(0, Long.class);
        new Books(api()).receipt(Map.of("agreement", germany, "amount", money("500000.00", "EUR"), "receivedOn", "2007-02-12",
                "bankAccount", "1011"));
    }

    void revalue() {
        Api.Response response = api().post("finance", "/api/revaluations", Map.of("asOf", "2006-12-31"));
        assertThat(response.status()).as(response.text()).isEqualTo(201);
    }

    void theFundingStatusIsOnACashBasis() {
        List<String> year2006 = rows("from=2006-01-01&to=2006-12-31");
        assertThat(year2006).contains(
                "LINE " + CONTRIBUTIONS + " 0.00 1280000.00 1280000.00",
                "TOTAL Total sources of funds 0.00 1280000.00 1280000.00",
                "TOTAL Total uses of funds 0.00 0.00 0.00",
                "LINE Effect of exchange rate changes on cash 0.00 0.00 0.00",
                "TOTAL Balance of funds (cash) 0.00 1280000.00 1280000.00",
                "LINE Voluntary contributions (revenue) 0.00 1875000.00 1875000.00",
                "LINE Decrease (increase) in contributions receivable 0.00 -640000.00 -640000.00",
                "LINE Unrealised exchange differences on contribution balances 0.00 15000.00 15000.00",
                "LINE Realised exchange gains and losses on contributions received or refunded 0.00 30000.00 30000.00",
                "TOTAL " + CONTRIBUTIONS + " 0.00 1280000.00 1280000.00");
        List<String> year2007 = rows("from=2007-01-01&to=2007-12-31");
        assertThat(year2007).contains(
                "LINE " + CONTRIBUTIONS + " 1280000.00 645161.29 1925161.29",
                "TOTAL Balance of funds (cash) 1280000.00 645161.29 1925161.29",
                "LINE Voluntary contributions (revenue) 1875000.00 0.00 1875000.00",
                "LINE Decrease (increase) in contributions receivable -640000.00 640000.00 0.00",
                "LINE Unrealised exchange differences on contribution balances 15000.00 0.00 15000.00",
                "LINE Realised exchange gains and losses on contributions received or refunded 30000.00 5161.29 35161.29",
                "TOTAL " + CONTRIBUTIONS + " 1280000.00 645161.29 1925161.29");
        assertThat(rows("from=2007-01-01&to=2007-12-31&by=contributor")).contains(
                "LINE Germany 0.00 645161.29 645161.29",
                "LINE Spain 1280000.00 0.00 1280000.00",
                "TOTAL " + CONTRIBUTIONS + " 1280000.00 645161.29 1925161.29");
        JsonNode cash = api().get("auditor", "/api/accounts?asOf=2007-12-31").body();
        assertThat(cash.valueStream().filter(a -> a.get("code").asString().equals("1011")).findFirst().orElseThrow()
                .get("balanceUsd").asString()).as("the balance of funds is the cash").isEqualTo("1925161.29");
    }

    /** The rows of the funding status as "KIND label prior period cumulative". */
    List<String> rows(String query) {
        Api.Response response = api().get("auditor", "/api/statements/funding-status?" + query);
        assertThat(response.status()).as(response.text()).isEqualTo(200);
        List<String> rows = new ArrayList<>();
        for (JsonNode row : response.body().get("rows")) {
            List<String> cells = row.get("cells").valueStream().map(c -> c.isNull() ? "-" : c.asString()).toList();
            rows.add(row.get("kind").asString() + " " + String.join(" ", cells));
        }
        return rows;
    }
}
