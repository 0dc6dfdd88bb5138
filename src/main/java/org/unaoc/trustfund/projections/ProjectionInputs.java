package org.unaoc.trustfund.projections;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;

/**
 * What the books say on the as-of date, everything the projection needs and nothing more: the cash
 * of each bank account in its currency, the cash liabilities it must first meet (2110, 2120, 2150,
 * 2190, 2300), what is secured and announced, the plans, and the obligations open per component.
 */
record ProjectionInputs(LocalDate asOf, YearMonth first, YearMonth last, List<Cash> cash, List<Cash> cashLiabilities,
                        BigDecimal balanceOfFunds, Map<String, BigDecimal> ratesOnAsOf, List<Inflow> secured,
                        List<Inflow> announced, Map<Integer, Map<String, BigDecimal>> plansWithPsc,
                        Map<Integer, Map<String, BigDecimal>> obligationsWithPsc, BigDecimal reserveRate) {

    /** Money expected in: an open tranche (secured) or an announced pledge, in its currency, by a date. */
    record Inflow(String contributor, String reference, String currency, BigDecimal amount, LocalDate due) {
    }

    /** The cash of a bank account (or a cash liability, credit positive) on the as-of date, in its currency. */
    record Cash(String account, String currency, BigDecimal amount) {
    }

    /**
     * The obligations open on the as-of date, with PSC, by the year they were made in and component: paid
     * in the first month, and taken from the plan of their own year and component (a plan is what is
     * left to commit), never from a later year's.
     */
    BigDecimal unliquidatedWithPsc() {
        return obligationsWithPsc.values().stream().flatMap(m -> m.values().stream()).reduce(new BigDecimal("0.00"), BigDecimal::add);
    }
}
