package org.unaoc.trustfund.contributions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.unaoc.trustfund.contributions.Books.money;
import static org.unaoc.trustfund.contributions.Books.tranche;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.unaoc.trustfund.support.Api;
import org.unaoc.trustfund.support.FreshBooksTest;

/**
 * R16 on the move from non-current to current (R2), J-D's agreement: USD 300,000 a year due
 * 2006-06-30, 2007-06-30 and 2008-06-30, signed 2006-05-01 (1210 300,000.00, 1220 600,000.00).
 * 100,000.00 of the 2007 tranche arrives on 2006-12-20; the 2006-12-31 reclassification moves what
 * 1220 still holds of it, 200,000.00. By hand, at 2006-12-31: 1210 500,000.00 (300,000.00 of 2006
 * and 200,000.00 of 2007) and 1220 300,000.00 (2008), whether the reclassification was recorded
 * before the receipt or after it. Found by the simulation (seed 10, a reclassification recorded
 * before a receipt dated two days earlier).
 */
@org.junit.jupiter.api.TestMethodOrder(org.junit.jupiter.api.MethodOrderer.OrderAnnotation.class)
class ReclassificationOrderTest extends FreshBooksTest {

    @ParameterizedTest(name = "reclassification recorded {0} the receipt")
    @ValueSource(strings = {"before", "after"})
    void a_receipt_dated_before_the_reclassification_in_either_recording_order(String reclassification) {
        long id = jDPaidOnTranche2(reclassification, "100000.00", "2006-12-20");

        assertThat(Books.balance(db, id, "2000-01-01", "2006-12-31", "1210")).as("1210").isEqualByComparingTo("500000.00");
        assertThat(Books.balance(db, id, "2000-01-01", "2006-12-31", "1220")).as("1220").isEqualByComparingTo("300000.00");
        assertThat(Books.balance(db, id, "2000-01-01", "2006-12-19", "1220")).as("1220 before the receipt")
                .isEqualByComparingTo("600000.00");
        Books.r7Holds(db, id);
    }

    /** Seed 12: the whole tranche paid before the reclassification date, recorded after it: nothing moves. */
    @ParameterizedTest(name = "reclassification recorded {0} the receipt")
    @ValueSource(strings = {"before", "after"})
    void a_tranche_paid_in_full_before_the_reclassification_moves_nothing(String reclassification) {
        long id = jDPaidOnTranche2(reclassification, "300000.00", "2006-11-18");

        assertThat(Books.balance(db, id, "2000-01-01", "2006-12-31", "1210")).as("1210").isEqualByComparingTo("300000.00");
        assertThat(Books.balance(db, id, "2000-01-01", "2006-12-31", "1220")).as("1220").isEqualByComparingTo("300000.00");
        assertThat(Books.balance(db, id, "2000-01-01", "2006-12-31", "7810")).as("no exchange difference").isEqualByComparingTo("0");
        Books.r7Holds(db, id);
    }

    /**
     * The period end in its own order: revaluation, then reclassification, on 2006-12-31. EUR 100,000
     * due 2006-09-30 and EUR 100,000 due 2007-06-30, signed 2006-03-15 at 0.80000 (125,000.00 each);
     * revalued at 0.78125, each carries 128,000.00, and the second moves to 1210 at 128,000.00.
     * Recorded in date order there is nothing to restate.
     */
    @org.junit.jupiter.api.Test
    @org.junit.jupiter.api.Order(Integer.MAX_VALUE) // last: a revaluation covers every receivable of the fund
    void a_revaluation_then_a_reclassification_on_one_date_post_no_adjustment() {
        Books books = new Books(api());
        long id = twoEuroTranches(books);
        Api.Response revaluation = api().post("finance", "/api/revaluations", Map.of("asOf", "2006-12-31"));
        assertThat(revaluation.status()).as(revaluation.text()).isEqualTo(201);
        reclassify();

        assertThat(Books.balance(db, id, "2000-01-01", "2006-12-31", "1210")).as("1210").isEqualByComparingTo("256000.00");
        assertThat(Books.balance(db, id, "2000-01-01", "2006-12-31", "1220")).as("1220").isEqualByComparingTo("0");
        assertThat(Books.balance(db, id, "2000-01-01", "2006-12-31", "7820")).as("7820").isEqualByComparingTo("-6000.00");
        assertThat(db.fetchSingle("SELECT count(*) FROM journal_entry e JOIN journal_line l ON l.entry_id = e.id "
                + "WHERE e.type LIKE '%\\_ADJUSTMENT' AND l.agreement_id = ?", id).get(0, Integer.class))
                .as("entries restating the books").isZero();
        Books.r7Holds(db, id);
    }

    /**
     * Seed 31: a part payment of a non-current tranche reversed after the tranche moved to current.
     * EUR 100,000 due 2006-09-30 and EUR 100,000 due 2007-06-30, signed 2006-03-15 at 0.80000
     * (125,000.00 each). EUR 40,000 of the second on 2006-11-20 at 0.80000 settles 50,000.00 of 1220;
     * the 2006-12-31 reclassification moves the other 75,000.00; the receipt reversed on 2007-01-15
     * puts its 50,000.00 back on the tranche, which is current by then: 1210 250,000.00 and 1220
     * nothing, with the reversal approved before or after the reclassification is recorded.
     */
    @ParameterizedTest(name = "reclassification recorded {0} the reversal")
    @ValueSource(strings = {"before", "after"})
    void a_part_payment_reversed_after_the_reclassification_comes_back_to_current(String reclassification) {
        Books books = new Books(api());
        long id = twoEuroTranches(books);
        long entry = books.receipt(Map.of("agreement", id, "tranche", 2, "amount", money("40000.00", "EUR"),
                "receivedOn", "2006-11-20", "bankAccount", "1011")).get("entry").asLong();
        if (reclassification.equals("before")) {
            reclassify();
        }
        reverseOn15January2007(entry);
        if (reclassification.equals("after")) {
            reclassify();
        }

        assertThat(Books.balance(db, id, "2000-01-01", "2006-12-31", "1210")).as("1210 at the year end").isEqualByComparingTo("200000.00");
        assertThat(Books.balance(db, id, "2000-01-01", "2007-01-31", "1210")).as("1210").isEqualByComparingTo("250000.00");
        assertThat(Books.balance(db, id, "2000-01-01", "2007-01-31", "1220")).as("1220").isEqualByComparingTo("0");
        Books.r7Holds(db, id);
    }

    /**
     * Seed 101: a move restated once must count with its euros when the tranche moves again. EUR
     * 100,000 due 2006-09-30 and EUR 100,000 due 2007-06-30, signed 2006-03-15 at 0.80000. EUR 60,000
     * of the second on 2006-11-20 settles 75,000.00 of 1220; EUR 40,000 on 2006-12-10 settles the
     * other 50,000.00 (at 0.78125, a gain of 1,200.00), so in date order the 2006-12-31
     * reclassification moves nothing, and the first receipt reversed on 2007-01-15 puts EUR 60,000
     * (75,000.00) back where it came from, 1220, until the next reclassification. By hand at
     * 2007-01-31: 1210 holds the first tranche, EUR 100,000 for 125,000.00, and 1220 EUR 60,000 for
     * 75,000.00, whether the reclassification was recorded before the second receipt or after it.
     */
    @ParameterizedTest(name = "reclassification recorded {0} the second receipt")
    @ValueSource(strings = {"before", "after"})
    void a_restated_move_counts_with_its_euros_when_a_reversal_moves_the_tranche_again(String reclassification) {
        Books books = new Books(api());
        long id = twoEuroTranches(books);
        long first = books.receipt(Map.of("agreement", id, "tranche", 2, "amount", money("60000.00", "EUR"),
                "receivedOn", "2006-11-20", "bankAccount", "1011")).get("entry").asLong();
        if (reclassification.equals("before")) {
            reclassify();
        }
        books.receipt(Map.of("agreement", id, "tranche", 2, "amount", money("40000.00", "EUR"),
                "receivedOn", "2006-12-10", "bankAccount", "1011"));
        if (reclassification.equals("after")) {
            reclassify();
        }
        reverseOn15January2007(first);

        assertThat(Books.balance(db, id, "2000-01-01", "2007-01-31", "1210")).as("1210").isEqualByComparingTo("125000.00");
        assertThat(euros(id, "1210")).as("1210 in euros").isEqualByComparingTo("100000.00");
        assertThat(Books.balance(db, id, "2000-01-01", "2007-01-31", "1220")).as("1220").isEqualByComparingTo("75000.00");
        assertThat(euros(id, "1220")).as("1220 in euros").isEqualByComparingTo("60000.00");
        assertThat(Books.balance(db, id, "2000-01-01", "2006-12-31", "7810")).as("realised gain").isEqualByComparingTo("-1200.00");
        Books.r7Holds(db, id);
    }

    private java.math.BigDecimal euros(long agreement, String account) {
        return db.fetchSingle("SELECT coalesce(sum(l.original_amount), 0) FROM journal_line l JOIN account a ON a.id = l.account_id "
                + "WHERE a.code = ? AND l.agreement_id = ?", account, agreement).get(0, java.math.BigDecimal.class);
    }

    /** J-D's agreement, and a payment on its 2007 tranche recorded before or after the reclassification. */
    private long jDPaidOnTranche2(String reclassification, String amount, String receivedOn) {
        Books books = new Books(api());
        if (db.fetchCount(db.selectFrom("contributor").where("code = 'TR'")) == 0) {
            books.contributor("TR", "Türkiye", "GOVERNMENT", true, false);
        }
        long id = books.agreement("TR", "2006-05-01", List.of(tranche("2006-06-30", "300000.00", "USD"),
                tranche("2007-06-30", "300000.00", "USD"), tranche("2008-06-30", "300000.00", "USD")), Map.of())
                .get("id").asLong();
        if (reclassification.equals("before")) {
            reclassify();
        }
        books.receipt(Map.of("agreement", id, "tranche", 2, "amount", money(amount, "USD"), "receivedOn", receivedOn,
                "bankAccount", "1010"));
        if (reclassification.equals("after")) {
            reclassify();
        }
        return id;
    }

    /** EUR 100,000 due 2006-09-30 and EUR 100,000 due 2007-06-30, signed 2006-03-15 at 0.80000. */
    private long twoEuroTranches(Books books) {
        if (db.fetchCount(db.selectFrom("contributor").where("code = 'ES'")) == 0) {
            books.rates(Books.GOLDEN_EUR_RATES);
            books.contributor("ES", "Spain", "GOVERNMENT", true, false);
        }
        return books.agreement("ES", "2006-03-15", List.of(tranche("2006-09-30", "100000.00", "EUR"),
                tranche("2007-06-30", "100000.00", "EUR")), Map.of()).get("id").asLong();
    }

    /** The receipt's entry reversed on 2007-01-15, asked for by finance and approved by approver. */
    private void reverseOn15January2007(long entry) {
        Api.Response requested = api().post("finance", "/api/journal-entries/" + entry + "/reversal",
                Map.of("date", "2007-01-15", "reason", "credited to the wrong fund by the bank"));
        assertThat(requested.status()).as(requested.text()).isEqualTo(202);
        Api.Response approved = api().post("approver", "/api/approvals/" + requested.body().get("approval").asString()
                + "/approval", Map.of());
        assertThat(approved.status()).as(approved.text()).isEqualTo(200);
    }

    private void reclassify() {
        Api.Response response = api().post("finance", "/api/reclassifications", Map.of("asOf", "2006-12-31"));
        assertThat(response.status()).as(response.text()).isEqualTo(201);
    }
}
