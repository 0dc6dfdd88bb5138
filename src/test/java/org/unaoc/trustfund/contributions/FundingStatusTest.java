package org.unaoc.trustfund.contributions;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.unaoc.trustfund.support.Api;

/** The cash-basis funding status on J-A and J-B recorded in date order; who may ask for it by contributor. */
class FundingStatusTest extends FundingStatusBooks {

    @Test
    void j_a_and_j_b_in_date_order() {
        agreements();
        revalue();
        germanyPays();
        theFundingStatusIsOnACashBasis();
        Api.Response donor = api().get("qatar", "/api/statements/funding-status?from=2007-01-01&to=2007-12-31&by=contributor");
        assertThat(donor.status()).as(donor.text()).isEqualTo(403);
        assertThat(donor.body().get("type").asString()).isEqualTo("/problems/forbidden");
        assertThat(donor.body().get("field").asString()).isEqualTo("by");
        Api.Response unknown = api().get("auditor", "/api/statements/funding-status?from=2007-01-01&to=2007-12-31&by=year");
        assertThat(unknown.status()).as(unknown.text()).isEqualTo(422);
        assertThat(unknown.body().get("field").asString()).isEqualTo("by");
        Api.Response aggregate = api().get("qatar", "/api/statements/funding-status?from=2007-01-01&to=2007-12-31");
        assertThat(aggregate.status()).as("a donor reads the fund's aggregate").isEqualTo(200);

        // #17 item 7: the share received on the basis of the agreed amounts. At the end of 2006 J-A's EUR 1,000,000 is
        // received (1,250,000.00 at its agreed rate, though the bank credited 1,280,000.00) and J-B's EUR 500,000 is
        // outstanding (625,000.00 at its agreed rate, carried at 640,000.00): 1,250,000.00 of 1,875,000.00 is 66.7 per
        // cent (the USD credited would give 68.3)
        String section = api().get("author", "/api/reports/financing-section?asOf=2006-12-31&format=md").text();
        assertThat(section).contains("USD 1,875,000.00").contains("USD 1,250,000.00 (66.7 per cent")
                .contains("USD 625,000.00 was still to be paid")
                .contains("| Spain | 1,250,000.00 | 1,250,000.00 | 0.00 | 0.00 |")
                .contains("| Germany | 625,000.00 | 0.00 | 625,000.00 | 0.00 |");
    }
}
