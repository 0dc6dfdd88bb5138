package org.unaoc.trustfund.statements;

import java.util.List;
import org.springframework.stereotype.Service;
import org.unaoc.trustfund.ledger.TrialBalances;
import org.unaoc.trustfund.security.Role;
import org.unaoc.trustfund.system.Problem;

/** Every statement by its name in the API, as JSON and as the table the CSV and PDF come from. */
@Service
public class Statements {

    /** The names of SPEC.md §3, in that order. */
    public static final List<String> NAMES = List.of("trial-balance", "general-ledger", "funding-status", "contributions",
            "financial-position", "financial-performance", "net-assets", "cash-flow", "budget-vs-actual",
            "receivables-ageing", "exchange-differences", "obligations", "write-offs");

    /** Statements a donor, co-sponsor or report author may read (a donor's limited to its own contributor). */
    public static final List<String> FOR_EVERYONE = List.of("funding-status", "contributions");

    private final TrialBalances trialBalances;
    private final FinancialStatements financial;
    private final LedgerStatements ledger;
    private final ContributionStatements contributions;
    private final BudgetStatements budget;
    private final FundingStatus fundingStatus;
    private final org.unaoc.trustfund.spending.Schedules schedules;
    private final org.unaoc.trustfund.contributions.WriteOffs writeOffs;

    Statements(TrialBalances trialBalances, FinancialStatements financial, LedgerStatements ledger,
               ContributionStatements contributions, BudgetStatements budget, FundingStatus fundingStatus,
               org.unaoc.trustfund.spending.Schedules schedules, org.unaoc.trustfund.contributions.WriteOffs writeOffs) {
        this.schedules = schedules;
        this.writeOffs = writeOffs;
        this.trialBalances = trialBalances;
        this.financial = financial;
        this.ledger = ledger;
        this.contributions = contributions;
        this.budget = budget;
        this.fundingStatus = fundingStatus;
    }

    /**
     * The last day a statement covers when the request names none: today (the year to date), or for
     * budget against actual, which covers whole budget years, the end of this year.
     */
    public static java.time.LocalDate untilByDefault(String name, java.time.LocalDate today) {
        return name.equals("budget-vs-actual") ? today.withDayOfYear(today.lengthOfYear()) : today;
    }

    /** The funding status's balance of funds at the end of the date (R23): the cash, in USD. */
    public java.math.BigDecimal balanceOfFunds(java.time.LocalDate asOf) {
        return fundingStatus.balanceOfFunds(asOf);
    }

    /** The JSON body: the typed trial balance and contributions status, the table for the rest. */
    public Object json(String name, StatementRequest request) {
        return switch (check(name, request)) {
            case "trial-balance" -> trialBalances.of(request.from(), request.to());
            case "contributions" -> contributions.status(request);
            case "obligations" -> schedules.obligations(request.to());
            case "write-offs" -> writeOffs.schedule(null).stream()
                    .filter(w -> !w.on().isBefore(request.from()) && !w.on().isAfter(request.to())).toList();
            default -> table(name, request);
        };
    }

    @org.springframework.transaction.annotation.Transactional(readOnly = true,
            isolation = org.springframework.transaction.annotation.Isolation.REPEATABLE_READ)
    public StatementTable table(String name, StatementRequest request) {
        return switch (check(name, request)) {
            case "trial-balance" -> ledger.trialBalance(trialBalances.of(request.from(), request.to()), request);
            case "general-ledger" -> ledger.generalLedger(request);
            case "funding-status" -> fundingStatus.table(request, "contributor".equals(request.by()));
            case "contributions" -> contributions.contributions(contributions.status(request), request);
            case "financial-position" -> financial.withPriorPeriod(request, financial::position, true);
            case "financial-performance" -> financial.withPriorPeriod(request, financial::performance);
            case "net-assets" -> financial.withPriorPeriod(request, financial::netAssets);
            case "cash-flow" -> financial.withPriorPeriod(request, financial::cashFlow);
            case "budget-vs-actual" -> budget.budgetVsActual(request);
            case "receivables-ageing" -> contributions.receivablesAgeing(request);
            case "exchange-differences" -> ledger.exchangeDifferences(request);
            case "obligations" -> budget.obligations(request);
            case "write-offs" -> contributions.writeOffs(request);
            default -> throw Problem.notFound("Statement " + name);
        };
    }

    private static String check(String name, StatementRequest request) {
        if (!NAMES.contains(name)) {
            throw Problem.notFound("The statement '" + name + "'");
        }
        boolean booksReader = request.viewer().roles().stream()
                .anyMatch(r -> r == Role.FINANCE_OFFICER || r == Role.APPROVER || r == Role.AUDITOR);
        boolean author = request.viewer().roles().contains(Role.REPORT_AUTHOR);
        boolean coSponsor = request.viewer().roles().contains(Role.CO_SPONSOR);
        if (request.by() != null && !name.equals("funding-status")) {
            throw Problem.invalidField("by", "only the funding status has a breakdown by contributor");
        }
        if (request.by() != null && !booksReader && !coSponsor) {
            throw new Problem(org.springframework.http.HttpStatus.FORBIDDEN, "forbidden", "Not allowed",
                    "The funding status by contributor shows what each contributor gave; your role reads the fund's total.")
                    .with("field", "by");
        }
        if (!booksReader && !FOR_EVERYONE.contains(name) && !(author && name.equals("budget-vs-actual"))) {
            throw new Problem(org.springframework.http.HttpStatus.FORBIDDEN, "forbidden", "Not allowed",
                    "Your role does not allow the statement " + name + ".");
        }
        return name;
    }
}
