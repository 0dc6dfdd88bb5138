package org.unaoc.trustfund.spending;

import static org.assertj.core.api.Assertions.assertThat;
import static org.unaoc.trustfund.spending.Spend.commitment;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.unaoc.trustfund.support.Api;
import org.unaoc.trustfund.support.FreshBooksTest;
import tools.jackson.databind.JsonNode;

/** Allotments, fund parameters and refunds wait for a second officer; schedules show what is left. */
class ControlledSpendingTest extends FreshBooksTest {

    @Test
    void an_allotment_is_made_only_on_approval() {
        Spend spend = new Spend(api());
        Api.Response requested = api().post("finance", "/api/allotments", Map.of("component", "HLG", "year", 2014,
                "amount", Spend.usd("250000.00")));
        assertThat(api().get("auditor", "/api/allotments").body().valueStream()
                .filter(a -> a.get("year").asInt() == 2014)).isEmpty();
        spend.approve(requested);
        assertThat(api().get("auditor", "/api/allotments").body().valueStream()
                .filter(a -> a.get("year").asInt() == 2014).map(a -> a.get("approved_by").asString())).containsExactly("approver");
        assertThat(api().post("finance", "/api/allotments", Map.of("component", "NOPE", "year", 2014,
                "amount", Spend.usd("1.00"))).status()).isEqualTo(422);

        // commitments of 2014 for HLG stay within its 250,000.00; other components and years are not capped by it
        spend.contributor("LV");
        spend.cash("LV", "1000000.00", "2014-01-02");
        Api.Response obligation = spend.obligation(commitment("HLG", "MEETINGS", "150000.00", "2014-02-01"));
        assertThat(obligation.status()).as(obligation.text()).isEqualTo(201);
        long obligationId = obligation.body().get("id").asLong();
        // liquidating the obligation takes nothing more from the allotment; only the excess over it does
        Map<String, Object> liquidation = new java.util.HashMap<>(commitment("HLG", "MEETINGS", "160000.00", "2014-03-01"));
        liquidation.put("obligation", obligationId);
        assertThat(spend.expenditure(liquidation).status()).isEqualTo(201);
        Api.Response beyond = spend.expenditure(commitment("HLG", "TRAVEL", "90000.01", "2014-04-01"));
        assertThat(beyond.status()).isEqualTo(409);
        assertThat(beyond.body().get("type").asString()).isEqualTo("/problems/allotment-exceeded");
        assertThat(beyond.body().get("left").get("amount").asString()).isEqualTo("90000.00");
        assertThat(spend.expenditure(commitment("HLG", "TRAVEL", "90000.00", "2014-04-01")).status()).isEqualTo(201);
        assertThat(spend.expenditure(commitment("SECRETARIAT", "TRAVEL", "90000.00", "2014-04-01")).status()).isEqualTo(201);
        assertThat(spend.expenditure(commitment("HLG", "TRAVEL", "1000.00", "2015-01-05")).status()).isEqualTo(201);
    }

    @Test
    void new_fund_parameters_apply_from_their_date_once_approved() {
        Spend spend = new Spend(api());
        spend.contributor("EE");
        spend.cash("EE", "100000.00", "2015-01-02");
        Api.Response requested = api().post("admin", "/api/fund/parameters", Map.of("effectiveFrom", "2015-07-01",
                "pscRate", "0.07"));
        spend.approve(requested);
        JsonNode before = spend.expenditure(commitment("SECRETARIAT", "OPERATING", "1000.00", "2015-06-30")).body();
        JsonNode after = spend.expenditure(commitment("SECRETARIAT", "OPERATING", "1000.00", "2015-07-01")).body();
        assertThat(before.get("psc").asString()).isEqualTo("130.00");
        assertThat(after.get("psc").asString()).isEqualTo("70.00");
        assertThat(api().get("finance", "/api/fund").body().get("rateHistory")).hasSize(2);
        Api.Response late = api().post("admin", "/api/fund/parameters", Map.of("effectiveFrom", "2015-07-01",
                "pscRate", "0.10"));
        assertThat(late.status()).isEqualTo(409);
        assertThat(api().post("admin", "/api/fund/parameters", Map.of("effectiveFrom", "2016-01-01", "pscRate", "1.5"))
                .status()).isEqualTo(422);
    }

    @Test
    void a_refund_is_payable_on_approval_and_paid_once() {
        Spend spend = new Spend(api());
        spend.contributor("LV");
        spend.cash("LV", "5000.00", "2016-02-01");
        JsonNode refund = spend.approve(api().post("finance", "/api/refunds", Map.of("contributor", "LV",
                "amount", Spend.usd("1200.00"), "date", "2016-03-01", "reason", "overfunded activity")));
        assertThat(spend.lines(api().get("auditor", "/api/journal-entries/" + refund.get("entry").asLong()).body()))
                .containsExactly("4190 Dr 1200.00", "2110 Cr 1200.00");
        // paying it is a disbursement (R19): it waits for another officer, and its maker cannot approve it
        Api.Response requested = api().post("finance", "/api/refunds/" + refund.get("id").asLong() + "/payment",
                Map.of("date", "2016-03-05"));
        assertThat(requested.status()).as(requested.text()).isEqualTo(202);
        assertThat(api().get("auditor", "/api/journal-entries?from=2016-03-05&to=2016-03-05&type=REFUND").body()).isEmpty();
        Api.Response own = api().post("finance", "/api/approvals/" + requested.body().get("approval").asString() + "/approval",
                Map.of());
        assertThat(own.status()).isEqualTo(403);
        Api.Response second = api().post("finance2", "/api/approvals/" + requested.body().get("approval").asString()
                + "/approval", Map.of());
        assertThat(second.status()).as("another finance officer is not an approving officer").isEqualTo(403);
        assertThat(second.body().get("type").asString()).isEqualTo("/problems/forbidden");
        JsonNode paid = spend.approve(requested);
        JsonNode payment = api().get("auditor", "/api/journal-entries/" + paid.get("paidEntry").asLong()).body();
        assertThat(spend.lines(payment)).containsExactly("2110 Dr 1200.00", "1010 Cr 1200.00");
        assertThat(payment.get("createdBy").asString()).isEqualTo("finance");
        assertThat(payment.get("approvedBy").asString()).as("the approving officer is on the entry").isEqualTo("approver");
        assertThat(payment.get("approval").asString()).isEqualTo(requested.body().get("approval").asString());
        JsonNode approval = api().get("auditor", "/api/approvals/" + requested.body().get("approval").asString()).body();
        assertThat(approval.get("requestedBy").asString()).isEqualTo("finance");
        assertThat(approval.get("decidedBy").asString()).isEqualTo("approver");
        assertThat(approval.get("operation").asString()).isEqualTo("REFUND_PAYMENT");
        Api.Response again = api().post("finance", "/api/refunds/" + refund.get("id").asLong() + "/payment",
                Map.of("date", "2016-03-06"));
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.body().get("type").asString()).isEqualTo("/problems/refund-paid");
    }

    @Test
    void the_obligations_schedule_shows_what_is_unliquidated_and_how_old() {
        Spend spend = new Spend(api());
        spend.contributor("LT");
        spend.cash("LT", "90000.00", "2014-01-02");
        JsonNode obligation = spend.obligation(commitment("RESEARCH", "CONTRACTUAL", "20000.00", "2014-01-10")).body();
        Map<String, Object> partial = commitment("RESEARCH", "CONTRACTUAL", "15000.00", "2014-02-10");
        partial.put("obligation", obligation.get("id").asLong());
        assertThat(spend.expenditure(partial).status()).isEqualTo(201);
        JsonNode schedule = api().get("auditor", "/api/statements/obligations?asOf=2014-03-01").body();
        JsonNode row = schedule.get("obligations").valueStream()
                .filter(o -> o.get("obligation").asLong() == obligation.get("id").asLong()).findFirst().orElseThrow();
        assertThat(row.get("unliquidated").asString()).isEqualTo("5000.00");
        assertThat(row.get("unliquidatedWithPsc").asString()).isEqualTo("5650.00");
        assertThat(row.get("ageDays").asInt()).isEqualTo(50);
        JsonNode earlier = api().get("auditor", "/api/statements/obligations?asOf=2014-01-31").body();
        assertThat(earlier.get("obligations").valueStream()
                .filter(o -> o.get("obligation").asLong() == obligation.get("id").asLong()).findFirst().orElseThrow()
                .get("unliquidated").asString()).isEqualTo("20000.00");
        assertThat(spend.expenditure(Map.of("component", "RESEARCH")).status()).isEqualTo(422);
        assertThat(spend.obligation(commitment("NOWHERE", "TRAVEL", "1.00", "2014-01-10")).status()).isEqualTo(422);
        Map<String, Object> euros = commitment("RESEARCH", "TRAVEL", "1.00", "2014-01-10");
        euros.put("amount", Map.of("amount", "1.00", "currency", "EUR"));
        assertThat(spend.obligation(euros).status()).isEqualTo(422);
        Map<String, Object> badClass = commitment("RESEARCH", "TRAVEL", "1.00", "2014-01-10");
        badClass.put("objectClass", "YACHTS");
        assertThat(spend.obligation(badClass).status()).isEqualTo(422);
        assertThat(List.of(spend.obligation(commitment("RESEARCH", "TRAVEL", "0.00", "2014-01-10")).status())).containsOnly(422);
    }
}
