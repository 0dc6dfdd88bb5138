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
import java.util.stream.Stream;
import org.springframework.http.HttpMethod;

/**
 * Who may call what: the role matrix of SPEC.md §1, §3 and §6, in one place. Every endpoint has
 * a rule here; what has none is refused ({@link UnlistedRequests}, then {@code denyAll}). A rule
 * for GET covers HEAD. The approving officer reads what the finance office reads, since
 * approving means checking it.
 */
public final class AccessRules {

    public record Rule(HttpMethod method, String pattern, Set<Role> roles) {
        public String[] authorities() {
            return roles.stream().map(Role::name).toArray(String[]::new);
        }

        /** The methods the rule decides: HEAD is decided as GET. */
        public List<HttpMethod> methods() {
            return method == HttpMethod.GET ? List.of(HttpMethod.GET, HttpMethod.HEAD) : List.of(method);
        }
    }

    /** Every rule of the API's filter chain, open ones first. */
    static List<Rule> api() {
        return Stream.concat(PUBLIC.stream(), RULES.stream()).toList();
    }

    /** Every rule of the pages' filter chain, open ones first. */
    static List<Rule> pages() {
        return Stream.concat(PUBLIC_PAGES.stream(), PAGES.stream()).toList();
    }

    private static final Role[] EVERYONE = Role.values();
    private static final Role[] BOOKS_READERS = {FINANCE_OFFICER, APPROVER, AUDITOR};

    /** Open to anyone, logged in or not. */
    public static final List<Rule> PUBLIC = List.of(
            rule(HttpMethod.GET, "/actuator/health"),
            rule(HttpMethod.GET, "/actuator/health/**"),
            rule(HttpMethod.GET, "/error"));

    public static final List<Rule> RULES = List.of(
            rule(HttpMethod.GET, "/v3/api-docs", EVERYONE),
            rule(HttpMethod.GET, "/v3/api-docs.yaml", EVERYONE),
            rule(HttpMethod.GET, "/v3/api-docs/swagger-config", EVERYONE),
            rule(HttpMethod.GET, "/swagger-ui.html", EVERYONE),
            rule(HttpMethod.GET, "/swagger-ui/**", EVERYONE), // the Swagger UI's own files
            rule(HttpMethod.GET, "/api/fund", EVERYONE),
            rule(HttpMethod.POST, "/api/fund/parameters", FINANCE_OFFICER, ADMIN),
            rule(HttpMethod.GET, "/api/accounts", BOOKS_READERS),
            rule(HttpMethod.POST, "/api/accounts", FINANCE_OFFICER),
            rule(HttpMethod.GET, "/api/accounts/{code}/entries", BOOKS_READERS),
            rule(HttpMethod.GET, "/api/journal-entries", BOOKS_READERS),
            rule(HttpMethod.POST, "/api/journal-entries", FINANCE_OFFICER),
            rule(HttpMethod.GET, "/api/journal-entries/{id}", BOOKS_READERS),
            rule(HttpMethod.POST, "/api/journal-entries/{id}/reversal", FINANCE_OFFICER),
            rule(HttpMethod.GET, "/api/periods", BOOKS_READERS),
            rule(HttpMethod.POST, "/api/periods/{period}/close", FINANCE_OFFICER),
            rule(HttpMethod.POST, "/api/periods/{period}/reopen", FINANCE_OFFICER),
            rule(HttpMethod.GET, "/api/contributors", FINANCE_OFFICER, APPROVER, AUDITOR, CO_SPONSOR, DONOR),
            rule(HttpMethod.POST, "/api/contributors", FINANCE_OFFICER),
            rule(HttpMethod.GET, "/api/contributors/{code}", FINANCE_OFFICER, APPROVER, AUDITOR, CO_SPONSOR, DONOR),
            rule(HttpMethod.GET, "/api/exchange-rates", BOOKS_READERS),
            rule(HttpMethod.POST, "/api/exchange-rates", FINANCE_OFFICER),
            rule(HttpMethod.POST, "/api/exchange-rates/import", FINANCE_OFFICER),
            rule(HttpMethod.GET, "/api/pledges", FINANCE_OFFICER, APPROVER, AUDITOR, CO_SPONSOR, DONOR),
            rule(HttpMethod.POST, "/api/pledges", FINANCE_OFFICER),
            rule(HttpMethod.POST, "/api/pledges/{id}/cancellation", FINANCE_OFFICER),
            rule(HttpMethod.GET, "/api/agreements", FINANCE_OFFICER, APPROVER, AUDITOR, CO_SPONSOR, DONOR),
            rule(HttpMethod.POST, "/api/agreements", FINANCE_OFFICER),
            rule(HttpMethod.GET, "/api/agreements/{id}", FINANCE_OFFICER, APPROVER, AUDITOR, CO_SPONSOR, DONOR),
            rule(HttpMethod.POST, "/api/agreements/{id}/condition-expiry", FINANCE_OFFICER),
            rule(HttpMethod.POST, "/api/agreements/{id}/tranches/{number}/confirmation", FINANCE_OFFICER),
            rule(HttpMethod.GET, "/api/receipts", FINANCE_OFFICER, APPROVER, AUDITOR, CO_SPONSOR, DONOR),
            rule(HttpMethod.POST, "/api/receipts", FINANCE_OFFICER),
            rule(HttpMethod.GET, "/api/receipts/{id}", FINANCE_OFFICER, APPROVER, AUDITOR, CO_SPONSOR, DONOR),
            rule(HttpMethod.POST, "/api/receipts/{id}/application", FINANCE_OFFICER),
            rule(HttpMethod.GET, "/api/bank-statements", BOOKS_READERS),
            rule(HttpMethod.POST, "/api/bank-statements", FINANCE_OFFICER),
            rule(HttpMethod.GET, "/api/bank-accounts/{code}/reconciliation", BOOKS_READERS),
            rule(HttpMethod.POST, "/api/revaluations", FINANCE_OFFICER),
            rule(HttpMethod.POST, "/api/reclassifications", FINANCE_OFFICER),
            rule(HttpMethod.POST, "/api/impairments", FINANCE_OFFICER),
            rule(HttpMethod.POST, "/api/write-offs", FINANCE_OFFICER),
            rule(HttpMethod.GET, "/api/budget-components", FINANCE_OFFICER, APPROVER, AUDITOR, CO_SPONSOR),
            rule(HttpMethod.POST, "/api/budget-components", FINANCE_OFFICER),
            rule(HttpMethod.GET, "/api/cost-plans", BOOKS_READERS),
            rule(HttpMethod.POST, "/api/cost-plans", FINANCE_OFFICER),
            rule(HttpMethod.GET, "/api/allotments", BOOKS_READERS),
            rule(HttpMethod.POST, "/api/allotments", FINANCE_OFFICER),
            rule(HttpMethod.POST, "/api/obligations", FINANCE_OFFICER),
            rule(HttpMethod.GET, "/api/obligations/{id}", BOOKS_READERS),
            rule(HttpMethod.POST, "/api/obligations/{id}/adjustment", FINANCE_OFFICER),
            rule(HttpMethod.POST, "/api/invoices", FINANCE_OFFICER),
            rule(HttpMethod.GET, "/api/invoices", BOOKS_READERS),
            rule(HttpMethod.GET, "/api/invoices/{id}", BOOKS_READERS),
            rule(HttpMethod.POST, "/api/invoices/{id}/payment", FINANCE_OFFICER),
            rule(HttpMethod.POST, "/api/expenditures", FINANCE_OFFICER),
            rule(HttpMethod.GET, "/api/availability", FINANCE_OFFICER, APPROVER, AUDITOR, REPORT_AUTHOR),
            rule(HttpMethod.POST, "/api/refunds", FINANCE_OFFICER),
            rule(HttpMethod.POST, "/api/refunds/{id}/payment", FINANCE_OFFICER),
            rule(HttpMethod.POST, "/api/psc-remittances", FINANCE_OFFICER),
            rule(HttpMethod.POST, "/api/bank-transfers", FINANCE_OFFICER),
            rule(HttpMethod.POST, "/api/closure", FINANCE_OFFICER),
            rule(HttpMethod.POST, "/api/year-end-closings", FINANCE_OFFICER),
            rule(HttpMethod.GET, "/api/approvals", BOOKS_READERS),
            rule(HttpMethod.GET, "/api/approvals/{id}", BOOKS_READERS),
            rule(HttpMethod.POST, "/api/approvals/{id}/approval", APPROVER),
            rule(HttpMethod.POST, "/api/approvals/{id}/rejection", APPROVER),
            rule(HttpMethod.GET, "/api/audit-log", AUDITOR),
            rule(HttpMethod.GET, "/api/integrity", AUDITOR),
            rule(HttpMethod.GET, "/api/projections", FINANCE_OFFICER, APPROVER, AUDITOR, REPORT_AUTHOR, CO_SPONSOR),
            rule(HttpMethod.POST, "/api/projections", FINANCE_OFFICER, APPROVER, AUDITOR, REPORT_AUTHOR, CO_SPONSOR),
            rule(HttpMethod.GET, "/api/reports/donor", FINANCE_OFFICER, APPROVER, AUDITOR, CO_SPONSOR, DONOR),
            rule(HttpMethod.POST, "/api/reports/donor/certification", FINANCE_OFFICER),
            rule(HttpMethod.GET, "/api/reports/financing-section", FINANCE_OFFICER, APPROVER, AUDITOR, REPORT_AUTHOR, CO_SPONSOR),
            rule(HttpMethod.GET, "/api/statements/funding-status", EVERYONE),
            rule(HttpMethod.GET, "/api/statements/contributions", FINANCE_OFFICER, APPROVER, AUDITOR, CO_SPONSOR, DONOR),
            rule(HttpMethod.GET, "/api/statements/budget-vs-actual", FINANCE_OFFICER, APPROVER, AUDITOR, REPORT_AUTHOR),
            rule(HttpMethod.GET, "/api/statements/{name}", BOOKS_READERS));

    /** What the pages need before a login: the login form, styles and scripts. */
    public static final List<Rule> PUBLIC_PAGES = List.of(
            rule(HttpMethod.GET, "/login"),
            rule(HttpMethod.POST, "/login"),
            rule(HttpMethod.GET, "/css/**"),
            rule(HttpMethod.GET, "/js/**"),
            rule(HttpMethod.GET, "/webjars/**"),
            rule(HttpMethod.GET, "/favicon.ico"),
            rule(HttpMethod.GET, "/error"));

    /** The web pages (path patterns); the pages show only what the same viewer may read through the API. */
    public static final List<Rule> PAGES = List.of(
            rule(HttpMethod.GET, "/", EVERYONE),
            rule(HttpMethod.GET, "/agreements", FINANCE_OFFICER, APPROVER, AUDITOR, CO_SPONSOR, DONOR),
            rule(HttpMethod.POST, "/agreements", FINANCE_OFFICER),
            rule(HttpMethod.POST, "/agreements/contributors", FINANCE_OFFICER),
            rule(HttpMethod.GET, "/agreements/contributors/new", FINANCE_OFFICER),
            rule(HttpMethod.GET, "/agreements/new", FINANCE_OFFICER),
            rule(HttpMethod.POST, "/agreements/pledges", FINANCE_OFFICER),
            rule(HttpMethod.GET, "/agreements/pledges/new", FINANCE_OFFICER),
            rule(HttpMethod.GET, "/agreements/write-offs", BOOKS_READERS),
            rule(HttpMethod.POST, "/agreements/write-offs", FINANCE_OFFICER),
            rule(HttpMethod.POST, "/agreements/write-offs/allowance", FINANCE_OFFICER),
            rule(HttpMethod.GET, "/agreements/{id:[0-9]+}", FINANCE_OFFICER, APPROVER, AUDITOR, CO_SPONSOR, DONOR),
            rule(HttpMethod.POST, "/agreements/{id:[0-9]+}/tranches/{number:[0-9]+}/confirmation", FINANCE_OFFICER),
            rule(HttpMethod.GET, "/approvals", BOOKS_READERS),
            rule(HttpMethod.GET, "/approvals/{id}", BOOKS_READERS),
            rule(HttpMethod.POST, "/approvals/{id}/approval", APPROVER),
            rule(HttpMethod.POST, "/approvals/{id}/rejection", APPROVER),
            rule(HttpMethod.GET, "/audit-log", AUDITOR),
            rule(HttpMethod.GET, "/integrity", AUDITOR),
            rule(HttpMethod.GET, "/bank-statements", BOOKS_READERS),
            rule(HttpMethod.POST, "/bank-statements", FINANCE_OFFICER),
            rule(HttpMethod.GET, "/bank-statements/{id}", BOOKS_READERS),
            rule(HttpMethod.GET, "/exchange-rates", BOOKS_READERS),
            rule(HttpMethod.POST, "/exchange-rates", FINANCE_OFFICER),
            rule(HttpMethod.POST, "/exchange-rates/import", FINANCE_OFFICER),
            rule(HttpMethod.GET, "/finance", BOOKS_READERS),
            rule(HttpMethod.GET, "/financing-section", FINANCE_OFFICER, APPROVER, AUDITOR, REPORT_AUTHOR, CO_SPONSOR),
            rule(HttpMethod.GET, "/fund", EVERYONE),
            rule(HttpMethod.POST, "/fund/parameters", FINANCE_OFFICER, ADMIN),
            rule(HttpMethod.GET, "/journal-entries", BOOKS_READERS),
            rule(HttpMethod.POST, "/journal-entries", FINANCE_OFFICER),
            rule(HttpMethod.GET, "/journal-entries/new", FINANCE_OFFICER),
            rule(HttpMethod.GET, "/journal-entries/{id:[0-9]+}", BOOKS_READERS),
            rule(HttpMethod.POST, "/journal-entries/{id:[0-9]+}/reversal", FINANCE_OFFICER),
            rule(HttpMethod.GET, "/periods", BOOKS_READERS),
            rule(HttpMethod.POST, "/periods/reclassification", FINANCE_OFFICER),
            rule(HttpMethod.POST, "/periods/revaluation", FINANCE_OFFICER),
            rule(HttpMethod.POST, "/periods/year-end-close", FINANCE_OFFICER),
            rule(HttpMethod.POST, "/periods/{period}/close", FINANCE_OFFICER),
            rule(HttpMethod.POST, "/periods/{period}/reopen", FINANCE_OFFICER),
            rule(HttpMethod.GET, "/pledge-status", FINANCE_OFFICER, APPROVER, AUDITOR, CO_SPONSOR, DONOR),
            rule(HttpMethod.GET, "/projections", FINANCE_OFFICER, APPROVER, AUDITOR, REPORT_AUTHOR, CO_SPONSOR),
            rule(HttpMethod.GET, "/receipts", FINANCE_OFFICER, APPROVER, AUDITOR, CO_SPONSOR, DONOR),
            rule(HttpMethod.POST, "/receipts", FINANCE_OFFICER),
            rule(HttpMethod.GET, "/receipts/new", FINANCE_OFFICER),
            rule(HttpMethod.GET, "/receipts/new/agreements", FINANCE_OFFICER),
            rule(HttpMethod.GET, "/receipts/new/tranches", FINANCE_OFFICER),
            rule(HttpMethod.POST, "/receipts/preview", FINANCE_OFFICER),
            rule(HttpMethod.GET, "/receipts/{id:[0-9]+}", FINANCE_OFFICER, APPROVER, AUDITOR, CO_SPONSOR, DONOR),
            rule(HttpMethod.POST, "/receipts/{id:[0-9]+}/application", FINANCE_OFFICER),
            rule(HttpMethod.GET, "/spending", BOOKS_READERS),
            rule(HttpMethod.POST, "/spending", FINANCE_OFFICER),
            rule(HttpMethod.POST, "/spending/allotments", FINANCE_OFFICER),
            rule(HttpMethod.GET, "/spending/availability", FINANCE_OFFICER, APPROVER, AUDITOR, REPORT_AUTHOR),
            rule(HttpMethod.GET, "/spending/payables", BOOKS_READERS),
            rule(HttpMethod.POST, "/spending/payables/closure", FINANCE_OFFICER),
            rule(HttpMethod.POST, "/spending/payables/psc", FINANCE_OFFICER),
            rule(HttpMethod.POST, "/spending/payables/refunds", FINANCE_OFFICER),
            rule(HttpMethod.POST, "/spending/payables/refunds/{id}/payment", FINANCE_OFFICER),
            rule(HttpMethod.GET, "/spending/plans", BOOKS_READERS),
            rule(HttpMethod.GET, "/statements", EVERYONE));

    /** Whether the API lets these roles read this statement: the statements page lists only those. */
    public static boolean mayRead(Set<Role> roles, String statement) {
        String path = "/api/statements/" + statement;
        for (Rule rule : RULES) {
            if (rule.method() == HttpMethod.GET && (rule.pattern().equals(path) || rule.pattern().equals("/api/statements/{name}"))) {
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
