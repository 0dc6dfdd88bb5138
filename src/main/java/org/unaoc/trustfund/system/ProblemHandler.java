package org.unaoc.trustfund.system;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DatabindException;

/** Turns every failure in a controller into an RFC 9457 problem; see {@link Problems}. */
@RestControllerAdvice
class ProblemHandler extends ResponseEntityExceptionHandler {

    private static final Map<Integer, String> SLUGS = Map.of(
            400, "bad-request", 401, "unauthenticated", 403, "forbidden", 404, "not-found",
            405, "method-not-allowed", 406, "not-acceptable", 413, "payload-too-large",
            415, "unsupported-media-type", 422, "invalid-request", 503, "unavailable");

    @ExceptionHandler(Throwable.class)
    ResponseEntity<ProblemDetail> handle(Throwable failure) {
        Problem problem = Problems.asProblem(failure);
        return ResponseEntity.status(problem.status()).body(problem.toProblemDetail());
    }

    /** Before Spring MVC's own 400 for it: a value of the wrong kind is decided in {@link Problems} (422 naming it). */
    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<ProblemDetail> handle(MethodArgumentTypeMismatchException failure) {
        return handle((Throwable) failure);
    }

    @Override
    protected @Nullable ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException failure,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<Map<String, String>> errors = failure.getBindingResult().getFieldErrors().stream()
                .map(e -> Map.of("field", e.getField(), "message", String.valueOf(e.getDefaultMessage())))
                .toList();
        String detail = errors.stream().map(e -> e.get("field") + " " + e.get("message"))
                .sorted().collect(Collectors.joining("; "));
        Problem problem = Problem.invalid(detail + ".").with("errors", errors);
        return ResponseEntity.status(problem.status()).body(problem.toProblemDetail());
    }

    @Override
    protected @Nullable ResponseEntity<Object> handleHandlerMethodValidationException(
            HandlerMethodValidationException failure, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        String detail = failure.getAllErrors().stream().map(e -> String.valueOf(e.getDefaultMessage()))
                .collect(Collectors.joining("; "));
        Problem problem = Problem.invalid(detail + ".");
        return ResponseEntity.status(problem.status()).body(problem.toProblemDetail());
    }

    @Override
    protected @Nullable ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException failure,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        Problem problem = unreadable(failure);
        return ResponseEntity.status(problem.status()).body(problem.toProblemDetail());
    }

    /** Spring MVC's own problems (404, 405, 415 …) get our stable types and a plain detail. */
    @Override
    protected ResponseEntity<Object> handleExceptionInternal(Exception failure, @Nullable Object body,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        ProblemDetail problem = body instanceof ProblemDetail detail ? detail : ProblemDetail.forStatus(status);
        problem.setType(Problems.type(SLUGS.getOrDefault(status.value(), "http-" + status.value())));
        problem.setInstance(null);
        if (problem.getDetail() == null || status.value() == 404) {
            problem.setDetail(status.value() == 404
                    ? "Nothing is at this address; the API's paths are listed at /v3/api-docs."
                    : "The request cannot be served as sent: " + status + ".");
        }
        HttpStatus known = HttpStatus.resolve(status.value());
        problem.setTitle(known == null ? "HTTP " + status.value() : known.getReasonPhrase());
        return ResponseEntity.status(status).headers(headers).body(problem);
    }

    private static Problem unreadable(HttpMessageNotReadableException failure) {
        Throwable cause = failure.getCause();
        for (Throwable inner = cause; inner != null; inner = inner.getCause()) {
            if (inner instanceof DecimalLimits.OutOfRange outOfRange && cause instanceof DatabindException databind
                    && !databind.getPath().isEmpty()) {
                return outOfRange.at(path(databind));
            }
            if (inner instanceof Problem problem) {
                return problem;
            }
        }
        if (cause instanceof DatabindException databind && !databind.getPath().isEmpty()) {
            String field = path(databind);
            Class<?> target = databind instanceof tools.jackson.databind.exc.MismatchedInputException mismatch
                    ? mismatch.getTargetType() : null;
            return Problem.invalidField(field, "the value cannot be read: expected " + expected(target) + ".");
        }
        if (cause instanceof JacksonException) {
            return new Problem(HttpStatus.BAD_REQUEST, "malformed-json", "Malformed JSON",
                    "The body is not well-formed JSON; send one JSON object as the documentation shows.");
        }
        return new Problem(HttpStatus.BAD_REQUEST, "unreadable-body", "Unreadable body",
                "The request body is missing or cannot be read; send a JSON object as the documentation shows.");
    }

    private static String path(DatabindException failure) {
        StringBuilder path = new StringBuilder();
        for (JacksonException.Reference reference : failure.getPath()) {
            if (reference.getPropertyName() != null) {
                path.append(path.isEmpty() ? "" : ".").append(reference.getPropertyName());
            } else if (reference.getIndex() >= 0) {
                path.append('[').append(reference.getIndex()).append(']');
            }
        }
        return path.toString();
    }

    static String expected(@Nullable Class<?> type) {
        if (type == null) {
            return "a value of the documented type";
        }
        return switch (type.getSimpleName()) {
            case "LocalDate" -> "a date yyyy-MM-dd";
            case "YearMonth" -> "a month yyyy-MM";
            case "BigDecimal" -> "a decimal amount such as \"1000.00\"";
            case "Long", "long", "Integer", "int" -> "a whole number";
            case "Boolean", "boolean" -> "true or false";
            case "String" -> "a string";
            default -> type.isEnum() ? "one of " + List.of(type.getEnumConstants()) : "a value of the documented type";
        };
    }
}
