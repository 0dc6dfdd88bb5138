package org.unaoc.trustfund.security;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;

/**
 * Failed logins, counted so that guessing is slow and nobody can lock a user out at will: five
 * failures of a user from one address lock that user from that address for fifteen minutes;
 * failures from anywhere make each further failure of the user answer more slowly (0.2 s, doubling,
 * at most 3.2 s), and never lock the user elsewhere. What is kept is bounded (at most 10,000 names
 * and pairs each) and forgotten fifteen minutes after the last failure.
 */
final class LoginFailures {

    static final int LOCK_AFTER = 5;
    static final Duration LOCKED_FOR = Duration.ofMinutes(15);
    static final int TRACKED = 10_000;

    private final Cache<String, Integer> byUserAndAddress;
    private final Cache<String, Integer> byUser;

    LoginFailures(Clock clock) {
        this.byUserAndAddress = counter(clock);
        this.byUser = counter(clock);
    }

    private static Cache<String, Integer> counter(Clock clock) {
        return Caffeine.newBuilder().maximumSize(TRACKED).expireAfterWrite(LOCKED_FOR)
                .ticker(() -> TimeUnit.MILLISECONDS.toNanos(clock.millis())).executor(Runnable::run).build();
    }

    boolean locked(String username, @Nullable String address) {
        Integer failures = byUserAndAddress.getIfPresent(pair(username, address));
        return failures != null && failures >= LOCK_AFTER;
    }

    /** Counts a failure; the caller holds the pair's lock, so concurrent guesses are counted one by one. */
    void failed(String username, @Nullable String address) {
        byUserAndAddress.asMap().merge(pair(username, address), 1, Integer::sum);
        byUser.asMap().merge(username, 1, Integer::sum);
    }

    void succeeded(String username, @Nullable String address) {
        byUserAndAddress.invalidate(pair(username, address));
    }

    /** The pause before answering a failed login of this user, from wherever it came. */
    Duration pauseAfterFailure(String username) {
        Integer failures = byUser.getIfPresent(username);
        int count = failures == null ? 1 : Math.max(1, Math.min(failures, LOCK_AFTER));
        return Duration.ofMillis(100L << count);
    }

    /** How many names and pairs are kept (after pending evictions): for the bound's test. */
    long tracked() {
        byUserAndAddress.cleanUp();
        byUser.cleanUp();
        return byUserAndAddress.estimatedSize() + byUser.estimatedSize();
    }

    private static String pair(String username, @Nullable String address) {
        return username + "\u0000" + (address == null ? "" : address);
    }
}
