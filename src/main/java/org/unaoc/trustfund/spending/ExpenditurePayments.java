package org.unaoc.trustfund.spending;

import java.math.BigDecimal;
import org.springframework.stereotype.Component;
import org.unaoc.trustfund.approvals.ControlledOperation;

/**
 * A direct expenditure is a disbursement (R19): the certifying officer asks, with every check of
 * the expenditure passed (funds available on its date and later, allotment, cash in 1010), another
 * officer with APPROVER approves, and only then is it posted and paid. The checks run again at the
 * approval, since the books may have moved while the request waited.
 */
@Component
public class ExpenditurePayments implements ControlledOperation<Spending.Commitment> {

    private final Spending spending;
    private final Availability availability;

    ExpenditurePayments(Spending spending, Availability availability) {
        this.spending = spending;
        this.availability = availability;
    }

    @Override
    public String name() {
        return "EXPENDITURE_PAYMENT";
    }

    @Override
    public Class<Spending.Commitment> requestType() {
        return Spending.Commitment.class;
    }

    /** What the approver reads: payee, amount with its PSC, the lines, and the funds available that day. */
    @Override
    public String summary(Spending.Commitment commitment) {
        Spending.Plan plan = spending.check(commitment);
        BigDecimal available = availability.of(commitment.component(), commitment.date()).available();
        return "Payment of USD " + plan.amount().toPlainString() + " to " + commitment.payee().strip() + " on "
                + commitment.date() + ": " + commitment.description().strip() + " (" + commitment.component() + ", "
                + commitment.objectClass() + "; Dr " + plan.account() + " / Cr " + Spending.CASH
                + (plan.psc().signum() > 0 ? ", PSC USD " + plan.psc().toPlainString() + " Dr 5900 / Cr 2150" : "")
                + (commitment.obligation() != null ? "; liquidates USD " + plan.liquidated().toPlainString()
                        + " of obligation " + commitment.obligation() : "")
                + "; available to " + commitment.component() + " that day USD " + available.toPlainString() + ")";
    }

    @Override
    public void check(Spending.Commitment commitment, String maker) {
        spending.check(commitment);
    }

    @Override
    public Object execute(Spending.Commitment commitment, String maker, String approver, long approval) {
        return spending.spend(commitment, maker, approver, approval);
    }
}
