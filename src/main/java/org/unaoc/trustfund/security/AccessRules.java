package org.unaoc.trustfund.security;

import static org.unaoc.trustfund.security.Role.ADMIN;
import static org.unaoc.trustfund.security.Role.APPROVER;
import static org.unaoc.trustfund.security.Role.AUDITOR;
import static org.unaoc.trustfund.security.Role.CO_SPONSOR;
import static org.unaoc.trustfund.security.Role.DONOR;
import static org.unaoc.trustfund.security.Role.FINANCE_OFFICER;
import static org.unaoc.trustfund.security.Role.REPORT_AUTHOR;

import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.springframework.http.HttpMethod;

/**
 * Who may call what: the role matrix of SPEC.md §1 and §3, in one place. Every API endpoint has
 * a rule here; what has none is refused. The approving officer reads what the finance office
 * reads, since approving means checking it.
 */
public final class AccessRules {

    public record Rule(HttpMethod method, String pattern, Set<Role> roles) {
        public String[] authorities() {
            return roles.stream().map(Role::name).toArray(String[]::new);
        }
    }

    private static final Role[] EVERYONE = Role.values();
    private static final Role[] BOOKS_READERS = {FINANCE_OFFICER, APPROVER, AUDITOR};

    public static final List<Rule> RULES = List.of(
            rule(HttpMethod.GET, "/api/fund", EVERYONE),
            rule(HttpMethod.GET, "/api/accounts", BOOKS_READERS),
            rule(HttpMethod.GET, "/api/accounts/*/entries", BOOKS_READERS),
            rule(HttpMethod.POST, "/api/accounts", FINANCE_OFFICER),
            rule(HttpMethod.GET, "/api/journal-entries", BOOKS_READERS),
            rule(HttpMethod.GET, "/api/journal-entries/*", BOOKS_READERS),
            rule(HttpMethod.POST, "/api/journal-entries", FINANCE_OFFICER),
            rule(HttpMethod.POST, "/api/journal-entries/*/reversal", FINANCE_OFFICER),
            rule(HttpMethod.GET, "/api/periods", BOOKS_READERS),
            rule(HttpMethod.POST, "/api/periods/*/close", FINANCE_OFFICER),
            rule(HttpMethod.POST, "/api/periods/*/reopen", FINANCE_OFFICER),
            rule(HttpMethod.GET, "/api/approvals", FINANCE_OFFICER, APPROVER, AUDITOR),
            rule(HttpMethod.GET, "/api/approvals/*", FINANCE_OFFICER, APPROVER, AUDITOR),
            rule(HttpMethod.POST, "/api/approvals/*/approval", APPROVER),
            rule(HttpMethod.POST, "/api/approvals/*/rejection", APPROVER),
            rule(HttpMethod.GET, "/api/contributors", EVERYONE),
            rule(HttpMethod.GET, "/api/contributors/*", EVERYONE),
            rule(HttpMethod.POST, "/api/contributors", FINANCE_OFFICER),
            rule(HttpMethod.GET, "/api/exchange-rates", FINANCE_OFFICER, APPROVER, AUDITOR, REPORT_AUTHOR),
            rule(HttpMethod.POST, "/api/exchange-rates", FINANCE_OFFICER),
            rule(HttpMethod.POST, "/api/exchange-rates/import", FINANCE_OFFICER),
            rule(HttpMethod.GET, "/api/pledges", EVERYONE),
            rule(HttpMethod.POST, "/api/pledges", FINANCE_OFFICER),
            rule(HttpMethod.POST, "/api/pledges/*/cancellation", FINANCE_OFFICER),
            rule(HttpMethod.GET, "/api/agreements", EVERYONE),
            rule(HttpMethod.GET, "/api/agreements/*", EVERYONE),
            rule(HttpMethod.POST, "/api/agreements", FINANCE_OFFICER),
            rule(HttpMethod.POST, "/api/agreements/*/tranches/*/confirmation", FINANCE_OFFICER),
            rule(HttpMethod.GET, "/api/receipts", FINANCE_OFFICER, APPROVER, AUDITOR, CO_SPONSOR, DONOR),
            rule(HttpMethod.GET, "/api/receipts/*", FINANCE_OFFICER, APPROVER, AUDITOR, CO_SPONSOR, DONOR),
            rule(HttpMethod.POST, "/api/receipts", FINANCE_OFFICER),
            rule(HttpMethod.POST, "/api/receipts/*/application", FINANCE_OFFICER),
            rule(HttpMethod.POST, "/api/bank-statements", FINANCE_OFFICER),
            rule(HttpMethod.GET, "/api/bank-statements", FINANCE_OFFICER, APPROVER, AUDITOR),
            rule(HttpMethod.POST, "/api/revaluations", FINANCE_OFFICER),
            rule(HttpMethod.POST, "/api/reclassifications", FINANCE_OFFICER),
            rule(HttpMethod.GET, "/api/budget-components", EVERYONE),
            rule(HttpMethod.POST, "/api/budget-components", FINANCE_OFFICER),
            rule(HttpMethod.GET, "/api/cost-plans", FINANCE_OFFICER, APPROVER, AUDITOR, REPORT_AUTHOR, CO_SPONSOR),
            rule(HttpMethod.POST, "/api/cost-plans", FINANCE_OFFICER),
            rule(HttpMethod.GET, "/api/allotments", BOOKS_READERS),
            rule(HttpMethod.POST, "/api/allotments", FINANCE_OFFICER),
            rule(HttpMethod.POST, "/api/obligations", FINANCE_OFFICER),
            rule(HttpMethod.GET, "/api/obligations/*", BOOKS_READERS),
            rule(HttpMethod.POST, "/api/expenditures", FINANCE_OFFICER),
            rule(HttpMethod.GET, "/api/availability", FINANCE_OFFICER, APPROVER, AUDITOR, REPORT_AUTHOR),
            rule(HttpMethod.POST, "/api/fund/parameters", FINANCE_OFFICER, ADMIN),
            rule(HttpMethod.POST, "/api/impairments", FINANCE_OFFICER),
            rule(HttpMethod.POST, "/api/write-offs", FINANCE_OFFICER),
            rule(HttpMethod.POST, "/api/agreements/*/condition-expiry", FINANCE_OFFICER),
            rule(HttpMethod.POST, "/api/refunds", FINANCE_OFFICER),
            rule(HttpMethod.POST, "/api/refunds/*/payment", FINANCE_OFFICER),
            rule(HttpMethod.POST, "/api/closure", FINANCE_OFFICER),
            rule(HttpMethod.POST, "/api/psc-remittances", FINANCE_OFFICER),
            rule(HttpMethod.GET, "/api/audit-log", AUDITOR),
            rule(HttpMethod.GET, "/api/integrity", AUDITOR),
            rule(HttpMethod.POST, "/api/year-end-closings", FINANCE_OFFICER),
            rule(HttpMethod.GET, "/api/statements/funding-status", EVERYONE),
            rule(HttpMethod.GET, "/api/statements/contributions", EVERYONE),
            rule(HttpMethod.GET, "/api/statements/budget-vs-actual", FINANCE_OFFICER, APPROVER, AUDITOR, REPORT_AUTHOR),
            rule(HttpMethod.GET, "/api/statements/*", BOOKS_READERS),
            rule(HttpMethod.GET, "/api/projections", FINANCE_OFFICER, APPROVER, AUDITOR, REPORT_AUTHOR, CO_SPONSOR),
            rule(HttpMethod.POST, "/api/projections", FINANCE_OFFICER, APPROVER, AUDITOR, REPORT_AUTHOR, CO_SPONSOR),
            rule(HttpMethod.GET, "/api/reports/financing-section", FINANCE_OFFICER, APPROVER, AUDITOR, REPORT_AUTHOR, CO_SPONSOR));

    /** The web pages (ant patterns); the pages show only what the same viewer may read through the API. */
    public static final List<Rule> PAGES = List.of(
            rule(HttpMethod.GET, "/", EVERYONE),
            rule(HttpMethod.GET, "/finance", BOOKS_READERS),
            rule(HttpMethod.GET, "/receipts/**", BOOKS_READERS),
            rule(HttpMethod.POST, "/receipts/**", FINANCE_OFFICER),
            rule(HttpMethod.GET, "/bank-statements/**", BOOKS_READERS),
            rule(HttpMethod.POST, "/bank-statements/**", FINANCE_OFFICER),
            rule(HttpMethod.GET, "/agreements/**", BOOKS_READERS),
            rule(HttpMethod.POST, "/agreements/**", FINANCE_OFFICER),
            rule(HttpMethod.GET, "/spending/**", BOOKS_READERS),
            rule(HttpMethod.POST, "/spending/**", FINANCE_OFFICER),
            rule(HttpMethod.GET, "/journal-entries/**", BOOKS_READERS),
            rule(HttpMethod.POST, "/journal-entries/**", FINANCE_OFFICER),
            rule(HttpMethod.GET, "/exchange-rates/**", FINANCE_OFFICER, APPROVER, AUDITOR, REPORT_AUTHOR),
            rule(HttpMethod.POST, "/exchange-rates/**", FINANCE_OFFICER),
            rule(HttpMethod.GET, "/periods/**", BOOKS_READERS),
            rule(HttpMethod.POST, "/periods/**", FINANCE_OFFICER),
            rule(HttpMethod.GET, "/approvals/**", FINANCE_OFFICER, APPROVER, AUDITOR),
            rule(HttpMethod.POST, "/approvals/**", APPROVER),
            rule(HttpMethod.GET, "/pledge-status", EVERYONE),
            rule(HttpMethod.GET, "/fund", EVERYONE),
            rule(HttpMethod.POST, "/fund/parameters", FINANCE_OFFICER, ADMIN),
            rule(HttpMethod.GET, "/statements/**", EVERYONE),
            rule(HttpMethod.GET, "/audit-log", AUDITOR),
            rule(HttpMethod.GET, "/integrity", AUDITOR),
            rule(HttpMethod.GET, "/projections/**", FINANCE_OFFICER, APPROVER, AUDITOR, REPORT_AUTHOR, CO_SPONSOR),
            rule(HttpMethod.GET, "/financing-section/**", FINANCE_OFFICER, APPROVER, AUDITOR, REPORT_AUTHOR, CO_SPONSOR));

    /** Whether the API lets these roles read this statement: the statements page lists only those. */
    public static boolean mayRead(Set<Role> roles, String statement) {
        String path = "/api/statements/" + statement;
        for (Rule rule : RULES) {
            if (rule.method() == HttpMethod.GET && (rule.pattern().equals(path) || rule.pattern().equals("/api/statements/*"))) {
                return rule.roles().stream().anyMatch(roles::contains);
            }
        }
        return false;
    }

    private AccessRules() {
    }

    private static Rule rule(HttpMethod method, String pattern, Role... roles) {
        return new Rule(method, pattern, Set.copyOf(Arrays.asList(roles)));
    }
}
