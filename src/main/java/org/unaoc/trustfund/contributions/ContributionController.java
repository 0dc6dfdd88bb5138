package org.unaoc.trustfund.contributions;

import jakarta.validation.Valid;
import java.security.Principal;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.unaoc.trustfund.security.Viewer;
import org.unaoc.trustfund.system.IdempotencyKeyRequired;
import org.unaoc.trustfund.system.Problem;

/** Pledges, agreements, receipts and period-end work on receivables over HTTP. */
@RestController
@RequestMapping("/api")
class ContributionController {

    private final Pledges pledges;
    private final Agreements agreements;
    private final AgreementViews agreementViews;
    private final Receipts receipts;
    private final ReceiptViews receiptViews;
    private final Revaluations revaluations;

    ContributionController(Pledges pledges, Agreements agreements, AgreementViews agreementViews, Receipts receipts,
                           ReceiptViews receiptViews, Revaluations revaluations) {
        this.pledges = pledges;
        this.agreements = agreements;
        this.agreementViews = agreementViews;
        this.receipts = receipts;
        this.receiptViews = receiptViews;
        this.revaluations = revaluations;
    }

    record Reason(@Nullable String reason, @Nullable LocalDate date) {
    }

    record AsOf(@Nullable LocalDate asOf) {
        LocalDate required() {
            if (asOf == null) {
                throw Problem.invalidField("asOf", "is missing: the date of the revaluation");
            }
            return asOf;
        }
    }

    record Confirmation(@Nullable LocalDate date) {
    }

    @GetMapping("/pledges")
    List<Pledges.Pledge> pledges(Viewer viewer) {
        return pledges.list(viewer);
    }

    @PostMapping("/pledges")
    @IdempotencyKeyRequired
    @ResponseStatus(HttpStatus.CREATED)
    Pledges.Pledge announce(@Valid @RequestBody Pledges.NewPledge pledge, Principal user) {
        return pledges.announce(pledge, user.getName());
    }

    @PostMapping("/pledges/{id}/cancellation")
    @IdempotencyKeyRequired
    Pledges.Pledge cancel(@PathVariable long id, @RequestBody Reason reason) {
        return pledges.cancel(id, reason.reason(), reason.date() != null ? reason.date() : LocalDate.now(ZoneOffset.UTC));
    }

    @GetMapping("/agreements")
    List<AgreementViews.Agreement> agreements(Viewer viewer) {
        return agreements.list(viewer);
    }

    @GetMapping("/agreements/{id}")
    AgreementViews.Agreement agreement(@PathVariable long id, Viewer viewer) {
        AgreementViews.Agreement agreement = agreementViews.get(id);
        viewer.requireDetailsOf(agreement.contributor(), "Agreement " + id);
        return agreement;
    }

    @PostMapping("/agreements")
    @ResponseStatus(HttpStatus.CREATED)
    @IdempotencyKeyRequired
    AgreementViews.Agreement sign(@Valid @RequestBody Agreements.NewAgreement agreement, Principal user) {
        return agreements.sign(agreement, user.getName());
    }

    @PostMapping("/agreements/{id}/tranches/{number}/confirmation")
    @IdempotencyKeyRequired
    AgreementViews.Agreement confirm(@PathVariable long id, @PathVariable int number,
                                     @RequestBody(required = false) @Nullable Confirmation confirmation, Principal user) {
        LocalDate date = confirmation == null || confirmation.date() == null ? LocalDate.now(ZoneOffset.UTC) : confirmation.date();
        return agreements.confirm(id, number, date, user.getName());
    }

    @GetMapping("/receipts")
    List<ReceiptViews.Receipt> receipts(Viewer viewer) {
        return receiptViews.list(viewer.detailsLimitedTo(), null);
    }

    @GetMapping("/receipts/{id}")
    ReceiptViews.Receipt receipt(@PathVariable long id, Viewer viewer) {
        ReceiptViews.Receipt receipt = receiptViews.get(id);
        viewer.requireDetailsOf(receipt.contributor(), "Receipt " + id);
        return receipt;
    }

    @PostMapping("/receipts")
    @ResponseStatus(HttpStatus.CREATED)
    @IdempotencyKeyRequired
    ReceiptViews.Receipt record(@Valid @RequestBody Receipts.NewReceipt receipt, Principal user) {
        return receipts.recordLockingLast(receipt, user.getName());
    }

    @PostMapping("/receipts/{id}/application")
    @IdempotencyKeyRequired
    ReceiptViews.Receipt apply(@PathVariable long id, @RequestBody Receipts.Application application, Principal user) {
        return receipts.apply(id, application, user.getName());
    }

    @PostMapping("/revaluations")
    @ResponseStatus(HttpStatus.CREATED)
    @IdempotencyKeyRequired
    Revaluations.Result revalue(@RequestBody AsOf asOf, Principal user) {
        return revaluations.revalue(asOf.required(), user.getName());
    }

    @PostMapping("/reclassifications")
    @ResponseStatus(HttpStatus.CREATED)
    @IdempotencyKeyRequired
    Revaluations.Result reclassify(@RequestBody AsOf asOf, Principal user) {
        return revaluations.reclassify(asOf.required(), user.getName());
    }
}
