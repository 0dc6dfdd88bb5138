package org.unaoc.trustfund.spending;

import static org.assertj.core.api.Assertions.assertThat;
import static org.unaoc.trustfund.spending.Spend.commitment;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.unaoc.trustfund.support.Api;
import org.unaoc.trustfund.support.FreshBooksTest;
import tools.jackson.databind.JsonNode;

/**
 * Budget against actual by budget year on the budget basis (ACCOUNTING.md R23; issue #17 item 2):
 * original and final budget, expenditure from the journal (manual entries and reversals counted),
 * plus obligations open at the year's end, less those brought forward from the year before. PSC 13%.
 *
 * <p>The books, worked by hand. RESEARCH CONTRACTUAL planned 200,000.00 for 2004, revised to
 * 250,000.00; 100,000.00 for 2005. 2004-03-10 spent 50,000.00 (CONTRACTUAL, PSC 6,500.00);
 * 2004-06-01 obligation O1 of 80,000.00 (CONTRACTUAL); 2004-09-15 spent 10,000.00 (TRAVEL, PSC
 * 1,300.00), reversed on 2005-01-20; 2005-02-10 spent 30,000.00 liquidating O1 (50,000.00 left
 * open); 2005-04-01 a manual entry Dr 5500 / Cr 1010 2,000.00 without a component.
 *
 * <pre>
 * 2004        original   final    expenditure  open end  b/f     actual   variance  util.  PSC
 * CONTRACTUAL 200,000  250,000     50,000      80,000       0   130,000  120,000   52.0   6,500
 * TRAVEL            0        0     10,000           0       0    10,000  -10,000    —     1,300
 * total       200,000  250,000     60,000      80,000       0   140,000  110,000   56.0   7,800
 * 2005
 * CONTRACTUAL 100,000  100,000     30,000      50,000  80,000         0  100,000    0.0   3,900
 * TRAVEL            0        0    -10,000           0       0   -10,000   10,000    —    -1,300
 * (unassigned)/OPERATING            2,000           0       0     2,000   -2,000    —         0
 * total       100,000  100,000     22,000      50,000  80,000    -8,000  108,000   -8.0   2,600
 * 2004–2005: 300,000  350,000     82,000      50,000       0   132,000  218,000   37.7  10,400
 * </pre>
 *
 * <p>One set of books per class: {@link BudgetAgainstActualTest} records them in date order,
 * {@link BudgetAgainstActualBackDatedTest} back-dated with the plan revised last.
 */
abstract class BudgetYearsBooks extends FreshBooksTest {

    private static final String TOTAL_2004 = "200000.00 250000.00 60000.00 80000.00 0.00 140000.00 110000.00 56.0 7800.00";
    private static final String TOTAL_2005 = "100000.00 100000.00 22000.00 50000.00 80000.00 -8000.00 108000.00 -8.0 2600.00";

    void assertTheYears() {
        assertThat(year("2004-01-01", "2004-12-31")).containsExactly(
                "RESEARCH CONTRACTUAL 200000.00 250000.00 50000.00 80000.00 0.00 130000.00 120000.00 52.0 6500.00",
                "RESEARCH TRAVEL 0.00 0.00 10000.00 0.00 0.00 10000.00 -10000.00 - 1300.00",
                "Total - " + TOTAL_2004);
        assertThat(year("2005-01-01", "2005-12-31")).containsExactly(
                "(unassigned) OPERATING 0.00 0.00 2000.00 0.00 0.00 2000.00 -2000.00 - 0.00",
                "RESEARCH CONTRACTUAL 100000.00 100000.00 30000.00 50000.00 80000.00 0.00 100000.00 0.0 3900.00",
                "RESEARCH TRAVEL 0.00 0.00 -10000.00 0.00 0.00 -10000.00 10000.00 - -1300.00",
                "Total - " + TOTAL_2005);
        assertThat(year("2004-01-01", "2005-12-31")).as("two years are the sum of their years").last()
                .isEqualTo("Total - 300000.00 350000.00 82000.00 50000.00 0.00 132000.00 218000.00 37.7 10400.00");
    }

    /** Each row of the statement for from–to as its cells joined by spaces ("-" for an empty cell). */
    List<String> year(String from, String to) {
        Api.Response response = api().get("auditor", "/api/statements/budget-vs-actual?from=" + from + "&to=" + to);
        assertThat(response.status()).as(response.text()).isEqualTo(200);
        assertThat(response.body().get("columns").valueStream().map(JsonNode::asString).toList()).containsExactly("Component",
                "Object class", "Original budget", "Final budget", "Expenditure", "Obligations open at the end",
                "Obligations brought forward", "Actual (budget basis)", "Variance (final budget less actual)", "Utilisation %",
                "PSC charged on the expenditure");
        List<String> rows = new ArrayList<>();
        for (JsonNode row : response.body().get("rows")) {
            rows.add(String.join(" ", row.get("cells").valueStream().map(c -> c.isNull() ? "-" : c.asString()).toList()));
        }
        return rows;
    }

    Spend books() {
        Spend spend = new Spend(api());
        spend.contributor("QA");
        spend.cash("QA", "1000000.00", "2004-01-01");
        return spend;
    }

    long obligation(Spend spend) {
        Api.Response obligated = spend.obligation(commitment("RESEARCH", "CONTRACTUAL", "80000.00", "2004-06-01"));
        assertThat(obligated.status()).as(obligated.text()).isEqualTo(201);
        return obligated.body().get("id").asLong();
    }

    /** An expenditure on RESEARCH, liquidating the obligation when one is named; answers its journal entry. */
    long spent(Spend spend, String objectClass, String amount, String date, Long obligation) {
        Map<String, Object> commitment = commitment("RESEARCH", objectClass, amount, date);
        if (obligation != null) {
            commitment.put("obligation", obligation);
        }
        Api.Response spent = spend.expenditure(commitment);
        assertThat(spent.status()).as(spent.text()).isEqualTo(201);
        return spent.body().get("entry").get("id").asLong();
    }

    void reverse(Spend spend, long entry, String date) {
        spend.approve(api().post("finance", "/api/journal-entries/" + entry + "/reversal",
                Map.of("date", date, "reason", "charged to the wrong component")));
    }

    void manualEntry(Spend spend) {
        spend.approve(api().post("finance", "/api/journal-entries", Map.of("date", "2005-04-01",
                "description", "Bank fees booked as operating expenses", "lines", List.of(
                        Map.of("account", "5500", "debit", "2000.00"), Map.of("account", "1010", "credit", "2000.00")))));
    }
}
