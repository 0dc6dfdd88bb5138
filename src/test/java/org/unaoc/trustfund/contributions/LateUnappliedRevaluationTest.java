package org.unaoc.trustfund.contributions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.unaoc.trustfund.contributions.Books.money;
import static org.unaoc.trustfund.contributions.Books.tranche;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.unaoc.trustfund.ledger.InvariantsCheck;
import org.unaoc.trustfund.support.Api;
import org.unaoc.trustfund.support.FreshBooksTest;

/**
 * R16 on unapplied cash (2190), receipt by receipt, in three recording orders. EUR 400,000 from an
 * unknown payer on 2006-07-10 at 0.78125 is carried at 512,000.00; a EUR tranche signed at 0.80000
 * carries 1,250,000.00 for EUR 1,000,000. Worked by hand, in date order:
 * <ul>
 * <li>applied 2006-11-05, after the 2006-10-31 revaluation at 0.80000: the revaluation gains
 * 12,000.00 on 2190 and loses 12,000.00 on the euros in 1011 (7820 nets to zero), and the
 * application of 500,000.00 settles 500,000.00 of the tranche, no realised difference;</li>
 * <li>applied 2006-10-20, before it: the application takes 512,000.00 for a share of 500,000.00,
 * a realised gain of 12,000.00 on the agreement (7810); the revaluation finds nothing left in
 * 2190 and loses 12,000.00 on 1011.</li>
 * </ul>
 * Each is recorded with the revaluation before and after the application; in every order 2190 ends
 * at zero in USD and in euros. The late orders are those the simulation found (seeds 2 and 7 with
 * late revaluations). Cases share one database: figures are compared with the fund's before the case.
 */
class LateUnappliedRevaluationTest extends FreshBooksTest {

    @ParameterizedTest(name = "applied {0}, revaluation recorded {1}")
    @CsvSource({"2006-11-05, before, 0, 0", "2006-11-05, after, 0, 0",
            "2006-10-20, before, 12000.00, -12000.00", "2006-10-20, after, 12000.00, -12000.00"})
    void unapplied_euros_applied_around_a_revaluation_in_either_recording_order(String appliedOn, String revaluation,
                                                                                 String unrealised, String realised) {
        Books books = new Books(api());
        if (db.fetchCount(db.selectFrom("contributor").where("code = 'ES'")) == 0) {
            books.rates(Books.GOLDEN_EUR_RATES);
            books.contributor("ES", "Spain", "GOVERNMENT", true, false);
        }
        long agreement = books.agreement("ES", "2006-03-15", List.of(tranche("2006-12-31", "1000000.00", "EUR")), Map.of())
                .get("id").asLong();
        BigDecimal unrealisedBefore = fund("7820");
        BigDecimal cashBefore = fund("1011");
        long receipt = books.receipt(Map.of("amount", money("400000.00", "EUR"), "receivedOn", "2006-07-10",
                "bankAccount", "1011")).get("id").asLong();
        if (revaluation.equals("before")) {
            revalue();
        }
        Api.Response applied = api().post("finance", "/api/receipts/" + receipt + "/application",
                Map.of("agreement", agreement, "contributor", "ES", "date", appliedOn));
        assertThat(applied.status()).as(applied.text()).isEqualTo(200);
        if (revaluation.equals("after")) {
            revalue();
        }

        assertThat(fund("2190")).as("2190 in USD").isEqualByComparingTo("0");
        assertThat(db.fetchSingle("SELECT coalesce(sum(l.original_amount), 0) FROM journal_line l JOIN account a "
                + "ON a.id = l.account_id WHERE a.code = '2190'").get(0, BigDecimal.class)).as("2190 in EUR").isEqualByComparingTo("0");
        assertThat(fund("1011").subtract(cashBefore)).as("the euros in 1011 at 0.80000").isEqualByComparingTo("500000.00");
        assertThat(fund("7820").subtract(unrealisedBefore)).as("unrealised: 2190 and 1011").isEqualByComparingTo(unrealised);
        assertThat(Books.balance(db, agreement, "2006-01-01", "2006-12-31", "7810")).as("realised on the agreement")
                .isEqualByComparingTo(realised);
        assertThat(Books.balance(db, agreement, "2006-01-01", "2006-12-31", "1210")).as("the tranche's carrying amount")
                .isEqualByComparingTo("750000.00");
        assertThat(api().get("finance", "/api/receipts/" + receipt).body().get("unappliedUsd").asString())
                .as("the receipt's unapplied USD").isEqualTo("0.00");
        Books.r7Holds(db, agreement);
        InvariantsCheck.hold(db, "after unapplied cash applied around a revaluation");
    }

    private void revalue() {
        Api.Response response = api().post("finance", "/api/revaluations", Map.of("asOf", "2006-10-31"));
        assertThat(response.status()).as(response.text()).isEqualTo(201);
    }

    private BigDecimal fund(String account) {
        return db.fetchSingle("SELECT coalesce(sum(l.amount_usd), 0) FROM journal_line l JOIN account a ON a.id = l.account_id "
                + "WHERE a.code = ?", account).get(0, BigDecimal.class);
    }
}
