package org.unaoc.trustfund.spending;

import static org.jooq.Records.mapping;
import static org.unaoc.trustfund.db.Tables.BUDGET_COMPONENT;
import static org.unaoc.trustfund.db.Tables.COST_PLAN;
import static org.unaoc.trustfund.db.Tables.COST_PLAN_REVISION;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.util.List;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.unaoc.trustfund.currency.Money;
import org.unaoc.trustfund.system.Problem;

/** Budget components (HLG, RESEARCH, SECRETARIAT, and more) and their cost plans by year and object class. */
@Service
public class BudgetComponents {

    private final DSLContext db;

    BudgetComponents(DSLContext db) {
        this.db = db;
    }

    public record Component(@NotBlank @Pattern(regexp = "[A-Z][A-Z0-9_]{1,29}", message = "is 2 to 30 capitals, digits or _")
                            String code, @NotBlank @Size(max = 200) String name) {
    }

    public record CostPlan(@NotBlank String component, @NotNull Integer year,
                           @NotNull @Size(min = 1, max = 5) List<@Valid @NotNull Line> lines) {
    }

    public record Line(@NotNull ObjectClass objectClass, @NotNull BigDecimal amount) {
    }

    public List<Component> list() {
        return db.select(BUDGET_COMPONENT.CODE, BUDGET_COMPONENT.NAME).from(BUDGET_COMPONENT)
                .orderBy(BUDGET_COMPONENT.CODE).fetch(mapping(Component::new));
    }

    @Transactional
    public Component create(Component component, String user) {
        int created = db.insertInto(BUDGET_COMPONENT).set(BUDGET_COMPONENT.CODE, component.code())
                .set(BUDGET_COMPONENT.NAME, component.name().strip()).set(BUDGET_COMPONENT.CREATED_BY, user)
                .onConflictDoNothing().execute();
        if (created == 0) {
            throw Problem.conflict("component-exists", "Component exists", "A budget component " + component.code() + " exists.");
        }
        return component;
    }

    public void requireExists(String code, String field) {
        if (code == null || !db.fetchExists(BUDGET_COMPONENT, BUDGET_COMPONENT.CODE.eq(code))) {
            throw Problem.invalidField(field, "'" + code + "' is not a budget component; GET /api/budget-components lists them");
        }
    }

    /** Sets the plan of a component for a year: the object classes named take the amounts given. */
    @Transactional
    public List<CostPlan> plan(CostPlan plan, String user) {
        requireExists(plan.component(), "component");
        if (plan.year() < 2000 || plan.year() > 2099) {
            throw Problem.invalidField("year", plan.year() + " is outside the books (2000-2099)");
        }
        if (db.fetchExists(org.unaoc.trustfund.db.Tables.FISCAL_PERIOD, org.unaoc.trustfund.db.Tables.FISCAL_PERIOD.ID
                .eq(plan.year() * 100 + 12).and(org.unaoc.trustfund.db.Tables.FISCAL_PERIOD.STATUS.eq("CLOSED")))) {
            throw Problem.conflict("year-closed", "Year closed", "The year " + plan.year()
                    + " is closed: its cost plan is part of its final statements.");
        }
        for (Line line : plan.lines()) {
            if (line.amount().signum() < 0) {
                throw Problem.invalidField("lines", "a planned amount is zero or more");
            }
            BigDecimal amount = Money.withinScale(line.amount(), 2, "lines." + line.objectClass());
            revise(plan.component(), plan.year(), line.objectClass(), amount, user);
        }
        return plans(plan.year(), plan.component());
    }

    /**
     * A line's first amount is its original budget as well as its final one; a later amount is a
     * revision: the final budget changes, the original stays, and the change is on the record.
     */
    private void revise(String component, int year, ObjectClass objectClass, BigDecimal amount, String user) {
        var line = COST_PLAN.COMPONENT.eq(component).and(COST_PLAN.YEAR.eq(year)).and(COST_PLAN.OBJECT_CLASS.eq(objectClass.name()));
        BigDecimal previous = db.select(COST_PLAN.AMOUNT).from(COST_PLAN).where(line).forUpdate().fetchOne(COST_PLAN.AMOUNT);
        if (previous == null) {
            db.insertInto(COST_PLAN).set(COST_PLAN.COMPONENT, component).set(COST_PLAN.YEAR, year)
                    .set(COST_PLAN.OBJECT_CLASS, objectClass.name()).set(COST_PLAN.AMOUNT, amount)
                    .set(COST_PLAN.ORIGINAL_AMOUNT, amount).set(COST_PLAN.UPDATED_BY, user).execute();
        } else if (previous.compareTo(amount) != 0) {
            db.update(COST_PLAN).set(COST_PLAN.AMOUNT, amount).set(COST_PLAN.UPDATED_BY, user)
                    .set(COST_PLAN.UPDATED_AT, DSL.currentOffsetDateTime()).where(line).execute();
            db.insertInto(COST_PLAN_REVISION).set(COST_PLAN_REVISION.COMPONENT, component).set(COST_PLAN_REVISION.YEAR, year)
                    .set(COST_PLAN_REVISION.OBJECT_CLASS, objectClass.name()).set(COST_PLAN_REVISION.PREVIOUS_AMOUNT, previous)
                    .set(COST_PLAN_REVISION.AMOUNT, amount).set(COST_PLAN_REVISION.REVISED_BY, user).execute();
        }
    }

    public List<CostPlan> plans(@Nullable Integer year, @Nullable String component) {
        var rows = db.selectFrom(COST_PLAN)
                .where(year == null ? DSL.noCondition() : COST_PLAN.YEAR.eq(year))
                .and(component == null ? DSL.noCondition() : COST_PLAN.COMPONENT.eq(component))
                .orderBy(COST_PLAN.YEAR, COST_PLAN.COMPONENT, COST_PLAN.OBJECT_CLASS).fetch();
        var grouped = new java.util.LinkedHashMap<String, List<Line>>();
        for (var row : rows) {
            grouped.computeIfAbsent(row.getComponent() + "/" + row.getYear(), k -> new java.util.ArrayList<>())
                    .add(new Line(ObjectClass.valueOf(row.getObjectClass()), row.getAmount()));
        }
        return grouped.entrySet().stream().map(e -> new CostPlan(e.getKey().split("/")[0],
                Integer.parseInt(e.getKey().split("/")[1]), e.getValue())).toList();
    }

    /** The year's planned expenditure of every component, before PSC. */
    public BigDecimal plannedFor(int year) {
        return db.select(DSL.coalesce(DSL.sum(COST_PLAN.AMOUNT), BigDecimal.ZERO)).from(COST_PLAN)
                .where(COST_PLAN.YEAR.eq(year)).fetchSingle().value1();
    }
}
