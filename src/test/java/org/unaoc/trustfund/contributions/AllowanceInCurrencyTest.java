package org.unaoc.trustfund.contributions;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.unaoc.trustfund.support.Api;
import org.unaoc.trustfund.support.FreshBooksTest;

/**
 * R14 and R17 in any recording order (R16): the allowance against a EUR receivable is in EUR, at
 * the receivable's carrying amount of its date, and is re-measured with it, so that the write-off
 * leaves nothing in 1290 and the impairment is the USD written off. On J-B's agreement: EUR
 * 500,000 signed 2006-10-02 at 0.80000 (625,000.00), revalued 2006-12-31 at 0.78125 (640,000.00),
 * never paid. Figures by hand:
 * <ul>
 * <li>allowance dated 2007-01-15, after the revaluation: 6500 640,000.00 in 2007, 1290 −640,000.00
 * (EUR −500,000); 2006 7820 −15,000.00 on the receivable;</li>
 * <li>allowance dated 2006-11-15, before it: 6500 625,000.00, then the allowance re-measured with
 * the receivable, 6500 15,000.00 more on 2006-12-31; 7820 −15,000.00 on the receivable alone;</li>
 * <li>either way the write-off of 2007-06-30: Dr 1290 640,000.00 / Cr 1210 640,000.00, nothing more
 * in 6500, 1290 and 1210 at zero in USD and in EUR; R7: 625,000.00 + 15,000.00 = 640,000.00 written off.</li>
 * </ul>
 * Each recorded with the revaluation before and after the allowance. The cases share one database:
 * every figure is the agreement's own.
 */
class AllowanceInCurrencyTest extends FreshBooksTest {

    @ParameterizedTest(name = "revaluation recorded {0} the allowance")
    @ValueSource(strings = {"before", "after"})
    void an_allowance_dated_after_the_revaluation_is_at_the_revalued_carrying_amount(String revaluation) {
        long id = agreement();
        record(revaluation, id, "2007-01-15");
        assertThat(sum(id, "7820", "2006-01-01", "2006-12-31")).isEqualByComparingTo("-15000.00");
        assertThat(sum(id, "6500", "2006-01-01", "2006-12-31")).isEqualByComparingTo("0");
        assertThat(sum(id, "6500", "2007-01-01", "2007-01-31")).isEqualByComparingTo("640000.00");
        assertThat(sum(id, "1290", "2006-01-01", "2007-01-31")).isEqualByComparingTo("-640000.00");
        assertThat(euros(id, "1290", "2007-01-31")).isEqualByComparingTo("-500000.00");
        writtenOff(id);
    }

    @ParameterizedTest(name = "revaluation recorded {0} the allowance")
    @ValueSource(strings = {"before", "after"})
    void an_allowance_dated_before_the_revaluation_is_re_measured_with_the_receivable(String revaluation) {
        long id = agreement();
        record(revaluation, id, "2006-11-15");
        assertThat(sum(id, "6500", "2006-11-01", "2006-11-30")).isEqualByComparingTo("625000.00");
        assertThat(sum(id, "6500", "2006-12-01", "2006-12-31")).isEqualByComparingTo("15000.00");
        assertThat(sum(id, "7820", "2006-01-01", "2006-12-31")).as("exchange on the receivable only")
                .isEqualByComparingTo("-15000.00");
        assertThat(sum(id, "1290", "2006-01-01", "2006-11-30")).isEqualByComparingTo("-625000.00");
        assertThat(sum(id, "1290", "2006-01-01", "2006-12-31")).isEqualByComparingTo("-640000.00");
        assertThat(euros(id, "1290", "2006-12-31")).isEqualByComparingTo("-500000.00");
        writtenOff(id);
    }

    /** The write-off of 2007-06-30, approved: it uses all of the allowance and leaves nothing behind. */
    private void writtenOff(long id) {
        Api.Response requested = api().post("finance", "/api/write-offs", Map.of("agreement", id, "date", "2007-06-30",
                "reason", "the contributor will not pay"));
        assertThat(requested.status()).as(requested.text()).isEqualTo(202);
        Api.Response approved = api().post("approver", "/api/approvals/" + requested.body().get("approval").asString()
                + "/approval", Map.of());
        assertThat(approved.status()).as(approved.text()).isEqualTo(200);
        assertThat(sum(id, "1290", "2007-06-30", "2007-06-30")).isEqualByComparingTo("640000.00");
        assertThat(sum(id, "1210", "2007-06-30", "2007-06-30")).isEqualByComparingTo("-640000.00");
        assertThat(sum(id, "6500", "2007-02-01", "2007-12-31")).as("nothing more impaired").isEqualByComparingTo("0");
        assertThat(sum(id, "6500", "2006-01-01", "2007-12-31")).as("the impairment is the USD written off")
                .isEqualByComparingTo("640000.00");
        assertThat(sum(id, "1290", "2006-01-01", "2007-12-31")).isEqualByComparingTo("0");
        assertThat(euros(id, "1290", "2007-12-31")).isEqualByComparingTo("0");
        assertThat(sum(id, "1210", "2006-01-01", "2007-12-31")).isEqualByComparingTo("0");
        assertThat(euros(id, "1210", "2007-12-31")).isEqualByComparingTo("0");
        Books.r7Holds(db, id);
    }

    private long agreement() {
        return new Books(api()).jB();
    }

    private void record(String revaluation, long id, String allowedOn) {
        if (revaluation.equals("before")) {
            revalue();
        }
        Api.Response allowance = api().post("finance", "/api/impairments", Map.of("agreement", id, "date", allowedOn,
                "reason", "no payment after three reminders"));
        assertThat(allowance.status()).as(allowance.text()).isEqualTo(201);
        if (revaluation.equals("after")) {
            revalue();
        }
    }

    private void revalue() {
        Api.Response response = api().post("finance", "/api/revaluations", Map.of("asOf", "2006-12-31"));
        assertThat(response.status()).as(response.text()).isEqualTo(201);
    }

    private BigDecimal sum(long agreement, String account, String from, String to) {
        return Books.balance(db, agreement, from, to, account);
    }

    private BigDecimal euros(long agreement, String account, String asOf) {
        return db.fetchSingle("SELECT coalesce(sum(l.original_amount), 0) FROM journal_line l JOIN account a ON a.id = l.account_id "
                + "WHERE l.agreement_id = ? AND a.code = ? AND l.currency = 'EUR' AND l.entry_date <= ?::date",
                agreement, account, asOf).get(0, BigDecimal.class);
    }
}
