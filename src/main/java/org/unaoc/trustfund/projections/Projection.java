package org.unaoc.trustfund.projections;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The monthly cash projection, a pure calculation on {@link ProjectionInputs}: opening cash,
 * secured receipts by due date (late by the scenario's delay, in USD at the as-of rate),
 * announced pledges on their own line, planned spending (each year's cost plan with PSC, a twelfth
 * a month, December taking the cents left), unliquidated obligations in the first month, closing
 * cash and the operating reserve of the year.
 */
final class Projection {

    private static final BigDecimal ZERO = new BigDecimal("0.00");
    private static final BigDecimal TWELVE = BigDecimal.valueOf(12);

    private Projection() {
    }

    record Month(YearMonth month, BigDecimal opening, BigDecimal securedReceipts, BigDecimal announcedPledges,
                 BigDecimal plannedSpending, BigDecimal obligations, BigDecimal closing, BigDecimal closingWithPledges,
                 BigDecimal reserve) {
    }

    record Outcome(List<Month> months, BigDecimal gap, BigDecimal gapWithPledges, int monthsOfCoverage,
                   @Nullable YearMonth firstMonthBelowReserve) {
    }

    static Outcome run(ProjectionInputs inputs, Scenario scenario) {
        Map<YearMonth, BigDecimal> secured = byMonth(inputs, inputs.secured(), scenario, scenario.collectionDelayMonths(), BigDecimal.ONE);
        Map<YearMonth, BigDecimal> announced = byMonth(inputs, inputs.announced(), scenario, 0, scenario.announcedShare());
        List<Month> months = new ArrayList<>();
        BigDecimal cash = inputs.openingCash();
        BigDecimal cashWithPledges = inputs.openingCash();
        BigDecimal gap = BigDecimal.ZERO;
        BigDecimal gapWithPledges = BigDecimal.ZERO;
        int coverage = 0;
        YearMonth firstBelow = null;
        for (YearMonth month = inputs.first(); !month.isAfter(inputs.last()); month = month.plusMonths(1)) {
            BigDecimal in = secured.getOrDefault(month, ZERO);
            BigDecimal pledged = announced.getOrDefault(month, ZERO);
            BigDecimal planned = planned(inputs, scenario, month);
            BigDecimal obligations = month.equals(inputs.first()) ? inputs.unliquidatedWithPsc() : ZERO;
            BigDecimal opening = cash;
            cash = cash.add(in).add(scenario.announcedInCash() ? pledged : ZERO).subtract(planned).subtract(obligations);
            cashWithPledges = cashWithPledges.add(in).add(pledged).subtract(planned).subtract(obligations);
            BigDecimal reserve = reserve(inputs, scenario, month.getYear());
            months.add(new Month(month, opening, in, pledged, planned, obligations, cash, cashWithPledges, reserve));
            gap = gap.max(reserve.subtract(cash));
            gapWithPledges = gapWithPledges.max(reserve.subtract(cashWithPledges));
            if (firstBelow == null && cash.compareTo(reserve) < 0) {
                firstBelow = month;
            }
            if (firstBelow == null) {
                coverage++;
            }
        }
        return new Outcome(months, gap.setScale(2), gapWithPledges.setScale(2), coverage, firstBelow);
    }

    /** Inflows in USD at the as-of rate (shocked), in the month they are expected, never before the first. */
    private static Map<YearMonth, BigDecimal> byMonth(ProjectionInputs inputs, List<ProjectionInputs.Inflow> inflows,
                                                      Scenario scenario, int delay, BigDecimal share) {
        Map<YearMonth, BigDecimal> months = new HashMap<>();
        for (ProjectionInputs.Inflow inflow : inflows) {
            YearMonth month = YearMonth.from(inflow.due()).plusMonths(delay);
            if (month.isBefore(inputs.first())) {
                month = inputs.first().plusMonths(delay);
            }
            months.merge(month, usd(inputs, inflow, scenario).multiply(share).setScale(2, RoundingMode.HALF_UP), BigDecimal::add);
        }
        return months;
    }

    static BigDecimal usd(ProjectionInputs inputs, ProjectionInputs.Inflow inflow, Scenario scenario) {
        BigDecimal shock = BigDecimal.ONE.add(scenario.fxShock().getOrDefault(inflow.currency(), BigDecimal.ZERO));
        BigDecimal rate = inputs.ratesOnAsOf().getOrDefault(inflow.currency(), BigDecimal.ONE);
        return inflow.amount().multiply(shock).divide(rate, 2, RoundingMode.HALF_UP);
    }

    /** A twelfth of each component's plan with PSC (scenario change applied); December takes what is left. */
    private static BigDecimal planned(ProjectionInputs inputs, Scenario scenario, YearMonth month) {
        BigDecimal total = ZERO;
        for (var plan : inputs.plansWithPsc().getOrDefault(month.getYear(), Map.of()).entrySet()) {
            BigDecimal annual = changed(plan.getValue(), scenario.spendingChange().get(plan.getKey()));
            BigDecimal twelfth = annual.divide(TWELVE, 2, RoundingMode.HALF_UP);
            total = total.add(month.getMonthValue() == 12 ? annual.subtract(twelfth.multiply(BigDecimal.valueOf(11))) : twelfth);
        }
        return total;
    }

    /** The operating cash reserve of the year: the reserve rate times the year's planned spending with PSC (R10). */
    private static BigDecimal reserve(ProjectionInputs inputs, Scenario scenario, int year) {
        BigDecimal planned = ZERO;
        for (var plan : inputs.plansWithPsc().getOrDefault(year, Map.of()).entrySet()) {
            planned = planned.add(changed(plan.getValue(), scenario.spendingChange().get(plan.getKey())));
        }
        return inputs.reserveRate().multiply(planned).setScale(2, RoundingMode.HALF_UP);
    }

    private static BigDecimal changed(BigDecimal amount, @Nullable BigDecimal change) {
        return change == null ? amount : amount.multiply(BigDecimal.ONE.add(change)).setScale(2, RoundingMode.HALF_UP);
    }
}
