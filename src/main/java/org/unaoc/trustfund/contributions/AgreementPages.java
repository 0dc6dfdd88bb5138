package org.unaoc.trustfund.contributions;

import jakarta.servlet.http.HttpServletResponse;
import java.security.Principal;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.unaoc.trustfund.currency.Money;
import org.unaoc.trustfund.security.Viewer;
import org.unaoc.trustfund.spending.BudgetComponents;
import org.unaoc.trustfund.system.FormSubmissions;
import org.unaoc.trustfund.system.Problem;
import org.unaoc.trustfund.web.Forms;
import org.unaoc.trustfund.web.Refusal;
import org.unaoc.trustfund.web.WebPage;

/**
 * Contributors, their pledges and their agreements with the tranches: the lists, and the forms
 * that add a contributor, announce a pledge and sign an agreement.
 */
@WebPage
class AgreementPages {

    static final int TRANCHE_ROWS = 6;

    /** An agreement as typed, with up to six tranches (due date, amount, subject to appropriation). */
    record AgreementForm(@Nullable String contributor, @Nullable String reference, @Nullable String signedOn,
                         @Nullable String currency, @Nullable String pledge, @Nullable String earmark,
                         @Nullable String condition, @Nullable String conditionDeadline, @Nullable List<String> dueOn,
                         @Nullable List<String> amount, @Nullable List<String> appropriation, @Nullable String submission) {

        static AgreementForm empty() {
            return new AgreementForm(null, null, LocalDate.now(ZoneOffset.UTC).toString(), "USD", null, null, null, null,
                    null, null, null, FormSubmissions.newKey());
        }

        public String at(@Nullable List<String> values, int index) {
            return values == null || index >= values.size() || values.get(index) == null ? "" : values.get(index);
        }

        /** Whether the tranche of this row is subject to appropriation (its checkbox sends the row's number). */
        public boolean appropriated(int index) {
            return appropriation != null && appropriation.contains(String.valueOf(index));
        }

        Agreements.NewAgreement toAgreement() {
            String code = Forms.required(currency, "currency", "the currency of the agreement").toUpperCase(Locale.ROOT);
            List<Agreements.NewTranche> tranches = new ArrayList<>();
            for (int i = 0; i < TRANCHE_ROWS; i++) {
                if (at(dueOn, i).isBlank() && at(amount, i).isBlank()) {
                    continue;
                }
                String where = "tranches[" + tranches.size() + "]";
                tranches.add(new Agreements.NewTranche(Forms.date(at(dueOn, i), where + ".dueOn"),
                        new Money(Forms.amount(at(amount, i), where + ".amount"), code), appropriated(i)));
            }
            if (tranches.isEmpty()) {
                throw Problem.invalidField("tranches", "give at least one tranche: its due date and amount");
            }
            Agreements.Condition condition = this.condition == null || this.condition.isBlank() ? null
                    : new Agreements.Condition(this.condition.trim(), Forms.date(conditionDeadline, "condition.deadline"));
            return new Agreements.NewAgreement(Forms.required(contributor, "contributor", "who signs"),
                    Forms.required(reference, "reference", "the agreement's reference"), Forms.date(signedOn, "signedOn"),
                    Forms.id(pledge, "pledge"), Forms.optional(earmark), condition, tranches);
        }
    }

    record PledgeForm(@Nullable String contributor, @Nullable String amount, @Nullable String currency,
                      @Nullable String announcedOn, @Nullable String expectedOn, @Nullable String earmark,
                      @Nullable String note, @Nullable String submission) {

        static PledgeForm empty() {
            return new PledgeForm(null, null, "USD", LocalDate.now(ZoneOffset.UTC).toString(), null, null, null,
                    FormSubmissions.newKey());
        }

        Pledges.NewPledge toPledge() {
            String code = Forms.required(currency, "currency", "the currency pledged").toUpperCase(Locale.ROOT);
            return new Pledges.NewPledge(Forms.required(contributor, "contributor", "who pledges"),
                    new Money(Forms.amount(amount, "amount"), code), Forms.date(announcedOn, "announcedOn"),
                    Forms.optionalDate(expectedOn, "expectedOn"), Forms.optional(earmark), Forms.optional(note));
        }
    }

    record ContributorForm(@Nullable String code, @Nullable String name, @Nullable String type, @Nullable String coSponsor) {

        static ContributorForm empty() {
            return new ContributorForm(null, null, "GOVERNMENT", null);
        }

        Contributors.Contributor toContributor() {
            Contributors.Type kind = Forms.choice(Contributors.Type.class, type, "type", "a kind of contributor");
            return new Contributors.Contributor(code == null ? null : code.trim().toUpperCase(Locale.ROOT),
                    name == null ? null : name.trim(), kind, "on".equals(coSponsor), false, List.of());
        }
    }

    private final Contributors contributors;
    private final Pledges pledges;
    private final Agreements agreements;
    private final AgreementViews views;
    private final BudgetComponents components;
    private final Forms forms;
    private final FormSubmissions submissions;

    AgreementPages(Contributors contributors, Pledges pledges, Agreements agreements, AgreementViews views,
                   BudgetComponents components, Forms forms, FormSubmissions submissions) {
        this.contributors = contributors;
        this.pledges = pledges;
        this.agreements = agreements;
        this.views = views;
        this.components = components;
        this.forms = forms;
        this.submissions = submissions;
    }

    @GetMapping("/agreements")
    String list(Viewer viewer, Model model) {
        model.addAttribute("contributors", contributors.list(viewer));
        model.addAttribute("pledges", pledges.list(viewer));
        model.addAttribute("agreements", agreements.list(viewer));
        return "contributions/agreements";
    }

    @GetMapping("/agreements/{id:[0-9]+}")
    String agreement(@PathVariable long id, Viewer viewer, Model model) {
        AgreementViews.Agreement agreement = views.get(id);
        viewer.requireDetailsOf(agreement.contributor(), "Agreement " + id);
        model.addAttribute("agreement", agreement);
        return "contributions/agreement";
    }

    /** A tranche subject to appropriation, confirmed by the contributor's parliament: recognised on that date. */
    @PostMapping("/agreements/{id:[0-9]+}/tranches/{number:[0-9]+}/confirmation")
    String confirm(@PathVariable long id, @PathVariable int number, @RequestParam(required = false) @Nullable String confirmedOn,
                   Principal user, Viewer viewer, Model model, HttpServletResponse response) {
        return Refusal.redirectOrForm(response, Map.of("period-closed", "confirmedOn", "no-exchange-rate", "confirmedOn"), () -> {
            agreements.confirm(id, number, Forms.date(confirmedOn, "confirmedOn"), user.getName());
            return "/agreements/" + id + "?confirmed=" + number;
        }, refusal -> {
            model.addAttribute("refusal", refusal);
            model.addAttribute("confirmedOn", confirmedOn);
            return agreement(id, viewer, model);
        });
    }

    @GetMapping("/agreements/new")
    String agreementForm(Viewer viewer, Model model) {
        return agreementForm(AgreementForm.empty(), null, viewer, model);
    }

    @PostMapping("/agreements")
    String sign(@ModelAttribute("form") AgreementForm form, Principal user, Viewer viewer, Model model,
                HttpServletResponse response) {
        return Refusal.redirectOrForm(response, Map.of("period-closed", "signedOn", "no-exchange-rate", "signedOn"), () -> {
            Agreements.NewAgreement agreement = forms.valid(form.toAgreement());
            return submissions.once(user.getName(), form.submission(), "/agreements",
                    () -> "/agreements/" + agreements.sign(agreement, user.getName()).id() + "?signed");
        }, refusal -> agreementForm(form, refusal, viewer, model));
    }

    @GetMapping("/agreements/pledges/new")
    String pledgeForm(Viewer viewer, Model model) {
        return pledgeForm(PledgeForm.empty(), null, viewer, model);
    }

    @PostMapping("/agreements/pledges")
    String announce(@ModelAttribute("form") PledgeForm form, Principal user, Viewer viewer, Model model,
                    HttpServletResponse response) {
        return Refusal.redirectOrForm(response, Map.of(), () -> {
            Pledges.NewPledge pledge = forms.valid(form.toPledge());
            return submissions.once(user.getName(), form.submission(), "/agreements/pledges", () -> {
                pledges.announce(pledge, user.getName());
                return "/agreements?announced";
            });
        }, refusal -> pledgeForm(form, refusal, viewer, model));
    }

    @GetMapping("/agreements/contributors/new")
    String contributorForm(Model model) {
        model.addAttribute("form", ContributorForm.empty());
        model.addAttribute("types", Contributors.Type.values());
        return "contributions/contributor-form";
    }

    @PostMapping("/agreements/contributors")
    String addContributor(@ModelAttribute("form") ContributorForm form, Principal user, Model model,
                          HttpServletResponse response) {
        return Refusal.redirectOrForm(response, Map.of(), () -> {
            contributors.create(forms.valid(form.toContributor()), user.getName());
            return "/agreements?added";
        }, refusal -> {
            model.addAttribute("refusal", refusal);
            model.addAttribute("types", Contributors.Type.values());
            return "contributions/contributor-form";
        });
    }

    private String agreementForm(AgreementForm form, @Nullable Refusal refusal, Viewer viewer, Model model) {
        model.addAttribute("form", form);
        model.addAttribute("refusal", refusal);
        model.addAttribute("rows", TRANCHE_ROWS);
        model.addAttribute("contributors", contributors.list(viewer));
        model.addAttribute("components", components.list());
        model.addAttribute("pledges", pledges.list(viewer).stream().filter(p -> "ANNOUNCED".equals(p.status())).toList());
        return "contributions/agreement-form";
    }

    private String pledgeForm(PledgeForm form, @Nullable Refusal refusal, Viewer viewer, Model model) {
        model.addAttribute("form", form);
        model.addAttribute("refusal", refusal);
        model.addAttribute("contributors", contributors.list(viewer));
        model.addAttribute("components", components.list());
        return "contributions/pledge-form";
    }
}
