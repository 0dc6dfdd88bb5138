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
 * The IPSAS presentation of the statements (issue #17 item 3) on small books worked by hand, with the
 * golden EUR rates and 0.80000 from 2007-12-01:
 * <ul>
 * <li>Türkiye signs on 2006-05-01 for USD 100,000.00 due 2006-06-30 (paid that day into 1010) and
 * USD 200,000.00 due 2008-06-30: non-current at the end of 2006, current at the end of 2007 (due
 * within twelve months) without any reclassification being run.</li>
 * <li>A foundation gives EUR 100,000.00 on 2006-10-15 into 1011 at 0.80000: 125,000.00. The 2006
 * revaluation at 0.78125 carries it at 128,000.00 (unrealised gain 3,000.00, not a cash flow: the
 * effect of exchange rates on cash); the 2007 one at 0.80000 at 125,000.00 (a net exchange loss of
 * 3,000.00, shown as an expense).</li>
 * </ul>
 * <pre>
 * cash flow               2006         2007
 * surplus            428,000.00    -3,000.00
 * unrealised on cash  -3,000.00     3,000.00
 * receivables       -200,000.00         0.00
 * operating          225,000.00         0.00
 * effect of rates      3,000.00    -3,000.00
 * cash at the end    228,000.00   225,000.00
 * </pre>
 * One set of books per class: {@link IpsasPresentationTest} in date order,
 * {@link IpsasPresentationLateTest} with the 2006 revaluation run after the 2007 one.
 */
abstract class IpsasPresentationBooks extends FreshBooksTest {

    void agreementAndGift() {
        Books books = new Books(api());
        books.rates(Books.GOLDEN_EUR_RATES + "EUR,2007-12-01,0.80000\n");
        books.contributor("TR", "Türkiye", "GOVERNMENT", true, false);
        books.contributor("FND-X", "Fondation X", "FOUNDATION", false, false);
        long turkey = books.agreement("TR", "2006-05-01", List.of(tranche("2006-06-30", "100000.00", "USD"),
                tranche("2008-06-30", "200000.00", "USD")), Map.of()).get("id").asLong();
        books.receipt(Map.of("agreement", turkey, "tranche", 1, "amount", money("100000.00", "USD"), "receivedOn", "2006-06-30",
                "bankAccount", "1010"));
        books.receipt(Map.of("contributor", "FND-X", "amount", money("100000.00", "EUR"), "receivedOn", "2006-10-15",
                "bankAccount", "1011"));
    }

    void revalue(String asOf) {
        Api.Response response = api().post("finance", "/api/revaluations", Map.of("asOf", asOf));
        assertThat(response.status()).as(response.text()).isEqualTo(201);
    }

    void theStatementsAreOnTheIpsasPresentation() {
        JsonNode flow2007 = statement("cash-flow", "from=2007-01-01&to=2007-12-31");
        assertThat(flow2007.get("columns").valueStream().map(JsonNode::asString).toList())
                .containsExactly("Item", "USD 2007", "USD 2006");
        assertThat(rows(flow2007)).contains(
                "Surplus (deficit) for the period -3000.00 428000.00",
                "Unrealised exchange (gains) losses on cash and cash equivalents 3000.00 -3000.00",
                "(Increase) decrease in contributions receivable 0.00 -200000.00",
                "Net cash flows from operating activities 0.00 225000.00",
                "Effect of exchange rate changes on cash and cash equivalents -3000.00 3000.00",
                "Net increase (decrease) in cash and cash equivalents -3000.00 228000.00",
                "Cash and cash equivalents at the beginning of the period 228000.00 0.00",
                "Cash and cash equivalents at the end of the period 225000.00 228000.00",
                "Cash accounts at the end of the period (check) 225000.00 228000.00");

        JsonNode position = statement("financial-position", "asOf=2007-12-31");
        assertThat(position.get("columns").valueStream().map(JsonNode::asString).toList())
                .containsExactly("Item", "USD at 2007-12-31", "USD at 2006-12-31");
        assertThat(rows(position)).contains("Cash and cash equivalents 225000.00 228000.00",
                "Contributions receivable — current 200000.00 0.00",
                "Contributions receivable — non-current 0.00 200000.00");

        JsonNode performance = statement("financial-performance", "from=2007-01-01&to=2007-12-31");
        assertThat(rows(performance)).contains("4100 Voluntary contributions 0.00 425000.00",
                "7810/7820 Net exchange gains 0.00 3000.00", "7810/7820 Net exchange losses 3000.00 0.00",
                "Surplus (deficit) for the period -3000.00 428000.00");
        assertThat(rows(performance)).noneMatch(row -> row.contains("Unrealised exchange gains and losses"));

        JsonNode first = statement("financial-performance", "from=2006-01-01&to=2006-12-31");
        assertThat(first.get("columns").get(3).asString()).as("the year before, though the books hold nothing then").isEqualTo("USD 2005");
    }

    JsonNode statement(String name, String query) {
        Api.Response response = api().get("auditor", "/api/statements/" + name + "?" + query);
        assertThat(response.status()).as(response.text()).isEqualTo(200);
        return response.body();
    }

    /** Each row's cells joined by spaces, empty cells left out. */
    static List<String> rows(JsonNode table) {
        List<String> rows = new ArrayList<>();
        for (JsonNode row : table.get("rows")) {
            rows.add(String.join(" ", row.get("cells").valueStream().filter(c -> !c.isNull() && !c.asString().isEmpty())
                    .map(JsonNode::asString).toList()));
        }
        return rows;
    }
}
