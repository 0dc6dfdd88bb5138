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
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;

/**
 * HTTP Basic sends the password with every call, and bcrypt takes tens of milliseconds: verifying
 * it each time would cap the service at a few dozen requests a second. After one bcrypt check the
 * credentials are remembered for a short while as an HMAC under a key that lives only in this
 * process's memory; a later call is checked against the HMAC in microseconds. Nothing that could
 * recover a password is stored, and a changed password or role takes effect within the TTL.
 */
final class VerifiedCredentials implements AuthenticationProvider {

    private final DaoAuthenticationProvider bcrypt;
    private final Duration ttl;
    private final Clock clock;
    private final SecretKeySpec key;
    private final ConcurrentHashMap<String, Verified> verified = new ConcurrentHashMap<>();

    private record Verified(byte[] mac, Authentication authentication, Instant until) {
    }

    private final LoginFailures failures;

    VerifiedCredentials(DaoAuthenticationProvider bcrypt, Duration ttl, Clock clock, LoginFailures failures) {
        this.bcrypt = bcrypt;
        this.failures = failures;
        this.ttl = ttl;
        this.clock = clock;
        byte[] secret = new byte[32];
        new SecureRandom().nextBytes(secret);
        this.key = new SecretKeySpec(secret, "HmacSHA256");
    }

    @Override
    public Authentication authenticate(Authentication request) {
        String username = request.getName();
        String password = String.valueOf(request.getCredentials());
        byte[] mac = mac(username, password);
        if (failures.locked(username)) {
            throw new LockedException("locked after repeated failed logins");
        }
        Verified known = verified.get(username);
        if (known != null && clock.instant().isBefore(known.until()) && MessageDigest.isEqual(known.mac(), mac)) {
            failures.succeeded(username);
            return known.authentication();
        }
        Authentication authenticated;
        try {
            authenticated = bcrypt.authenticate(request);
        } catch (AuthenticationException failure) {
            pause(failures.pauseAfterFailure(username));
            throw failure;
        }
        if (authenticated != null) {
            failures.succeeded(username);
            verified.put(username, new Verified(mac, authenticated, clock.instant().plus(ttl)));
        }
        return authenticated;
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }

    private static void pause(Duration pause) {
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
