package org.unaoc.trustfund.spending;

import java.time.LocalDate;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import org.unaoc.trustfund.approvals.ControlledOperation;
import org.unaoc.trustfund.system.Problem;

/**
 * Paying an invoice is a disbursement (R19): the certifying officer asks, another officer with
 * APPROVER approves, and only then is the cash paid (Dr 2120 / Cr 1010). The approver reads the
 * payee, the amount and the cash the bank account holds on the day.
 */
@Component
class InvoicePayments implements ControlledOperation<InvoicePayments.Request> {

    private final Invoices invoices;
    private final org.unaoc.trustfund.ledger.Accounts accounts;

    InvoicePayments(Invoices invoices, org.unaoc.trustfund.ledger.Accounts accounts) {
        this.invoices = invoices;
        this.accounts = accounts;
    }

    record Request(long invoice, @Nullable LocalDate date) {
    }

    @Override
    public String name() {
        return "INVOICE_PAYMENT";
    }

    @Override
    public Class<Request> requestType() {
        return Request.class;
    }

    @Override
    public String summary(Request request) {
        Invoices.Invoice invoice = invoices.get(request.invoice());
        var held = accounts.daily(java.util.List.of(Spending.CASH), request.date()).get(Spending.CASH)
                .floorEntry(request.date()).getValue().usd();
        return "Payment of invoice " + invoice.reference() + ": USD " + invoice.amount().toPlainString() + " to "
                + invoice.payee() + " on " + request.date() + " (Dr 2120 / Cr 1010; " + invoice.component()
                + "; 1010 holds USD " + held.toPlainString() + " that day)";
    }

    @Override
    public void check(Request request, String maker) {
        if (request.date() == null) {
            throw Problem.invalidField("date", "is missing: the date the invoice is paid");
        }
        invoices.requirePayable(invoices.get(request.invoice()), request.date());
    }

    @Override
    public Object execute(Request request, String maker, String approver, long approval) {
        check(request, maker);
        return invoices.pay(request.invoice(), request.date(), maker, approver, approval);
    }
}
