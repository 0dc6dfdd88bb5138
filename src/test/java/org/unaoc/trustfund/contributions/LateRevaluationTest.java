package org.unaoc.trustfund.contributions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.unaoc.trustfund.contributions.Books.money;
import static org.unaoc.trustfund.contributions.Books.tranche;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Disabled;
import org.junit.jupiter.api.Test;
import org.unaoc.trustfund.support.Api;
import org.unaoc.trustfund.support.FreshBooksTest;

/**
 * R16 with J-B recorded in the other order: the 2007 receipt first, the 2006 year-end revaluation
 * after it. ACCOUNTING.md gives the figures: 2006 shows 7820 15,000.00, 2007 shows 7810 5,161.29 and
 * 1210 ends at zero. (The date order is WorkedJournalsTest.j_b_….) The simulation finds the same
 * defect: seed 4 with -Dsimulation.without=out-of-order-closes,year-end-closes (exchange-difference
 * on agreement A2 after operation 75, a revaluation run after later receipts).
 */
class LateRevaluationTest extends FreshBooksTest {

    @Test
    @Disabled("#15: a revaluation as of D run after a settlement dated after D counts the gain again; "
            + "found by the simulation, seed 4 (make simulate SEED=4)")
    void j_b_revaluation_run_after_the_next_years_receipt_gives_the_date_ordered_books() {
        Books books = new Books(api());
        books.rates(Books.GOLDEN_EUR_RATES);
        books.contributor("ES", "Spain", "GOVERNMENT", true, false);
        long id = books.agreement("ES", "2006-10-02", List.of(tranche("2007-03-31", "500000.00", "EUR")), Map.of())
                .get("id").asLong();
        books.receipt(Map.of("agreement", id, "amount", money("500000.00", "EUR"), "receivedOn", "2007-02-12",
                "bankAccount", "1011"));

        Api.Response revaluation = api().post("finance", "/api/revaluations", Map.of("asOf", "2006-12-31"));
        assertThat(revaluation.status()).as(revaluation.text()).isEqualTo(201);

        assertThat(sum(id, "7820", "2006-01-01", "2006-12-31")).as("2006 unrealised gain").isEqualByComparingTo("-15000.00");
        assertThat(sum(id, "7810", "2007-01-01", "2007-12-31")).as("2007 realised gain").isEqualByComparingTo("-5161.29");
        assertThat(sum(id, "7820", "2007-01-01", "2007-12-31").add(sum(id, "7810", "2006-01-01", "2006-12-31")))
                .as("nothing else").isEqualByComparingTo("0");
        assertThat(sum(id, "1210", "2006-01-01", "2007-12-31")).as("1210 at the end").isEqualByComparingTo("0");
        Books.r7Holds(db, id);
    }

    private BigDecimal sum(long agreement, String account, String from, String to) {
        return Books.balance(db, agreement, from, to, account);
    }
}
