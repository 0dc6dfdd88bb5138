package org.unaoc.trustfund.spending;

import jakarta.servlet.http.HttpServletResponse;
import java.math.BigDecimal;
import java.security.Principal;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.unaoc.trustfund.approvals.Approvals;
import org.unaoc.trustfund.currency.Money;
import org.unaoc.trustfund.ledger.FundParameters;
import org.unaoc.trustfund.system.Problem;
import org.unaoc.trustfund.web.Forms;
import org.unaoc.trustfund.web.Refusal;
import org.unaoc.trustfund.web.WebPage;

/**
 * The fund's parameters (PSC, operating reserve, bank-charge tolerance) with their history, and the
 * cost plans and allotments of the components; new parameters and allotments wait for approval.
 */
@WebPage
class PlanPages {

    private final FundParameters fund;
    private final BudgetComponents components;
    private final Allotments allotments;
    private final FundParameterChange parameterChange;
    private final Approvals approvals;

    PlanPages(FundParameters fund, BudgetComponents components, Allotments allotments, FundParameterChange parameterChange,
              Approvals approvals) {
        this.fund = fund;
        this.components = components;
        this.allotments = allotments;
        this.parameterChange = parameterChange;
        this.approvals = approvals;
    }

    @GetMapping("/fund")
    String fund(Model model) {
        return fund(Map.of(), model);
    }

    /** The page, with what a refused form had typed ({@code typed}). */
    private String fund(Map<String, String> typed, Model model) {
        model.addAttribute("typed", typed);
        model.addAttribute("fund", fund.current());
        return "spending/fund";
    }

    /** New parameters from a date, sent for approval; a rate left empty keeps its value. */
    @PostMapping("/fund/parameters")
    String changeParameters(@RequestParam(required = false) @Nullable String effectiveFrom,
                            @RequestParam(required = false) @Nullable String pscPercent,
                            @RequestParam(required = false) @Nullable String reservePercent,
                            @RequestParam(required = false) @Nullable String tolerance,
                            @RequestParam Map<String, String> typed, Principal user, Model model, HttpServletResponse response) {
        return Refusal.redirectOrForm(response, Map.of("parameters-exist", "effectiveFrom", "parameters-in-use", "effectiveFrom"), () -> {
            var request = new FundParameterChange.Request(Forms.date(effectiveFrom, "effectiveFrom"),
                    percent(pscPercent, "pscPercent"), percent(reservePercent, "reservePercent"),
                    tolerance == null || tolerance.isBlank() ? null : Forms.amount(tolerance, "tolerance"));
            return "/approvals/" + approvals.request(parameterChange, request, user.getName()).approval() + "?requested";
        }, refusal -> {
            Refusal onPage = Refusal.field(refusal, Map.of("pscRate", "pscPercent",
                    "operatingReserveRate", "reservePercent", "bankChargeTolerance", "tolerance"));
            // the page asks for percentages where the API takes fractions
            model.addAttribute("refusal", onPage.concerns("pscPercent") || onPage.concerns("reservePercent")
                    ? new Refusal(onPage.status(), onPage.title(), "A rate is a percentage from 0 to 100 with at most "
                    + "2 decimals (13 for 13%).", onPage.field()) : onPage);
            return fund(typed, model);
        });
    }

    @GetMapping("/spending/plans")
    String plans(Model model) {
        return plans(Map.of(), model);
    }

    private String plans(Map<String, String> typed, Model model) {
        model.addAttribute("typed", typed);
        model.addAttribute("plans", components.plans(null, null));
        model.addAttribute("allotments", allotments.list());
        model.addAttribute("components", components.list());
        return "spending/plans";
    }

    @PostMapping("/spending/allotments")
    String allot(@RequestParam(required = false) @Nullable String component, @RequestParam(required = false) @Nullable String year,
                 @RequestParam(required = false) @Nullable String amount, @RequestParam Map<String, String> typed,
                 Principal user, Model model, HttpServletResponse response) {
        return Refusal.redirectOrForm(response, Map.of(), () -> {
            if (year == null || !year.trim().matches("[0-9]{4}")) {
                throw Problem.invalidField("year", "is a year, such as 2007");
            }
            var request = new Allotments.Request(Forms.required(component, "component", "the budget component"),
                    Integer.valueOf(year.trim()), Money.usd(Forms.amount(amount, "amount")));
            return "/approvals/" + approvals.request(allotments, request, user.getName()).approval() + "?requested";
        }, refusal -> {
            model.addAttribute("refusal", refusal);
            return plans(typed, model);
        });
    }

    private static @Nullable BigDecimal percent(@Nullable String value, String field) {
        return value == null || value.isBlank() ? null : Forms.amount(value, field).movePointLeft(2);
    }
}
