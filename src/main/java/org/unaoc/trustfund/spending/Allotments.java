package org.unaoc.trustfund.spending;

import static org.unaoc.trustfund.db.Tables.ALLOTMENT;
import static org.unaoc.trustfund.db.Tables.EXPENDITURE;
import static org.unaoc.trustfund.db.Tables.OBLIGATION;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Component;
import org.unaoc.trustfund.approvals.ControlledOperation;
import org.unaoc.trustfund.currency.Money;
import org.unaoc.trustfund.system.Problem;

/** Allotments of funds to a component for a year (controlled): the authority to commit, not cash. */
@Component
public class Allotments implements ControlledOperation<Allotments.Request> {

    private final DSLContext db;
    private final BudgetComponents components;

    Allotments(DSLContext db, BudgetComponents components) {
        this.db = db;
        this.components = components;
    }

    public record Request(String component, Integer year, Money amount) {
    }

    @Override
    public String name() {
        return "ALLOTMENT";
    }

    @Override
    public Class<Request> requestType() {
        return Request.class;
    }

    @Override
    public String summary(Request request) {
        return "Allotment of USD " + request.amount().formatted() + " to " + request.component() + " for " + request.year();
    }

    @Override
    public void check(Request request, String maker) {
        components.requireExists(request.component(), "component");
        if (request.year() == null || request.year() < 2000 || request.year() > 2099) {
            throw Problem.invalidField("year", "is a year from 2000 to 2099");
        }
        if (request.amount() == null || !request.amount().isUsd() || request.amount().amount().signum() <= 0) {
            throw Problem.invalidField("amount", "an allotment is a positive USD amount");
        }
    }

    @Override
    public Object execute(Request request, String maker, String approver, long approval) {
        check(request, maker);
        long id = db.insertInto(ALLOTMENT).set(ALLOTMENT.COMPONENT, request.component()).set(ALLOTMENT.YEAR, request.year())
                .set(ALLOTMENT.AMOUNT, request.amount().amount()).set(ALLOTMENT.CREATED_BY, maker)
                .set(ALLOTMENT.APPROVED_BY, approver).set(ALLOTMENT.APPROVAL_ID, approval)
                .returning(ALLOTMENT.ID).fetchOne(ALLOTMENT.ID);
        return Map.of("allotment", id, "component", request.component(), "year", request.year(),
                "amount", request.amount());
    }

    /**
     * Where the fund has allotted to a component for a year, its commitments of that year (the
     * direct cost of obligations, and of expenditure beyond what it liquidates) stay within the
     * allotments. A component without an allotment for the year is limited by the funds available only.
     */
    void require(String component, LocalDate on, BigDecimal more) {
        int year = on.getYear();
        BigDecimal allotted = db.select(DSL.sum(ALLOTMENT.AMOUNT)).from(ALLOTMENT)
                .where(ALLOTMENT.COMPONENT.eq(component)).and(ALLOTMENT.YEAR.eq(year)).fetchSingle().value1();
        if (allotted == null || more.signum() <= 0) {
            return;
        }
        BigDecimal obligated = db.select(DSL.coalesce(DSL.sum(OBLIGATION.AMOUNT.plus(Open.adjustedBy(DSL.val(Open.EVER)))), BigDecimal.ZERO))
                .from(OBLIGATION)
                .where(OBLIGATION.COMPONENT.eq(component))
                .and(OBLIGATION.OBLIGATED_ON.between(LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31)))
                .fetchSingle().value1();
        BigDecimal spent = db.select(DSL.coalesce(DSL.sum(EXPENDITURE.AMOUNT.minus(EXPENDITURE.LIQUIDATED)), BigDecimal.ZERO))
                .from(EXPENDITURE).where(EXPENDITURE.COMPONENT.eq(component)).and(Spent.standing())
                .and(EXPENDITURE.SPENT_ON.between(LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31)))
                .fetchSingle().value1();
        BigDecimal left = allotted.subtract(obligated).subtract(spent);
        if (more.compareTo(left) > 0) {
            throw Problem.conflict("allotment-exceeded", "Allotment exceeded", "The commitment of " + more.toPlainString()
                            + " USD is beyond what is left of the " + year + " allotments to " + component + ": "
                            + left.toPlainString() + " USD of " + allotted.toPlainString()
                            + " USD (direct costs committed in " + year + "). Ask for a further allotment first.")
                    .with("left", Map.of("amount", left.toPlainString(), "currency", "USD"))
                    .with("component", component).with("year", year);
        }
    }

    public List<Map<String, Object>> list() {
        return db.select(ALLOTMENT.ID, ALLOTMENT.COMPONENT, ALLOTMENT.YEAR, ALLOTMENT.AMOUNT, ALLOTMENT.CREATED_BY,
                ALLOTMENT.APPROVED_BY).from(ALLOTMENT).orderBy(ALLOTMENT.YEAR, ALLOTMENT.COMPONENT).fetchMaps();
    }
}
