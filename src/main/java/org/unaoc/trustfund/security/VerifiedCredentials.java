package org.unaoc.trustfund.security;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.jspecify.annotations.Nullable;
import org.springframework.security.authentication.AccountExpiredException;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.CredentialsExpiredException;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.authentication.WebAuthenticationDetails;

/**
 * Checks a user name and password, for HTTP Basic and the login form alike.
 *
 * <p>A name longer than {@link #MAX_USERNAME} is refused before any look-up. Every other failure
 * costs one bcrypt check, whether the user is unknown, disabled or the password wrong (the checks
 * of the account come after the password), so that the time of the answer tells nothing. Guesses
 * for one user from one address are checked one at a time and counted before the next is taken
 * ({@link LoginFailures}).
 *
 * <p>HTTP Basic sends the password with every call, and bcrypt takes tens of milliseconds: after
 * one bcrypt check the credentials are remembered for a short while as an HMAC under a key that
 * lives only in this process's memory; a later call is checked against the HMAC in microseconds.
 * Nothing that could recover a password is stored, and a changed password or role takes effect
 * within the TTL.
 */
final class VerifiedCredentials implements AuthenticationProvider {

    static final int MAX_USERNAME = 64;

    private final DaoAuthenticationProvider bcrypt;
    private final Duration ttl;
    private final Clock clock;
    private final SecretKeySpec key;
    private final LoginFailures failures;
    private final ConcurrentHashMap<String, Verified> verified = new ConcurrentHashMap<>();
    private final ReentrantLock[] guesses = new ReentrantLock[64];
    private final Consumer<Duration> pause;

    private record Verified(byte[] mac, Authentication authentication, Instant until) {
    }

    VerifiedCredentials(UserDetailsService users, PasswordEncoder passwords, Duration ttl, Clock clock,
                        LoginFailures failures) {
        this(users, passwords, ttl, clock, failures, VerifiedCredentials::sleep);
    }

    /** With the pause after a failure given: a test's records it instead of sleeping. */
    VerifiedCredentials(UserDetailsService users, PasswordEncoder passwords, Duration ttl, Clock clock,
                        LoginFailures failures, Consumer<Duration> pause) {
        this.pause = pause;
        this.bcrypt = new DaoAuthenticationProvider(users);
        bcrypt.setPasswordEncoder(passwords);
        // the account's state is checked only once the password has been: a disabled user costs a bcrypt check too
        bcrypt.setPreAuthenticationChecks(user -> { });
        bcrypt.setPostAuthenticationChecks(user -> {
            if (!user.isAccountNonLocked()) {
                throw new LockedException("the user is locked");
            }
            if (!user.isEnabled()) {
                throw new DisabledException("the user is disabled");
            }
            if (!user.isAccountNonExpired()) {
                throw new AccountExpiredException("the user has expired");
            }
            if (!user.isCredentialsNonExpired()) {
                throw new CredentialsExpiredException("the password has expired");
            }
        });
        this.failures = failures;
        this.ttl = ttl;
        this.clock = clock;
        byte[] secret = new byte[32];
        new SecureRandom().nextBytes(secret);
        this.key = new SecretKeySpec(secret, "HmacSHA256");
        for (int i = 0; i < guesses.length; i++) {
            guesses[i] = new ReentrantLock();
        }
    }

    /** A user name as it may be shown or logged: as given if it can be one, else its start and its length. */
    static String shown(String username) {
        return username.length() <= MAX_USERNAME ? username
                : username.substring(0, 24) + "… (" + username.length() + " characters)";
    }

    @Override
    public Authentication authenticate(Authentication request) {
        String username = request.getName();
        if (username.length() > MAX_USERNAME) {
            throw new BadCredentialsException("a user name has at most " + MAX_USERNAME + " characters");
        }
        if (username.chars().anyMatch(Character::isISOControl)) {
            throw new BadCredentialsException("a user name has no control characters");
        }
        String address = request.getDetails() instanceof WebAuthenticationDetails details ? details.getRemoteAddress() : null;
        // a locked pair is refused before anything else, the remembered credentials included
        if (failures.locked(username, address)) {
            throw new LockedException("locked after repeated failed logins from this address");
        }
        String password = String.valueOf(request.getCredentials());
        byte[] mac = mac(username, password);
        Authentication known = known(username, mac);
        if (known != null) {
            return known;
        }
        ReentrantLock guess = guesses[Math.floorMod((username + "\u0000" + address).hashCode(), guesses.length)];
        guess.lock();
        try {
            if (failures.locked(username, address)) {
                throw new LockedException("locked after repeated failed logins from this address");
            }
            known = known(username, mac); // verified by a concurrent call while this one waited
            if (known != null) {
                return known;
            }
            Authentication authenticated = bcrypt.authenticate(request);
            failures.succeeded(username, address);
            verified.put(username, new Verified(mac, authenticated, clock.instant().plus(ttl)));
            return authenticated;
        } catch (LockedException locked) {
            throw locked;
        } catch (AuthenticationException failure) {
            failures.failed(username, address);
            guess.unlock();
            pause.accept(failures.pauseAfterFailure(username));
            throw failure;
        } finally {
            if (guess.isHeldByCurrentThread()) {
                guess.unlock();
            }
        }
    }

    private @Nullable Authentication known(String username, byte[] mac) {
        Verified known = verified.get(username);
        return known != null && clock.instant().isBefore(known.until()) && MessageDigest.isEqual(known.mac(), mac)
                ? known.authentication() : null;
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }

    private static void sleep(Duration pause) {
        try {
            Thread.sleep(pause);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private byte[] mac(String username, String password) {
        try {
            Mac hmac = Mac.getInstance("HmacSHA256");
            hmac.init(key);
            return hmac.doFinal((username + "\u0000" + password).getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }
}
