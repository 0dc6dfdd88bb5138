package org.unaoc.trustfund.system;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.Principal;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;
import tools.jackson.databind.json.JsonMapper;

/**
 * Every request that may write runs in one transaction: a failed request (any 4xx or 5xx, or a
 * refusal at commit) writes nothing. With an Idempotency-Key (SPEC.md §3) the first answer is
 * stored in that same transaction and given again to a retry with the same body. A web form's
 * write runs in one transaction too, with its audit row (its submission key does the
 * Idempotency-Key's work); the login, the logout and the previews that roll themselves back are
 * left out.
 */
@Component
@org.springframework.core.annotation.Order(org.springframework.core.Ordered.LOWEST_PRECEDENCE - 10)
class RequestTransactions extends OncePerRequestFilter {

    static final String KEY_HEADER = "Idempotency-Key";
    static final String REPLAYED_HEADER = "Idempotent-Replayed";
    private static final Set<String> READS = Set.of("GET", "HEAD", "OPTIONS", "TRACE");

    private final TransactionTemplate transactions;
    private final IdempotencyKeys keys;
    private final JsonMapper json;
    private final RequestSizeLimit sizes;

    RequestTransactions(TransactionTemplate transactions, IdempotencyKeys keys, JsonMapper json, RequestSizeLimit sizes) {
        this.transactions = transactions;
        this.keys = keys;
        this.json = json;
        this.sizes = sizes;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String path = request.getRequestURI();
        return READS.contains(request.getMethod()) || PagePosts.writeNothing(path);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException {
        if (!request.getRequestURI().startsWith("/api/")) {
            pageWrite(request, response, chain);
            return;
        }
        String key = request.getHeader(KEY_HEADER);
        if (key != null && (key.isBlank() || key.length() > 255)) {
            write(response, new Problem(HttpStatus.BAD_REQUEST, "invalid-idempotency-key", "Invalid Idempotency-Key",
                    "The Idempotency-Key header must be 1 to 255 characters."));
            return;
        }
        // a body that says it is too large was refused unread by RequestSizeLimit; one that does not say is cut there
        long limit = sizes.limitFor(request);
        byte[] body;
        try {
            body = request.getInputStream().readNBytes((int) Math.min(Integer.MAX_VALUE - 8, limit + 1));
        } catch (Problem tooLarge) {
            write(response, tooLarge);
            return;
        }
        if (body.length > limit) {
            write(response, RequestSizeLimit.tooLarge(limit));
            return;
        }
        CachedBodyRequest cached = new CachedBodyRequest(request, body);
        ContentCachingResponseWrapper buffered = new ContentCachingResponseWrapper(response);
        Principal principal = request.getUserPrincipal();
        String user = principal == null ? "anonymous" : principal.getName();
        try {
            IdempotencyKeys.Stored replay = transactions.execute(status -> {
                IdempotencyKeys.Stored stored = key == null ? null : earlierAnswer(user, key, cached);
                if (stored != null) {
                    return stored;
                }
                proceed(chain, cached, buffered);
                if (buffered.getStatus() >= 400) {
                    status.setRollbackOnly();
                } else if (key != null) {
                    keys.store(user, key, request.getMethod(), request.getRequestURI(), hash(cached),
                            new IdempotencyKeys.Stored(hash(cached), buffered.getStatus(), buffered.getContentType(),
                                    buffered.getContentAsByteArray()));
                }
                return null;
            });
            if (replay != null) {
                replay(response, replay);
            } else {
                buffered.copyBodyToResponse();
            }
        } catch (RuntimeException failure) {
            write(response, Problems.asProblem(failure instanceof Wrapped wrapped ? wrapped.getCause() : failure));
        }
    }

    private void pageWrite(HttpServletRequest request, HttpServletResponse response, FilterChain chain) throws IOException {
        ContentCachingResponseWrapper buffered = new ContentCachingResponseWrapper(response);
        try {
            transactions.executeWithoutResult(status -> {
                proceed(chain, request, buffered);
                if (buffered.getStatus() >= 400) {
                    status.setRollbackOnly();
                }
            });
            buffered.copyBodyToResponse();
        } catch (RuntimeException failure) {
            write(response, Problems.asProblem(failure instanceof Wrapped wrapped ? wrapped.getCause() : failure));
        }
    }

    private IdempotencyKeys.@Nullable Stored earlierAnswer(String user, String key, CachedBodyRequest request) {
        if (!keys.tryHold(user, key)) {
            throw Problem.conflict("request-in-progress", "Request in progress",
                    "A request with this Idempotency-Key is still being processed; retry when it has finished.");
        }
        IdempotencyKeys.Stored stored = keys.find(user, key);
        if (stored != null && !stored.requestHash().equals(hash(request))) {
            throw new Problem(HttpStatus.UNPROCESSABLE_CONTENT, "idempotency-key-reused", "Idempotency-Key reused",
                    "This Idempotency-Key was used for a different request; use a new key for a new request.");
        }
        return stored;
    }

    private static void proceed(FilterChain chain, HttpServletRequest request, ContentCachingResponseWrapper response) {
        try {
            chain.doFilter(request, response);
        } catch (IOException | ServletException e) {
            throw new Wrapped(e);
        }
    }

    private static void replay(HttpServletResponse response, IdempotencyKeys.Stored stored) throws IOException {
        response.setStatus(stored.status());
        if (stored.contentType() != null) {
            response.setContentType(stored.contentType());
        }
        response.setHeader(REPLAYED_HEADER, "true");
        response.getOutputStream().write(stored.body());
    }

    private void write(HttpServletResponse response, Problem problem) throws IOException {
        if (response.isCommitted()) {
            return;
        }
        response.reset();
        response.setStatus(problem.status().value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.getOutputStream().write(json.writeValueAsBytes(problem.toProblemDetail()));
    }

    private static String hash(CachedBodyRequest request) {
        return Sha256.of((request.getMethod() + " " + request.getRequestURI() + "?" + request.getQueryString() + "\n")
                .getBytes(StandardCharsets.UTF_8), request.body());
    }

    private static final class Wrapped extends RuntimeException {
        Wrapped(Exception cause) {
            super(cause);
        }
    }
}
