package org.unaoc.trustfund.projections;

import jakarta.servlet.http.HttpServletResponse;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.unaoc.trustfund.spending.BudgetComponents;
import org.unaoc.trustfund.web.Forms;
import org.unaoc.trustfund.web.Refusal;
import org.unaoc.trustfund.web.WebPage;

/** The report author's pages: projections under a scenario of their choosing, and the financing section. */
@WebPage
class ProjectionPages {

    /** The scenario controls as typed; percentages, as people think of them. */
    record ScenarioForm(@Nullable String asOf, @Nullable String until, @Nullable String scenario, @Nullable String delay,
                        @Nullable String pledgesPercent, @Nullable String pledgesInCash, @Nullable String fxCurrency,
                        @Nullable String fxPercent, @Nullable String spendingComponent, @Nullable String spendingPercent) {

        Scenario toScenario() {
            String name = scenario == null || scenario.isBlank() ? "base" : scenario;
            if (!name.equals("custom")) {
                return Scenario.named(name);
            }
            int months = delay == null || delay.isBlank() ? 0 : Forms.amount(delay, "delay").intValue();
            BigDecimal share = pledgesPercent == null || pledgesPercent.isBlank() ? BigDecimal.ONE
                    : percent(pledgesPercent, "pledgesPercent");
            Map<String, BigDecimal> fx = fxCurrency == null || fxCurrency.isBlank() || fxPercent == null || fxPercent.isBlank()
                    ? Map.of() : Map.of(fxCurrency.trim().toUpperCase(java.util.Locale.ROOT), percent(fxPercent, "fxPercent"));
            Map<String, BigDecimal> spending = spendingComponent == null || spendingComponent.isBlank()
                    || spendingPercent == null || spendingPercent.isBlank()
                    ? Map.of() : Map.of(spendingComponent, percent(spendingPercent, "spendingPercent"));
            return new Scenario("custom", months, share, "on".equals(pledgesInCash), fx, spending);
        }

        private static BigDecimal percent(String value, String field) {
            return Forms.amount(value, field).movePointLeft(2);
        }
    }

    private static final Map<String, String> FIELDS = Map.of("collectionDelayMonths", "delay", "announcedShare", "pledgesPercent");

    private final Projections projections;
    private final BudgetComponents components;

    ProjectionPages(Projections projections, BudgetComponents components) {
        this.projections = projections;
        this.components = components;
    }

    /**
     * The page; its controls re-ask it through htmx, which swaps in the new result and any refusal
     * (answered 200 to htmx, which swaps only successful answers, and 4xx to a plain request).
     */
    @GetMapping("/projections")
    String page(@ModelAttribute("form") ScenarioForm form, @RequestHeader(value = "HX-Request", required = false)
                @Nullable String htmx, Model model, HttpServletResponse response) {
        model.addAttribute("components", components.list());
        try {
            LocalDate asOf = form.asOf() == null || form.asOf().isBlank() ? LocalDate.now(ZoneOffset.UTC) : Forms.date(form.asOf(), "asOf");
            YearMonth until = form.until() == null || form.until().isBlank() ? projections.horizon(asOf)
                    : Forms.month(form.until(), "until");
            Projections.Result result = projections.project(asOf, until, form.toScenario());
            model.addAttribute("result", result);
            model.addAttribute("chart", ProjectionChart.svg(result));
        } catch (RuntimeException refused) {
            Refusal refusal = Refusal.field(Refusal.of(refused, Map.of()), FIELDS);
            model.addAttribute("refusal", refusal);
            response.setStatus(htmx != null ? 200 : refusal.status());
        }
        return "projections/projections";
    }

    @GetMapping("/financing-section")
    String financingSection(@RequestParam(required = false) @Nullable String asOf, Model model) {
        LocalDate date = asOf == null || asOf.isBlank() ? LocalDate.now(ZoneOffset.UTC) : Forms.date(asOf, "asOf");
        model.addAttribute("asOf", date);
        model.addAttribute("source", "/api/reports/financing-section?asOf=" + date);
        return "projections/financing-section";
    }
}
