package org.unaoc.trustfund.contributions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.unaoc.trustfund.contributions.Books.money;

import java.math.BigDecimal;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.unaoc.trustfund.support.Api;
import org.unaoc.trustfund.support.FreshBooksTest;

/**
 * R16 on J-B: EUR 500,000 signed 2006-10-02 at 0.80000 (625,000.00), the 2006 year-end
 * revaluation at 0.78125 (640,000.00), and the receipt, each recorded before and after the
 * other. The figures are ACCOUNTING.md's, worked by hand:
 * <ul>
 * <li>receipt 2007-02-12 at 0.77500 (645,161.29): 2006 shows 7820 15,000.00 (credit), 2007 shows
 * 7810 5,161.29 (credit), 1210 ends at zero;</li>
 * <li>receipt 2006-12-20 at 0.78125 (640,000.00): the receivable is settled before the year end,
 * so 2006 shows 7810 15,000.00 and no 7820 at all; the cash in 1011 is already at 0.78125.</li>
 * </ul>
 * The test cases share one database: cash is compared with what 1011 held before the case.
 * The late order is the one the simulation found (seed 4, a revaluation run after later receipts).
 */
class LateRevaluationTest extends FreshBooksTest {

    @ParameterizedTest(name = "revaluation recorded {0} the receipt")
    @ValueSource(strings = {"before", "after"})
    void j_b_receipt_of_the_next_year_in_either_recording_order(String revaluation) {
        long id = agreement();
        BigDecimal cashBefore = cash("2007-12-31");
        record(revaluation, "2007-02-12");

        assertThat(sum(id, "7820", "2006-01-01", "2006-12-31")).as("2006 unrealised gain").isEqualByComparingTo("-15000.00");
        assertThat(sum(id, "7810", "2007-01-01", "2007-12-31")).as("2007 realised gain").isEqualByComparingTo("-5161.29");
        assertThat(sum(id, "7820", "2007-01-01", "2007-12-31").add(sum(id, "7810", "2006-01-01", "2006-12-31")))
                .as("nothing else").isEqualByComparingTo("0");
        assertThat(sum(id, "1210", "2006-01-01", "2006-12-31")).as("1210 at the 2006 year end").isEqualByComparingTo("640000.00");
        assertThat(sum(id, "1210", "2006-01-01", "2007-12-31")).as("1210 at the end").isEqualByComparingTo("0");
        assertThat(cash("2007-12-31").subtract(cashBefore)).as("1011").isEqualByComparingTo("645161.29");
        Books.r7Holds(db, id);
    }

    @ParameterizedTest(name = "revaluation recorded {0} the receipt")
    @ValueSource(strings = {"before", "after"})
    void receipt_dated_before_the_revaluation_in_either_recording_order(String revaluation) {
        long id = agreement();
        BigDecimal cashBefore = cash("2006-12-31");
        record(revaluation, "2006-12-20");

        assertThat(sum(id, "7810", "2006-01-01", "2006-12-31")).as("2006 realised gain").isEqualByComparingTo("-15000.00");
        assertThat(sum(id, "7820", "2006-01-01", "2007-12-31")).as("no unrealised difference").isEqualByComparingTo("0");
        assertThat(sum(id, "1210", "2006-01-01", "2006-12-31")).as("1210 at the year end").isEqualByComparingTo("0");
        assertThat(cash("2006-12-31").subtract(cashBefore)).as("1011 at the year end").isEqualByComparingTo("640000.00");
        Books.r7Holds(db, id);
    }

    private long agreement() {
        return new Books(api()).jB();
    }

    private void record(String revaluation, String receivedOn) {
        if (revaluation.equals("before")) {
            revalue();
        }
        new Books(api()).receipt(Map.of("agreement", agreementId(), "amount", money("500000.00", "EUR"),
                "receivedOn", receivedOn, "bankAccount", "1011"));
        if (revaluation.equals("after")) {
            revalue();
        }
    }

    private long agreementId() {
        return db.fetchSingle("select max(id) from agreement").get(0, Long.class);
    }

    private void revalue() {
        Api.Response response = api().post("finance", "/api/revaluations", Map.of("asOf", "2006-12-31"));
        assertThat(response.status()).as(response.text()).isEqualTo(201);
    }

    private BigDecimal sum(long agreement, String account, String from, String to) {
        return Books.balance(db, agreement, from, to, account);
    }

    private BigDecimal account(String code, String asOf) {
        return db.fetchSingle("select coalesce(sum(l.amount_usd), 0) from journal_line l join account a on a.id = l.account_id "
                + "where a.code = ? and l.entry_date <= ?::date", code, asOf).get(0, BigDecimal.class);
    }

    private BigDecimal cash(String asOf) {
        return account("1011", asOf);
    }
}
