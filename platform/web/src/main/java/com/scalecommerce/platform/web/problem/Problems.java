package com.scalecommerce.platform.web.problem;

import com.scalecommerce.platform.web.requestid.RequestIds;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Map;

/** Builds problem responses so every mapper answers in the same shape. */
public final class Problems {

    private Problems() {}

    public static Response response(
            int status,
            String code,
            String title,
            String detail,
            List<Problem.FieldError> errors,
            Map<String, String> headers) {
        var problem = new Problem(
                Problem.typeFor(code),
                title,
                status,
                detail,
                null,
                code,
                RequestIds.current(),
                errors == null || errors.isEmpty() ? null : errors);
        var builder = problem.toResponse();
        headers.forEach(builder::header);
        return builder.build();
    }

    public static Response response(int status, String code, String title, String detail) {
        return response(status, code, title, detail, List.of(), Map.of());
    }

    /** The generic code for an HTTP status, for errors raised by the framework rather than by our code. */
    public static String codeFor(int status) {
        return switch (status) {
            case 400 -> "BAD_REQUEST";
            case 401 -> "UNAUTHORIZED";
            case 403 -> "FORBIDDEN";
            case 404 -> "NOT_FOUND";
            case 405 -> "METHOD_NOT_ALLOWED";
            case 406 -> "NOT_ACCEPTABLE";
            case 409 -> "CONFLICT";
            case 413 -> "PAYLOAD_TOO_LARGE";
            case 415 -> "UNSUPPORTED_MEDIA_TYPE";
            case 429 -> "TOO_MANY_REQUESTS";
            case 503 -> "SERVICE_UNAVAILABLE";
            default -> status >= 500 ? "INTERNAL_ERROR" : "HTTP_" + status;
        };
    }
}
