package org.unaoc.trustfund.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.security.Principal;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.filter.OncePerRequestFilter;
import org.unaoc.trustfund.system.PagePosts;

/**
 * Writes the audit row of every write and every statement, report or audit read. A write that
 * succeeds is logged in its own transaction (both or neither); a refused or failed one in a new
 * transaction, since its own is rolled back.
 */
@Component
@Order(Ordered.LOWEST_PRECEDENCE)
class AuditFilter extends OncePerRequestFilter {

    private final AuditLog log;
    private final TransactionTemplate separately;

    AuditFilter(AuditLog log, TransactionTemplate transactions) {
        this.log = log;
        this.separately = new TransactionTemplate(transactions.getTransactionManager());
        this.separately.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String path = request.getRequestURI();
        if (!path.startsWith("/api/")) {
            // the web pages: their writes (form posts, in the transaction of the write) and the pages that
            // show statements, reports or the audit trail; the login is logged by the login itself
            return isRead(request) ? !isPageOfStatements(path) : PagePosts.writeNothing(path);
        }
        return isRead(request) && !isDownload(path);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        try {
            chain.doFilter(request, response);
        } catch (IOException | ServletException | RuntimeException failure) {
            write(request, 500, "FAILED", failure.getClass().getSimpleName(), true);
            throw failure;
        }
        int status = response.getStatus();
        boolean done = status < 400;
        write(request, status, done ? "DONE" : "REFUSED", null, !done || isRead(request));
    }

    private void write(HttpServletRequest request, int status, String outcome, String detail, boolean ownTransaction) {
        Principal user = request.getUserPrincipal();
        String actor = user == null ? "anonymous" : user.getName();
        String action = action(request);
        String path = pathWithQuery(request);
        Runnable insert = () -> log.record(actor, request.getRemoteAddr(), action, request.getMethod(), path, status, outcome,
                detail);
        if (ownTransaction) {
            separately.executeWithoutResult(tx -> insert.run());
        } else {
            insert.run();
        }
    }

    private static boolean isRead(HttpServletRequest request) {
        return "GET".equals(request.getMethod()) || "HEAD".equals(request.getMethod());
    }

    /** The action an audit row names: READ for GET and HEAD, WRITE for the rest. */
    static String action(HttpServletRequest request) {
        return isRead(request) ? "READ" : "WRITE";
    }

    /** The path an audit row names, with its query. */
    static String pathWithQuery(HttpServletRequest request) {
        String query = request.getQueryString();
        return request.getRequestURI() + (query == null ? "" : "?" + query);
    }

    private static boolean isPageOfStatements(String path) {
        return path.equals("/statements") || path.equals("/pledge-status") || path.equals("/audit-log")
                || path.equals("/integrity") || path.equals("/projections") || path.equals("/financing-section");
    }

    private static boolean isDownload(String path) {
        return path.startsWith("/api/statements/") || path.startsWith("/api/reports/") || path.startsWith("/api/audit-log")
                || path.startsWith("/api/integrity") || path.startsWith("/api/projections");
    }
}
