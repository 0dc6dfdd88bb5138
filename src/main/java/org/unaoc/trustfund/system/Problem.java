package org.unaoc.trustfund.system;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;

/**
 * A failure the client can act on: becomes an RFC 9457 problem with a stable type
 * ({@code /problems/<slug>}). Each kind of failure is a subclass named in the domain's words.
 */
public class Problem extends RuntimeException {

    private final HttpStatus status;
    private final String slug;
    private final String title;
    private final Map<String, Object> properties = new LinkedHashMap<>();

    public Problem(HttpStatus status, String slug, String title, String detail) {
        super(detail, null, false, false);
        this.status = status;
        this.slug = slug;
        this.title = title;
    }

    public Problem with(String name, Object value) {
        properties.put(name, value);
        return this;
    }

    public HttpStatus status() {
        return status;
    }

    public ProblemDetail toProblemDetail() {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, getMessage());
        problem.setType(URI.create("/problems/" + slug));
        problem.setTitle(title);
        properties.forEach(problem::setProperty);
        return problem;
    }

    public static Problem notFound(String what) {
        return new Problem(HttpStatus.NOT_FOUND, "not-found", "Not found", what + " does not exist.");
    }

    /** The request is well-formed but says something the books cannot take (422). */
    public static Problem invalid(String detail) {
        return new Problem(HttpStatus.UNPROCESSABLE_CONTENT, "invalid-request", "The request is not valid", detail);
    }

    public static Problem invalidField(String field, String detail) {
        return invalid(field + ": " + detail).with("field", field);
    }

    public static Problem conflict(String slug, String title, String detail) {
        return new Problem(HttpStatus.CONFLICT, slug, title, detail);
    }
}
