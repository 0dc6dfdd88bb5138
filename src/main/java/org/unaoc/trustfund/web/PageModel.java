package org.unaoc.trustfund.web;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import org.springframework.http.HttpMethod;
import org.springframework.util.AntPathMatcher;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.unaoc.trustfund.security.AccessRules;
import org.unaoc.trustfund.security.Role;
import org.unaoc.trustfund.security.Viewer;

/** What every page's layout needs: who is logged in, the menu of pages their roles open, formats. */
@ControllerAdvice(annotations = WebPage.class)
class PageModel {

    record Link(String label, String href, boolean current) {
    }

    private static final List<Link> MENU = List.of(
            new Link("Dashboard", "/finance", false),
            new Link("Receipts", "/receipts", false),
            new Link("Bank statements", "/bank-statements", false),
            new Link("Agreements", "/agreements", false),
            new Link("Spending", "/spending", false),
            new Link("Plans and allotments", "/spending/plans", false),
            new Link("Payables", "/spending/payables", false),
            new Link("Journal", "/journal-entries", false),
            new Link("Periods", "/periods", false),
            new Link("Exchange rates", "/exchange-rates", false),
            new Link("Approvals", "/approvals", false),
            new Link("Pledge status", "/pledge-status", false),
            new Link("Statements", "/statements", false),
            new Link("Audit log", "/audit-log", false),
            new Link("Integrity", "/integrity", false),
            new Link("Projections", "/projections", false),
            new Link("Financing section", "/financing-section", false),
            new Link("Fund", "/fund", false));

    private static final AntPathMatcher PATHS = new AntPathMatcher();
    private static final Formats FORMATS = new Formats();

    @ModelAttribute("viewer")
    Viewer viewer(Viewer viewer) {
        return viewer;
    }

    /** The viewer's role names, for what a page offers ({@code roles.contains('APPROVER')}). */
    @ModelAttribute("roles")
    java.util.Set<String> roles(Viewer viewer) {
        return viewer.roles().stream().map(Role::name).collect(java.util.stream.Collectors.toSet());
    }

    @ModelAttribute("fmt")
    Formats formats() {
        return FORMATS;
    }

    @ModelAttribute("menu")
    List<Link> menu(Viewer viewer, HttpServletRequest request) {
        String here = request.getRequestURI();
        return MENU.stream().filter(link -> opens(viewer, link.href()))
                .map(link -> new Link(link.label(), link.href(), here.equals(link.href())
                        || here.startsWith(link.href() + "/") && MENU.stream().noneMatch(other -> here.startsWith(other.href())
                        && other.href().length() > link.href().length())))
                .toList();
    }

    /** Whether the page rules let this viewer open a page. */
    static boolean opens(Viewer viewer, String path) {
        for (AccessRules.Rule rule : AccessRules.PAGES) {
            if (rule.method() == HttpMethod.GET && PATHS.match(rule.pattern(), path)) {
                return rule.roles().stream().anyMatch(viewer.roles()::contains);
            }
        }
        return false;
    }

    /** The page a user lands on after login: the first their first role opens. */
    static String home(Viewer viewer) {
        for (Role role : List.of(Role.FINANCE_OFFICER, Role.APPROVER, Role.AUDITOR, Role.REPORT_AUTHOR)) {
            if (viewer.roles().contains(role)) {
                return switch (role) {
                    case FINANCE_OFFICER -> "/finance";
                    case APPROVER -> "/approvals";
                    case AUDITOR -> "/statements";
                    default -> "/projections";
                };
            }
        }
        return viewer.roles().contains(Role.ADMIN) && viewer.contributor() == null ? "/fund" : "/pledge-status";
    }
}
