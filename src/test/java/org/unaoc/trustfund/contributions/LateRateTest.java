package org.unaoc.trustfund.contributions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.unaoc.trustfund.contributions.Books.tranche;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.unaoc.trustfund.support.Api;
import org.unaoc.trustfund.support.FreshBooksTest;
import org.unaoc.trustfund.support.Months;

/**
 * R16: a UN rate published late is the rate of its dates all along. SEK 80,000.00 signed on the
 * 20th at 8.0000 is recognised at 10,000.00; the rate 10.0000 from the 15th, published afterwards,
 * makes it 8,000.00 (80,000.00 / 10.0000), once the correction is approved. Found by the
 * simulation: seed 3 with -Dsimulation.without=late-revaluations,year-end-closes (a EUR rate from
 * 2007-02-22 added after postings dated after it; agreement A1's exchange differences 34.67 off).
 */
class LateRateTest extends FreshBooksTest {

    @Test
    void the_rate_in_force_when_the_agreement_is_signed_recognises_it() {
        YearMonth month = Months.fresh();
        long id = signed(month, "8.0000");
        assertThat(receivable(id)).isEqualByComparingTo("10000.00");
    }

    @Test
    void a_rate_published_late_for_the_signature_day_adjusts_the_recognition_once_approved() {
        YearMonth month = Months.fresh();
        long id = signed(month, "8.0000");
        Api.Response late = rate("SEK", month.atDay(15).toString(), "10.0000");
        assertThat(late.status()).as("a correction: it waits for approval; " + late.text()).isEqualTo(202);
        long entry = db.fetchSingle("SELECT min(entry_id) FROM journal_line WHERE agreement_id = ?", id).get(0, Long.class);
        assertThat(api().get("approver", "/api/approvals/" + late.body().get("approval").asString()).text())
                .contains("adjusting entries [" + entry + "]");
        assertThat(receivable(id)).as("nothing moves before approval").isEqualByComparingTo("10000.00");
        approve(late);
        assertThat(receivable(id)).isEqualByComparingTo("8000.00");
        assertThat(Books.balance(db, id, "2000-01-01", "2099-12-31", "4100")).isEqualByComparingTo("-8000.00");
        Books.r7Holds(db, id);
    }

    @Test
    void the_same_rate_published_before_the_signature_recognises_it_at_once() {
        YearMonth month = Months.fresh();
        Books books = new Books(api());
        books.contributor("SE", "Sweden", "GOVERNMENT", false, true);
        books.rates("currency,effectiveFrom,rate\nSEK," + month.atDay(1) + ",8.0000\nSEK," + month.atDay(15) + ",10.0000\n");
        long id = books.agreement("SE", month.atDay(20).toString(), List.of(tranche(month.plusMonths(3).atDay(1).toString(),
                "80000.00", "SEK")), Map.of()).get("id").asLong();
        assertThat(receivable(id)).isEqualByComparingTo("8000.00");
        assertThat(Books.balance(db, id, "2000-01-01", "2099-12-31", "4100")).isEqualByComparingTo("-8000.00");
    }

    /**
     * EUR 1,000.00 signed on the 5th at 0.80000 (1,250.00) and received in full on the 10th into 1011.
     * The rate 1.00000 from the 8th, published after the receipt, makes the cash 1,000.00: Cr 1011
     * 250.00 / Dr 7810 250.00 (the receivable of 1,250.00 settled by 1,000.00), and R7 holds:
     * 1,250.00 − 250.00 = 1,000.00 received. Recorded with the rate first, the receipt posts the same.
     */
    @Test
    void a_rate_published_late_for_a_receipt_day_restates_the_cash_and_the_realised_difference() {
        for (boolean late : new boolean[] {true, false}) {
            YearMonth month = Months.fresh();
            Books books = new Books(api());
            books.contributor("DE", "Germany", "GOVERNMENT", false, true);
            books.rates("currency,effectiveFrom,rate\nEUR," + month.atDay(1) + ",0.80000\n");
            long id = books.agreement("DE", month.atDay(5).toString(), List.of(tranche(month.plusMonths(3).atDay(1).toString(),
                    "1000.00", "EUR")), Map.of()).get("id").asLong();
            if (!late) {
                assertThat(rate("EUR", month.atDay(8).toString(), "1.00000").status()).isEqualTo(201);
            }
            BigDecimal cashBefore = cash();
            books.receipt(Map.of("agreement", id, "amount", Books.money("1000.00", "EUR"),
                    "receivedOn", month.atDay(10).toString(), "bankAccount", "1011"));
            if (late) {
                approve(rate("EUR", month.atDay(8).toString(), "1.00000"));
            }
            assertThat(cash().subtract(cashBefore)).as(late ? "late" : "in date order").isEqualByComparingTo("1000.00");
            assertThat(Books.balance(db, id, "2000-01-01", "2099-12-31", "7810")).isEqualByComparingTo("250.00");
            assertThat(receivable(id)).isEqualByComparingTo("0");
            Books.r7Holds(db, id);
            // the next case starts from a month of its own, at 0.80000 again
            assertThat(rate("EUR", month.plusMonths(1).atDay(1).toString(), "0.80000").status()).isIn(200, 201);
        }
    }

    /**
     * A receipt split between two tranches is not one the correction adjusts: the late rate is
     * refused, naming the receipt's entry, and nothing is stored or queued.
     */
    @Test
    void a_late_rate_over_entries_it_cannot_adjust_is_refused_naming_them() {
        YearMonth month = Months.fresh();
        Books books = new Books(api());
        books.contributor("DE", "Germany", "GOVERNMENT", false, true);
        books.rates("currency,effectiveFrom,rate\nEUR," + month.atDay(1) + ",0.80000\n");
        long id = books.agreement("DE", month.atDay(5).toString(), List.of(
                tranche(month.plusMonths(2).atDay(1).toString(), "500.00", "EUR"),
                tranche(month.plusMonths(3).atDay(1).toString(), "500.00", "EUR")), Map.of()).get("id").asLong();
        long receipt = books.receipt(Map.of("agreement", id, "amount", Books.money("1000.00", "EUR"),
                "receivedOn", month.atDay(10).toString(), "bankAccount", "1011")).get("entry").asLong();
        Api.Response refused = rate("EUR", month.atDay(8).toString(), "1.00000");
        assertThat(refused.status()).as(refused.text()).isEqualTo(409);
        assertThat(refused.body().get("type").asString()).isEqualTo("/problems/rate-correction-unsupported");
        assertThat(refused.body().get("entries").get(0).asLong()).isEqualTo(receipt);
        assertThat(api().get("finance", "/api/exchange-rates?currency=EUR").text()).doesNotContain(month.atDay(8).toString());
        assertThat(api().get("finance", "/api/approvals?status=PENDING").text()).doesNotContain(month.atDay(8).toString());
        rate("EUR", month.plusMonths(1).atDay(1).toString(), "0.80000");
    }

    private Api.Response rate(String currency, String from, String rate) {
        return api().post("finance", "/api/exchange-rates", Map.of("currency", currency, "effectiveFrom", from, "rate", rate));
    }

    private void approve(Api.Response requested) {
        assertThat(requested.status()).as(requested.text()).isEqualTo(202);
        Api.Response approved = api().post("approver", "/api/approvals/" + requested.body().get("approval").asString()
                + "/approval", Map.of());
        assertThat(approved.status()).as(approved.text()).isEqualTo(200);
    }

    private BigDecimal cash() {
        return db.fetchSingle("SELECT coalesce(sum(l.amount_usd), 0) FROM journal_line l JOIN account a ON a.id = l.account_id "
                + "WHERE a.code = '1011'").get(0, BigDecimal.class);
    }

    /** SEK at {@code rate} from the 1st, and an agreement for SEK 80,000.00 signed on the 20th. */
    private long signed(YearMonth month, String rate) {
        Books books = new Books(api());
        books.contributor("SE", "Sweden", "GOVERNMENT", false, true);
        books.rates("currency,effectiveFrom,rate\nSEK," + month.atDay(1) + "," + rate + "\n");
        return books.agreement("SE", month.atDay(20).toString(), List.of(tranche(month.plusMonths(3).atDay(1).toString(),
                "80000.00", "SEK")), Map.of()).get("id").asLong();
    }

    private BigDecimal receivable(long agreement) {
        return Books.balance(db, agreement, "2000-01-01", "2099-12-31", "1210", "1220");
    }
}
