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
    }
}
