package org.unaoc.trustfund.spending;

import org.junit.jupiter.api.Test;

/** Budget against actual on the books of {@link BudgetYearsBooks}, recorded back-dated, the plan revised last. */
class BudgetAgainstActualBackDatedTest extends BudgetYearsBooks {

    @Test
    void the_same_figures_when_recorded_back_dated_and_the_plan_revised_last() {
        Spend spend = books();
        long o1 = obligation(spend);
        spent(spend, "CONTRACTUAL", "30000.00", "2005-02-10", o1);
        manualEntry(spend);
        long travel = spent(spend, "TRAVEL", "10000.00", "2004-09-15", null);
        spent(spend, "CONTRACTUAL", "50000.00", "2004-03-10", null);
        reverse(spend, travel, "2005-01-20");
        spend.plan("RESEARCH", 2005, "CONTRACTUAL", "100000.00");
        spend.plan("RESEARCH", 2004, "CONTRACTUAL", "200000.00");
        spend.plan("RESEARCH", 2004, "CONTRACTUAL", "250000.00");
        assertTheYears();
    }

}
