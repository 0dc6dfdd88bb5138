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
record ProjectionInputs(LocalDate asOf, YearMonth first, YearMonth last, List<Cash> cash, BigDecimal cashLiabilities,
                        BigDecimal balanceOfFunds, Map<String, BigDecimal> ratesOnAsOf, List<Inflow> secured,
                        List<Inflow> announced, Map<Integer, Map<String, BigDecimal>> plansWithPsc,
                        Map<String, BigDecimal> obligationsWithPscByComponent, BigDecimal reserveRate) {

    /** Money expected in: an open tranche (secured) or an announced pledge, in its currency, by a date. */
    record Inflow(String contributor, String reference, String currency, BigDecimal amount, LocalDate due) {
    }

    /** The cash of a bank account on the as-of date, in the account's currency. */
    record Cash(String account, String currency, BigDecimal amount) {
    }

    /** The obligations open on the as-of date, with PSC: paid in the first month, taken from their component's plan. */
    BigDecimal unliquidatedWithPsc() {
        return obligationsWithPscByComponent.values().stream().reduce(new BigDecimal("0.00"), BigDecimal::add);
    }
}
