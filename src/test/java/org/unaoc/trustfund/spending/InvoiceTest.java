package org.unaoc.trustfund.spending;

import static org.assertj.core.api.Assertions.assertThat;
import static org.unaoc.trustfund.spending.Spend.commitment;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.unaoc.trustfund.support.Api;
import org.unaoc.trustfund.support.FreshBooksTest;
import tools.jackson.databind.JsonNode;

/**
 * Payables (R18) and their approved payment (R19, #16 items 2 and 3). Figures by hand, J-F's staff
 * cost as an invoice: 40,000.00 with PSC 5,200.00 is Dr 5100 40,000.00 · Dr 5900 5,200.00 /
 * Cr 2120 40,000.00 · Cr 2150 5,200.00, and the payment Dr 2120 40,000.00 / Cr 1010 40,000.00.
 * With 100,000.00 of cash, no cost plan and nothing earmarked, 54,800.00 is available once the
 * invoice is certified, paid or not.
 *
 * <p>The tests share one fund: each runs in a year of its own, earlier than the years of the tests
 * before it, so that its figures on its own dates are its own.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class InvoiceTest extends FreshBooksTest {

    private Spend books;

    @BeforeEach
    void books() {
        books = new Spend(api());
    }

    @Test
    @Order(1)
    void an_invoice_is_certified_then_paid_only_when_another_officer_approves() {
        long invoice = certified("2019", "INV-2019-001").get("id").asLong();
        JsonNode certified = api().get("auditor", "/api/invoices/" + invoice).body();
        assertThat(certified.get("status").asString()).isEqualTo("PAYABLE");
        Spend spend = new Spend(api());
        assertThat(spend.lines(api().get("auditor", "/api/journal-entries/" + certified.get("entry").asLong()).body()))
                .containsExactlyInAnyOrder("5100 Dr 40000.00", "2120 Cr 40000.00", "5900 Dr 5200.00", "2150 Cr 5200.00");
        assertThat(books.available("2019-03-31")).isEqualByComparingTo("54800.00");

        Api.Response requested = api().post("finance", "/api/invoices/" + invoice + "/payment", Map.of("date", "2019-04-10"));
        assertThat(requested.status()).as(requested.text()).isEqualTo(202);
        assertThat(api().get("auditor", "/api/invoices/" + invoice).body().get("status").asString())
                .as("nothing is paid before the approval").isEqualTo("PAYABLE");
        Api.Response own = api().post("finance", "/api/approvals/" + requested.body().get("approval").asString() + "/approval",
                Map.of());
        assertThat(own.status()).as(own.text()).isEqualTo(403);
        assertThat(own.body().get("type").asString()).isEqualTo("/problems/forbidden");
        JsonNode approval = api().get("approver", "/api/approvals/" + requested.body().get("approval").asString()).body();
        assertThat(approval.get("summary").asString()).contains("INV-2019-001", "40000.00", "Dr 2120 / Cr 1010",
                "1010 holds USD 100000.00");

        JsonNode paid = spend.approve(requested);
        assertThat(paid.get("status").asString()).isEqualTo("PAID");
        assertThat(paid.get("approvedBy").asString()).isEqualTo("approver");
        JsonNode payment = api().get("auditor", "/api/journal-entries/" + paid.get("paymentEntry").asLong()).body();
        assertThat(spend.lines(payment)).containsExactly("2120 Dr 40000.00", "1010 Cr 40000.00");
        assertThat(payment.get("createdBy").asString()).isEqualTo("finance");
        assertThat(payment.get("approvedBy").asString()).isEqualTo("approver");
        assertThat(books.available("2019-04-30")).as("paying a payable changes nothing available").isEqualByComparingTo("54800.00");
        assertThat(books.audited("finance", "/api/invoices/" + invoice + "/payment")).isTrue();
        assertThat(books.audited("approver", "/api/approvals/" + requested.body().get("approval").asString() + "/approval")).isTrue();

        Api.Response again = api().post("finance", "/api/invoices/" + invoice + "/payment", Map.of("date", "2019-04-11"));
        assertThat(again.status()).as(again.text()).isEqualTo(409);
        assertThat(again.body().get("type").asString()).isEqualTo("/problems/invoice-paid");
    }

    /** An obligation of 100,000.00 (113,000.00 with PSC) liquidated by an invoice of 95,000.00 (PSC 12,350.00). */
    @Test
    @Order(2)
    void an_invoice_liquidates_the_obligation_it_names() {
        Spend spend = new Spend(api());
        spend.contributor("QA");
        spend.cash("QA", "200000.00", "2018-01-10");
        long obligation = spend.obligation(commitment("RESEARCH", "CONTRACTUAL", "100000.00", "2018-02-01"))
                .body().get("id").asLong();
        Map<String, Object> cost = new HashMap<>(commitment("RESEARCH", "CONTRACTUAL", "95000.00", "2018-03-01"));
        cost.put("obligation", obligation);
        Api.Response certified = api().post("finance", "/api/invoices", Map.of("cost", cost, "reference", "INV-2018-7"));
        assertThat(certified.status()).as(certified.text()).isEqualTo(201);
        assertThat(certified.body().get("liquidated").asString()).isEqualTo("95000.00");
        // 200,000.00 − 95,000.00 owed − 12,350.00 PSC − 5,650.00 still obligated
        assertThat(books.available("2018-03-31")).isEqualByComparingTo("87000.00");
        assertThat(api().get("auditor", "/api/obligations/" + obligation).body().get("unliquidated").asString())
                .isEqualTo("5000.00");
    }

    @Test
    @Order(3)
    void bad_invoices_and_payments_are_refused_and_write_nothing() {
        long invoice = certified("2017", "INV-2017-001").get("id").asLong();
        Api.Response early = api().post("finance", "/api/invoices/" + invoice + "/payment", Map.of("date", "2017-02-28"));
        assertThat(early.status()).as(early.text()).isEqualTo(422);
        assertThat(early.body().get("field").asString()).isEqualTo("date");
        Api.Response tooBig = api().post("finance", "/api/invoices", Map.of("cost",
                commitment("RESEARCH", "STAFF", "60000.00", "2017-03-02"), "reference", "INV-2017-002"));
        assertThat(tooBig.status()).as(tooBig.text()).isEqualTo(409);
        assertThat(tooBig.body().get("type").asString()).isEqualTo("/problems/insufficient-funds");
        Api.Response dueEarly = api().post("finance", "/api/invoices", Map.of("cost",
                commitment("RESEARCH", "STAFF", "10.00", "2017-03-02"), "reference", "INV-2017-003", "dueOn", "2017-03-01"));
        assertThat(dueEarly.status()).isEqualTo(422);
        assertThat(dueEarly.body().get("field").asString()).isEqualTo("dueOn");
        Api.Response noReference = api().post("finance", "/api/invoices", Map.of("cost",
                commitment("RESEARCH", "STAFF", "10.00", "2017-03-02")));
        assertThat(noReference.status()).as(noReference.text()).isEqualTo(422);
        assertThat(noReference.body().get("errors").get(0).get("field").asString()).isEqualTo("reference");
        Api.Response missing = api().post("finance", "/api/invoices/999999/payment", Map.of("date", "2017-04-01"));
        assertThat(missing.status()).isEqualTo(404);
        assertThat(api().get("auditor", "/api/invoices").body().size()).as("only the certified ones").isEqualTo(3);
    }

    /** R21: a reversed payment leaves the invoice owed again, and it can be paid again. */
    @Test
    @Order(4)
    void a_reversed_payment_leaves_the_invoice_payable() {
        long invoice = certified("2016", "INV-2016-001").get("id").asLong();
        Spend spend = new Spend(api());
        JsonNode paid = spend.approve(api().post("finance", "/api/invoices/" + invoice + "/payment", Map.of("date", "2016-04-10")));
        spend.approve(api().post("finance", "/api/journal-entries/" + paid.get("paymentEntry").asLong() + "/reversal",
                Map.of("date", "2016-04-12", "reason", "paid to the wrong account")));
        assertThat(api().get("auditor", "/api/invoices/" + invoice).body().get("status").asString()).isEqualTo("PAYABLE");
        JsonNode again = spend.approve(api().post("finance", "/api/invoices/" + invoice + "/payment", Map.of("date", "2016-04-15")));
        assertThat(again.get("status").asString()).isEqualTo("PAID");
        assertThat(again.get("paidOn").asString()).isEqualTo("2016-04-15");
    }

    /** R21 on the other payable, 2110: a reversed refund payment leaves the refund owed, and a reversed decision leaves nothing to pay. */
    @Test
    @Order(5)
    void a_reversed_refund_payment_leaves_the_refund_owed() {
        Spend spend = new Spend(api());
        spend.contributor("FI");
        spend.cash("FI", "10000.00", "2015-01-10");
        long refund = spend.approve(api().post("finance", "/api/refunds", Map.of("contributor", "FI",
                "amount", Spend.usd("1200.00"), "date", "2015-02-01", "reason", "overfunded activity"))).get("id").asLong();
        JsonNode paid = spend.approve(api().post("finance", "/api/refunds/" + refund + "/payment", Map.of("date", "2015-02-05")));
        spend.approve(api().post("finance", "/api/journal-entries/" + paid.get("paidEntry").asLong() + "/reversal",
                Map.of("date", "2015-02-06", "reason", "returned by the bank")));
        JsonNode again = spend.approve(api().post("finance", "/api/refunds/" + refund + "/payment", Map.of("date", "2015-02-10")));
        assertThat(again.get("paidEntry").asLong()).isNotEqualTo(paid.get("paidEntry").asLong());
        assertThat(spend.lines(api().get("auditor", "/api/journal-entries/" + again.get("paidEntry").asLong()).body()))
                .containsExactly("2110 Dr 1200.00", "1010 Cr 1200.00");

        long cancelled = spend.approve(api().post("finance", "/api/refunds", Map.of("contributor", "FI",
                "amount", Spend.usd("300.00"), "date", "2015-03-01", "reason", "decided twice"))).get("id").asLong();
        long decision = api().get("finance", "/api/journal-entries?from=2015-03-01&to=2015-03-01&type=REFUND").body()
                .get(0).get("id").asLong();
        spend.approve(api().post("finance", "/api/journal-entries/" + decision + "/reversal",
                Map.of("date", "2015-03-02", "reason", "decided twice")));
        Api.Response nothing = api().post("finance", "/api/refunds/" + cancelled + "/payment", Map.of("date", "2015-03-05"));
        Api.Response refused = nothing.status() != 202 ? nothing : api().post("approver", "/api/approvals/"
                + nothing.body().get("approval").asString() + "/approval", Map.of());
        assertThat(refused.status()).as(refused.text()).isEqualTo(409);
        assertThat(refused.body().get("type").asString()).isEqualTo("/problems/refund-cancelled");
    }

    /**
     * R17: a refund in euros is owed in euros and paid from 1011, which holds them. EUR 100,000.00
     * received on 1 February at 0.80 is carried at 125,000.00; EUR 12,000.00 decided on 5 March at
     * 0.75 is owed at 16,000.00 and paid on 10 March at 0.75 (16,000.00). The euros paid were carried
     * at 15,000.00: 1,000.00 is realised (7810), and 1011 keeps EUR 88,000.00 at 110,000.00.
     */
    @Test
    @Order(6)
    void a_euro_refund_is_paid_from_the_euro_account_with_its_realised_difference() {
        for (String[] rate : new String[][] {{"2014-01-01", "0.80"}, {"2014-03-01", "0.75"}}) {
            Api.Response added = api().post("finance", "/api/exchange-rates", Map.of("currency", "EUR", "effectiveFrom", rate[0],
                    "rate", rate[1]));
            assertThat(added.status()).as(added.text()).isIn(200, 201);
        }
        Spend spend = new Spend(api());
        spend.contributor("ES");
        Api.Response received = api().post("finance", "/api/receipts", Map.of("contributor", "ES",
                "amount", Map.of("amount", "100000.00", "currency", "EUR"), "receivedOn", "2014-02-01", "bankAccount", "1011",
                "bankReference", "ES-EUR-2014"));
        assertThat(received.status()).as(received.text()).isEqualTo(201);
        JsonNode refund = spend.approve(api().post("finance", "/api/refunds", Map.of("contributor", "ES",
                "amount", Map.of("amount", "12000.00", "currency", "EUR"), "date", "2014-03-05", "reason", "unspent balance")));
        assertThat(refund.get("amount").asString()).isEqualTo("16000.00");
        assertThat(refund.get("original").get("amount").asString()).isEqualTo("12000.00");
        assertThat(spend.lines(api().get("auditor", "/api/journal-entries/" + refund.get("entry").asLong()).body()))
                .containsExactlyInAnyOrder("4190 Dr 16000.00", "2110 Cr 16000.00");
        JsonNode paid = spend.approve(api().post("finance", "/api/refunds/" + refund.get("id").asLong() + "/payment",
                Map.of("date", "2014-03-10")));
        assertThat(spend.lines(api().get("auditor", "/api/journal-entries/" + paid.get("paidEntry").asLong()).body()))
                .containsExactlyInAnyOrder("2110 Dr 16000.00", "1011 Cr 16000.00");
        assertThat(books.balance("1011", "2014-03-31")).isEqualByComparingTo("110000.00");
        assertThat(books.balance("7810", "2014-03-31")).as("realised gain").isEqualByComparingTo("1000.00");
        assertThat(books.balance("2110", "2014-03-31")).isEqualByComparingTo("0.00");
        assertThat(books.balance("1010", "2014-03-31")).as("nothing paid from the USD account")
                .isEqualByComparingTo(books.balance("1010", "2014-02-28"));
        Api.Response pounds = api().post("finance", "/api/refunds", Map.of("contributor", "ES",
                "amount", Map.of("amount", "10.00", "currency", "GBP"), "date", "2014-03-05", "reason", "no account"));
        assertThat(pounds.status()).as(pounds.text()).isEqualTo(422);
        assertThat(pounds.body().get("field").asString()).isEqualTo("amount");
    }


    /** 100,000.00 of cash on 10 January and a staff invoice of 40,000.00 certified on 1 March of the year. */
    private JsonNode certified(String year, String reference) {
        Spend spend = new Spend(api());
        spend.contributor("QA");
        spend.cash("QA", "100000.00", year + "-01-10");
        Api.Response certified = api().post("finance", "/api/invoices", Map.of("cost",
                commitment("RESEARCH", "STAFF", "40000.00", year + "-03-01"), "reference", reference, "dueOn", year + "-04-30"));
        assertThat(certified.status()).as(certified.text()).isEqualTo(201);
        return certified.body();
    }


}
