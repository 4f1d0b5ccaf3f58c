package com.scalecommerce.platform.web.problem;

import java.util.List;
import java.util.Map;

/**
 * Thrown by domain code to answer with a problem. Carries no stack trace: it is an expected outcome,
 * not a bug, and building traces for every rejected login would cost more than the login.
 */
public class ProblemException extends RuntimeException {

    private final int status;
    private final String code;
    private final String title;
    private final List<Problem.FieldError> errors;
    private final Map<String, String> headers;

    public ProblemException(int status, String code, String title, String detail) {
        this(status, code, title, detail, List.of(), Map.of());
    }

    public ProblemException(
            int status,
            String code,
            String title,
            String detail,
            List<Problem.FieldError> errors,
            Map<String, String> headers) {
        super(detail, null, false, false);
        this.status = status;
        this.code = code;
        this.title = title;
        this.errors = List.copyOf(errors);
        this.headers = Map.copyOf(headers);
    }

    public static ProblemException badRequest(String code, String detail) {
        return new ProblemException(400, code, "Bad request", detail);
    }

    public static ProblemException invalidField(String field, String message) {
        return invalidFields(List.of(new Problem.FieldError(field, message)));
    }

    public static ProblemException invalidFields(List<Problem.FieldError> errors) {
        return new ProblemException(
                400, "VALIDATION_FAILED", "Invalid input", "One or more fields are invalid.", errors, Map.of());
    }

    public static ProblemException unauthorized(String code, String detail) {
        return new ProblemException(401, code, "Unauthorized", detail, List.of(), Map.of("WWW-Authenticate", "Bearer"));
    }

    public static ProblemException forbidden(String detail) {
        return new ProblemException(403, "FORBIDDEN", "Forbidden", detail);
    }

    public static ProblemException notFound(String code, String detail) {
        return new ProblemException(404, code, "Not found", detail);
    }

    public static ProblemException conflict(String code, String detail) {
        return new ProblemException(409, code, "Conflict", detail);
    }

    public static ProblemException tooManyRequests(long retryAfterSeconds) {
        return new ProblemException(
                429,
                "TOO_MANY_REQUESTS",
                "Too many requests",
                "Too many attempts. Try again later.",
                List.of(),
                Map.of("Retry-After", Long.toString(Math.max(1, retryAfterSeconds))));
    }

    public static ProblemException unavailable(String code, String detail, long retryAfterSeconds) {
        return new ProblemException(
                503,
                code,
                "Service unavailable",
                detail,
                List.of(),
                Map.of("Retry-After", Long.toString(Math.max(1, retryAfterSeconds))));
    }

    public int status() {
        return status;
    }

    public String code() {
        return code;
    }

    public String title() {
        return title;
    }

    public List<Problem.FieldError> errors() {
        return errors;
    }

    public Map<String, String> headers() {
        return headers;
    }
}
