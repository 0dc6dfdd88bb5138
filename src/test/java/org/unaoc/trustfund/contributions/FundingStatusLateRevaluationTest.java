package org.unaoc.trustfund.contributions;

import org.junit.jupiter.api.Test;

/** The cash-basis funding status on J-A and J-B with the 2006 revaluation run after the 2007 receipt (R16). */
class FundingStatusLateRevaluationTest extends FundingStatusBooks {

    @Test
    void j_a_and_j_b_with_the_revaluation_run_late() {
        agreements();
        germanyPays();
        revalue();
        theFundingStatusIsOnACashBasis();
    }
}
