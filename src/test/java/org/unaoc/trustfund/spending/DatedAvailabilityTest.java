package org.unaoc.trustfund.spending;

import static org.assertj.core.api.Assertions.assertThat;
import static org.unaoc.trustfund.spending.Spend.commitment;

import java.math.BigDecimal;
import java.util.Map;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.unaoc.trustfund.support.Api;
import org.unaoc.trustfund.support.FreshBooksTest;

/**
 * R20 (availability is dated) and R19 (no payment overdraws the bank), each in two recording
 * orders. Found by the simulation: seeds 101, 102 and 103 (an obligation or expenditure dated
 * before the cash it needs answered 201 as recorded and 409 in date order) and seed 12 (a refund
 * approved and paid in January 2006 overdrew 1010 by 7,802.18). Figures by hand: no cost plan,
 * so no reserve; cash received without an agreement, so nothing earmarked; PSC 13%.
 *
 * <p>The tests share one fund: each runs in a year of its own, earlier than every year the tests
 * before it wrote in, so that its figures on its own dates are its own.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DatedAvailabilityTest extends FreshBooksTest {

    @Test
    @Order(9)
    void an_expenditure_dated_after_the_cash_fits() {
        Spend spend = new Spend(api());
        spend.contributor("QA");
        spend.cash("QA", "100000.00", "2004-11-05");
        // 80,000.00 + PSC 10,400.00 = 90,400.00 of the 100,000.00 received on 5 November
        Api.Response spent = spend.expenditure(commitment("HLG", "TRAVEL", "80000.00", "2004-12-01"));
        assertThat(spent.status()).as(spent.text()).isEqualTo(201);
    }

    @Test
    @Order(7)
    void an_expenditure_dated_before_the_cash_it_needs_is_refused_though_recorded_after_it() {
        Spend spend = new Spend(api());
        spend.contributor("TR");
        spend.cash("TR", "100000.00", "2006-11-05");
        Api.Response spent = spend.expenditure(commitment("HLG", "TRAVEL", "80000.00", "2006-06-01"));
        assertThat(spent.status()).as(spent.text()).isEqualTo(409);
        assertThat(spent.body().get("type").asString()).isEqualTo("/problems/insufficient-funds");
        // on 1 June nothing had arrived; 30 June is the first month end the 90,400.00 would leave short
        assertThat(spent.body().get("availableOn").asString()).isEqualTo("2006-06-01");
        assertThat(spent.body().get("available").get("amount").asString()).isEqualTo("0.00");
        assertThat(spent.body().get("required").get("amount").asString()).isEqualTo("90400.00");
        assertThat(spent.body().get("shortOn").asString()).isEqualTo("2006-06-30");
        assertThat(spent.body().get("availableThen").get("amount").asString()).isEqualTo("0.00");
        assertThat(spent.body().get("detail").asString()).contains("2006-06-01", "2006-06-30");
        assertThat(available("2006-12-31")).isEqualByComparingTo("100000.00");
    }

    @Test
    @Order(8)
    void the_same_expenditure_recorded_before_the_cash_is_refused_too() {
        Spend spend = new Spend(api());
        spend.contributor("TR");
        Api.Response spent = spend.expenditure(commitment("HLG", "TRAVEL", "80000.00", "2005-06-01"));
        assertThat(spent.status()).as(spent.text()).isEqualTo(409);
        assertThat(spent.body().get("type").asString()).isEqualTo("/problems/insufficient-funds");
        assertThat(spent.body().get("available").get("amount").asString()).isEqualTo("0.00");
        spend.cash("TR", "100000.00", "2005-11-05");
        assertThat(available("2005-12-31")).isEqualByComparingTo("100000.00");
    }

    /**
     * 100,000.00 on 1 March. A (80,000.00 + 10,400.00 = 90,400.00 on 1 September) and B (10,000.00 +
     * 1,300.00 = 11,300.00 on 1 June) do not both fit: whichever is recorded second is refused, and
     * no month end goes below zero in either order.
     */
    @Test
    @Order(5)
    void a_back_dated_commitment_that_would_leave_a_later_month_end_short_is_refused() {
        Spend spend = new Spend(api());
        spend.contributor("ES");
        spend.cash("ES", "100000.00", "2015-03-01");
        assertThat(spend.expenditure(commitment("HLG", "TRAVEL", "80000.00", "2015-09-01")).status()).isEqualTo(201);
        Api.Response back = spend.obligation(commitment("HLG", "MEETINGS", "10000.00", "2015-06-01"));
        assertThat(back.status()).as(back.text()).isEqualTo(409);
        assertThat(back.body().get("type").asString()).isEqualTo("/problems/insufficient-funds");
        assertThat(back.body().get("available").get("amount").asString()).isEqualTo("100000.00");
        assertThat(back.body().get("shortOn").asString()).isEqualTo("2015-09-30");
        assertThat(back.body().get("availableThen").get("amount").asString()).isEqualTo("9600.00");
        assertThat(available("2015-06-30")).isEqualByComparingTo("100000.00");
        assertThat(available("2015-09-30")).isEqualByComparingTo("9600.00");
    }

    @Test
    @Order(6)
    void the_same_two_commitments_in_date_order_refuse_the_later_one() {
        Spend spend = new Spend(api());
        spend.contributor("ES");
        spend.cash("ES", "100000.00", "2014-03-01");
        assertThat(spend.obligation(commitment("HLG", "MEETINGS", "10000.00", "2014-06-01")).status()).isEqualTo(201);
        Api.Response later = spend.expenditure(commitment("HLG", "TRAVEL", "80000.00", "2014-09-01"));
        assertThat(later.status()).as(later.text()).isEqualTo(409);
        assertThat(later.body().get("type").asString()).isEqualTo("/problems/insufficient-funds");
        // 100,000.00 less the obligation's 11,300.00
        assertThat(later.body().get("available").get("amount").asString()).isEqualTo("88700.00");
        assertThat(available("2014-06-30")).isEqualByComparingTo("88700.00");
        assertThat(available("2014-09-30")).isEqualByComparingTo("88700.00");
    }

    @Test
    @Order(4)
    void availability_is_read_as_of_its_date() {
        Spend spend = new Spend(api());
        spend.contributor("NO");
        spend.cash("NO", "50000.00", "2016-02-10");
        spend.cash("NO", "30000.00", "2016-04-20");
        assertThat(spend.expenditure(commitment("HLG", "STAFF", "10000.00", "2016-05-02")).status()).isEqualTo(201);
        assertThat(available("2016-02-09")).isEqualByComparingTo("0.00");
        assertThat(available("2016-02-10")).isEqualByComparingTo("50000.00");
        assertThat(available("2016-04-30")).isEqualByComparingTo("80000.00");
        // 80,000.00 less 10,000.00 paid; the PSC of 1,300.00 is spent (5900) and payable (2150) until remitted
        assertThat(available("2016-05-31")).isEqualByComparingTo("68700.00");
    }

    /**
     * A refund decided is owed (Dr 4190 / Cr 2110, a cash liability): it must fit the funds
     * available on its date like any commitment (R9, R20). Decided before any cash: refused as it
     * is asked for, naming the funds available then, and nothing is written.
     */
    @Test
    @Order(1)
    void a_refund_decided_before_any_cash_is_refused_and_writes_nothing() {
        Spend spend = new Spend(api());
        spend.contributor("FI");
        Api.Response decided = api().post("finance", "/api/refunds", Map.of("contributor", "FI",
                "amount", Spend.usd("7802.18"), "date", "2019-06-01", "reason", "unspent balance"));
        assertThat(decided.status()).as(decided.text()).isEqualTo(409);
        assertThat(decided.body().get("type").asString()).isEqualTo("/problems/insufficient-funds");
        assertThat(decided.body().get("availableOn").asString()).isEqualTo("2019-06-01");
        assertThat(decided.body().get("available").get("amount").asString()).isEqualTo("0.00");
        assertThat(decided.body().get("required").get("amount").asString()).isEqualTo("7802.18");
        assertThat(api().get("auditor", "/api/journal-entries?from=2019-01-01&to=2019-12-31").body()).isEmpty();
        assertThat(api().get("finance", "/api/approvals?status=PENDING").text()).doesNotContain("FI");
        assertThat(cashInTheUsdAccount()).isEqualTo("0.00");
    }

    /**
     * 10,000.00 arrives on 2018-07-01. A refund of 7,802.18 dated 2018-06-01 is refused whether the
     * cash was recorded before or after it was asked (nothing was available on 2018-06-01); dated
     * 2018-07-01 it fits, and is paid: 10,000.00 in, 7,802.18 out. (The second case finds the first's
     * 2,197.82 left from 2018-07-01 on: nothing on 2018-06-01 either way.)
     */
    @ParameterizedTest(name = "cash recorded {0} the refund")
    @ValueSource(strings = {"before", "after"})
    @Order(2)
    void a_refund_dated_before_its_cash_is_refused_in_either_recording_order_and_fits_after_it(String cash) {
        Spend spend = new Spend(api());
        String contributor = cash.equals("before") ? "FI" : "NO";
        int year = 2018;
        spend.contributor(contributor);
        if (cash.equals("before")) {
            spend.cash(contributor, "10000.00", year + "-07-01");
        }
        Api.Response early = api().post("finance", "/api/refunds", Map.of("contributor", contributor,
                "amount", Spend.usd("7802.18"), "date", year + "-06-01", "reason", "unspent balance"));
        assertThat(early.status()).as(early.text()).isEqualTo(409);
        assertThat(early.body().get("type").asString()).isEqualTo("/problems/insufficient-funds");
        assertThat(early.body().get("availableOn").asString()).isEqualTo(year + "-06-01");
        if (cash.equals("after")) {
            spend.cash(contributor, "10000.00", year + "-07-01");
        }
        BigDecimal before = new BigDecimal(cashInTheUsdAccount());
        long refund = spend.approve(api().post("finance", "/api/refunds", Map.of("contributor", contributor,
                "amount", Spend.usd("7802.18"), "date", year + "-07-01", "reason", "unspent balance"))).get("id").asLong();
        Api.Response paid = payRefund(refund, year + "-07-01");
        assertThat(paid.status()).as(paid.text()).isEqualTo(200);
        assertThat(new BigDecimal(cashInTheUsdAccount()).subtract(before)).isEqualByComparingTo("-7802.18");
    }

    @Test
    @Order(3)
    void programme_support_cost_is_remitted_only_once_it_is_payable() {
        Spend spend = new Spend(api());
        spend.contributor("QA");
        spend.cash("QA", "100000.00", "2017-01-10");
        assertThat(spend.expenditure(commitment("HLG", "STAFF", "10000.00", "2017-03-01")).status()).isEqualTo(201);
        Api.Response early = api().post("finance", "/api/psc-remittances", Map.of("amount", "1300.00", "date", "2017-02-28"));
        assertThat(early.status()).as(early.text()).isEqualTo(422);
        assertThat(early.body().get("field").asString()).isEqualTo("amount");
        // the expenditure of 1 March made the 1,300.00 payable; nothing was payable on 28 February
        assertThat(early.body().get("detail").asString()).contains("0.00 USD on 2017-02-28");
        Api.Response more = api().post("finance", "/api/psc-remittances", Map.of("amount", "1300.01", "date", "2017-03-31"));
        assertThat(more.status()).as(more.text()).isEqualTo(422);
        assertThat(more.body().get("field").asString()).isEqualTo("amount");
        assertThat(more.body().get("detail").asString()).contains("1300.00 USD on 2017-03-31");
        Api.Response remitted = api().post("finance", "/api/psc-remittances", Map.of("amount", "1300.00", "date", "2017-03-31"));
        assertThat(remitted.status()).as(remitted.text()).isEqualTo(202);
        assertThat(spend.approve(remitted).get("approvedBy").asString()).isEqualTo("approver");
    }

    /** Found by the simulation, seeds 24 and 36: an approved manual entry paid 261.07 out of 1010 before any cash. */
    @Test
    @Order(10)
    void a_manual_entry_that_would_overdraw_a_bank_account_is_refused_and_writes_nothing() {
        Map<String, Object> entry = Map.of("date", "2003-01-20", "description", "office supplies", "lines", java.util.List.of(
                Map.of("account", "5500", "debit", "261.07"), Map.of("account", "1010", "credit", "261.07")));
        Api.Response requested = api().post("finance", "/api/journal-entries", entry);
        assertThat(requested.status()).as(requested.text()).isEqualTo(409);
        assertThat(requested.body().get("type").asString()).isEqualTo("/problems/insufficient-funds");
        assertThat(requested.body().get("bankAccount").asString()).isEqualTo("1010");
        assertThat(requested.body().get("available").get("amount").asString()).isEqualTo("0.00");
        assertThat(api().get("auditor", "/api/journal-entries?from=2003-01-01&to=2003-12-31").body()).isEmpty();
        assertThat(api().get("finance", "/api/approvals?status=PENDING").text()).doesNotContain("office supplies");
    }

    /**
     * The only cash is 1,000.00 received from no one known (2190, owed until applied or refunded):
     * the bank holds it, but none of it is the fund's to spend. A bank fee of 100.00 entered by hand
     * is refused as it is asked for (available 0.00 on its date), and writes nothing; once the cash
     * is identified as revenue (Dr 2190 / Cr 4100, which takes nothing) the same fee fits. Found by
     * the simulation (seeds 27 and 30: an unidentified receipt, then a manual bank fee).
     */
    @Test
    @Order(11)
    void a_manual_entry_spending_cash_that_is_owed_is_refused_until_the_cash_is_the_funds() {
        Api.Response received = api().post("finance", "/api/receipts", Map.of("amount", Spend.usd("1000.00"),
                "receivedOn", "2002-03-01", "bankAccount", "1010", "bankReference", "UNKNOWN-2002-03"));
        assertThat(received.status()).as(received.text()).isEqualTo(201);
        Map<String, Object> fee = Map.of("date", "2002-03-10", "description", "bank fee", "lines", java.util.List.of(
                Map.of("account", "6200", "debit", "100.00"), Map.of("account", "1010", "credit", "100.00")));
        Api.Response refused = api().post("finance", "/api/journal-entries", fee);
        assertThat(refused.status()).as(refused.text()).isEqualTo(409);
        assertThat(refused.body().get("type").asString()).isEqualTo("/problems/insufficient-funds");
        assertThat(refused.body().get("availableOn").asString()).isEqualTo("2002-03-10");
        assertThat(refused.body().get("available").get("amount").asString()).isEqualTo("0.00");
        assertThat(refused.body().get("required").get("amount").asString()).isEqualTo("100.00");
        assertThat(api().get("auditor", "/api/journal-entries?from=2002-01-01&to=2002-12-31").body()).hasSize(1);
        assertThat(api().get("finance", "/api/approvals?status=PENDING").text()).doesNotContain("bank fee");

        new Spend(api()).approve(api().post("finance", "/api/journal-entries", Map.of("date", "2002-03-05",
                "description", "unidentified cash identified as a contribution", "lines", java.util.List.of(
                        Map.of("account", "2190", "debit", "1000.00"), Map.of("account", "4100", "credit", "1000.00")))));
        new Spend(api()).approve(api().post("finance", "/api/journal-entries", fee));
        assertThat(available("2002-03-31")).isEqualByComparingTo("900.00");
    }

    private Api.Response payRefund(long refund, String date) {
        Api.Response requested = api().post("finance", "/api/refunds/" + refund + "/payment", Map.of("date", date));
        return requested.status() != 202 ? requested : api().post("approver", "/api/approvals/"
                + requested.body().get("approval").asString() + "/approval", Map.of());
    }

    private String cashInTheUsdAccount() {
        for (var account : api().get("auditor", "/api/accounts").body()) {
            if (account.get("code").asString().equals("1010")) {
                return account.get("balanceUsd").asString();
            }
        }
        throw new AssertionError("no account 1010 in GET /api/accounts");
    }

    private BigDecimal available(String asOf) {
        Api.Response response = api().get("auditor", "/api/availability?asOf=" + asOf);
        assertThat(response.status()).as(response.text()).isEqualTo(200);
        return new BigDecimal(response.body().get("available").asString());
    }
}
