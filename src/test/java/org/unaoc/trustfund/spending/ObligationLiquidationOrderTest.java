package org.unaoc.trustfund.spending;

import static org.assertj.core.api.Assertions.assertThat;
import static org.unaoc.trustfund.spending.Spend.commitment;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.unaoc.trustfund.support.Api;
import org.unaoc.trustfund.support.FreshBooksTest;
import tools.jackson.databind.JsonNode;

/**
 * R21 in any recording order (R16), found by the simulation on 2 December. What an expenditure
 * liquidates is what date order gives, restated when an earlier-dated event is recorded later
 * ({@link Liquidations}); figures by hand.
 */
class ObligationLiquidationOrderTest extends FreshBooksTest {

    /**
     * Seed 9 (260 operations, shortened to 11): 1,000.00 obligated, liquidated by 600.00 (March) and
     * 300.00 (May); 200.00 in September finds 100.00 open when recorded. The May one is then
     * reversed, dated June: in date order September finds 400.00 open and liquidates all 200.00, so
     * 1,000.00 − 600.00 − 200.00 = 200.00 stays open.
     */
    @Test
    void a_reversal_dated_before_a_later_liquidation_frees_the_obligation_for_it() {
        Spend spend = new Spend(api());
        long obligation = fundedObligation(spend, "1000.00");
        liquidate(spend, obligation, "600.00", "2011-03-01");
        long may = liquidate(spend, obligation, "300.00", "2011-05-01");
        long september = liquidate(spend, obligation, "200.00", "2011-09-01");
        assertThat(liquidated(september)).isEqualTo("100.00");
        reverse(spend, may, "2011-06-01");
        assertThat(unliquidated(obligation, "2011-09-30")).isEqualTo("200.00");
        assertThat(unliquidated(obligation, "2011-05-31")).as("before the reversal, as it was").isEqualTo("100.00");
        assertThat(liquidated(september)).isEqualTo("200.00");
    }

    @Test
    void the_same_recorded_in_date_order() {
        Spend spend = new Spend(api());
        long obligation = fundedObligation(spend, "1000.00");
        liquidate(spend, obligation, "600.00", "2011-03-01");
        long may = liquidate(spend, obligation, "300.00", "2011-05-01");
        reverse(spend, may, "2011-06-01");
        long september = liquidate(spend, obligation, "200.00", "2011-09-01");
        assertThat(unliquidated(obligation, "2011-09-30")).isEqualTo("200.00");
        assertThat(unliquidated(obligation, "2011-05-31")).isEqualTo("100.00");
        assertThat(liquidated(september)).isEqualTo("200.00");
    }

    /**
     * Seed 10 (shortened to 11): 1,000.00 obligated; 800.00 liquidates, then 250.00 finds 200.00 open
     * and liquidates that (50.00 beyond the obligation). The 800.00 is reversed later: it gives back
     * the 800.00 it liquidated, not the 850.00 a total capped at the obligation would (open 800.00, not 750.00).
     */
    @Test
    void a_reversed_liquidation_gives_back_what_it_liquidated() {
        Spend spend = new Spend(api());
        long obligation = fundedObligation(spend, "1000.00");
        long first = liquidate(spend, obligation, "800.00", "2011-03-01");
        long second = liquidate(spend, obligation, "250.00", "2011-04-01");
        assertThat(liquidated(second)).isEqualTo("200.00");
        reverse(spend, first, "2011-08-01");
        assertThat(unliquidated(obligation, "2011-07-31")).isEqualTo("0.00");
        assertThat(unliquidated(obligation, "2011-08-31")).isEqualTo("800.00");
        assertThat(liquidated(second)).isEqualTo("200.00");
    }

    /**
     * 100,000.00 liquidated by 95,000.00 as final (5,000.00 released); then 2,000.00 dated before it is
     * recorded: in date order the final one liquidates 95,000.00 of the 98,000.00 open and releases
     * 3,000.00; nothing stays open either way.
     */
    @Test
    void an_expenditure_dated_before_a_final_liquidation_recorded_after_it_shrinks_the_release() {
        Spend spend = new Spend(api());
        long obligation = fundedObligation(spend, "100000.00");
        Map<String, Object> last = commitment("SECRETARIAT", "TRAVEL", "95000.00", "2011-09-01");
        last.put("obligation", obligation);
        last.put("finalLiquidation", true);
        Api.Response finalOne = spend.expenditure(last);
        assertThat(finalOne.status()).as(finalOne.text()).isEqualTo(201);
        liquidate(spend, obligation, "2000.00", "2011-08-01");
        JsonNode o = api().get("auditor", "/api/obligations/" + obligation).body();
        assertThat(o.get("liquidated").asString()).isEqualTo("97000.00");
        assertThat(o.get("adjusted").asString()).isEqualTo("-3000.00");
        assertThat(o.get("unliquidated").asString()).isEqualTo("0.00");
        assertThat(unliquidated(obligation, "2011-08-31")).isEqualTo("98000.00");
    }

    /**
     * 1,000.00 obligated; 100.00 spent on it dated 1 May and the obligation cancelled on 1 June. In
     * date order the cancellation releases the 900.00 left. Recorded the other way round, the
     * cancellation has released all 1,000.00 and the May expenditure would take what it released:
     * refused, naming the cancellation, and nothing written.
     */
    @Test
    void a_liquidation_dated_before_a_cancellation_recorded_earlier_is_refused_and_writes_nothing() {
        Spend spend = new Spend(api());
        long inDateOrder = fundedObligation(spend, "1000.00");
        liquidate(spend, inDateOrder, "100.00", "2011-05-01");
        Api.Response cancelled = cancel(inDateOrder, "2011-06-01");
        assertThat(cancelled.status()).as(cancelled.text()).isEqualTo(200);
        assertThat(cancelled.body().get("adjusted").asString()).isEqualTo("-900.00");
        assertThat(unliquidated(inDateOrder, "2011-05-31")).isEqualTo("900.00");

        long cancelledFirst = fundedObligation(spend, "1000.00");
        assertThat(cancel(cancelledFirst, "2011-06-01").status()).isEqualTo(200);
        long entries = db.fetchCount(org.unaoc.trustfund.db.Tables.JOURNAL_ENTRY);
        Map<String, Object> may = commitment("SECRETARIAT", "TRAVEL", "100.00", "2011-05-01");
        may.put("obligation", cancelledFirst);
        Api.Response refused = spend.expenditure(may);
        assertThat(refused.status()).as(refused.text()).isEqualTo(409);
        assertThat(refused.body().get("type").asString()).isEqualTo("/problems/obligation-released-later");
        assertThat(refused.body().get("obligation").asLong()).isEqualTo(cancelledFirst);
        assertThat(refused.body().get("adjustedOn").asString()).isEqualTo("2011-06-01");
        assertThat(db.fetchCount(org.unaoc.trustfund.db.Tables.JOURNAL_ENTRY)).isEqualTo(entries);
        assertThat(unliquidated(cancelledFirst, "2011-05-31")).isEqualTo("1000.00");
    }

    private Api.Response cancel(long obligation, String date) {
        return api().post("finance", "/api/obligations/" + obligation + "/adjustment",
                Map.of("cancel", true, "date", date, "reason", "project dropped"));
    }

    private long fundedObligation(Spend spend, String amount) {
        spend.contributor("QA");
        spend.cash("QA", "200000.00", "2011-01-10");
        Api.Response obligated = spend.obligation(commitment("SECRETARIAT", "TRAVEL", amount, "2011-02-01"));
        assertThat(obligated.status()).as(obligated.text()).isEqualTo(201);
        return obligated.body().get("id").asLong();
    }

    private void reverse(Spend spend, long entry, String date) {
        spend.approve(api().post("finance", "/api/journal-entries/" + entry + "/reversal",
                Map.of("date", date, "reason", "paid twice")));
    }

    /** The obligation's line of the unliquidated-obligations schedule (none: nothing open). */
    private String unliquidated(long obligation, String asOf) {
        for (JsonNode line : api().get("auditor", "/api/statements/obligations?asOf=" + asOf).body().get("obligations")) {
            if (line.get("obligation").asLong() == obligation) {
                return line.get("unliquidated").asString();
            }
        }
        return "0.00";
    }

    /** What the expenditure of the entry liquidates now, from the books. */
    private String liquidated(long entry) {
        return db.select(org.unaoc.trustfund.db.Tables.EXPENDITURE.LIQUIDATED).from(org.unaoc.trustfund.db.Tables.EXPENDITURE)
                .where(org.unaoc.trustfund.db.Tables.EXPENDITURE.ENTRY_ID.eq(entry)).fetchSingle().value1().toPlainString();
    }

    /** An expenditure liquidating the obligation; answers its journal entry. */
    private long liquidate(Spend spend, long obligation, String amount, String date) {
        Map<String, Object> spent = commitment("SECRETARIAT", "TRAVEL", amount, date);
        spent.put("obligation", obligation);
        Api.Response response = spend.expenditure(spent);
        assertThat(response.status()).as(response.text()).isEqualTo(201);
        return response.body().get("entry").get("id").asLong();
    }
}
