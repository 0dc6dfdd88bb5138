package org.unaoc.trustfund.web;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.unaoc.trustfund.approvals.Approvals;
import org.unaoc.trustfund.contributions.ReceiptViews;
import org.unaoc.trustfund.ledger.Accounts;
import org.unaoc.trustfund.ledger.JournalEntries;
import org.unaoc.trustfund.spending.Availability;
import org.unaoc.trustfund.spending.BudgetComponents;

/** The finance officer's dashboard: cash, receivables, funds available, unapplied cash, what waits, what was posted. */
@WebPage
class FinanceDashboard {

    record Available(String component, String name, BigDecimal available) {
    }

    private final Accounts accounts;
    private final Availability availability;
    private final BudgetComponents components;
    private final ReceiptViews receipts;
    private final Approvals approvals;
    private final JournalEntries entries;

    FinanceDashboard(Accounts accounts, Availability availability, BudgetComponents components, ReceiptViews receipts,
                     Approvals approvals, JournalEntries entries) {
        this.accounts = accounts;
        this.availability = availability;
        this.components = components;
        this.receipts = receipts;
        this.approvals = approvals;
        this.entries = entries;
    }

    @GetMapping("/finance")
    String dashboard(@RequestParam(required = false) @Nullable String asOf, Model model) {
        LocalDate date = asOf == null || asOf.isBlank() ? LocalDate.now(ZoneOffset.UTC) : Forms.date(asOf, "asOf");
        List<Accounts.Balance> balances = accounts.balances(date);
        model.addAttribute("asOf", date);
        model.addAttribute("cash", balances.stream().filter(b -> b.currency() != null).toList());
        model.addAttribute("receivables", balances.stream().filter(b -> b.code().startsWith("12")).toList());
        Map<String, BigDecimal> available = availability.byComponent(date);
        model.addAttribute("available", components.list().stream()
                .map(c -> new Available(c.code(), c.name(), available.get(c.code()))).toList());
        model.addAttribute("unapplied", receipts.withUnappliedCash());
        model.addAttribute("pending", approvals.list(Approvals.PENDING));
        model.addAttribute("lastEntries", entries.latest(date, 10));
        return "finance/dashboard";
    }
}
