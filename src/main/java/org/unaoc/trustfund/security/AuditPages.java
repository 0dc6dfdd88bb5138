package org.unaoc.trustfund.security;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.unaoc.trustfund.ledger.IntegrityChain;
import org.unaoc.trustfund.web.Forms;
import org.unaoc.trustfund.web.Listing;
import org.unaoc.trustfund.web.WebPage;

/** The auditor's pages: the audit log with its filters, and the integrity check of the books. */
@WebPage
class AuditPages {

    private static final Map<String, AuditLog.Order> SORTS = Map.of(
            "id", AuditLog.Order.ID, "actor", AuditLog.Order.ACTOR, "outcome", AuditLog.Order.OUTCOME);

    private final AuditLog log;
    private final IntegrityChain chain;

    AuditPages(AuditLog log, IntegrityChain chain) {
        this.log = log;
        this.chain = chain;
    }

    @GetMapping("/audit-log")
    String auditLog(@RequestParam Map<String, String> parameters, Model model) {
        LocalDate to = blank(parameters.get("to")) ? LocalDate.now(ZoneOffset.UTC) : Forms.date(parameters.get("to"), "to");
        LocalDate from = blank(parameters.get("from")) ? to.minusDays(30) : Forms.date(parameters.get("from"), "from");
        String actor = blank(parameters.get("actor")) ? null : parameters.get("actor").trim();
        String outcome = blank(parameters.get("outcome")) ? null : parameters.get("outcome");
        model.addAttribute("from", from);
        model.addAttribute("to", to);
        model.addAttribute("actor", actor);
        model.addAttribute("outcome", outcome);
        String asked = parameters.get("sort");
        String sort = asked != null && SORTS.containsKey(asked) ? asked : "id";
        boolean descending = !parameters.containsKey("dir") || "desc".equals(parameters.get("dir"));
        int page = Listing.requestedPage(parameters);
        AuditLog.Page events = log.page(new AuditLog.Query(from, to, actor, outcome), SORTS.get(sort), descending, page,
                Listing.PAGE_SIZE);
        if (events.events().isEmpty() && page > 1) { // beyond the last page: show the last
            page = (int) Math.max(1, (events.total() + Listing.PAGE_SIZE - 1) / Listing.PAGE_SIZE);
            events = log.page(new AuditLog.Query(from, to, actor, outcome), SORTS.get(sort), descending, page, Listing.PAGE_SIZE);
        }
        model.addAttribute("events", Listing.ofPage(events.events(), events.page(), events.size(), events.total(), sort,
                descending, parameters, "/audit-log"));
        return "security/audit-log";
    }

    @GetMapping("/integrity")
    String integrity(Model model) {
        model.addAttribute("verification", chain.verify());
        return "security/integrity";
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
