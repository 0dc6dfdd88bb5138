package org.unaoc.trustfund.spending;

import static org.unaoc.trustfund.db.Tables.EXPENDITURE;
import static org.unaoc.trustfund.db.Tables.INVOICE;
import static org.unaoc.trustfund.db.Tables.INVOICE_PAYMENT;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.jooq.impl.DSL;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.unaoc.trustfund.ledger.Dimensions;
import org.unaoc.trustfund.ledger.EntryType;
import org.unaoc.trustfund.ledger.Journal;
import org.unaoc.trustfund.ledger.NewEntry;
import org.unaoc.trustfund.ledger.NewLine;
import org.unaoc.trustfund.ledger.Standing;
import org.unaoc.trustfund.system.AdvisoryLocks;
import org.unaoc.trustfund.system.Problem;

/**
 * Payables (R18): an invoice certified by the finance officer who records it (Dr expense + PSC /
 * Cr 2120 + 2150, funds checked and reserved at once, liquidating an obligation when one is named),
 * then paid (Dr 2120 / Cr 1010) once another officer approves the payment (R19).
 */
@Service
public class Invoices {

    private final DSLContext db;
    private final Spending spending;
    private final Journal journal;
    private final Availability availability;

    Invoices(DSLContext db, Spending spending, Journal journal, Availability availability) {
        this.db = db;
        this.spending = spending;
        this.journal = journal;
        this.availability = availability;
    }

    /** The cost as for an expenditure, the supplier's invoice number and, when it says one, the day it is due. */
    public record NewInvoice(@NotNull @Valid Spending.Commitment cost, @NotBlank @Size(max = 140) String reference,
                             @Nullable LocalDate dueOn) {
    }

    public record Invoice(long id, String reference, String payee, String component, BigDecimal amount, BigDecimal psc,
                          LocalDate certifiedOn, @Nullable LocalDate dueOn, long expenditure, long entry,
                          @Nullable Long obligation, BigDecimal liquidated, String status, @Nullable LocalDate paidOn,
                          @Nullable Long paymentEntry, @Nullable String approvedBy) {
    }

    @Transactional
    public Invoice certify(NewInvoice invoice, String user) {
        if (invoice.dueOn() != null && invoice.dueOn().isBefore(invoice.cost().date())) {
            throw Problem.invalidField("dueOn", invoice.dueOn() + " is before the invoice's date " + invoice.cost().date());
        }
        Spending.Expenditure expenditure = spending.incur(invoice.cost(), user);
        long id = db.insertInto(INVOICE).set(INVOICE.EXPENDITURE_ID, expenditure.id())
                .set(INVOICE.REFERENCE, invoice.reference().strip()).set(INVOICE.DUE_ON, invoice.dueOn())
                .set(INVOICE.CREATED_BY, user).returning(INVOICE.ID).fetchOne(INVOICE.ID);
        return get(id);
    }

    public Invoice get(long id) {
        return db.select(INVOICE.asterisk(), EXPENDITURE.asterisk()).from(INVOICE).join(EXPENDITURE)
                .on(EXPENDITURE.ID.eq(INVOICE.EXPENDITURE_ID)).where(INVOICE.ID.eq(id))
                .fetchOptional(this::invoice)
                .orElseThrow(() -> Problem.notFound("Invoice " + id));
    }

    public List<Invoice> list() {
        return db.select(INVOICE.asterisk(), EXPENDITURE.asterisk()).from(INVOICE).join(EXPENDITURE)
                .on(EXPENDITURE.ID.eq(INVOICE.EXPENDITURE_ID)).orderBy(INVOICE.ID).fetch(this::invoice);
    }

    /** Pays the invoice from the USD bank account, by its maker on its approver's approval: once while the payment stands. */
    @Transactional
    Invoice pay(long id, LocalDate on, String maker, String approver, long approval) {
        AdvisoryLocks.hold(db, AdvisoryLocks.INVOICE, id);
        Invoice invoice = get(id);
        requirePayable(invoice, on);
        availability.lock();
        availability.requireInBank(Spending.CASH, invoice.amount(), on, "The payment of invoice " + invoice.reference());
        long entry = journal.post(new NewEntry(on, EntryType.EXPENDITURE, "Invoice " + invoice.reference() + " paid to "
                + invoice.payee(), List.of(NewLine.debit(Spending.PAYABLE, invoice.amount()).withDimensions(
                        new Dimensions(null, null, null, invoice.component(), null)),
                NewLine.credit(Spending.CASH, invoice.amount())), null, maker, approver, approval));
        db.insertInto(INVOICE_PAYMENT).set(INVOICE_PAYMENT.INVOICE_ID, id).set(INVOICE_PAYMENT.ENTRY_ID, entry)
                .set(INVOICE_PAYMENT.PAID_ON, on).set(INVOICE_PAYMENT.PAID_BY, maker).set(INVOICE_PAYMENT.APPROVED_BY, approver)
                .set(INVOICE_PAYMENT.APPROVAL_ID, approval).execute();
        return get(id);
    }

    /** Refuses paying an invoice that is paid (its payment standing), or before it was certified. */
    void requirePayable(Invoice invoice, LocalDate on) {
        if (invoice.paymentEntry() != null) {
            throw Problem.conflict("invoice-paid", "Already paid", "Invoice " + invoice.reference() + " was paid on "
                    + invoice.paidOn() + " (entry " + invoice.paymentEntry() + ").").with("invoice", invoice.id());
        }
        if (invoice.status().equals("CANCELLED")) {
            throw Problem.conflict("invoice-cancelled", "Invoice cancelled", "The certification of invoice "
                    + invoice.reference() + " was reversed: there is nothing to pay.").with("invoice", invoice.id());
        }
        if (on.isBefore(invoice.certifiedOn())) {
            throw Problem.invalidField("date", on + " is before invoice " + invoice.reference() + " was certified on "
                    + invoice.certifiedOn() + ": it is paid on or after that day");
        }
    }

    private Invoice invoice(Record r) {
        var invoice = r.into(INVOICE);
        var expenditure = r.into(EXPENDITURE);
        var payment = db.select(INVOICE_PAYMENT.PAID_ON, INVOICE_PAYMENT.ENTRY_ID, INVOICE_PAYMENT.APPROVED_BY)
                .from(INVOICE_PAYMENT).where(INVOICE_PAYMENT.INVOICE_ID.eq(invoice.getId()))
                .and(Standing.entry(INVOICE_PAYMENT.ENTRY_ID)).fetchOne();
        boolean certified = db.fetchExists(DSL.selectOne().from(EXPENDITURE).where(EXPENDITURE.ID.eq(expenditure.getId()))
                .and(Spent.standing()));
        String status = !certified ? "CANCELLED" : payment != null ? "PAID" : "PAYABLE";
        return new Invoice(invoice.getId(), invoice.getReference(), expenditure.getPayee(), expenditure.getComponent(),
                expenditure.getAmount(), expenditure.getPsc(), expenditure.getSpentOn(), invoice.getDueOn(), expenditure.getId(),
                expenditure.getEntryId(), expenditure.getObligationId(), expenditure.getLiquidated(), status,
                payment == null ? null : payment.value1(), payment == null ? null : payment.value2(),
                payment == null ? null : payment.value3());
    }
}
