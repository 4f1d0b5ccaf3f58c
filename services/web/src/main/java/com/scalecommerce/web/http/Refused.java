package com.scalecommerce.web.http;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A service answered a request with a 4xx problem (wrong password, invalid field, illegal order move...): its
 * answer about the request, not a failure of that service. Pages show its detail to the person; fault tolerance
 * neither retries it nor counts it against a circuit breaker ({@code abortOn}/{@code skipOn} this class).
 * A REST client turns such an answer into this exception with {@link #from(Response, String)} in its
 * {@code @ClientExceptionMapper}; 5xx answers stay failures.
 */
public class Refused extends RuntimeException {

    private final int status;
    private final String code;
    private final List<FieldError> errors;

    public Refused(int status, String code, String detail, List<FieldError> errors) {
        super(detail, null, false, false);
        this.status = status;
        this.code = code;
        this.errors = errors == null ? List.of() : List.copyOf(errors);
    }

    public Refused(int status, String code, String detail) {
        this(status, code, detail, List.of());
    }

    public int status() {
        return status;
    }

    /** The problem's machine-readable code (e.g. {@code INVALID_CREDENTIALS}), or null when it had none. */
    public String code() {
        return code;
    }

    public List<FieldError> errors() {
        return errors;
    }

    /** The detail plus, for a validation problem, each field's message: what a form shows above itself. */
    public String message() {
        if (errors.isEmpty()) {
            return getMessage();
        }
        return getMessage() + " "
                + errors.stream().map(e -> e.field() + ": " + e.message()).collect(Collectors.joining("; "));
    }

    /**
     * For a {@code @ClientExceptionMapper}: a 4xx answer becomes a Refused carrying the problem's detail (or
     * {@code fallback} when the body is not problem+json); anything else returns null (the client's default).
     */
    public static RuntimeException from(Response response, String fallback) {
        int status = response.getStatus();
        if (status < 400 || status >= 500) {
            return null;
        }
        ProblemBody problem = null;
        try {
            problem = response.readEntity(ProblemBody.class);
        } catch (RuntimeException e) {
            // Not problem+json: the fallback message below.
        }
        String detail = problem != null && problem.detail() != null ? problem.detail() : fallback;
        return new Refused(
                status, problem == null ? null : problem.code(), detail, problem == null ? null : problem.errors());
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record ProblemBody(String code, String title, String detail, List<FieldError> errors) {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record FieldError(String field, String message) {}
}
