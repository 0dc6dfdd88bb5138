package org.unaoc.trustfund.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AbstractAuthenticationFailureEvent;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.stereotype.Component;

/**
 * Failed logins: each is in the audit log; after five in a row a user is locked for fifteen
 * minutes, and every failure before that costs a growing pause, so guessing passwords is slow.
 */
@Component
class LoginFailures {

    static final int LOCK_AFTER = 5;
    static final Duration LOCKED_FOR = Duration.ofMinutes(15);

    private final AuditLog log;
    private final Clock clock = Clock.systemUTC();
    private final ConcurrentHashMap<String, Failures> failures = new ConcurrentHashMap<>();

    private record Failures(int count, Instant last) {
    }

    LoginFailures(AuditLog log) {
        this.log = log;
    }

    boolean locked(String username) {
        Failures seen = failures.get(username);
        return seen != null && seen.count() >= LOCK_AFTER && clock.instant().isBefore(seen.last().plus(LOCKED_FOR));
    }

    void succeeded(String username) {
        if (!failures.isEmpty()) {
            failures.remove(username);
        }
    }

    /** The pause before answering a wrong password: 0.2 s, doubling with each failure, at most 3.2 s. */
    Duration pauseAfterFailure(String username) {
        Failures seen = failures.get(username);
        int count = seen == null ? 1 : Math.min(seen.count(), LOCK_AFTER);
        return Duration.ofMillis(100L << count);
    }

    @EventListener
    void failed(AbstractAuthenticationFailureEvent event) {
        String username = String.valueOf(event.getAuthentication().getName());
        Instant now = clock.instant();
        failures.merge(username, new Failures(1, now), (old, one) ->
                now.isAfter(old.last().plus(LOCKED_FOR)) ? one : new Failures(old.count() + 1, now));
        String address = event.getAuthentication().getDetails() instanceof WebAuthenticationDetails details
                ? details.getRemoteAddress() : null;
        log.record(username, address, "LOGIN", null, null, 401, "REFUSED",
                event.getException().getClass().getSimpleName() + (locked(username) ? " (user locked)" : ""));
    }
}
