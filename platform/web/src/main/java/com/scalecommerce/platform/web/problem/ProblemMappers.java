package com.scalecommerce.platform.web.problem;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import io.vertx.core.http.ConnectionPoolTooBusyException;
import io.vertx.core.http.HttpClosedException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * Turns every exception that reaches the REST layer into {@code application/problem+json}. Unexpected
 * failures are logged with their stack trace here and answered with a bare 500 and the request id, so
 * nothing about the internals leaves the service.
 */
public class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

    @ServerExceptionMapper
    public Response problem(ProblemException e) {
        return Problems.response(e.status(), e.code(), e.title(), e.getMessage(), e.errors(), e.headers());
    }

    @ServerExceptionMapper
    public Response validation(ConstraintViolationException e) {
        List<Problem.FieldError> errors = e.getConstraintViolations().stream()
                .map(v -> new Problem.FieldError(fieldOf(v), v.getMessage()))
                .sorted(Comparator.comparing(Problem.FieldError::field))
                .toList();
        return Problems.response(
                400, "VALIDATION_FAILED", "Invalid input", "One or more fields are invalid.", errors, Map.of());
    }

    @ServerExceptionMapper
    public Response unreadableJson(JsonProcessingException e) {
        return jsonProblem(e);
    }

    // Quarkus ships its own mapper for this subtype (plain text); a mapper for the exact type wins over it.
    @ServerExceptionMapper
    public Response mismatchedJson(MismatchedInputException e) {
        return jsonProblem(e);
    }

    private static Response jsonProblem(JsonProcessingException e) {
        if (e instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
            String field = mapping.getPath().stream()
                    .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
                    .collect(Collectors.joining("."))
                    .replace(".[", "[");
            String message = e instanceof UnrecognizedPropertyException
                    ? "is not a field of this request"
                    : e instanceof InvalidFormatException ? "has the wrong type or format" : "is invalid";
            return Problems.response(
                    400,
                    "VALIDATION_FAILED",
                    "Invalid input",
                    "One or more fields are invalid.",
                    List.of(new Problem.FieldError(field, message)),
                    Map.of());
        }
        return Problems.response(
                400, "MALFORMED_JSON", "Malformed request body", "The request body is not valid JSON.");
    }

    @ServerExceptionMapper
    public Response unauthenticated(AuthenticationFailedException e) {
        return unauthorizedResponse();
    }

    @ServerExceptionMapper
    public Response unauthorized(UnauthorizedException e) {
        return unauthorizedResponse();
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e) {
        return Problems.response(403, "FORBIDDEN", "Forbidden", "You are not allowed to do this.");
    }

    @ServerExceptionMapper
    public Response http(WebApplicationException e) {
        if (e.getCause() instanceof JsonProcessingException json) {
            return jsonProblem(json);
        }
        int status = e.getResponse().getStatus();
        if (status >= 500) {
            LOG.error("Request failed", e);
        }
        var reason = Response.Status.fromStatusCode(status);
        String title = reason != null ? reason.getReasonPhrase() : "HTTP " + status;
        String detail = status >= 500 ? "The request could not be completed." : title + ".";
        Map<String, String> headers = status == 401 ? Map.of("WWW-Authenticate", "Bearer") : Map.of();
        return Problems.response(status, Problems.codeFor(status), title, detail, List.of(), headers);
    }

    // A saturated client pool (Redis, HTTP) is load, not a bug: tell the caller to come back shortly.
    @ServerExceptionMapper
    public Response saturated(ConnectionPoolTooBusyException e) {
        LOG.warn("Connection pool saturated: " + e.getMessage());
        return Problems.response(
                503,
                "SERVICE_BUSY",
                "Service busy",
                "The service is under heavy load. Try again shortly.",
                List.of(),
                Map.of("Retry-After", "1"));
    }

    /**
     * SQLState classes 08 (connection exception), 53 (insufficient resources: too many connections), 57P
     * (server shutting down or starting up), or the pool's own acquisition timeout, anywhere in the cause chain.
     */
    static boolean databaseUnreachable(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof java.sql.SQLException sql) {
                String state = sql.getSQLState();
                if (state != null && (state.startsWith("08") || state.startsWith("53") || state.startsWith("57P"))) {
                    return true;
                }
                if (sql.getMessage() != null && sql.getMessage().contains("acquisition timeout")) {
                    return true;
                }
            }
        }
        return false;
    }

    // The client hung up while we read its body: nobody is left to answer and nothing is wrong with us.
    @ServerExceptionMapper
    public Response clientGone(IOException e) {
        if (e.getCause() instanceof HttpClosedException) {
            LOG.debug("Client closed the connection before its request body was read");
            return Problems.response(
                    400, "CLIENT_CLOSED", "Client closed the connection", "The request was incomplete.");
        }
        return unexpected(e);
    }

    @ServerExceptionMapper(priority = jakarta.ws.rs.Priorities.USER + 1000)
    public Response unexpected(Throwable e) {
        if (databaseUnreachable(e)) {
            // PostgreSQL restarting, unreachable or out of connection slots: a blip to wait out, not a bug.
            LOG.warn("Database unavailable: " + e.getMessage());
            return Problems.response(
                    503,
                    "DATABASE_UNAVAILABLE",
                    "Service unavailable",
                    "The service cannot reach its database right now. Try again shortly.",
                    List.of(),
                    Map.of("Retry-After", "1"));
        }
        LOG.error("Unexpected failure", e);
        return Problems.response(
                500, "INTERNAL_ERROR", "Internal error", "The request could not be completed. Quote the request id.");
    }

    private static Response unauthorizedResponse() {
        return Problems.response(
                401,
                "UNAUTHORIZED",
                "Unauthorized",
                "A valid access token is required.",
                List.of(),
                Map.of("WWW-Authenticate", "Bearer"));
    }

    /** "register.arg0.email" -> "email": clients know their field names, not our method signatures. */
    private static String fieldOf(ConstraintViolation<?> violation) {
        String path = violation.getPropertyPath().toString();
        String[] parts = path.split("\\.");
        if (parts.length >= 3) {
            return String.join(".", java.util.Arrays.copyOfRange(parts, 2, parts.length));
        }
        return parts[parts.length - 1];
    }
}
