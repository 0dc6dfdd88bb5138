package org.unaoc.trustfund.spending;

import jakarta.servlet.http.HttpServletResponse;
import java.security.Principal;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.unaoc.trustfund.approvals.Approvals;
import org.unaoc.trustfund.currency.Money;
import org.unaoc.trustfund.system.FormSubmissions;
import org.unaoc.trustfund.web.Forms;
import org.unaoc.trustfund.web.Refusal;
import org.unaoc.trustfund.web.WebPage;

/**
 * Obligations and expenditure in the browser, with the funds available for the chosen component
 * shown beside the form (and again, with the reason, when the books refuse a commitment). An
 * expenditure goes to the approval queue (R19); an obligation is recorded at once.
 */
@WebPage
class SpendingPages {

    /** A commitment as typed. {@code kind} is OBLIGATION or EXPENDITURE. */
    record CommitmentForm(@Nullable String kind, @Nullable String component, @Nullable String objectClass,
                          @Nullable String amount, @Nullable String currency, @Nullable String date, @Nullable String payee,
                          @Nullable String description, @Nullable String obligation, @Nullable String submission) {

        static CommitmentForm empty() {
            return new CommitmentForm("EXPENDITURE", null, "OPERATING", null, "USD", LocalDate.now(ZoneOffset.UTC).toString(),
                    null, null, null, FormSubmissions.newKey());
        }

        Spending.Commitment toCommitment() {
            ObjectClass object = Forms.choice(ObjectClass.class, objectClass, "objectClass", "an object class");
            String code = Forms.required(currency, "currency", "the currency").toUpperCase(Locale.ROOT);
            return new Spending.Commitment(Forms.required(component, "component", "the budget component"), object,
                    new Money(Forms.amount(amount, "amount"), code), Forms.date(date, "date"),
                    Forms.required(payee, "payee", "who is paid"), Forms.required(description, "description", "what it is for"),
                    Forms.id(obligation, "obligation"));
        }
    }

    private static final Map<String, String> FIELDS_BY_PROBLEM = Map.of("insufficient-funds", "amount", "allotment-exceeded", "amount",
            "period-closed", "date", "fund-closed", "date", "no-exchange-rate", "date");

    private final Spending spending;
    private final Availability availability;
    private final BudgetComponents components;
    private final Schedules schedules;
    private final Forms forms;
    private final FormSubmissions submissions;
    private final Approvals approvals;
    private final ExpenditurePayments expenditurePayments;

    SpendingPages(Spending spending, Availability availability, BudgetComponents components, Schedules schedules, Forms forms,
                  FormSubmissions submissions, Approvals approvals, ExpenditurePayments expenditurePayments) {
        this.approvals = approvals;
        this.expenditurePayments = expenditurePayments;
        this.submissions = submissions;
        this.spending = spending;
        this.availability = availability;
        this.components = components;
        this.schedules = schedules;
        this.forms = forms;
    }

    @GetMapping("/spending")
    String page(Model model) {
        return page(CommitmentForm.empty(), null, model);
    }

    /** The funds available for a component on a date (htmx, when either changes). */
    @GetMapping("/spending/availability")
    String availability(@RequestParam(required = false) @Nullable String component,
                        @RequestParam(required = false) @Nullable String date, Model model) {
        addAvailability(component, date, model);
        return "spending/spending :: availability";
    }

    @PostMapping("/spending")
    String commit(@ModelAttribute("form") CommitmentForm form, Principal user, Model model, HttpServletResponse response) {
        return Refusal.redirectOrForm(response, FIELDS_BY_PROBLEM, () -> {
            Spending.Commitment commitment = forms.valid(form.toCommitment());
            return submissions.once(user.getName(), form.submission(), "/spending", () ->
                    "OBLIGATION".equals(form.kind())
                            ? "/spending?obligation=" + spending.obligate(commitment, user.getName()).id()
                            : "/approvals/" + approvals.request(expenditurePayments, commitment, user.getName()).approval()
                                    + "?requested");
        }, refusal -> page(form, refusal, model));
    }

    private String page(CommitmentForm form, @Nullable Refusal refusal, Model model) {
        model.addAttribute("form", form);
        model.addAttribute("refusal", refusal);
        model.addAttribute("components", components.list());
        model.addAttribute("objectClasses", ObjectClass.values());
        model.addAttribute("obligations", schedules.obligations(LocalDate.now(ZoneOffset.UTC)));
        addAvailability(form.component(), form.date(), model);
        return "spending/spending";
    }

    private void addAvailability(@Nullable String component, @Nullable String date, Model model) {
        LocalDate on = date == null || !date.matches("\\d{4}-\\d{2}-\\d{2}") ? LocalDate.now(ZoneOffset.UTC) : LocalDate.parse(date);
        boolean known = component != null && components.list().stream().anyMatch(c -> c.code().equals(component));
        model.addAttribute("figures", known ? availability.of(component, on) : null);
    }
}
