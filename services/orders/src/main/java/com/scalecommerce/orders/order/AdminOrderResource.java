package com.scalecommerce.orders.order;

import com.scalecommerce.platform.web.paging.CreatedCursor;
import com.scalecommerce.platform.web.paging.Page;
import com.scalecommerce.platform.web.problem.Problem;
import com.scalecommerce.platform.web.problem.ProblemException;
import io.smallrye.common.annotation.RunOnVirtualThread;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.jwt.JsonWebToken;

@Path("/api/admin/orders")
@RolesAllowed("ADMIN")
@RunOnVirtualThread
public class AdminOrderResource {

    private final Orders orders;
    private final JsonWebToken jwt;
    private final OrderConfig config;

    AdminOrderResource(Orders orders, JsonWebToken jwt, OrderConfig config) {
        this.orders = orders;
        this.jwt = jwt;
        this.config = config;
    }

    public record ShipRequest(String carrier, String trackingNumber) {}

    public record CancelRequest(String reason) {}

    public record RefundRequest(Long amountMinor) {}

    public record NoteRequest(String text) {}

    /**
     * {@code from}/{@code to} take a date ({@code 2026-11-01}, UTC midnight) or a timestamp; {@code to} is exclusive.
     * {@code customer} is a user id or an email.
     */
    @GET
    public Page<Order> list(
            @QueryParam("status") String status,
            @QueryParam("from") String from,
            @QueryParam("to") String to,
            @QueryParam("customer") String customer,
            @QueryParam("minTotal") Long minTotal,
            @QueryParam("maxTotal") Long maxTotal,
            @QueryParam("cursor") String cursor,
            @QueryParam("limit") Integer limit) {
        var errors = new ArrayList<Problem.FieldError>();
        OrderStatus wanted = null;
        if (status != null) {
            try {
                wanted = OrderStatus.valueOf(status);
            } catch (IllegalArgumentException e) {
                errors.add(new Problem.FieldError("status", "is not an order status"));
            }
        }
        OffsetDateTime since = instant("from", from, errors);
        OffsetDateTime until = instant("to", to, errors);
        UUID customerId = null;
        String email = null;
        if (customer != null) {
            if (customer.contains("@")) {
                email = customer.trim();
            } else {
                try {
                    customerId = UUID.fromString(customer);
                } catch (IllegalArgumentException e) {
                    errors.add(new Problem.FieldError("customer", "must be a user id or an email"));
                }
            }
        }
        if (minTotal != null && maxTotal != null && minTotal > maxTotal) {
            errors.add(new Problem.FieldError("minTotal", "must not exceed maxTotal"));
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalidFields(errors);
        }
        var filter = new OrderFilter(wanted, since, until, customerId, email, minTotal, maxTotal);
        return orders.list(
                filter,
                CreatedCursor.decode(cursor),
                Page.size(limit, config.adminPageSize(), config.adminMaxPageSize()));
    }

    @GET
    @Path("/{id}")
    public Order get(@PathParam("id") UUID id) {
        return orders.withTimeline(id);
    }

    @POST
    @Path("/{id}/fulfil")
    public Order fulfil(@PathParam("id") UUID id) {
        orders.fulfil(id, me());
        return orders.withTimeline(id);
    }

    @POST
    @Path("/{id}/ship")
    public Order ship(@PathParam("id") UUID id, ShipRequest body) {
        var errors = new ArrayList<Problem.FieldError>();
        String carrier = text(body == null ? null : body.carrier(), "carrier", 100, errors);
        String tracking = text(body == null ? null : body.trackingNumber(), "trackingNumber", 100, errors);
        if (!errors.isEmpty()) {
            throw ProblemException.invalidFields(errors);
        }
        orders.ship(id, me(), carrier, tracking);
        return orders.withTimeline(id);
    }

    @POST
    @Path("/{id}/deliver")
    public Order deliver(@PathParam("id") UUID id) {
        orders.deliver(id, me());
        return orders.withTimeline(id);
    }

    @POST
    @Path("/{id}/cancel")
    public Order cancel(@PathParam("id") UUID id, CancelRequest body) {
        var errors = new ArrayList<Problem.FieldError>();
        String reason = text(body == null ? null : body.reason(), "reason", 500, errors);
        if (!errors.isEmpty()) {
            throw ProblemException.invalidFields(errors);
        }
        orders.cancel(id, me(), reason);
        return orders.withTimeline(id);
    }

    @POST
    @Path("/{id}/refund")
    public Order refund(@PathParam("id") UUID id, RefundRequest body) {
        orders.refund(id, me(), body == null ? null : body.amountMinor());
        return orders.withTimeline(id);
    }

    @POST
    @Path("/{id}/notes")
    public Order note(@PathParam("id") UUID id, NoteRequest body) {
        var errors = new ArrayList<Problem.FieldError>();
        String text = text(body == null ? null : body.text(), "text", 2000, errors);
        if (!errors.isEmpty()) {
            throw ProblemException.invalidFields(errors);
        }
        return orders.note(id, me(), text);
    }

    private Actor me() {
        return Actor.admin(UUID.fromString(jwt.getSubject()));
    }

    private static String text(String value, String field, int max, List<Problem.FieldError> errors) {
        if (value == null || value.isBlank()) {
            errors.add(new Problem.FieldError(field, "is required"));
            return null;
        }
        if (value.length() > max) {
            errors.add(new Problem.FieldError(field, "must be at most " + max + " characters"));
            return null;
        }
        return value.strip();
    }

    private static OffsetDateTime instant(String field, String value, List<Problem.FieldError> errors) {
        if (value == null) {
            return null;
        }
        try {
            return value.length() == 10
                    ? LocalDate.parse(value).atStartOfDay().atOffset(ZoneOffset.UTC)
                    : OffsetDateTime.parse(value);
        } catch (DateTimeParseException e) {
            errors.add(new Problem.FieldError(field, "must be a date (2026-11-01) or an ISO timestamp"));
            return null;
        }
    }
}
