package org.unaoc.trustfund.ledger;

import org.springframework.stereotype.Component;
import org.unaoc.trustfund.approvals.ControlledOperation;
import org.unaoc.trustfund.system.Problem;

/** Reopening a closed period: a controlled operation with a logged reason (R13). */
@Component
class PeriodReopening implements ControlledOperation<PeriodReopening.Request> {

    record Request(String period, String reason) {
    }

    private final Periods periods;

    PeriodReopening(Periods periods) {
        this.periods = periods;
    }

    @Override
    public String name() {
        return "PERIOD_REOPEN";
    }

    @Override
    public Class<Request> requestType() {
        return Request.class;
    }

    @Override
    public String summary(Request request) {
        return "Reopen period " + request.period() + ": " + request.reason();
    }

    @Override
    public void check(Request request, String maker) {
        if (request.reason() == null || request.reason().isBlank()) {
            throw Problem.invalidField("reason", "is missing: say why the period must be reopened");
        }
        periods.requireClosed(Periods.parse(request.period()));
    }

    @Override
    public Object execute(Request request, String maker, String approver, long approval) {
        return periods.reopen(Periods.parse(request.period()), request.reason(), maker, approver);
    }
}
