package org.unaoc.trustfund.contributions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.unaoc.trustfund.contributions.Books.money;
import static org.unaoc.trustfund.contributions.Books.tranche;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.unaoc.trustfund.support.ApiTest;

/**
 * R16 to the cent: two partial payments of a EUR tranche, recorded in date order and the other way
 * round. EUR 1,000.00 signed at 0.80000 carries 1,250.00. In date order the EUR 222.22 of 10 March
 * settles round(1,250.00 × 222.22 / 1,000.00) = 277.78, so on 15 March the tranche carries 972.22,
 * and the EUR 111.11 of 20 March round(972.22 × 111.11 / 777.78) = 138.89, leaving 833.33.
 * Recorded the other way round, 20 March first settles 138.89 and 10 March then 277.77: 972.23 on
 * 15 March and 833.34 at the end. Found by the simulation:
 * seeds 3, 5, 104, 108 and 109 (receivable-carrying:cents, exchange-difference:cents).
 */
class SettlementOrderTest extends ApiTest {

    private Books books;

    @BeforeEach
    void fund() {
        books = new Books(api());
        books.rates(Books.GOLDEN_EUR_RATES);
        books.contributor("ES", "Spain", "GOVERNMENT", true, false);
    }

    @Test
    void in_date_order_the_earlier_payment_settles_its_share_first() {
        long id = agreement();
        pay(id, "222.22", "2006-03-10");
        pay(id, "111.11", "2006-03-20");
        assertThat(carried(id, "2006-03-15")).isEqualByComparingTo("972.22");
        assertThat(carried(id, "2006-03-31")).isEqualByComparingTo("833.33");
    }

    @Test
    void a_payment_recorded_after_a_later_one_gives_the_date_ordered_carrying_amount() {
        long id = agreement();
        pay(id, "111.11", "2006-03-20");
        pay(id, "222.22", "2006-03-10");
        assertThat(carried(id, "2006-03-15")).isEqualByComparingTo("972.22");
        assertThat(carried(id, "2006-03-31")).isEqualByComparingTo("833.33");
    }

    private long agreement() {
        return books.agreement("ES", "2006-03-02", List.of(tranche("2006-06-30", "1000.00", "EUR")), Map.of())
                .get("id").asLong();
    }

    private void pay(long agreement, String amount, String date) {
        books.receipt(Map.of("agreement", agreement, "tranche", 1, "amount", money(amount, "EUR"), "receivedOn", date,
                "bankAccount", "1011"));
    }

    private BigDecimal carried(long agreement, String asOf) {
        return Books.balance(db, agreement, "2000-01-01", asOf, "1210", "1220");
    }
}
