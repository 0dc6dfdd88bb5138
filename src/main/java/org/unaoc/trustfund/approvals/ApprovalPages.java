package org.unaoc.trustfund.approvals;

import jakarta.servlet.http.HttpServletResponse;
import java.security.Principal;
import java.util.Comparator;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.unaoc.trustfund.ledger.JournalEntries;
import org.unaoc.trustfund.web.Listing;
import org.unaoc.trustfund.web.Refusal;
import org.unaoc.trustfund.web.WebPage;
import tools.jackson.databind.json.JsonMapper;

/** The approving officer's queue: what each controlled operation would do, approve or reject with a reason. */
@WebPage
class ApprovalPages {

    private final Approvals approvals;
    private final JsonMapper json;
    private final JournalEntries entries;

    ApprovalPages(Approvals approvals, JsonMapper json, JournalEntries entries) {
        this.entries = entries;
        this.approvals = approvals;
        this.json = json;
    }

    private static final Map<String, Comparator<Approvals.Approval>> COLUMNS = Map.of(
            "id", Comparator.comparing(a -> Long.valueOf(a.id())),
            "operation", Comparator.comparing(Approvals.Approval::operation).thenComparing(a -> Long.valueOf(a.id())),
            "requestedBy", Comparator.comparing(Approvals.Approval::requestedBy).thenComparing(a -> Long.valueOf(a.id())));

    @GetMapping("/approvals")
    String queue(@RequestParam(defaultValue = Approvals.PENDING) String status, @RequestParam Map<String, String> parameters,
                 Model model) {
        model.addAttribute("status", status);
        model.addAttribute("approvals", Listing.of(approvals.list("ALL".equals(status) ? null : ApprovalStatus.check(status)),
                COLUMNS, "id", true, parameters, "/approvals"));
        return "approvals/queue";
    }

    @GetMapping("/approvals/{id}")
    String approval(@PathVariable long id, Model model) {
        Approvals.Approval approval = approvals.get(id);
        model.addAttribute("approval", approval);
        // a reversal posts the lines of the entry it reverses, each on the other side
        model.addAttribute("reversed", approval.request().has("entry") && "REVERSAL".equals(approval.operation())
                ? entries.get(approval.request().get("entry").asLong()) : null);
        model.addAttribute("request", json.writerWithDefaultPrettyPrinter().writeValueAsString(approval.request()));
        model.addAttribute("result", approval.result() == null ? null
                : json.writerWithDefaultPrettyPrinter().writeValueAsString(approval.result()));
        return "approvals/approval";
    }

    @PostMapping("/approvals/{id}/approval")
    String approve(@PathVariable long id, Principal user, Model model, HttpServletResponse response) {
        return Refusal.redirectOrForm(response, Map.of(), () -> {
            approvals.approve(id, user.getName());
            return "/approvals/" + id + "?decided";
        }, refusal -> refused(id, refusal, null, model));
    }

    @PostMapping("/approvals/{id}/rejection")
    String reject(@PathVariable long id, @RequestParam(required = false) @Nullable String reason, Principal user, Model model,
                  HttpServletResponse response) {
        return Refusal.redirectOrForm(response, Map.of(), () -> {
            approvals.reject(id, user.getName(), reason);
            return "/approvals/" + id + "?decided";
        }, refusal -> refused(id, refusal, reason, model));
    }

    private String refused(long id, Refusal refusal, @Nullable String reason, Model model) {
        model.addAttribute("refusal", refusal);
        model.addAttribute("reason", reason);
        return approval(id, model);
    }
}
