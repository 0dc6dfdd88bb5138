package org.unaoc.trustfund.contributions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.unaoc.trustfund.contributions.Books.money;

import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.unaoc.trustfund.support.Api;
import org.unaoc.trustfund.support.ApiTest;
import org.unaoc.trustfund.support.Months;
import tools.jackson.databind.JsonNode;

/**
 * R21: a reversed receipt reopens its tranche. Found by the simulation (seed 1: a receipt reversed,
 * approved by another officer, left its tranche PAID and the next receipt was refused as
 * "nothing outstanding"). Figures by hand: a USD tranche of 100,000.00 carried at 100,000.00.
 */
class ReceiptReversalTest extends ApiTest {

    private Books books;
    private YearMonth month;

    @BeforeEach
    void fund() {
        books = new Books(api());
        books.contributor("QA", "Qatar", "GOVERNMENT", false, true);
        month = Months.fresh();
    }

    @Test
    void a_reversed_receipt_reopens_its_tranche_and_a_new_receipt_settles_it() {
        long agreement = agreement();
        JsonNode paid = books.receipt(Map.of("agreement", agreement, "tranche", 1, "amount", money("100000.00", "USD"),
                "receivedOn", day(5), "bankAccount", "1010"));
        assertThat(trancheOf(agreement).get("status").asString()).isEqualTo("PAID");

        reverse(paid.get("entry").asLong(), day(10));

        JsonNode reopened = trancheOf(agreement);
        assertThat(reopened.get("status").asString()).isEqualTo("OPEN");
        assertThat(reopened.get("outstanding").get("amount").asString()).isEqualTo("100000.00");
        assertThat(reopened.get("carryingUsd").asString()).isEqualTo("100000.00");
        Books.r7Holds(db, agreement);

        books.receipt(Map.of("agreement", agreement, "tranche", 1, "amount", money("100000.00", "USD"),
                "receivedOn", day(12), "bankAccount", "1010"));
        assertThat(trancheOf(agreement).get("status").asString()).isEqualTo("PAID");
        assertThat(trancheOf(agreement).get("carryingUsd").asString()).isEqualTo("0.00");
    }

    @Test
    void the_earlier_of_two_receipts_reversed_after_the_later_one_leaves_what_it_paid_outstanding() {
        long agreement = agreement();
        JsonNode first = books.receipt(Map.of("agreement", agreement, "tranche", 1, "amount", money("40000.00", "USD"),
                "receivedOn", day(5), "bankAccount", "1010"));
        books.receipt(Map.of("agreement", agreement, "tranche", 1, "amount", money("60000.00", "USD"),
                "receivedOn", day(8), "bankAccount", "1010"));
        assertThat(trancheOf(agreement).get("status").asString()).isEqualTo("PAID");

        reverse(first.get("entry").asLong(), day(15));

        JsonNode after = trancheOf(agreement);
        assertThat(after.get("status").asString()).isEqualTo("PARTIALLY_PAID");
        assertThat(after.get("received").get("amount").asString()).isEqualTo("60000.00");
        assertThat(after.get("outstanding").get("amount").asString()).isEqualTo("40000.00");
        assertThat(after.get("carryingUsd").asString()).isEqualTo("40000.00");
        Books.r7Holds(db, agreement);
    }

    private long agreement() {
        return books.agreement("QA", day(1), List.of(Books.tranche(day(28), "100000.00", "USD")), Map.of()).get("id").asLong();
    }

    private void reverse(long entry, String date) {
        Api.Response requested = api().post("finance", "/api/journal-entries/" + entry + "/reversal",
                Map.of("date", date, "reason", "credited to the wrong fund by the bank"));
        assertThat(requested.status()).as(requested.text()).isEqualTo(202);
        Api.Response approved = api().post("approver", "/api/approvals/" + requested.body().get("approval").asString()
                + "/approval", Map.of());
        assertThat(approved.status()).as(approved.text()).isEqualTo(200);
    }

    private JsonNode trancheOf(long agreement) {
        return api().get("finance", "/api/agreements/" + agreement).body().get("tranches").get(0);
    }

    private String day(int day) {
        return month.atDay(day).toString();
    }
}
