package org.unaoc.trustfund.spending;

import static org.assertj.core.api.Assertions.assertThat;
import static org.unaoc.trustfund.spending.Spend.commitment;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.unaoc.trustfund.support.Api;
import org.unaoc.trustfund.support.Closing;
import org.unaoc.trustfund.support.FreshBooksTest;
import tools.jackson.databind.JsonNode;

/**
 * Obligations that change (R21, #16 item 5), in two recording orders where order could matter.
 * Figures by hand: 200,000.00 of cash without an agreement (nothing earmarked), no cost plan (no
 * reserve), PSC 13%. An obligation of 100,000.00 commits 113,000.00, so 87,000.00 is available;
 * an expenditure of 95,000.00 that liquidates it pays 95,000.00 and owes PSC of 12,350.00, leaving
 * 5,000.00 open (5,650.00 with PSC): 200,000.00 − 95,000.00 − 12,350.00 − 5,650.00 = 87,000.00.
 * Releasing the 5,000.00 makes 92,650.00 available.
 *
 * <p>The tests share one fund: each runs in a year of its own, earlier than the years of the tests
 * before it, so that its figures on its own dates are its own.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ObligationAdjustmentTest extends FreshBooksTest {

    private Spend books;

    @BeforeEach
    void books() {
        books = new Spend(api());
    }

    @Test
    @Order(1)
    void a_final_liquidation_releases_the_rest_with_its_psc() {
        long obligation = obligation("2019");
        Map<String, Object> liquidating = liquidating(obligation, "95000.00", "2019-03-15");
        liquidating.put("finalLiquidation", true);
        Api.Response spent = new Spend(api()).expenditure(liquidating);
        assertThat(spent.status()).as(spent.text()).isEqualTo(201);
        assertThat(books.available("2019-03-14")).isEqualByComparingTo("87000.00");
        assertThat(books.available("2019-03-31")).isEqualByComparingTo("92650.00");
        JsonNode now = api().get("auditor", "/api/obligations/" + obligation).body();
        assertThat(now.get("liquidated").asString()).isEqualTo("95000.00");
        assertThat(now.get("adjusted").asString()).isEqualTo("-5000.00");
        assertThat(now.get("unliquidated").asString()).isEqualTo("0.00");
        assertThat(open(obligation, "2019-03-31")).isNull();
        assertThat(open(obligation, "2019-03-14").get("unliquidatedWithPsc").asString()).isEqualTo("113000.00");
    }

    @Test
    @Order(2)
    void an_obligation_liquidated_by_95000_then_closed_releases_5650_with_psc() {
        long obligation = obligation("2018");
        assertThat(new Spend(api()).expenditure(liquidating(obligation, "95000.00", "2018-03-15")).status()).isEqualTo(201);
        assertThat(books.available("2018-03-31")).isEqualByComparingTo("87000.00");
        assertThat(open(obligation, "2018-03-31").get("unliquidatedWithPsc").asString()).isEqualTo("5650.00");
        Api.Response closed = adjust(obligation, Map.of("cancel", true, "date", "2018-04-01", "reason", "work completed"));
        assertThat(closed.status()).as(closed.text()).isEqualTo(200);
        assertThat(closed.body().get("adjusted").asString()).isEqualTo("-5000.00");
        assertThat(closed.body().get("unliquidated").asString()).isEqualTo("0.00");
        assertThat(books.available("2018-03-31")).as("March is as it was").isEqualByComparingTo("87000.00");
        assertThat(books.available("2018-04-30")).isEqualByComparingTo("92650.00");
        assertThat(open(obligation, "2018-04-30")).isNull();
        Api.Response again = adjust(obligation, Map.of("cancel", true, "date", "2018-04-02", "reason", "again"));
        assertThat(again.status()).as(again.text()).isEqualTo(409);
        assertThat(again.body().get("type").asString()).isEqualTo("/problems/nothing-open");
    }

    /** Recorded out of date order: the liquidation of 1 April first, then a reduction dated 1 March. */
    @Test
    @Order(3)
    void a_reduction_dated_before_a_liquidation_recorded_earlier_takes_no_more_than_stays_open() {
        long obligation = obligation("2017");
        assertThat(new Spend(api()).expenditure(liquidating(obligation, "95000.00", "2017-04-01")).status()).isEqualTo(201);
        Api.Response tooMuch = adjust(obligation, reduction("-10000.00", "2017-03-01"));
        assertThat(tooMuch.status()).as(tooMuch.text()).isEqualTo(422);
        assertThat(tooMuch.body().get("field").asString()).isEqualTo("amount");
        assertThat(tooMuch.body().get("open").get("amount").asString()).isEqualTo("5000.00");
        Api.Response reduced = adjust(obligation, reduction("-5000.00", "2017-03-01"));
        assertThat(reduced.status()).as(reduced.text()).isEqualTo(200);
        JsonNode march = open(obligation, "2017-03-31");
        assertThat(march.get("adjusted").asString()).isEqualTo("-5000.00");
        assertThat(march.get("unliquidated").asString()).isEqualTo("95000.00");
        assertThat(books.available("2017-03-31")).isEqualByComparingTo("92650.00");
        assertThat(books.available("2017-04-30")).isEqualByComparingTo("92650.00");
        assertThat(open(obligation, "2017-04-30")).isNull();
    }

    /** The same in date order: the reduction first, and the liquidation then takes only the 90,000.00 left. */
    @Test
    @Order(4)
    void the_same_in_date_order_liquidates_what_is_left_and_checks_the_excess() {
        long obligation = obligation("2016");
        assertThat(adjust(obligation, reduction("-10000.00", "2016-03-01")).status()).isEqualTo(200);
        assertThat(books.available("2016-03-31")).isEqualByComparingTo("98300.00"); // 200,000.00 − 101,700.00
        Api.Response spent = new Spend(api()).expenditure(liquidating(obligation, "95000.00", "2016-04-01"));
        assertThat(spent.status()).as(spent.text()).isEqualTo(201);
        assertThat(spent.body().get("liquidated").asString()).isEqualTo("90000.00");
        assertThat(books.available("2016-04-30")).isEqualByComparingTo("92650.00");
        assertThat(open(obligation, "2016-04-30")).isNull();
    }

    /** 100,000.00 of cash, an obligation of 80,000.00 (90,400.00): 9,600.00 is available. */
    @Test
    @Order(5)
    void raising_an_obligation_needs_the_funds_for_the_increase_with_its_psc() {
        Spend spend = new Spend(api());
        spend.contributor("NO");
        spend.cash("NO", "100000.00", "2015-01-02");
        long obligation = spend.obligation(commitment("HLG", "MEETINGS", "80000.00", "2015-02-01")).body().get("id").asLong();
        Api.Response tooMuch = adjust(obligation, reduction("10000.00", "2015-02-10"));
        assertThat(tooMuch.status()).as(tooMuch.text()).isEqualTo(409);
        assertThat(tooMuch.body().get("type").asString()).isEqualTo("/problems/insufficient-funds");
        assertThat(tooMuch.body().get("available").get("amount").asString()).isEqualTo("9600.00");
        assertThat(tooMuch.body().get("required").get("amount").asString()).isEqualTo("11300.00");
        Api.Response raised = adjust(obligation, reduction("8000.00", "2015-02-10"));
        assertThat(raised.status()).as(raised.text()).isEqualTo(200);
        assertThat(raised.body().get("unliquidated").asString()).isEqualTo("88000.00");
        assertThat(books.available("2015-02-28")).isEqualByComparingTo("560.00"); // 100,000.00 − 99,440.00
    }

    @Test
    @Order(6)
    void a_reversed_final_liquidation_leaves_the_obligation_as_it_was() {
        long obligation = obligation("2014");
        Map<String, Object> liquidating = liquidating(obligation, "95000.00", "2014-03-15");
        liquidating.put("finalLiquidation", true);
        assertThat(new Spend(api()).expenditure(liquidating).status()).isEqualTo(201);
        long entry = api().get("auditor", "/api/journal-entries?from=2014-03-15&to=2014-03-15&type=EXPENDITURE")
                .body().get(0).get("id").asLong();
        new Spend(api()).approve(api().post("finance", "/api/journal-entries/" + entry + "/reversal",
                Map.of("date", "2014-03-20", "reason", "paid to the wrong payee")));
        assertThat(open(obligation, "2014-03-31").get("unliquidated").asString()).isEqualTo("100000.00");
        assertThat(books.available("2014-03-31")).isEqualByComparingTo("87000.00");
        assertThat(api().get("auditor", "/api/obligations/" + obligation).body().get("adjusted").asString()).isEqualTo("0.00");
    }

    @Test
    @Order(7)
    void bad_adjustments_are_refused_and_write_nothing() {
        long obligation = obligation("2013");
        Api.Response both = adjust(obligation, Map.of("cancel", true, "amount", Spend.usd("-1.00"), "date", "2013-03-01",
                "reason", "both"));
        assertThat(both.status()).as(both.text()).isEqualTo(422);
        assertThat(both.body().get("field").asString()).isEqualTo("amount");
        Api.Response neither = adjust(obligation, Map.of("date", "2013-03-01", "reason", "neither"));
        assertThat(neither.status()).isEqualTo(422);
        assertThat(neither.body().get("field").asString()).isEqualTo("amount");
        Api.Response early = adjust(obligation, reduction("-1.00", "2013-01-15"));
        assertThat(early.status()).isEqualTo(422);
        assertThat(early.body().get("field").asString()).isEqualTo("date");
        Api.Response euros = adjust(obligation, Map.of("amount", Map.of("amount", "-1.00", "currency", "EUR"),
                "date", "2013-03-01", "reason", "euros"));
        assertThat(euros.status()).isEqualTo(422);
        assertThat(euros.body().get("field").asString()).isEqualTo("amount");
        Api.Response missing = adjust(999_999, reduction("-1.00", "2013-03-01"));
        assertThat(missing.status()).isEqualTo(422);
        assertThat(missing.body().get("field").asString()).isEqualTo("obligation");
        assertThat(api().get("auditor", "/api/obligations/" + obligation).body().get("adjusted").asString()).isEqualTo("0.00");
        Closing.monthsBefore(api(), db, YearMonth.of(2013, 2));
        // February has no entry (an obligation is not in the journal), but its schedule is closed with it
        Api.Response february = api().post("finance", "/api/periods/2013-02/close", Map.of());
        assertThat(february.status()).as(february.text()).isEqualTo(200);
        Api.Response closed = adjust(obligation, reduction("-1.00", "2013-02-15"));
        assertThat(closed.status()).as(closed.text()).isEqualTo(409);
        assertThat(closed.body().get("type").asString()).isEqualTo("/problems/period-closed");
        Api.Response obligatedInClosedMonth = new Spend(api()).obligation(commitment("HLG", "MEETINGS", "1.00", "2013-02-20"));
        assertThat(obligatedInClosedMonth.status()).as(obligatedInClosedMonth.text()).isEqualTo(409);
        assertThat(obligatedInClosedMonth.body().get("type").asString()).isEqualTo("/problems/period-closed");
        assertThat(api().get("auditor", "/api/obligations/" + obligation).body().get("adjusted").asString()).isEqualTo("0.00");
    }

    /** 200,000.00 of cash on 2 January and an obligation of 100,000.00 on 1 February of the year. */
    private long obligation(String year) {
        Spend spend = new Spend(api());
        spend.contributor("QA");
        spend.cash("QA", "200000.00", year + "-01-02");
        Api.Response obligated = spend.obligation(commitment("RESEARCH", "CONTRACTUAL", "100000.00", year + "-02-01"));
        assertThat(obligated.status()).as(obligated.text()).isEqualTo(201);
        assertThat(books.available(year + "-02-28")).isEqualByComparingTo("87000.00");
        return obligated.body().get("id").asLong();
    }

    private static Map<String, Object> liquidating(long obligation, String amount, String date) {
        Map<String, Object> liquidating = new HashMap<>(commitment("RESEARCH", "CONTRACTUAL", amount, date));
        liquidating.put("obligation", obligation);
        return liquidating;
    }

    private static Map<String, Object> reduction(String amount, String date) {
        return Map.of("amount", Spend.usd(amount), "date", date, "reason", "scope changed");
    }

    private Api.Response adjust(long obligation, Map<String, Object> adjustment) {
        return api().post("finance", "/api/obligations/" + obligation + "/adjustment", adjustment);
    }

    private JsonNode open(long obligation, String asOf) {
        for (JsonNode row : api().get("auditor", "/api/statements/obligations?asOf=" + asOf).body().get("obligations")) {
            if (row.get("obligation").asLong() == obligation) {
                return row;
            }
        }
        return null;
    }

}
