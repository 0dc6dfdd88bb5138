package org.unaoc.trustfund.statements;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import org.springframework.stereotype.Component;
import org.unaoc.trustfund.spending.BudgetBasis;
import org.unaoc.trustfund.spending.Schedules;
import org.unaoc.trustfund.system.Problem;

/** Budget against actual by component and object class, and the unliquidated obligations. */
@Component
class BudgetStatements {

    private final StatementFacts facts;
    private final BudgetBasis budgetBasis;
    private final Schedules schedules;

    BudgetStatements(StatementFacts facts, BudgetBasis budgetBasis, Schedules schedules) {
        this.facts = facts;
        this.budgetBasis = budgetBasis;
        this.schedules = schedules;
    }

    /**
     * Budget against actual by budget year on the budget basis (R23): original and final budget,
     * expenditure plus the change in open obligations, variance and utilisation, PSC apart. Only
     * whole budget years: a range that cuts one would set a year's budget against part of its actual.
     */
    StatementTable budgetVsActual(StatementRequest request) {
        if (request.from().getDayOfYear() != 1) {
            throw Problem.invalidField("from", "budget against actual covers whole budget years: from is a 1 January, not "
                    + request.from() + " (try from=" + request.from().getYear() + "-01-01)");
        }
        if (!request.to().equals(LocalDate.of(request.to().getYear(), 12, 31))) {
            throw Problem.invalidField("to", "budget against actual covers whole budget years: to is a 31 December, not "
                    + request.to() + " (try to=" + request.to().getYear() + "-12-31)");
        }
        var rows = new StatementTable.Rows();
        BigDecimal[] totals = new BigDecimal[8];
        Arrays.fill(totals, StatementFacts.ZERO);
        for (BudgetBasis.Line line : budgetBasis.of(request.from().getYear(), request.to().getYear())) {
            BigDecimal[] v = {line.originalBudget(), line.finalBudget(), line.expenditure(), line.obligationsOpenAtEnd(),
                    line.obligationsBroughtForward(), line.actual(), line.finalBudget().subtract(line.actual()), line.psc()};
            rows.line(line.component(), line.objectClass(), v[0], v[1], v[2], v[3], v[4], v[5], v[6],
                    utilisation(v[5], v[1]), v[7]);
            for (int i = 0; i < v.length; i++) {
                totals[i] = totals[i].add(v[i]);
            }
        }
        rows.total("Total", null, totals[0], totals[1], totals[2], totals[3], totals[4], totals[5], totals[6],
                utilisation(totals[5], totals[1]), totals[7]);
        return facts.table("budget-vs-actual", "Budget against actual (budget basis)", request, List.of("Component",
                "Object class", "Original budget", "Final budget", "Expenditure", "Obligations open at the end",
                "Obligations brought forward", "Actual (budget basis)", "Variance (final budget less actual)", "Utilisation %",
                "PSC charged on the expenditure"), rows.list());
    }

    StatementTable obligations(StatementRequest request) {
        Schedules.Obligations schedule = schedules.obligations(request.to());
        var rows = new StatementTable.Rows();
        for (var o : schedule.obligations()) {
            rows.line(o.obligation(), o.component(), o.objectClass(), o.obligatedOn(), o.ageDays(), o.payee(), o.amount(),
                    o.adjusted(), o.liquidated(), o.unliquidated(), o.unliquidatedWithPsc());
        }
        rows.total(null, "Total", null, null, null, null, null, null, null, schedule.total(), schedule.totalWithPsc());
        return facts.table("obligations", "Unliquidated obligations", request, List.of("Obligation", "Component",
                "Object class", "Obligated on", "Age (days)", "Payee", "Amount", "Adjusted", "Liquidated", "Unliquidated",
                "Unliquidated with PSC"), rows.list());
    }

    private static BigDecimal utilisation(BigDecimal actual, BigDecimal plan) {
        return plan.signum() == 0 ? null : actual.multiply(BigDecimal.valueOf(100)).divide(plan, 1, java.math.RoundingMode.HALF_UP);
    }
}
