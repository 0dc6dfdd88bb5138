package org.unaoc.trustfund.spending;

import static org.assertj.core.api.Assertions.assertThat;
import static org.unaoc.trustfund.spending.Spend.commitment;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.unaoc.trustfund.support.Api;
import org.unaoc.trustfund.support.FreshBooksTest;
import tools.jackson.databind.JsonNode;

/**
 * R21 on the uses side: a reversed expenditure leaves the obligation it liquidated, and budget
 * against actual, as they were before it. Found by the simulation: seed 2 (an expenditure of
 * 178,140.19 liquidated obligation O1 of 173,275.26 and was reversed the same day; the schedule
 * still showed O1 liquidated) and seeds 1 to 3 (budget against actual counted reversed
 * expenditures). Figures by hand: an obligation of 100,000.00, PSC 13%.
 */
class ObligationReversalTest extends FreshBooksTest {

    @Test
    void an_expenditure_liquidating_its_obligation_in_full_leaves_nothing_open() {
        long obligation = obligationLiquidated("2005-03");
        assertThat(open(obligation, "2005-03-31")).isNull();
    }

    @Test
    void a_reversed_expenditure_leaves_its_obligation_open_again() {
        long obligation = obligationLiquidated("2005-05");
        Api.Response expenditures = api().get("auditor", "/api/journal-entries?from=2005-05-10&to=2005-05-10&type=EXPENDITURE");
        long entry = expenditures.body().get(0).get("id").asLong();
        Spend spend = new Spend(api());
        spend.approve(api().post("finance", "/api/journal-entries/" + entry + "/reversal",
                Map.of("date", "2005-05-20", "reason", "paid to the wrong payee")));
        JsonNode row = open(obligation, "2005-05-31");
        assertThat(row).isNotNull();
        assertThat(row.get("unliquidated").asString()).isEqualTo("100000.00");
        assertThat(row.get("unliquidatedWithPsc").asString()).isEqualTo("113000.00");
    }

    @Test
    void a_reversed_expenditure_is_not_actual_spending_in_budget_against_actual() {
        obligationLiquidated("2004-07");
        long entry = api().get("auditor", "/api/journal-entries?from=2004-07-10&to=2004-07-10&type=EXPENDITURE")
                .body().get(0).get("id").asLong();
        new Spend(api()).approve(api().post("finance", "/api/journal-entries/" + entry + "/reversal",
                Map.of("date", "2004-07-20", "reason", "paid to the wrong payee")));
        JsonNode table = api().get("auditor", "/api/statements/budget-vs-actual?from=2004-01-01&to=2004-12-31").body();
        JsonNode total = table.get("rows").valueStream().filter(row -> row.get("kind").asString().equals("TOTAL"))
                .findFirst().orElseThrow().get("cells");
        assertThat(table.get("columns").get(4).asString()).isEqualTo("Expenditure");
        assertThat(total.get(4).asString()).as("expenditure").isEqualTo("0.00");
        assertThat(total.get(10).asString()).as("programme support cost").isEqualTo("0.00");
        assertThat(total.get(7).asString()).as("actual: the obligation is open again").isEqualTo("100000.00");
    }

    /** Cash of 1,000,000.00, an obligation of 100,000.00 and an expenditure of 100,000.00 that liquidates it. */
    private long obligationLiquidated(String month) {
        Spend spend = new Spend(api());
        spend.contributor("QA");
        spend.cash("QA", "1000000.00", month + "-01");
        Api.Response obligated = spend.obligation(commitment("RESEARCH", "CONTRACTUAL", "100000.00", month + "-05"));
        assertThat(obligated.status()).as(obligated.text()).isEqualTo(201);
        long obligation = obligated.body().get("id").asLong();
        Map<String, Object> liquidating = commitment("RESEARCH", "CONTRACTUAL", "100000.00", month + "-10");
        liquidating.put("obligation", obligation);
        Api.Response spent = spend.expenditure(liquidating);
        assertThat(spent.status()).as(spent.text()).isEqualTo(201);
        return obligation;
    }

    private JsonNode open(long obligation, String asOf) {
        JsonNode schedule = api().get("auditor", "/api/statements/obligations?asOf=" + asOf).body();
        for (JsonNode row : schedule.get("obligations")) {
            if (row.get("obligation").asLong() == obligation) {
                return row;
            }
        }
        return null;
    }
}
