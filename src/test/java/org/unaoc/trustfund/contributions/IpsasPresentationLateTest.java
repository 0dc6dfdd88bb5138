package org.unaoc.trustfund.contributions;

import org.junit.jupiter.api.Test;

/** The IPSAS presentation on the books of {@link IpsasPresentationBooks}, the 2006 revaluation run after the 2007 one (R16). */
class IpsasPresentationLateTest extends IpsasPresentationBooks {

    @Test
    void the_same_statements_when_the_2006_revaluation_is_run_last() {
        agreementAndGift();
        revalue("2007-12-31");
        revalue("2006-12-31");
        theStatementsAreOnTheIpsasPresentation();
    }
}
