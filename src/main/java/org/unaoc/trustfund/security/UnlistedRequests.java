package org.unaoc.trustfund.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.filter.OncePerRequestFilter;
import org.unaoc.trustfund.system.Problem;

/**
 * Deny by default, with the answer that says why: for a logged-in user, a path that no access
 * rule names is 404 and a method its rules do not name is 405 with {@code Allow} (OPTIONS and
 * TRACE included), before any handler is reached. HEAD is decided as GET. Requests without a user
 * go on, to be asked to log in, so that they learn nothing of what exists.
 */
final class UnlistedRequests extends OncePerRequestFilter {

    private record Listed(HttpMethod method, RequestMatcher path) {
    }

    private final List<Listed> listed;
    private final ProblemWriter problems;

    UnlistedRequests(List<AccessRules.Rule> rules, ProblemWriter problems) {
        this.listed = rules.stream().map(rule -> new Listed(rule.method(),
                PathPatternRequestMatcher.withDefaults().matcher(rule.pattern()))).toList();
        this.problems = problems;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Authentication user = SecurityContextHolder.getContext().getAuthentication();
        if (user == null || user instanceof AnonymousAuthenticationToken || !user.isAuthenticated()) {
            chain.doFilter(request, response);
            return;
        }
        Set<HttpMethod> allowed = allowedMethods(request);
        HttpMethod method = HttpMethod.valueOf(request.getMethod());
        if (allowed.isEmpty()) {
            problems.write(response, Problem.notFound("The path " + request.getRequestURI()));
        } else if (!allowed.contains(method)) {
            RefusalAudit.note(request, "method not allowed");
            response.setHeader(HttpHeaders.ALLOW, allowed.stream().map(HttpMethod::name).collect(Collectors.joining(", ")));
            problems.write(response, new Problem(HttpStatus.METHOD_NOT_ALLOWED, "method-not-allowed", "Method not allowed",
                    request.getRequestURI() + " does not take " + method.name() + "; it takes "
                            + response.getHeader(HttpHeaders.ALLOW) + "."));
        } else {
            chain.doFilter(request, response);
        }
    }

    /** The methods some rule names for this path; HEAD wherever GET is. */
    private Set<HttpMethod> allowedMethods(HttpServletRequest request) {
        Set<HttpMethod> methods = new LinkedHashSet<>();
        for (Listed rule : listed) {
            if (!methods.contains(rule.method()) && rule.path().matches(request)) {
                methods.add(rule.method());
                if (rule.method() == HttpMethod.GET) {
                    methods.add(HttpMethod.HEAD);
                }
            }
        }
        return methods;
    }
}
