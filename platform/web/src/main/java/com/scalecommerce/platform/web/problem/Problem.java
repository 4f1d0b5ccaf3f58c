package com.scalecommerce.platform.web.problem;

import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;

/**
 * An RFC 9457 problem detail. {@code code} is the stable, machine-readable reason clients switch on
 * ({@code EMAIL_TAKEN}, {@code OUT_OF_STOCK}); {@code title} and {@code detail} are for people.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Problem(
        URI type,
        String title,
        int status,
        String detail,
        String instance,
        String code,
        String requestId,
        List<FieldError> errors) {

    public static final String MEDIA_TYPE = "application/problem+json";

    /** One invalid input field: where it is ({@code field}) and what is wrong with it. */
    public record FieldError(String field, String message) {}

    public static URI typeFor(String code) {
        return URI.create(
                "https://docs.scalecommerce.dev/problems/" + code.toLowerCase().replace('_', '-'));
    }

    public Response.ResponseBuilder toResponse() {
        return Response.status(status).type(MEDIA_TYPE).entity(this);
    }
}
