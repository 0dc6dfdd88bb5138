package org.unaoc.trustfund.spending;

import static org.assertj.core.api.Assertions.assertThat;
import static org.unaoc.trustfund.spending.Spend.commitment;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.unaoc.trustfund.support.Api;
import org.unaoc.trustfund.support.FreshBooksTest;
import tools.jackson.databind.JsonNode;

/** J-E whole, and earmarks: research cash serves research only. */
class ConditionalContributionTest extends FreshBooksTest {

    @Test
    void j_e_spending_meets_the_condition_and_the_rest_is_returned_at_the_deadline() {
        Spend spend = new Spend(api());
        spend.contributor("FND-STUDY");
        Api.Response agreement = api().post("finance", "/api/agreements", Map.of("contributor", "FND-STUDY",
                "reference", "FND-2006", "signedOn", "2006-04-01", "earmark", "RESEARCH",
                "condition", Map.of("description", "research study finished", "deadline", "2006-12-31"),
                "tranches", List.of(Map.of("dueOn", "2006-04-01", "amount", Spend.usd("200000.00")))));
        assertThat(agreement.status()).as(agreement.text()).isEqualTo(201);
        long id = agreement.body().get("id").asLong();
        Api.Response receipt = api().post("finance", "/api/receipts", Map.of("agreement", id, "amount", Spend.usd("200000.00"),
                "receivedOn", "2006-04-01", "bankAccount", "1010", "bankReference", "FND-1"));
        assertThat(receipt.status()).as(receipt.text()).isEqualTo(201);

        Api.Response research = spend.expenditure(commitment("RESEARCH", "CONTRACTUAL", "150000.00", "2006-09-15"));
        assertThat(research.status()).as(research.text()).isEqualTo(201);
        assertThat(spend.lines(research.body().get("entry")))
                .containsExactly("5300 Dr 150000.00", "1010 Cr 150000.00", "5900 Dr 19500.00", "2150 Cr 19500.00");
        JsonNode met = research.body().get("conditionsMet").get(0);
        assertThat(spend.lines(met)).containsExactly("2300 Dr 169500.00", "4100 Cr 169500.00");

        Api.Response early = api().post("finance", "/api/agreements/" + id + "/condition-expiry", Map.of("date", "2006-12-30"));
        assertThat(early.status()).isEqualTo(422);
        Api.Response expired = api().post("finance", "/api/agreements/" + id + "/condition-expiry", Map.of("date", "2006-12-31"));
        assertThat(expired.status()).as(expired.text()).isEqualTo(201);
        assertThat(expired.body().get("amount").asString()).isEqualTo("30500.00");
        JsonNode returned = api().get("auditor", "/api/journal-entries/" + expired.body().get("entry").asLong()).body();
        assertThat(spend.lines(returned)).containsExactly("2300 Dr 30500.00", "2110 Cr 30500.00");

        // booked at the expiry by the finance officer alone, the refund is paid only on another officer's approval (R19)
        JsonNode paid = spend.approve(api().post("finance", "/api/refunds/" + expired.body().get("id").asLong() + "/payment",
                Map.of("date", "2007-01-10")));
        JsonNode payment = api().get("auditor", "/api/journal-entries/" + paid.get("paidEntry").asLong()).body();
        assertThat(spend.lines(payment)).containsExactly("2110 Dr 30500.00", "1010 Cr 30500.00");
        assertThat(api().post("finance", "/api/refunds/" + expired.body().get("id").asLong() + "/payment",
                Map.of("date", "2007-01-11")).status()).isEqualTo(409);
    }

    @Test
    void a_secretariat_expense_cannot_use_cash_earmarked_for_research_and_a_research_expense_can_use_both() {
        Spend spend = new Spend(api());
        spend.contributor("FI");
        spend.contributor("FND-EARMARK");
        spend.cash("FI", "10000.00", "2007-01-05");
        Api.Response agreement = api().post("finance", "/api/agreements", Map.of("contributor", "FND-EARMARK",
                "reference", "EARMARK-RESEARCH", "signedOn", "2007-01-05", "earmark", "RESEARCH",
                "tranches", List.of(Map.of("dueOn", "2007-01-31", "amount", Spend.usd("50000.00")))));
        long id = agreement.body().get("id").asLong();
        assertThat(api().post("finance", "/api/receipts", Map.of("agreement", id, "amount", Spend.usd("50000.00"),
                "receivedOn", "2007-01-10", "bankAccount", "1010", "bankReference", "EARMARK-1")).status()).isEqualTo(201);
        JsonNode secretariat = api().get("finance", "/api/availability?component=SECRETARIAT&asOf=2007-01-15").body();
        assertThat(secretariat.get("available").asString()).isEqualTo("10000.00");
        assertThat(api().get("finance", "/api/availability?component=RESEARCH&asOf=2007-01-15").body()
                .get("available").asString()).isEqualTo("60000.00");

        Api.Response refused = spend.expenditure(commitment("SECRETARIAT", "OPERATING", "10000.00", "2007-01-15"));
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.body().get("available").get("amount").asString()).isEqualTo("10000.00");
        Api.Response research = spend.expenditure(commitment("RESEARCH", "STAFF", "53097.34", "2007-01-15"));
        assertThat(research.status()).as(research.text()).isEqualTo(201);
        // 53,097.34 + PSC 6,902.65 = 59,999.99 of the 60,000.00
        assertThat(api().get("finance", "/api/availability?component=RESEARCH&asOf=2007-01-15").body()
                .get("available").asString()).isEqualTo("0.01");
    }
}
