package org.unaoc.trustfund.contributions;

import org.junit.jupiter.api.Test;

/** The IPSAS presentation on the books of {@link IpsasPresentationBooks}, recorded in date order. */
class IpsasPresentationTest extends IpsasPresentationBooks {

    @Test
    void cash_flow_with_the_effect_of_rates_comparatives_and_receivables_by_due_date() {
        agreementAndGift();
        revalue("2006-12-31");
        revalue("2007-12-31");
        theStatementsAreOnTheIpsasPresentation();
    }
}
