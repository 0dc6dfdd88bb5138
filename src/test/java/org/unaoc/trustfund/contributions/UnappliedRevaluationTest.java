package org.unaoc.trustfund.contributions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.unaoc.trustfund.contributions.Books.cr;
import static org.unaoc.trustfund.contributions.Books.dr;
import static org.unaoc.trustfund.contributions.Books.money;
import static org.unaoc.trustfund.contributions.Books.tranche;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.unaoc.trustfund.ledger.InvariantsCheck;
import org.unaoc.trustfund.support.Api;
import org.unaoc.trustfund.support.FreshBooksTest;
import tools.jackson.databind.JsonNode;

/**
 * R6 on unapplied cash held in a foreign currency (2190): revalued at the closing rate, receipt by
 * receipt, and a later application settles the revalued carrying amount, so that 2190 comes back
 * to zero in USD and in the currency. Its own books: a revaluation covers the whole fund.
 */
class UnappliedRevaluationTest extends FreshBooksTest {

    @Test
    void unapplied_euros_are_revalued_and_their_application_settles_the_revalued_amount() {
        Books books = new Books(api());
        books.rates(Books.GOLDEN_EUR_RATES);
        books.contributor("ES", "Spain", "GOVERNMENT", true, false);
        JsonNode agreement = books.agreement("ES", "2006-03-15", List.of(tranche("2006-12-31", "1000000.00", "EUR")), Map.of());
        long id = agreement.get("id").asLong();
        // EUR 400,000 from an unknown payer at 0.78125: carried at 512,000.00
        JsonNode receipt = books.receipt(Map.of("amount", money("400000.00", "EUR"), "receivedOn", "2006-07-10",
                "bankAccount", "1011"));
        long receiptId = receipt.get("id").asLong();
        assertThat(receipt.get("unappliedUsd").asString()).isEqualTo("512000.00");

        // at 0.80 on 2006-10-31 the fund owes 500,000.00: a gain of 12,000.00 on the liability
        Api.Response revaluation = api().post("finance", "/api/revaluations", Map.of("asOf", "2006-10-31"));
        assertThat(revaluation.status()).as(revaluation.text()).isEqualTo(201);
        long entry = revaluation.body().get("entry").asLong();
        assertThat(books.lines(entry, null)).contains(dr("2190", "12000.00", "EUR 0.00"), cr("7820", "12000.00"));
        JsonNode revalued = api().get("finance", "/api/receipts/" + receiptId).body();
        assertThat(revalued.get("unappliedUsd").asString()).isEqualTo("500000.00");
        assertThat(revalued.get("unapplied").get("amount").asString()).isEqualTo("400000.00");
        // revaluing again on the same date changes nothing more
        Api.Response again = api().post("finance", "/api/revaluations", Map.of("asOf", "2006-10-31"));
        assertThat(again.body().get("entry").isNull()).as(again.text()).isTrue();

        // applied at 0.80 to a tranche carried at 0.80: 500,000.00 each side, no exchange difference left
        Api.Response applied = api().post("finance", "/api/receipts/" + receiptId + "/application",
                Map.of("agreement", id, "contributor", "ES", "date", "2006-11-05"));
        assertThat(applied.status()).as(applied.text()).isEqualTo(200);
        long application = applied.body().get("applied").valueStream().filter(a -> a.get("kind").asString().equals("TRANCHE"))
                .findFirst().orElseThrow().get("entry").asLong();
        assertThat(books.lines(application, null)).containsExactly(
                dr("2190", "500000.00", "EUR 400000.00"), cr("1210", "500000.00", "EUR 400000.00"));
        assertThat(applied.body().get("unappliedUsd").asString()).isEqualTo("0.00");

        var unapplied = db.fetchSingle("""
                SELECT coalesce(sum(l.amount_usd), 0), coalesce(sum(l.original_amount), 0)
                FROM journal_line l JOIN account a ON a.id = l.account_id WHERE a.code = '2190'""");
        assertThat(unapplied.get(0, java.math.BigDecimal.class)).isEqualByComparingTo("0");
        assertThat(unapplied.get(1, java.math.BigDecimal.class)).isEqualByComparingTo("0");
        Books.r7Holds(db, id);
        InvariantsCheck.hold(db, "after the revaluation and application of unapplied cash");
    }
}
