package org.unaoc.trustfund.contributions;

import jakarta.servlet.http.HttpServletResponse;
import java.security.Principal;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.unaoc.trustfund.approvals.Approvals;
import org.unaoc.trustfund.web.Forms;
import org.unaoc.trustfund.web.Refusal;
import org.unaoc.trustfund.web.WebPage;

/**
 * Doubtful contributions: an allowance (Dr 6500 / Cr 1290, the receivable untouched) recorded at
 * once, a write-off of the receivable sent for approval, and the schedule of both.
 */
@WebPage
class WriteOffPages {

    private final WriteOffs writeOffs;
    private final AgreementViews agreements;
    private final Approvals approvals;

    WriteOffPages(WriteOffs writeOffs, AgreementViews agreements, Approvals approvals) {
        this.writeOffs = writeOffs;
        this.agreements = agreements;
        this.approvals = approvals;
    }

    @GetMapping("/agreements/write-offs")
    String page(Model model) {
        return page(Map.of(), model);
    }

    private String page(Map<String, String> typed, Model model) {
        model.addAttribute("typed", typed);
        model.addAttribute("schedule", writeOffs.schedule(null));
        model.addAttribute("agreements", agreements.list(null));
        return "contributions/write-offs";
    }

    @PostMapping("/agreements/write-offs")
    String writeOff(@RequestParam Map<String, String> typed, Principal user, Model model, HttpServletResponse response) {
        return Refusal.redirectOrForm(response, Map.of("period-closed", "date"), () -> "/approvals/"
                        + approvals.request(writeOffs, request(typed), user.getName()).approval() + "?requested",
                refusal -> refused(refusal, typed, model));
    }

    @PostMapping("/agreements/write-offs/allowance")
    String allow(@RequestParam Map<String, String> typed, Principal user, Model model, HttpServletResponse response) {
        return Refusal.redirectOrForm(response, Map.of("period-closed", "date", "allowance-exists", "target"), () -> {
            writeOffs.allow(request(typed), user.getName());
            return "/agreements/write-offs?allowed";
        }, refusal -> refused(refusal, typed, model));
    }

    private String refused(Refusal refusal, Map<String, String> typed, Model model) {
        model.addAttribute("refusal", Refusal.field(refusal, Map.of("agreement", "target", "tranche", "target")));
        return page(typed, model);
    }

    private static WriteOffs.Request request(Map<String, String> typed) {
        Forms.Tranche target = Forms.tranche(typed.get("target"), "target");
        @Nullable String amount = typed.get("amount");
        return new WriteOffs.Request(target.agreement(), target.number(),
                amount == null || amount.isBlank() ? null : Forms.amount(amount, "amount"), Forms.optionalDate(typed.get("date"), "date"),
                Forms.required(typed.get("reason"), "reason", "why the contribution is doubtful or will not be paid"));
    }
}
