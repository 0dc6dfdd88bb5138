package org.unaoc.trustfund.contributions;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.unaoc.trustfund.ledger.FundParameters;
import org.unaoc.trustfund.security.Viewer;
import org.unaoc.trustfund.statements.StatementRequest;
import org.unaoc.trustfund.statements.Statements;
import org.unaoc.trustfund.web.Forms;
import org.unaoc.trustfund.web.WebPage;

/**
 * A donor's or co-sponsor's page: the pledges and agreements of their own contributor (agreed,
 * received, outstanding by tranche and by year) and the fund's funding status. A viewer who speaks
 * for a contributor sees only that contributor's figures; the finance office sees every one.
 */
@WebPage
class PledgeStatusPage {

    /** Agreed, received and outstanding of the tranches due in one year, in one currency. */
    record YearTotal(int year, String currency, BigDecimal agreed, BigDecimal received, BigDecimal outstanding) {
        YearTotal plus(YearTotal other) {
            return new YearTotal(year, currency, agreed.add(other.agreed), received.add(other.received),
                    outstanding.add(other.outstanding));
        }
    }

    private final Agreements agreements;
    private final Pledges pledges;
    private final Statements statements;
    private final FundParameters fund;

    PledgeStatusPage(Agreements agreements, Pledges pledges, Statements statements, FundParameters fund) {
        this.fund = fund;
        this.agreements = agreements;
        this.pledges = pledges;
        this.statements = statements;
    }

    @GetMapping("/pledge-status")
    String status(@RequestParam(required = false) @Nullable String asOf, Viewer viewer, Model model) {
        LocalDate date = asOf == null || asOf.isBlank() ? LocalDate.now(ZoneOffset.UTC) : Forms.date(asOf, "asOf");
        String own = viewer.contributor();
        List<AgreementViews.Agreement> mine = agreements.list(viewer).stream()
                .filter(a -> own == null || own.equals(a.contributor())).toList();
        model.addAttribute("asOf", date);
        model.addAttribute("agreements", mine);
        model.addAttribute("years", byYear(mine));
        model.addAttribute("pledges", pledges.list(viewer).stream().filter(p -> own == null || own.equals(p.contributor())).toList());
        LocalDate start = fund.current().rateHistory().stream().map(FundParameters.Rates::effectiveFrom)
                .min(LocalDate::compareTo).filter(first -> !first.isAfter(date)).orElse(date.withDayOfYear(1));
        StatementRequest wholeHistory = new StatementRequest(start, date, viewer);
        model.addAttribute("funding", statements.table("funding-status", wholeHistory));
        model.addAttribute("contributions", statements.table("contributions", wholeHistory));
        model.addAttribute("fundingDownloads", "/api/statements/funding-status?from=" + wholeHistory.from() + "&to=" + date);
        model.addAttribute("contributionDownloads", "/api/statements/contributions?from=" + wholeHistory.from() + "&to=" + date);
        return "contributions/pledge-status";
    }

    static List<YearTotal> byYear(List<AgreementViews.Agreement> agreements) {
        Map<YearTotal, YearTotal> totals = new TreeMap<>(Comparator.comparing(YearTotal::year).thenComparing(YearTotal::currency));
        for (AgreementViews.Agreement agreement : agreements) {
            for (AgreementViews.Tranche tranche : agreement.tranches()) {
                YearTotal one = new YearTotal(tranche.dueOn().getYear(), agreement.currency(), tranche.amount().amount(),
                        tranche.received().amount(), tranche.outstanding().amount());
                totals.merge(one, one, YearTotal::plus);
            }
        }
        return List.copyOf(totals.values());
    }
}
