package org.unaoc.trustfund.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.authentication.WebAuthenticationDetails;

/**
 * Logins, without Spring: what a guesser, a flood or a spiteful colleague meets. Every figure is
 * from issue #18 item 4: names over 64 characters refused before any look-up, one bcrypt check for
 * every other failure, five failures lock the user only from the address they came from, guesses in
 * parallel counted one by one, and the state kept bounded and forgotten after fifteen minutes.
 */
class LoginsTest {

    /** A clock the test moves. */
    static final class Hands extends Clock {
        Instant now = Instant.parse("2026-12-02T09:00:00Z");

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    /** Stands for bcrypt: counts every check, so that equal work is seen without timing anything. */
    static final class CountingEncoder implements PasswordEncoder {
        final AtomicInteger checks = new AtomicInteger();

        @Override
        public String encode(CharSequence raw) {
            return "{plain}" + raw;
        }

        @Override
        public boolean matches(CharSequence raw, String encoded) {
            checks.incrementAndGet();
            return encoded.equals("{plain}" + raw);
        }
    }

    final Hands clock = new Hands();
    final CountingEncoder encoder = new CountingEncoder();
    final AtomicInteger lookUps = new AtomicInteger();
    final List<Duration> pauses = new java.util.concurrent.CopyOnWriteArrayList<>();
    final LoginFailures failures = new LoginFailures(clock);
    final UserDetailsService users = username -> {
        lookUps.incrementAndGet();
        return switch (username) {
            case "approver" -> user("approver", "right", true);
            case "gone" -> user("gone", "right", false);
            default -> throw new UsernameNotFoundException("unknown user");
        };
    };
    final VerifiedCredentials logins = new VerifiedCredentials(users, encoder, Duration.ofMinutes(5), clock, failures,
            pauses::add);

    private UserDetails user(String name, String password, boolean enabled) {
        return User.withUsername(name).password(encoder.encode(password)).disabled(!enabled).roles("APPROVER").build();
    }

    private static Authentication attempt(String name, String password, String address) {
        UsernamePasswordAuthenticationToken token = UsernamePasswordAuthenticationToken.unauthenticated(name, password);
        token.setDetails(new WebAuthenticationDetails(address, null));
        return token;
    }

    @Test
    void a_user_name_over_64_characters_is_refused_before_any_look_up() {
        String huge = "a".repeat(1024 * 1024);
        assertThatThrownBy(() -> logins.authenticate(attempt(huge, "x", "10.0.0.1")))
                .isInstanceOf(BadCredentialsException.class).hasMessageContaining("64 characters");
        assertThat(lookUps).hasValue(0);
        assertThat(encoder.checks).hasValue(0);
        assertThat(failures.tracked()).as("nothing kept of it").isZero();
        assertThat(VerifiedCredentials.shown(huge)).isEqualTo("a".repeat(24) + "… (1048576 characters)");
        // 64 is still a name
        assertThatThrownBy(() -> logins.authenticate(attempt("b".repeat(64), "x", "10.0.0.1")))
                .isInstanceOf(BadCredentialsException.class);
        assertThat(lookUps).hasValue(1);
    }

    @Test
    void a_user_name_with_a_control_character_is_refused_before_any_look_up() {
        assertThatThrownBy(() -> logins.authenticate(attempt("a\u0000b", "x", "10.0.0.1")))
                .isInstanceOf(BadCredentialsException.class).hasMessageContaining("control characters");
        assertThat(lookUps).hasValue(0);
        assertThat(encoder.checks).hasValue(0);
    }

    @Test
    void a_locked_pair_is_refused_even_with_credentials_remembered_from_before() {
        assertThat(logins.authenticate(attempt("approver", "right", "203.0.113.9")).isAuthenticated()).isTrue();
        for (int i = 0; i < LoginFailures.LOCK_AFTER; i++) {
            assertThatThrownBy(() -> logins.authenticate(attempt("approver", "guess", "203.0.113.9")))
                    .isInstanceOf(BadCredentialsException.class);
        }
        assertThatThrownBy(() -> logins.authenticate(attempt("approver", "right", "203.0.113.9")))
                .isInstanceOf(LockedException.class);
        assertThat(logins.authenticate(attempt("approver", "right", "10.1.1.1")).isAuthenticated()).isTrue();
    }

    @Test
    void unknown_disabled_and_wrong_password_each_cost_exactly_one_password_check() {
        assertThatThrownBy(() -> logins.authenticate(attempt("nobody", "right", "10.0.0.1")))
                .isInstanceOf(BadCredentialsException.class);
        assertThat(encoder.checks).as("unknown user").hasValue(1);
        assertThatThrownBy(() -> logins.authenticate(attempt("gone", "wrong", "10.0.0.1")))
                .isInstanceOf(BadCredentialsException.class);
        assertThat(encoder.checks).as("disabled user, wrong password: refused as any wrong password").hasValue(2);
        assertThatThrownBy(() -> logins.authenticate(attempt("gone", "right", "10.0.0.1")))
                .isInstanceOf(DisabledException.class);
        assertThat(encoder.checks).as("disabled user, right password").hasValue(3);
        assertThatThrownBy(() -> logins.authenticate(attempt("approver", "wrong", "10.0.0.1")))
                .isInstanceOf(BadCredentialsException.class);
        assertThat(encoder.checks).as("wrong password").hasValue(4);
        assertThat(pauses).as("each failure answered after the same first pause")
                .containsExactly(Duration.ofMillis(200), Duration.ofMillis(200), Duration.ofMillis(400), Duration.ofMillis(200));
    }

    @Test
    void five_failures_lock_the_user_from_that_address_only_and_slow_it_down_everywhere() {
        for (int i = 0; i < LoginFailures.LOCK_AFTER; i++) {
            assertThatThrownBy(() -> logins.authenticate(attempt("approver", "guess", "203.0.113.9")))
                    .isInstanceOf(BadCredentialsException.class);
        }
        assertThat(pauses).containsExactly(Duration.ofMillis(200), Duration.ofMillis(400), Duration.ofMillis(800),
                Duration.ofMillis(1600), Duration.ofMillis(3200));
        int checks = encoder.checks.get();
        assertThatThrownBy(() -> logins.authenticate(attempt("approver", "right", "203.0.113.9")))
                .as("the guesser's address, even with the right password").isInstanceOf(LockedException.class);
        assertThat(encoder.checks).as("a locked pair costs no password check").hasValue(checks);

        Authentication approver = logins.authenticate(attempt("approver", "right", "10.1.1.1"));
        assertThat(approver.isAuthenticated()).as("the approver at its own desk is not locked out").isTrue();
        assertThatThrownBy(() -> logins.authenticate(attempt("approver", "typo", "10.1.1.2")))
                .isInstanceOf(BadCredentialsException.class);
        assertThat(pauses.getLast()).as("but every further failure of the user is slow").isEqualTo(Duration.ofMillis(3200));

        clock.now = clock.now.plus(LoginFailures.LOCKED_FOR).plusSeconds(1);
        assertThat(logins.authenticate(attempt("approver", "right", "203.0.113.9")).isAuthenticated())
                .as("fifteen minutes after the last failure the lock is gone").isTrue();
    }

    @Test
    void guesses_sent_together_are_counted_one_by_one() throws Exception {
        List<Callable<String>> guesses = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            int n = i;
            guesses.add(() -> {
                try {
                    logins.authenticate(attempt("approver", "guess-" + n, "198.51.100.7"));
                    return "in";
                } catch (LockedException locked) {
                    return "locked";
                } catch (BadCredentialsException wrong) {
                    return "wrong";
                }
            });
        }
        List<String> answers = new ArrayList<>();
        try (var threads = Executors.newFixedThreadPool(16)) {
            for (Future<String> answer : threads.invokeAll(guesses)) {
                answers.add(answer.get());
            }
        }
        assertThat(encoder.checks).as("password checks of 40 guesses at once").hasValue(LoginFailures.LOCK_AFTER);
        assertThat(answers).filteredOn("wrong"::equals).hasSize(LoginFailures.LOCK_AFTER);
        assertThat(answers).filteredOn("locked"::equals).hasSize(40 - LoginFailures.LOCK_AFTER);
    }

    @Test
    void what_is_kept_of_failures_is_bounded_and_forgotten() {
        for (int i = 0; i < 3 * LoginFailures.TRACKED; i++) {
            failures.failed("name-" + i, "192.0.2." + (i % 250));
        }
        assertThat(failures.tracked()).as("names and pairs kept").isLessThanOrEqualTo(2L * LoginFailures.TRACKED);
        failures.failed("approver", "192.0.2.1");
        clock.now = clock.now.plus(LoginFailures.LOCKED_FOR).plusSeconds(1);
        assertThat(failures.tracked()).as("fifteen minutes later").isZero();
    }
}
