package org.unaoc.trustfund.spending;

import java.time.LocalDate;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import org.unaoc.trustfund.approvals.ControlledOperation;
import org.unaoc.trustfund.system.Problem;

/**
 * Paying a refund is a disbursement (ACCOUNTING.md R19): the certifying officer asks, another
 * officer with APPROVER approves, and only then is the cash paid (Dr 2110 / Cr 1010). A refund
 * booked at a condition's expiry without a second person is thus never paid without one.
 */
@Component
class RefundPayments implements ControlledOperation<RefundPayments.Request> {

    private final Refunds refunds;

    RefundPayments(Refunds refunds) {
        this.refunds = refunds;
    }

    record Request(long refund, @Nullable LocalDate date) {
    }

    @Override
    public String name() {
        return "REFUND_PAYMENT";
    }

    @Override
    public Class<Request> requestType() {
        return Request.class;
    }

    @Override
    public String summary(Request request) {
        Refunds.Refund refund = refunds.get(request.refund());
        String owed = refund.original() == null ? "USD " + refund.amount().toPlainString()
                : refund.original().currency() + " " + refund.original().amount().toPlainString() + " (owed at USD "
                        + refund.amount().toPlainString() + ")";
        return "Payment of refund " + refund.id() + ": " + owed + " to " + refund.contributor()
                + " on " + request.date() + " (" + refund.reason() + ")";
    }

    @Override
    public void check(Request request, String maker) {
        if (request.date() == null) {
            throw Problem.invalidField("date", "is missing: the date the refund is paid");
        }
        Refunds.Refund refund = refunds.get(request.refund());
        if (refund.paidEntry() != null) {
            throw Problem.conflict("refund-paid", "Already paid", "Refund " + refund.id() + " was paid (entry "
                    + refund.paidEntry() + ").");
        }
    }

    @Override
    public Object execute(Request request, String maker, String approver, long approval) {
        check(request, maker);
        return refunds.pay(request.refund(), request.date(), maker, approver, approval);
    }
}
