package org.unaoc.trustfund.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.security.autoconfigure.web.servlet.SecurityFilterProperties;
import org.springframework.core.annotation.Order;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.csrf.CsrfException;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Every refusal the security filters answer (401, 403, 405, a missing CSRF token, a locked user)
 * goes into the audit log with who asked and from where, once. A refusal of nobody in particular
 * is counted on one row a minute with the identical ones ({@link AuditLog#recordRepeatable}), so
 * anonymous traffic cannot flood the log.
 */
@Component
@Order(SecurityFilterProperties.DEFAULT_FILTER_ORDER - 1)
class RefusalAudit extends OncePerRequestFilter {

    private static final String REFUSAL = RefusalAudit.class.getName() + ".refusal";
    private static final String ACTOR = RefusalAudit.class.getName() + ".actor";
    private static final String RECORDED = RefusalAudit.class.getName() + ".recorded";

    private final AuditLog log;

    RefusalAudit(AuditLog log) {
        this.log = log;
    }

    /** Notes why a security filter refused the request, and who asked (the user, if one is logged in). */
    static void note(HttpServletRequest request, String why) {
        Authentication user = SecurityContextHolder.getContext().getAuthentication();
        request.setAttribute(REFUSAL, why);
        if (user != null && user.isAuthenticated() && !(user instanceof AnonymousAuthenticationToken)) {
            request.setAttribute(ACTOR, user.getName());
        }
    }

    /** What an access refusal is, in the log's words. */
    static String why(Exception refusal) {
        return refusal instanceof CsrfException ? "CSRF token missing or wrong" : "role does not allow it";
    }

    /** Says the request's refusal is in the log already (a failed login, a refused write). */
    static void recorded() {
        RequestAttributes request = RequestContextHolder.getRequestAttributes();
        if (request != null) {
            request.setAttribute(RECORDED, Boolean.TRUE, RequestAttributes.SCOPE_REQUEST);
        }
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        chain.doFilter(request, response);
        if (!(request.getAttribute(REFUSAL) instanceof String why) || request.getAttribute(RECORDED) != null) {
            return;
        }
        String action = AuditFilter.action(request);
        @Nullable String actor = request.getAttribute(ACTOR) instanceof String name ? name : null;
        if (actor == null) {
            // of nobody in particular: the path without its query, and cut, so that varying it floods nothing
            String plain = request.getRequestURI();
            log.recordRepeatable("anonymous", request.getRemoteAddr(), action, request.getMethod(),
                    plain.length() > 200 ? plain.substring(0, 200) : plain, response.getStatus(), "REFUSED", why);
        } else {
            log.record(actor, request.getRemoteAddr(), action, request.getMethod(), AuditFilter.pathWithQuery(request),
                    response.getStatus(), "REFUSED", why);
        }
    }
}
