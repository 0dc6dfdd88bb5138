package org.unaoc.trustfund.contributions;

import jakarta.servlet.http.HttpServletResponse;
import java.security.Principal;
import java.time.LocalDate;
import java.util.Map;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import org.springframework.ui.Model;
import org.unaoc.trustfund.ledger.PeriodsPage;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.unaoc.trustfund.web.Forms;
import org.unaoc.trustfund.web.Refusal;
import org.unaoc.trustfund.web.WebPage;

/**
 * The period-end work on receivables and foreign currency, from the periods page: revaluation at
 * the closing rates (R6) and the move of receivables due within twelve months to current.
 */
@WebPage
class PeriodEndPages {

    private final Revaluations revaluations;
    private final PeriodsPage periodsPage;

    PeriodEndPages(Revaluations revaluations, PeriodsPage periodsPage) {
        this.revaluations = revaluations;
        this.periodsPage = periodsPage;
    }

    @PostMapping("/periods/revaluation")
    String revalue(@RequestParam(required = false) @Nullable String asOf, Principal user, Model model,
                   HttpServletResponse response) {
        return run(asOf, "revalued", date -> revaluations.revalue(date, user.getName()), model, response);
    }

    @PostMapping("/periods/reclassification")
    String reclassify(@RequestParam(required = false) @Nullable String asOf, Principal user, Model model,
                      HttpServletResponse response) {
        return run(asOf, "reclassified", date -> revaluations.reclassify(date, user.getName()), model, response);
    }

    private String run(@Nullable String asOf, String done, Function<LocalDate, Revaluations.Result> work, Model model,
                       HttpServletResponse response) {
        return Refusal.redirectOrForm(response, Map.of("no-exchange-rate", "asOf", "period-closed", "asOf"), () -> {
            LocalDate date = Forms.date(asOf, "asOf");
            Revaluations.Result result = work.apply(date);
            return "/periods?year=" + date.getYear() + "&" + done + "=" + date
                    + (result.entry() == null ? "" : "&entry=" + result.entry());
        }, refusal -> {
            model.addAttribute("refusal", refusal);
            model.addAttribute("asOf", asOf);
            return periodsPage.show(asOf != null && asOf.length() >= 4 ? asOf.substring(0, 4) : null, model);
        });
    }
}
