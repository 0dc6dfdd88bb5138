package org.unaoc.trustfund.contributions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.unaoc.trustfund.contributions.Books.tranche;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Disabled;
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
    @Disabled("#15: a rate published for a day on which postings used another rate does not adjust them")
    void a_rate_published_late_for_the_signature_day_adjusts_the_recognition() {
        YearMonth month = Months.fresh();
        long id = signed(month, "8.0000");
        Api.Response late = api().post("finance", "/api/exchange-rates", Map.of("currency", "SEK",
                "effectiveFrom", month.atDay(15).toString(), "rate", "10.0000"));
        assertThat(late.status()).as(late.text()).isIn(201, 202);
        if (late.status() == 202) {
            Api.Response approved = api().post("approver", "/api/approvals/" + late.body().get("approval").asString()
                    + "/approval", Map.of());
            assertThat(approved.status()).as(approved.text()).isEqualTo(200);
        }
        assertThat(receivable(id)).isEqualByComparingTo("8000.00");
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
