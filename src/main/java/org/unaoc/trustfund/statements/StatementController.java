package org.unaoc.trustfund.statements;

import java.time.LocalDate;
import java.time.ZoneOffset;
import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.unaoc.trustfund.contributions.ContributionStatus;
import org.unaoc.trustfund.ledger.TrialBalance;
import org.unaoc.trustfund.security.Viewer;
import org.unaoc.trustfund.ledger.TrialBalances;

/** The period statements. */
@RestController
@RequestMapping("/api/statements")
class StatementController {

    private final TrialBalances trialBalances;
    private final ContributionStatus contributions;

    StatementController(TrialBalances trialBalances, ContributionStatus contributions) {
        this.trialBalances = trialBalances;
        this.contributions = contributions;
    }

    /** Status of contributions on a date (default today); a donor sees only its own. */
    @GetMapping("/contributions")
    ContributionStatus.Status contributions(@RequestParam(required = false) @Nullable LocalDate asOf, Viewer viewer) {
        return contributions.asOf(asOf != null ? asOf : LocalDate.now(ZoneOffset.UTC), viewer);
    }

    /** From–to (default: the current year to date); {@code asOf} alone gives the year to that date. */
    @GetMapping("/trial-balance")
    TrialBalance trialBalance(@RequestParam(required = false) @Nullable LocalDate from,
                              @RequestParam(required = false) @Nullable LocalDate to,
                              @RequestParam(required = false) @Nullable LocalDate asOf) {
        LocalDate until = to != null ? to : asOf != null ? asOf : LocalDate.now(ZoneOffset.UTC);
        return trialBalances.of(from != null ? from : until.withDayOfYear(1), until);
    }
}
