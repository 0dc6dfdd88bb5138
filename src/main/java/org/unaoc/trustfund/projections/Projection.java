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
 * The monthly cash projection, a pure calculation on {@link ProjectionInputs}: opening spendable
 * cash (every bank account at the as-of rate, shocked with the scenario, less the cash liabilities),
 * secured receipts by due date (late by the scenario's delay, in USD at the as-of rate), announced
 * pledges on their own line, planned spending (each year's cost plan with PSC, a twelfth a month,
 * December taking the cents left, less what open obligations of the component already commit, taken
 * from its first months), unliquidated obligations in the first month, closing cash and the
 * operating reserve of the year.
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

    record Outcome(BigDecimal openingCash, List<Month> months, BigDecimal gap, BigDecimal gapWithPledges,
                   int monthsUntilBelowReserve, @Nullable BigDecimal monthsOfCoverage, @Nullable YearMonth firstMonthBelowReserve) {
    }

    static Outcome run(ProjectionInputs inputs, Scenario scenario) {
        Map<YearMonth, BigDecimal> secured = byMonth(inputs, inputs.secured(), scenario, scenario.collectionDelayMonths(), BigDecimal.ONE);
        Map<YearMonth, BigDecimal> announced = byMonth(inputs, inputs.announced(), scenario, 0, scenario.announcedShare());
        List<Month> months = new ArrayList<>();
        BigDecimal openingCash = openingCash(inputs, scenario);
        BigDecimal cash = openingCash;
        BigDecimal cashWithPledges = openingCash;
        Map<Integer, Map<String, BigDecimal>> obligated = new HashMap<>();
        inputs.obligationsWithPsc().forEach((year, byComponent) -> obligated.put(year, new HashMap<>(byComponent)));
        BigDecimal plannedInAll = ZERO;
        BigDecimal gap = BigDecimal.ZERO;
        BigDecimal gapWithPledges = BigDecimal.ZERO;
        int coverage = 0;
        YearMonth firstBelow = null;
        for (YearMonth month = inputs.first(); !month.isAfter(inputs.last()); month = month.plusMonths(1)) {
            BigDecimal in = secured.getOrDefault(month, ZERO);
            BigDecimal pledged = announced.getOrDefault(month, ZERO);
            BigDecimal gross = planned(inputs, scenario, month, new HashMap<>());
            plannedInAll = plannedInAll.add(gross);
            BigDecimal planned = planned(inputs, scenario, month, obligated.computeIfAbsent(month.getYear(), y -> new HashMap<>()));
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
        return new Outcome(openingCash, months, gap.setScale(2), gapWithPledges.setScale(2), coverage,
                coverage(inputs, scenario, openingCash, plannedInAll.divide(BigDecimal.valueOf(months.size()), 2,
                        RoundingMode.HALF_UP)), firstBelow);
    }

    /** The cash of every bank account at the as-of rate (shocked with the scenario), less the cash liabilities. */
    static BigDecimal openingCash(ProjectionInputs inputs, Scenario scenario) {
        return usd(inputs, inputs.cash(), scenario).subtract(usd(inputs, inputs.cashLiabilities(), scenario));
    }

    /** Amounts in their currencies in USD at the as-of rate, shocked with the scenario: cash and what is owed from it alike. */
    static BigDecimal usd(ProjectionInputs inputs, List<ProjectionInputs.Cash> amounts, Scenario scenario) {
        BigDecimal total = ZERO;
        for (ProjectionInputs.Cash amount : amounts) {
            total = total.add(usd(inputs, amount.currency(), amount.amount(), scenario));
        }
        return total;
    }

    /**
     * Months of coverage: (spendable cash − the first year's reserve − open obligations) ÷ the average
     * monthly planned spending, to a tenth of a month, rounded down, never below zero; none without a plan.
     */
    private static @Nullable BigDecimal coverage(ProjectionInputs inputs, Scenario scenario, BigDecimal openingCash,
                                                 BigDecimal averagePlanned) {
        if (averagePlanned.signum() <= 0) {
            return null;
        }
        BigDecimal free = openingCash.subtract(reserve(inputs, scenario, inputs.first().getYear()))
                .subtract(inputs.unliquidatedWithPsc());
        return free.max(ZERO).divide(averagePlanned, 1, RoundingMode.DOWN);
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
        return usd(inputs, inflow.currency(), inflow.amount(), scenario);
    }

    private static BigDecimal usd(ProjectionInputs inputs, String currency, BigDecimal amount, Scenario scenario) {
        BigDecimal shock = BigDecimal.ONE.add(scenario.fxShock().getOrDefault(currency, BigDecimal.ZERO));
        BigDecimal rate = inputs.ratesOnAsOf().getOrDefault(currency, BigDecimal.ONE);
        return amount.multiply(shock).divide(rate, 2, RoundingMode.HALF_UP);
    }

    /**
     * A twelfth of each component's plan with PSC (scenario change applied), December taking what is
     * left, less what is still {@code obligated} for the component (obligations are paid once, in the
     * first month: the plan is what is left to commit); what this month nets is taken off obligated.
     */
    private static BigDecimal planned(ProjectionInputs inputs, Scenario scenario, YearMonth month,
                                      Map<String, BigDecimal> obligated) {
        BigDecimal total = ZERO;
        for (var plan : inputs.plansWithPsc().getOrDefault(month.getYear(), Map.of()).entrySet()) {
            BigDecimal annual = changed(plan.getValue(), scenario.spendingChange().get(plan.getKey()));
            BigDecimal twelfth = annual.divide(TWELVE, 2, RoundingMode.HALF_UP);
            BigDecimal monthly = month.getMonthValue() == 12 ? annual.subtract(twelfth.multiply(BigDecimal.valueOf(11))) : twelfth;
            BigDecimal netted = obligated.getOrDefault(plan.getKey(), ZERO).min(monthly).max(ZERO);
            obligated.computeIfPresent(plan.getKey(), (k, left) -> left.subtract(netted));
            total = total.add(monthly.subtract(netted));
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
