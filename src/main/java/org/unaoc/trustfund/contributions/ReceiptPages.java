package org.unaoc.trustfund.contributions;

import jakarta.servlet.http.HttpServletResponse;
import java.security.Principal;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.unaoc.trustfund.currency.Money;
import org.unaoc.trustfund.ledger.ChartOfAccounts;
import org.unaoc.trustfund.ledger.JournalEntries;
import org.unaoc.trustfund.security.Viewer;
import org.unaoc.trustfund.system.FormSubmissions;
import org.unaoc.trustfund.web.Forms;
import org.unaoc.trustfund.web.Listing;
import org.unaoc.trustfund.web.Refusal;
import org.unaoc.trustfund.web.WebPage;

/**
 * Receipts in the browser: the list, recording one (contributor, agreement, tranche, with the
 * entry it would post shown before saving), and assigning unapplied cash.
 */
@WebPage
class ReceiptPages {

    /** What the receipt form sent, as typed: given back to the form when the books refuse it. */
    record ReceiptForm(@Nullable String contributor, @Nullable String agreement, @Nullable String tranche,
                       @Nullable String amount, @Nullable String currency, @Nullable String receivedOn,
                       @Nullable String bankAccount, @Nullable String bankReference, @Nullable String usdCredited,
                       @Nullable String remittance, @Nullable String submission) {

        static ReceiptForm empty() {
            return new ReceiptForm(null, null, null, null, "USD", LocalDate.now(ZoneOffset.UTC).toString(), "1010", null,
                    null, null, FormSubmissions.newKey());
        }

        Receipts.NewReceipt toReceipt() {
            String code = Forms.required(currency, "amount.currency", "the currency of the amount received");
            Money money = new Money(Forms.amount(amount, "amount"), code.toUpperCase(java.util.Locale.ROOT));
            return new Receipts.NewReceipt(Forms.optional(contributor), Forms.id(agreement, "agreement"),
                    tranche == null || tranche.isBlank() ? null : Forms.id(tranche, "tranche").intValue(), null, money,
                    Forms.date(receivedOn, "receivedOn"), Forms.required(bankAccount, "bankAccount", "the bank account credited"),
                    Forms.required(bankReference, "bankReference", "the bank's reference of the credit"),
                    usdCredited == null || usdCredited.isBlank() ? null : Forms.amount(usdCredited, "usdCredited"),
                    Forms.optional(remittance), null, null);
        }
    }

    record Preview(ReceiptViews.Receipt receipt, JournalEntries.Entry entry) {
    }

    private static final Map<String, String> FIELDS_BY_PROBLEM = Map.of("period-closed", "receivedOn",
            "no-exchange-rate", "receivedOn", "nothing-outstanding", "tranche", "fund-closed", "receivedOn");

    private static final Map<String, Comparator<ReceiptViews.Receipt>> COLUMNS = Map.of(
            "id", Comparator.comparing(ReceiptViews.Receipt::id),
            "receivedOn", Comparator.comparing(ReceiptViews.Receipt::receivedOn).thenComparing(ReceiptViews.Receipt::id),
            "contributor", Comparator.comparing((ReceiptViews.Receipt r) -> r.contributor() == null ? "" : r.contributor()),
            "usd", Comparator.comparing(ReceiptViews.Receipt::usdValue));

    private final Receipts receipts;
    private final ReceiptViews views;
    private final Contributors contributors;
    private final AgreementViews agreements;
    private final ChartOfAccounts chart;
    private final JournalEntries entries;
    private final Forms forms;
    private final TransactionTemplate transactions;
    private final FormSubmissions submissions;

    ReceiptPages(Receipts receipts, ReceiptViews views, Contributors contributors, AgreementViews agreements,
                 ChartOfAccounts chart, JournalEntries entries, Forms forms, TransactionTemplate transactions,
                 FormSubmissions submissions) {
        this.submissions = submissions;
        this.receipts = receipts;
        this.views = views;
        this.contributors = contributors;
        this.agreements = agreements;
        this.chart = chart;
        this.entries = entries;
        this.forms = forms;
        this.transactions = transactions;
    }

    @GetMapping("/receipts")
    String list(@RequestParam Map<String, String> parameters, Viewer viewer, Model model) {
        model.addAttribute("receipts", Listing.of(views.list(viewer.detailsLimitedTo(), null), COLUMNS, "receivedOn", true,
                parameters, "/receipts"));
        return "receipts/list";
    }

    @GetMapping("/receipts/new")
    String form(Viewer viewer, Model model) {
        return form(ReceiptForm.empty(), null, viewer, model);
    }

    /** The agreements of a contributor, as the options of the form's agreement list (htmx). */
    @GetMapping("/receipts/new/agreements")
    String agreementOptions(@RequestParam(required = false) @Nullable String contributor, Model model) {
        model.addAttribute("agreements", contributor == null || contributor.isBlank() ? List.of() : agreements.list(contributor));
        model.addAttribute("selected", "");
        return "receipts/form :: agreementOptions";
    }

    /** The tranches still open of an agreement (htmx). */
    @GetMapping("/receipts/new/tranches")
    String trancheOptions(@RequestParam(required = false) @Nullable String agreement, Model model) {
        Long id = agreement == null || agreement.isBlank() ? null : Forms.id(agreement, "agreement");
        model.addAttribute("tranches", id == null ? List.of() : agreements.get(id).tranches());
        model.addAttribute("selected", "");
        return "receipts/form :: trancheOptions";
    }

    /** What the receipt would post, computed by the books themselves in a transaction rolled back (htmx). */
    @PostMapping("/receipts/preview")
    String preview(@ModelAttribute("form") ReceiptForm form, Principal user, Model model) {
        model.addAttribute("previewing", true);
        try {
            Preview preview = transactions.execute(status -> {
                status.setRollbackOnly();
                ReceiptViews.Receipt receipt = receipts.record(form.toReceipt(), user.getName());
                return new Preview(receipt, entries.get(receipt.entry()));
            });
            model.addAttribute("preview", preview);
        } catch (RuntimeException refused) {
            model.addAttribute("refusal", Refusal.of(refused, FIELDS_BY_PROBLEM));
        }
        return "receipts/form :: preview";
    }

    @PostMapping("/receipts")
    String record(@ModelAttribute("form") ReceiptForm form, Principal user, Viewer viewer, Model model,
                  HttpServletResponse response) {
        return Refusal.redirectOrForm(response, FIELDS_BY_PROBLEM, () -> submissions.once(user.getName(), form.submission(),
                        "/receipts", () -> "/receipts/" + receipts.record(forms.valid(form.toReceipt()), user.getName()).id()
                                + "?recorded"),
                refusal -> form(form, refusal, viewer, model));
    }

    @GetMapping("/receipts/{id:[0-9]+}")
    String receipt(@PathVariable long id, @RequestParam(required = false) @Nullable String recorded, Viewer viewer,
                   Model model) {
        ReceiptViews.Receipt receipt = views.get(id);
        viewer.requireDetailsOf(receipt.contributor(), "Receipt " + id);
        model.addAttribute("receipt", receipt);
        model.addAttribute("entry", entries.get(receipt.entry()));
        model.addAttribute("recorded", recorded != null);
        // only what the cash may go to: the agreements of whoever sent it (of anyone, for unidentified cash)
        model.addAttribute("agreements", agreements.list(receipt.contributor()));
        if (!model.containsAttribute("submission")) {
            model.addAttribute("submission", FormSubmissions.newKey());
        }
        return "receipts/receipt";
    }

    /** Unapplied cash assigned to an agreement's tranche, or to a contributor's pledge. */
    @PostMapping("/receipts/{id:[0-9]+}/application")
    String apply(@PathVariable long id, @RequestParam(required = false) @Nullable String target,
                 @RequestParam(required = false) @Nullable String date,
                 @RequestParam(required = false) @Nullable String submission, Principal user, Viewer viewer, Model model,
                 HttpServletResponse response) {
        return Refusal.redirectOrForm(response, Map.of("period-closed", "date", "nothing-outstanding", "target"), () -> {
            Forms.Tranche tranche = Forms.tranche(target, "target");
            LocalDate on = Forms.optionalDate(date, "date");
            return submissions.once(user.getName(), submission, "/receipts/" + id + "/application", () -> {
                // the officer chose a line that names the agreement's contributor: that is the contributor named
                String contributor = agreements.get(tranche.agreement()).contributor();
                receipts.apply(id, new Receipts.Application(tranche.agreement(), tranche.number(), contributor, on),
                        user.getName());
                return "/receipts/" + id + "?assigned";
            });
        }, refusal -> {
            model.addAttribute("refusal", refusal);
            model.addAttribute("target", target);
            model.addAttribute("date", date);
            model.addAttribute("submission", submission);
            return receipt(id, null, viewer, model);
        });
    }

    private String form(ReceiptForm form, @Nullable Refusal refusal, Viewer viewer, Model model) {
        model.addAttribute("form", form);
        model.addAttribute("refusal", refusal);
        model.addAttribute("contributors", contributors.list(viewer));
        model.addAttribute("agreements", form.contributor() == null || form.contributor().isBlank() ? List.of()
                : agreements.list(form.contributor()));
        Long agreement = form.agreement() == null || !form.agreement().matches("[0-9]+") ? null : Long.valueOf(form.agreement());
        model.addAttribute("tranches", agreement == null ? List.of() : agreements.get(agreement).tranches());
        model.addAttribute("selected", "");
        model.addAttribute("bankAccounts", chart.bankAccounts());
        return "receipts/form";
    }

}
