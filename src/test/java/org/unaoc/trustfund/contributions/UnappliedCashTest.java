package org.unaoc.trustfund.contributions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.unaoc.trustfund.contributions.Books.cr;
import static org.unaoc.trustfund.contributions.Books.dr;
import static org.unaoc.trustfund.contributions.Books.money;
import static org.unaoc.trustfund.contributions.Books.tranche;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.unaoc.trustfund.support.Api;
import org.unaoc.trustfund.support.ApiTest;
import tools.jackson.databind.JsonNode;

/** Unidentified cash and overpayments wait in 2190 (R3, R5) until they are applied. */
class UnappliedCashTest extends ApiTest {

    private Books books;

    @BeforeEach
    void fund() {
        books = new Books(api());
        books.rates(Books.GOLDEN_EUR_RATES);
        books.contributor("ES", "Spain", "GOVERNMENT", true, false);
    }

    @Test
    void unidentified_cash_is_a_liability_until_applied_to_an_agreement() {
        JsonNode receipt = books.receipt(Map.of("amount", money("400000.00", "EUR"), "receivedOn", "2006-07-10",
                "bankAccount", "1011"));
        assertThat(books.lines(receipt.get("entry").asLong(), null)).containsExactly(
                dr("1011", "512000.00", "EUR 400000.00"), cr("2190", "512000.00", "EUR 400000.00"));
        assertThat(receipt.get("unapplied").get("amount").asString()).isEqualTo("400000.00");

        JsonNode agreement = books.agreement("ES", "2006-03-15", List.of(tranche("2006-09-30", "1000000.00", "EUR")), Map.of());
        long id = agreement.get("id").asLong();
        Api.Response applied = api().post("finance", "/api/receipts/" + receipt.get("id").asLong() + "/application",
                Map.of("agreement", id, "contributor", "ES", "date", "2006-07-20"));
        assertThat(applied.status()).as(applied.text()).isEqualTo(200);
        assertThat(applied.body().get("unapplied").get("amount").asString()).isEqualTo("0.00");
        long entry = applied.body().get("applied").valueStream().filter(a -> a.get("kind").asString().equals("TRANCHE"))
                .findFirst().orElseThrow().get("entry").asLong();
        // 400,000 of the 1,000,000 carried at 1,250,000: 500,000 credited; the cash was worth 512,000
        assertThat(books.lines(entry, null)).containsExactly(
                dr("2190", "512000.00", "EUR 400000.00"), cr("1210", "500000.00", "EUR 400000.00"), cr("7810", "12000.00"));
        JsonNode tranche = api().get("finance", "/api/agreements/" + id).body().get("tranches").get(0);
        assertThat(tranche.get("status").asString()).isEqualTo("PARTIALLY_PAID");
        assertThat(tranche.get("outstanding").get("amount").asString()).isEqualTo("600000.00");
        assertThat(tranche.get("carryingUsd").asString()).isEqualTo("750000.00");
        Books.r7Holds(db, id);

        Api.Response again = api().post("finance", "/api/receipts/" + receipt.get("id").asLong() + "/application",
                Map.of("agreement", id, "contributor", "ES", "date", "2006-07-20"));
        assertThat(again.status()).isEqualTo(409);
    }

    @Test
    void an_overpayment_goes_to_2190() {
        JsonNode agreement = books.agreement("ES", "2006-03-15", List.of(tranche("2006-09-30", "100.00", "USD")), Map.of());
        long id = agreement.get("id").asLong();
        JsonNode receipt = books.receipt(Map.of("agreement", id, "amount", money("150.00", "USD"), "receivedOn", "2006-08-01",
                "bankAccount", "1010"));
        assertThat(books.lines(receipt.get("entry").asLong(), null)).containsExactly(
                dr("1010", "150.00"), cr("1210", "100.00"), cr("2190", "50.00"));
        assertThat(receipt.get("unapplied").get("amount").asString()).isEqualTo("50.00");
        Books.r7Holds(db, id);
    }
}
