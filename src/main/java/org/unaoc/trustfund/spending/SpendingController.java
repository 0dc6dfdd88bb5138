package org.unaoc.trustfund.spending;

import jakarta.validation.Valid;
import java.security.Principal;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.unaoc.trustfund.approvals.Approvals;
import org.unaoc.trustfund.contributions.WriteOffs;
import org.unaoc.trustfund.system.IdempotencyKeyRequired;

/** Budgets, commitments, expenditure, availability and the end of money's life: write-offs, refunds, closure. */
@RestController
@RequestMapping("/api")
class SpendingController {

    private final BudgetComponents components;
    private final Spending spending;
    private final Availability availability;
    private final Conditions conditions;
    private final Approvals approvals;
    private final Allotments allotments;
    private final FundParameterChange parameterChange;
    private final WriteOffs writeOffs;
    private final Refunds refunds;
    private final Closure closure;
    private final RefundPayments refundPayments;
    private final ObligationAdjustments adjustments;
    private final Invoices invoices;
    private final InvoicePayments invoicePayments;
    private final PscRemittanceApprovals pscApprovals;
    private final ExpenditurePayments expenditurePayments;
    private final BankTransfers bankTransfers;

    SpendingController(BudgetComponents components, Spending spending, Availability availability, Conditions conditions,
                       Approvals approvals, Allotments allotments, FundParameterChange parameterChange, WriteOffs writeOffs,
                       Refunds refunds, Closure closure, RefundPayments refundPayments,
                       ObligationAdjustments adjustments, Invoices invoices, InvoicePayments invoicePayments,
                       PscRemittanceApprovals pscApprovals, ExpenditurePayments expenditurePayments,
                       BankTransfers bankTransfers) {
        this.bankTransfers = bankTransfers;
        this.pscApprovals = pscApprovals;
        this.expenditurePayments = expenditurePayments;
        this.invoices = invoices;
        this.invoicePayments = invoicePayments;
        this.adjustments = adjustments;
        this.refundPayments = refundPayments;
        this.components = components;
        this.spending = spending;
        this.availability = availability;
        this.conditions = conditions;
        this.approvals = approvals;
        this.allotments = allotments;
        this.parameterChange = parameterChange;
        this.writeOffs = writeOffs;
        this.refunds = refunds;
        this.closure = closure;
    }

    record OnDate(@Nullable LocalDate date) {
        LocalDate orToday() {
            return date != null ? date : LocalDate.now(ZoneOffset.UTC);
        }
    }

    @GetMapping("/budget-components")
    List<BudgetComponents.Component> components() {
        return components.list();
    }

    @PostMapping("/budget-components")
    @IdempotencyKeyRequired
    @ResponseStatus(HttpStatus.CREATED)
    BudgetComponents.Component addComponent(@Valid @RequestBody BudgetComponents.Component component, Principal user) {
        return components.create(component, user.getName());
    }

    @GetMapping("/cost-plans")
    List<BudgetComponents.CostPlan> costPlans(@RequestParam(required = false) @Nullable Integer year,
                                              @RequestParam(required = false) @Nullable String component) {
        return components.plans(year, component);
    }

    @PostMapping("/cost-plans")
    @IdempotencyKeyRequired
    @ResponseStatus(HttpStatus.CREATED)
    List<BudgetComponents.CostPlan> plan(@Valid @RequestBody BudgetComponents.CostPlan plan, Principal user) {
        return components.plan(plan, user.getName());
    }

    @GetMapping("/allotments")
    List<Map<String, Object>> allotments() {
        return allotments.list();
    }

    @PostMapping("/allotments")
    @ResponseStatus(HttpStatus.ACCEPTED)
    @IdempotencyKeyRequired
    Approvals.Pending allot(@RequestBody Allotments.Request request, Principal user) {
        return approvals.request(allotments, request, user.getName());
    }

    @PostMapping("/obligations")
    @ResponseStatus(HttpStatus.CREATED)
    @IdempotencyKeyRequired
    Spending.Obligation obligate(@Valid @RequestBody Spending.Commitment commitment, Principal user) {
        return spending.obligate(commitment, user.getName());
    }

    @GetMapping("/obligations/{id}")
    Spending.Obligation obligation(@PathVariable long id) {
        return spending.obligation(id);
    }

    /** Reduces (a negative amount), raises (a positive one) or cancels what is open of an obligation. */
    @PostMapping("/obligations/{id}/adjustment")
    @IdempotencyKeyRequired
    Spending.Obligation adjust(@PathVariable long id, @Valid @RequestBody ObligationAdjustments.Adjustment adjustment,
                               Principal user) {
        return adjustments.adjust(id, adjustment, user.getName());
    }

    /** A direct expenditure is a disbursement: checked now, posted and paid once another officer approves (R19). */
    @PostMapping("/expenditures")
    @ResponseStatus(HttpStatus.ACCEPTED)
    @IdempotencyKeyRequired
    Approvals.Pending spend(@Valid @RequestBody Spending.Commitment commitment, Principal user) {
        return approvals.request(expenditurePayments, commitment, user.getName());
    }

    @GetMapping("/availability")
    Availability.Figures availability(@RequestParam(required = false) @Nullable String component,
                                      @RequestParam(required = false) @Nullable LocalDate asOf) {
        return availability.of(component, asOf != null ? asOf : LocalDate.now(ZoneOffset.UTC));
    }

    @PostMapping("/fund/parameters")
    @ResponseStatus(HttpStatus.ACCEPTED)
    @IdempotencyKeyRequired
    Approvals.Pending changeParameters(@RequestBody FundParameterChange.Request request, Principal user) {
        return approvals.request(parameterChange, request, user.getName());
    }

    @PostMapping("/impairments")
    @ResponseStatus(HttpStatus.CREATED)
    @IdempotencyKeyRequired
    WriteOffs.Scheduled impair(@RequestBody WriteOffs.Request request, Principal user) {
        return writeOffs.allow(request, user.getName());
    }

    @PostMapping("/write-offs")
    @ResponseStatus(HttpStatus.ACCEPTED)
    @IdempotencyKeyRequired
    Approvals.Pending writeOff(@RequestBody WriteOffs.Request request, Principal user) {
        return approvals.request(writeOffs, request, user.getName());
    }

    @PostMapping("/agreements/{id}/condition-expiry")
    @ResponseStatus(HttpStatus.CREATED)
    @IdempotencyKeyRequired
    Refunds.Refund expire(@PathVariable long id, @RequestBody OnDate on, Principal user) {
        return refunds.get(conditions.expire(id, on.orToday(), user.getName()));
    }

    @PostMapping("/refunds")
    @ResponseStatus(HttpStatus.ACCEPTED)
    @IdempotencyKeyRequired
    Approvals.Pending refund(@RequestBody Refunds.Request request, Principal user) {
        return approvals.request(refunds, request, user.getName());
    }

    /** Certifies an invoice: the cost incurred and owed (R18), funds checked and reserved. */
    @PostMapping("/invoices")
    @ResponseStatus(HttpStatus.CREATED)
    @IdempotencyKeyRequired
    Invoices.Invoice certify(@Valid @RequestBody Invoices.NewInvoice invoice, Principal user) {
        return invoices.certify(invoice, user.getName());
    }

    @GetMapping("/invoices")
    List<Invoices.Invoice> invoices() {
        return invoices.list();
    }

    @GetMapping("/invoices/{id}")
    Invoices.Invoice invoice(@PathVariable long id) {
        return invoices.get(id);
    }

    /** A disbursement: waits for another officer's approval (R19). */
    @PostMapping("/invoices/{id}/payment")
    @ResponseStatus(HttpStatus.ACCEPTED)
    @IdempotencyKeyRequired
    Approvals.Pending payInvoice(@PathVariable long id, @RequestBody OnDate on, Principal user) {
        return approvals.request(invoicePayments, new InvoicePayments.Request(id, on.orToday()), user.getName());
    }

    /** A disbursement: waits for another officer's approval (R19). */
    @PostMapping("/refunds/{id}/payment")
    @ResponseStatus(HttpStatus.ACCEPTED)
    @IdempotencyKeyRequired
    Approvals.Pending pay(@PathVariable long id, @RequestBody OnDate on, Principal user) {
        return approvals.request(refundPayments, new RefundPayments.Request(id, on.orToday()), user.getName());
    }

    record Remittance(java.math.@Nullable BigDecimal amount, @Nullable LocalDate date) {
    }

    /** Programme support cost remitted to the UN, all that is payable or the amount given: a disbursement (R19). */
    @PostMapping("/psc-remittances")
    @ResponseStatus(HttpStatus.ACCEPTED)
    @IdempotencyKeyRequired
    Approvals.Pending remitPsc(@RequestBody Remittance remittance, Principal user) {
        return approvals.request(pscApprovals, pscApprovals.resolved(new PscRemittanceApprovals.Request(remittance.amount(),
                remittance.date() != null ? remittance.date() : LocalDate.now(ZoneOffset.UTC))), user.getName());
    }

    /** Money moved between the fund's bank accounts: a disbursement (R17, R19). */
    @PostMapping("/bank-transfers")
    @ResponseStatus(HttpStatus.ACCEPTED)
    @IdempotencyKeyRequired
    Approvals.Pending transfer(@RequestBody BankTransfers.Request request, Principal user) {
        return approvals.request(bankTransfers, request, user.getName());
    }

    @PostMapping("/closure")
    @ResponseStatus(HttpStatus.ACCEPTED)
    @IdempotencyKeyRequired
    Approvals.Pending close(@RequestBody Closure.Request request, Principal user) {
        return approvals.request(closure, request, user.getName());
    }

}
