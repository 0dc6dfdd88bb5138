package org.unaoc.trustfund.security;

import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AbstractAuthenticationFailureEvent;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.stereotype.Component;

/**
 * Every failed login is in the audit log, under the name it gave (cut to what a user name can be);
 * the same failure from the same address within a minute counts on the same row.
 */
@Component
class LoginAudit {

    private final AuditLog log;

    LoginAudit(AuditLog log) {
        this.log = log;
    }

    @EventListener
    void failed(AbstractAuthenticationFailureEvent event) {
        String address = event.getAuthentication().getDetails() instanceof WebAuthenticationDetails details
                ? details.getRemoteAddress() : null;
        RefusalAudit.recorded();
        log.recordRepeatable(VerifiedCredentials.shown(String.valueOf(event.getAuthentication().getName())), address, "LOGIN", null,
                null, 401, "REFUSED", event.getException().getClass().getSimpleName());
    }
}
