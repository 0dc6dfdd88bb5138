package org.unaoc.trustfund.spending;

import static org.unaoc.trustfund.db.Tables.ALLOTMENT;

import java.util.List;
import java.util.Map;
import org.jooq.DSLContext;
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

    public List<Map<String, Object>> list() {
        return db.select(ALLOTMENT.ID, ALLOTMENT.COMPONENT, ALLOTMENT.YEAR, ALLOTMENT.AMOUNT, ALLOTMENT.CREATED_BY,
                ALLOTMENT.APPROVED_BY).from(ALLOTMENT).orderBy(ALLOTMENT.YEAR, ALLOTMENT.COMPONENT).fetchMaps();
    }
}
