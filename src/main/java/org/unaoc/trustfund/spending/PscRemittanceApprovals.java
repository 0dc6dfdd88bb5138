package org.unaoc.trustfund.spending;

import java.math.BigDecimal;
import java.time.LocalDate;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import org.unaoc.trustfund.approvals.ControlledOperation;
import org.unaoc.trustfund.system.Problem;

/**
 * Remitting the programme support cost to the United Nations is a disbursement (R19): the finance
 * officer asks for an amount (all that is payable when none is given, fixed when asked so that the
 * approver reads the figure), another officer with APPROVER approves, and only then is it paid.
 */
@Component
class PscRemittanceApprovals implements ControlledOperation<PscRemittanceApprovals.Request> {

    private final PscRemittances remittances;

    PscRemittanceApprovals(PscRemittances remittances) {
        this.remittances = remittances;
    }

    record Request(@Nullable BigDecimal amount, @Nullable LocalDate date) {
    }

    /** The request as queued: the amount resolved on the day asked for. */
    Request resolved(Request request) {
        if (request.date() == null) {
            throw Problem.invalidField("date", "is missing: the date the programme support cost is remitted");
        }
        return new Request(remittances.remittable(request.amount(), request.date()), request.date());
    }

    @Override
    public String name() {
        return "PSC_REMITTANCE";
    }

    @Override
    public Class<Request> requestType() {
        return Request.class;
    }

    @Override
    public String summary(Request request) {
        return "Remittance of programme support cost: USD " + request.amount().toPlainString()
                + " to the United Nations on " + request.date() + " (Dr 2150 / Cr 1010)";
    }

    @Override
    public void check(Request request, String maker) {
        if (request.amount() == null || request.date() == null) {
            throw Problem.invalidField(request.date() == null ? "date" : "amount", "is missing");
        }
        remittances.remittable(request.amount(), request.date());
    }

    @Override
    public Object execute(Request request, String maker, String approver, long approval) {
        return remittances.remit(request.amount(), request.date(), maker, approver, approval);
    }
}
