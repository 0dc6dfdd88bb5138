package org.unaoc.trustfund.system;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Set;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import tools.jackson.databind.json.JsonMapper;

/**
 * The first thing every request meets, before the login and before any filter reads a body: at most
 * 1 MiB, except a bank statement's import (the API's and the page's upload). A body that says it is
 * larger is refused unread (413); one that does not say (chunked) is cut where it passes the limit.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class RequestSizeLimit extends OncePerRequestFilter {

    private static final Set<String> STATEMENT_IMPORTS = Set.of("/api/bank-statements", "/bank-statements");

    private final long maxBody;
    private final long maxStatement;
    private final JsonMapper json;

    RequestSizeLimit(@Value("${trustfund.max-request-bytes:1048576}") long maxBody,
                     @Value("${trustfund.max-statement-bytes:67108864}") long maxStatement, JsonMapper json) {
        this.maxBody = maxBody;
        this.maxStatement = maxStatement;
        this.json = json;
    }

    static Problem tooLarge(long limit) {
        return new Problem(HttpStatus.CONTENT_TOO_LARGE, "payload-too-large", "Request too large",
                "The request body is larger than " + limit + " bytes, the most this request takes; split it.")
                .with("limit", limit);
    }

    long limitFor(HttpServletRequest request) {
        return "POST".equals(request.getMethod()) && STATEMENT_IMPORTS.contains(request.getRequestURI()) ? maxStatement : maxBody;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        long limit = limitFor(request);
        if (request.getContentLengthLong() > limit) {
            Problem problem = tooLarge(limit);
            response.setStatus(problem.status().value());
            response.setHeader("Connection", "close"); // the body is not read: do not keep the connection for it
            response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
            response.getOutputStream().write(json.writeValueAsBytes(problem.toProblemDetail()));
            return;
        }
        chain.doFilter(request.getContentLengthLong() < 0 ? new Limited(request, limit) : request, response);
    }

    /** A body of unknown length, read no further than the limit. */
    private static final class Limited extends HttpServletRequestWrapper {
        private final long limit;
        private ServletInputStream stream;

        Limited(HttpServletRequest request, long limit) {
            super(request);
            this.limit = limit;
        }

        @Override
        public ServletInputStream getInputStream() throws IOException {
            if (stream == null) {
                ServletInputStream body = super.getInputStream();
                stream = new ServletInputStream() {
                    private long read;

                    @Override
                    public int read() throws IOException {
                        int b = body.read();
                        count(b < 0 ? 0 : 1);
                        return b;
                    }

                    @Override
                    public int read(byte[] buffer, int offset, int length) throws IOException {
                        int n = body.read(buffer, offset, length);
                        count(Math.max(n, 0));
                        return n;
                    }

                    private void count(int n) throws IOException {
                        read += n;
                        if (read > limit) {
                            throw tooLarge(limit);
                        }
                    }

                    @Override
                    public boolean isFinished() {
                        return body.isFinished();
                    }

                    @Override
                    public boolean isReady() {
                        return body.isReady();
                    }

                    @Override
                    public void setReadListener(ReadListener listener) {
                        body.setReadListener(listener);
                    }
                };
            }
            return stream;
        }
    }
}
