package org.unaoc.trustfund.spending;

import jakarta.servlet.http.HttpServletResponse;
import java.security.Principal;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.unaoc.trustfund.approvals.Approvals;
import org.unaoc.trustfund.currency.Money;
import org.unaoc.trustfund.ledger.Accounts;
import org.unaoc.trustfund.ledger.FundParameters;
import org.unaoc.trustfund.web.Forms;
import org.unaoc.trustfund.web.Refusal;
import org.unaoc.trustfund.web.WebPage;

/**
 * What the fund owes and pays out: the programme support cost remitted to the UN, refunds to
 * contributors (decided through approval, then paid), and the closure of the fund (through approval).
 */
@WebPage
class PayablePages {

    private final Accounts accounts;
    private final Refunds refunds;
    private final Closure closure;
    private final Approvals approvals;
    private final FundParameters fund;
    private final RefundPayments refundPayments;
    private final PscRemittanceApprovals pscApprovals;

    PayablePages(Accounts accounts, Refunds refunds, Closure closure, Approvals approvals,
                 FundParameters fund, RefundPayments refundPayments, PscRemittanceApprovals pscApprovals) {
        this.pscApprovals = pscApprovals;
        this.refundPayments = refundPayments;
        this.accounts = accounts;
        this.refunds = refunds;
        this.closure = closure;
        this.approvals = approvals;
        this.fund = fund;
    }

    @GetMapping("/spending/payables")
    String page(Model model) {
        return page(Map.of(), model);
    }

    private String page(Map<String, String> typed, Model model) {
        model.addAttribute("typed", typed);
        model.addAttribute("payables", accounts.balances(LocalDate.now(ZoneOffset.UTC)).stream()
                .filter(b -> b.code().equals(Spending.PSC_PAYABLE) || b.code().equals(Conditions.REFUNDS_PAYABLE)).toList());
        model.addAttribute("refunds", refunds.list());
        model.addAttribute("fund", fund.current());
        return "spending/payables";
    }

    @PostMapping("/spending/payables/psc")
    String remit(@RequestParam Map<String, String> typed, Principal user, Model model, HttpServletResponse response) {
        return Refusal.redirectOrForm(response, Map.of("period-closed", "pscDate"), () -> {
            String amount = typed.get("pscAmount");
            var request = pscApprovals.resolved(new PscRemittanceApprovals.Request(amount == null || amount.isBlank() ? null
                    : Forms.amount(amount, "pscAmount"), Forms.date(typed.get("pscDate"), "pscDate")));
            return "/approvals/" + approvals.request(pscApprovals, request, user.getName()).approval() + "?requested";
        }, refusal -> refused(refusal, Map.of("amount", "pscAmount", "date", "pscDate"), typed, model));
    }

    @PostMapping("/spending/payables/refunds")
    String refund(@RequestParam Map<String, String> typed, Principal user, Model model, HttpServletResponse response) {
        return Refusal.redirectOrForm(response, Map.of(), () -> {
            var request = new Refunds.Request(Forms.required(typed.get("contributor"), "contributor", "who is refunded"),
                    Forms.id(typed.get("agreement"), "agreement"), Money.usd(Forms.amount(typed.get("refundAmount"), "refundAmount")),
                    Forms.date(typed.get("refundDate"), "refundDate"),
                    Forms.required(typed.get("refundReason"), "refundReason", "why the money goes back"));
            return "/approvals/" + approvals.request(refunds, request, user.getName()).approval() + "?requested";
        }, refusal -> refused(refusal, Map.of("amount", "refundAmount", "date", "refundDate", "reason", "refundReason"),
                typed, model));
    }

    @PostMapping("/spending/payables/refunds/{id}/payment")
    String pay(@PathVariable long id, @RequestParam Map<String, String> typed, Principal user, Model model,
               HttpServletResponse response) {
        return Refusal.redirectOrForm(response, Map.of(), () -> {
            var request = new RefundPayments.Request(id, Forms.date(typed.get("paidOn"), "paidOn"));
            return "/approvals/" + approvals.request(refundPayments, request, user.getName()).approval() + "?requested";
        }, refusal -> refused(refusal, Map.of(), typed, model));
    }

    @PostMapping("/spending/payables/closure")
    String close(@RequestParam Map<String, String> typed, Principal user, Model model, HttpServletResponse response) {
        return Refusal.redirectOrForm(response, Map.of(), () -> {
            var request = new Closure.Request(Forms.date(typed.get("closureDate"), "closureDate"),
                    Forms.required(typed.get("closureReason"), "closureReason", "why the fund closes"));
            return "/approvals/" + approvals.request(closure, request, user.getName()).approval() + "?requested";
        }, refusal -> refused(refusal, Map.of("date", "closureDate", "reason", "closureReason"), typed, model));
    }

    private String refused(Refusal refusal, Map<String, String> pageNames, Map<String, String> typed, Model model) {
        model.addAttribute("refusal", Refusal.field(refusal, pageNames));
        return page(typed, model);
    }
}
