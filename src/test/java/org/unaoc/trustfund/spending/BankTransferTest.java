package org.unaoc.trustfund.spending;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.unaoc.trustfund.support.Api;
import org.unaoc.trustfund.support.FreshBooksTest;
import tools.jackson.databind.JsonNode;

/**
 * Money moved between the fund's bank accounts (R17), approved by another officer (R19). Figures
 * by hand, EUR at 0.80 per USD from 1 January and 0.75 from 1 March 2013, USD 100,000.00 received
 * in 1010 on 10 January:
 * <ul>
 * <li>5 March, USD 40,000.00 from 1010, the bank credits EUR 29,700.00 to 1011, worth 39,600.00 at
 * 0.75: Dr 1011 39,600.00 (EUR 29,700.00) · Dr 7810 400.00 / Cr 1010 40,000.00;</li>
 * <li>20 March, EUR 10,000.00 from 1011, carried at 10,000 × 39,600 / 29,700 = 13,333.33, the bank
 * credits USD 13,400.00 to 1010: Dr 1010 13,400.00 / Cr 1011 13,333.33 (EUR 10,000.00) ·
 * Cr 7810 66.67;</li>
 * <li>at 31 March 1010 holds 73,400.00; 1011 EUR 19,700.00 carried at 26,266.67; 7810 a net loss
 * of 333.33.</li>
 * </ul>
 *
 * <p>The tests share one fund: the second runs in an earlier year, so the first's figures are its own.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class BankTransferTest extends FreshBooksTest {

    @Test
    @Order(1)
    void money_moves_between_bank_accounts_at_its_carrying_amount_with_the_difference_realised() {
        for (String[] rate : new String[][] {{"2013-01-01", "0.80"}, {"2013-03-01", "0.75"}}) {
            Api.Response added = api().post("finance", "/api/exchange-rates", Map.of("currency", "EUR", "effectiveFrom", rate[0],
                    "rate", rate[1]));
            assertThat(added.status()).as(added.text()).isIn(200, 201);
        }
        Spend books = new Spend(api());
        books.contributor("QA");
        books.cash("QA", "100000.00", "2013-01-10");

        Api.Response toEuros = api().post("finance", "/api/bank-transfers", Map.of("from", "1010", "to", "1011",
                "amount", Spend.usd("40000.00"), "credited", Map.of("amount", "29700.00", "currency", "EUR"),
                "date", "2013-03-05", "reference", "TRF-2013-01"));
        assertThat(toEuros.status()).as(toEuros.text()).isEqualTo(202);
        assertThat(books.balance("1010", "2013-03-31")).as("nothing moves before the approval").isEqualByComparingTo("100000.00");
        Api.Response own = api().post("finance", "/api/approvals/" + toEuros.body().get("approval").asString() + "/approval",
                Map.of());
        assertThat(own.status()).as(own.text()).isEqualTo(403);
        assertThat(own.body().get("type").asString()).isEqualTo("/problems/forbidden");
        assertThat(api().get("approver", "/api/approvals/" + toEuros.body().get("approval").asString()).body()
                .get("summary").asString()).contains("USD 40000.00 from 1010 to 1011", "credited EUR 29700.00",
                "Dr 1011 USD 39600.00 / Cr 1010 USD 40000.00", "loss USD 400.00 to 7810");
        JsonNode first = books.approve(toEuros);
        assertThat(books.lines(first)).containsExactlyInAnyOrder("1011 Dr 39600.00", "1010 Cr 40000.00", "7810 Dr 400.00");
        assertThat(first.get("createdBy").asString()).isEqualTo("finance");
        assertThat(first.get("approvedBy").asString()).isEqualTo("approver");

        JsonNode back = books.approve(api().post("finance", "/api/bank-transfers", Map.of("from", "1011", "to", "1010",
                "amount", Map.of("amount", "10000.00", "currency", "EUR"), "credited", Spend.usd("13400.00"),
                "date", "2013-03-20", "reference", "TRF-2013-02")));
        assertThat(books.lines(back)).containsExactlyInAnyOrder("1010 Dr 13400.00", "1011 Cr 13333.33", "7810 Cr 66.67");

        assertThat(books.balance("1010", "2013-03-31")).isEqualByComparingTo("73400.00");
        assertThat(books.balance("1011", "2013-03-31")).isEqualByComparingTo("26266.67");
        assertThat(books.balance("7810", "2013-03-31")).as("a net loss, on the revenue side").isEqualByComparingTo("-333.33");
        assertThat(euros("2013-03-31")).isEqualByComparingTo("19700.00");

        // IPSAS 2: moving money between currencies is not a cash flow; the 333.33 lost is the effect of exchange rates
        JsonNode cashFlow = api().get("auditor", "/api/statements/cash-flow?from=2013-03-01&to=2013-03-31").body();
        assertThat(cell(cashFlow, "Surplus (deficit) for the period")).isEqualTo("-333.33");
        assertThat(cell(cashFlow, "Net cash flows from operating activities")).isEqualTo("0.00");
        assertThat(cell(cashFlow, "Effect of exchange rate changes on cash and cash equivalents")).isEqualTo("-333.33");
        JsonNode performance = api().get("auditor", "/api/statements/financial-performance?from=2013-03-01&to=2013-03-31").body();
        assertThat(performance.get("rows").valueStream().filter(r -> r.get("cells").size() > 2
                        && r.get("cells").get(1).asString().equals("Net exchange losses"))
                .findFirst().orElseThrow().get("cells").get(2).asString()).as("a net loss is an expense").isEqualTo("333.33");
    }

    private static String cell(JsonNode table, String label) {
        return table.get("rows").valueStream().filter(r -> r.get("cells").get(0).asString().equals(label)).findFirst()
                .orElseThrow().get("cells").get(1).asString();
    }

    @Test
    @Order(2)
    void a_bad_transfer_is_refused_as_it_is_asked_for_and_queues_nothing() {
        Spend books = new Spend(api());
        books.contributor("QA");
        books.cash("QA", "5000.00", "2012-01-10");
        int pending = api().get("approver", "/api/approvals").body().size();
        Object[][] cases = {
                {Map.of("from", "1010", "to", "1010", "amount", Spend.usd("10.00"), "date", "2012-02-01", "reference", "X"), 422, "to"},
                {Map.of("from", "1010", "to", "4100", "amount", Spend.usd("10.00"), "date", "2012-02-01", "reference", "X"), 422, "to"},
                {Map.of("from", "1010", "to", "1011", "amount", Spend.usd("10.00"), "date", "2012-02-01", "reference", "X"), 422,
                        "credited"},
                {Map.of("from", "1010", "to", "1011", "amount", Map.of("amount", "10.00", "currency", "EUR"),
                        "credited", Map.of("amount", "8.00", "currency", "EUR"), "date", "2012-02-01", "reference", "X"), 422, "amount"},
                {Map.of("from", "1010", "to", "1011", "amount", Spend.usd("10.00"),
                        "credited", Map.of("amount", "8.00", "currency", "EUR"), "date", "2012-02-01"), 422, "reference"},
        };
        for (Object[] bad : cases) {
            Api.Response refused = api().post("finance", "/api/bank-transfers", bad[0]);
            assertThat(refused.status()).as(refused.text()).isEqualTo(bad[1]);
            assertThat(refused.body().get("field").asString()).as(refused.text()).isEqualTo(bad[2]);
        }
        Api.Response overdrawn = api().post("finance", "/api/bank-transfers", Map.of("from", "1010", "to", "1011",
                "amount", Spend.usd("5000.01"), "credited", Map.of("amount", "4000.00", "currency", "EUR"),
                "date", "2012-02-01", "reference", "TRF-TOO-MUCH"));
        assertThat(overdrawn.status()).as(overdrawn.text()).isEqualTo(409);
        assertThat(overdrawn.body().get("type").asString()).isEqualTo("/problems/insufficient-funds");
        assertThat(api().get("approver", "/api/approvals").body().size()).isEqualTo(pending);
        assertThat(books.balance("1010", "2012-02-29")).isEqualByComparingTo("5000.00");
    }

    private java.math.BigDecimal euros(String asOf) {
        for (JsonNode account : api().get("auditor", "/api/accounts?asOf=" + asOf).body()) {
            if (account.get("code").asString().equals("1011")) {
                return new java.math.BigDecimal(account.get("byCurrency").get(0).get("original").get("amount").asString());
            }
        }
        throw new AssertionError("no account 1011");
    }
}
