package org.unaoc.trustfund.statements;

import static org.unaoc.trustfund.db.Tables.COST_PLAN;
import static org.unaoc.trustfund.db.Tables.EXPENDITURE;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Component;
import org.unaoc.trustfund.spending.Schedules;

/** Budget against actual by component and object class, and the unliquidated obligations. */
@Component
class BudgetStatements {

    private final StatementFacts facts;
    private final DSLContext db;
    private final Schedules schedules;

    BudgetStatements(StatementFacts facts, DSLContext db, Schedules schedules) {
        this.facts = facts;
        this.db = db;
        this.schedules = schedules;
    }

    /** Cost plans of the years from–to covers against the expenditure from–to (PSC shown apart). */
    StatementTable budgetVsActual(StatementRequest request) {
        Map<String, BigDecimal[]> lines = new TreeMap<>();
        db.select(COST_PLAN.COMPONENT, COST_PLAN.OBJECT_CLASS, DSL.sum(COST_PLAN.AMOUNT)).from(COST_PLAN)
                .where(COST_PLAN.YEAR.between(request.from().getYear(), request.to().getYear()))
                .groupBy(COST_PLAN.COMPONENT, COST_PLAN.OBJECT_CLASS)
                .forEach(r -> cell(lines, r.value1(), r.value2())[0] = r.value3());
        db.select(EXPENDITURE.COMPONENT, EXPENDITURE.OBJECT_CLASS, DSL.sum(EXPENDITURE.AMOUNT), DSL.sum(EXPENDITURE.PSC))
                .from(EXPENDITURE).where(EXPENDITURE.SPENT_ON.between(request.from(), request.to()))
                .and(org.unaoc.trustfund.spending.Spent.standingBy(request.to()))
                .groupBy(EXPENDITURE.COMPONENT, EXPENDITURE.OBJECT_CLASS)
                .forEach(r -> {
                    BigDecimal[] cell = cell(lines, r.value1(), r.value2());
                    cell[1] = r.value3();
                    cell[2] = r.value4();
                });
        var rows = new StatementTable.Rows();
        BigDecimal[] totals = {StatementFacts.ZERO, StatementFacts.ZERO, StatementFacts.ZERO};
        for (var line : lines.entrySet()) {
            String[] key = line.getKey().split("/");
            BigDecimal[] v = line.getValue();
            rows.line(key[0], key[1], v[0], v[1], v[0].subtract(v[1]), utilisation(v[1], v[0]), v[2]);
            for (int i = 0; i < 3; i++) {
                totals[i] = totals[i].add(v[i]);
            }
        }
        rows.total("Total", null, totals[0], totals[1], totals[0].subtract(totals[1]), utilisation(totals[1], totals[0]), totals[2]);
        return facts.table("budget-vs-actual", "Budget against actual", request, List.of("Component", "Object class",
                "Cost plan", "Expenditure", "Variance", "Utilisation %", "Programme support cost"), rows.list());
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

    private static BigDecimal[] cell(Map<String, BigDecimal[]> lines, String component, String objectClass) {
        return lines.computeIfAbsent(component + "/" + objectClass,
                k -> new BigDecimal[] {StatementFacts.ZERO, StatementFacts.ZERO, StatementFacts.ZERO});
    }

    private static BigDecimal utilisation(BigDecimal actual, BigDecimal plan) {
        return plan.signum() == 0 ? null : actual.multiply(BigDecimal.valueOf(100)).divide(plan, 1, java.math.RoundingMode.HALF_UP);
    }
}
