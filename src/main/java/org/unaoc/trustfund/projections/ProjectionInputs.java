package org.unaoc.trustfund.projections;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;

/** What the books say on the as-of date, everything the projection needs and nothing more. */
record ProjectionInputs(LocalDate asOf, YearMonth first, YearMonth last, BigDecimal openingCash, BigDecimal balanceOfFunds,
                        Map<String, BigDecimal> ratesOnAsOf, List<Inflow> secured, List<Inflow> announced,
                        Map<Integer, Map<String, BigDecimal>> plansWithPsc, BigDecimal unliquidatedWithPsc,
                        BigDecimal reserveRate) {

    /** Money expected in: an open tranche (secured) or an announced pledge, in its currency, by a date. */
    record Inflow(String contributor, String reference, String currency, BigDecimal amount, LocalDate due) {
    }
}
