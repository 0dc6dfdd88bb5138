package org.unaoc.trustfund.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.security.core.context.DeferredSecurityContext;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.RequestAttributeSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;

/**
 * For the API: reads the login of a browser session if there is one and the request brings no
 * credentials of its own; never creates or changes a session (HTTP Basic clients stay stateless).
 */
final class SessionReader implements SecurityContextRepository {

    private final HttpSessionSecurityContextRepository sessions = new HttpSessionSecurityContextRepository();
    private final RequestAttributeSecurityContextRepository request = new RequestAttributeSecurityContextRepository();

    SessionReader() {
        sessions.setAllowSessionCreation(false);
    }

    @Override
    public DeferredSecurityContext loadDeferredContext(HttpServletRequest request) {
        DeferredSecurityContext own = this.request.loadDeferredContext(request);
        // a request that brings its own credentials is judged by them alone: its browser session is not read, so the
        // CSRF exemption of such requests (WebPagesSecurity#isBrowserWrite) holds only when those credentials do
        if (!own.isGenerated() || request.getSession(false) == null || request.getHeader(HttpHeaders.AUTHORIZATION) != null) {
            return own;
        }
        return sessions.loadDeferredContext(request);
    }

    @Override
    @SuppressWarnings("deprecation")
    public SecurityContext loadContext(org.springframework.security.web.context.HttpRequestResponseHolder holder) {
        return request.loadContext(holder);
    }

    @Override
    public void saveContext(SecurityContext context, HttpServletRequest request, HttpServletResponse response) {
        this.request.saveContext(context, request, response);
    }

    @Override
    public boolean containsContext(HttpServletRequest request) {
        return this.request.containsContext(request) || sessions.containsContext(request);
    }
}
