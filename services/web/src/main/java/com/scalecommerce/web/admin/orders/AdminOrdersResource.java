package com.scalecommerce.web.admin.orders;

import com.scalecommerce.platform.web.problem.ProblemException;
import com.scalecommerce.web.WebConfig;
import com.scalecommerce.web.admin.AdminAccess;
import com.scalecommerce.web.admin.orders.AdminOrderModels.Order;
import com.scalecommerce.web.admin.orders.AdminOrdersChanges.Move;
import com.scalecommerce.web.http.Refused;
import com.scalecommerce.web.session.Viewer;
import io.smallrye.common.annotation.RunOnVirtualThread;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.math.BigDecimal;
import java.net.URI;
import java.util.Currency;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;
import org.jboss.logging.Logger;

/**
 * The admin's orders: a filtered, paged list and one order with its lines, amounts, timeline and the moves its
 * status allows (fulfil, ship, deliver, cancel, refund) plus internal notes. Each move is a POST form answered
 * 303 to the order (post/redirect/get) with the outcome shown once; orders refusing a move (its 409 for an
 * illegal one) or bad form input re-renders the order with the reason and a 4xx status.
 */
@Path("/admin/orders")
@RunOnVirtualThread
@Produces(MediaType.TEXT_HTML)
public class AdminOrdersResource {

    private static final Logger LOG = Logger.getLogger(AdminOrdersResource.class);
    static final int PAGE_SIZE = 25;

    private final AdminAccess access;
    private final AdminOrdersReads orders;
    private final AdminOrdersChanges orderMoves;
    private final Viewer viewer;
    private final WebConfig config;

    AdminOrdersResource(
            AdminAccess access,
            AdminOrdersReads orders,
            AdminOrdersChanges orderMoves,
            Viewer viewer,
            WebConfig config) {
        this.access = access;
        this.orders = orders;
        this.orderMoves = orderMoves;
        this.viewer = viewer;
        this.config = config;
    }

    @GET
    public Response list(
            @QueryParam("status") String status,
            @QueryParam("from") String from,
            @QueryParam("to") String to,
            @QueryParam("customer") String customer,
            @QueryParam("cursor") String cursor) {
        String bearer = access.requireAdmin("/admin/orders");
        OrderFilters filters;
        try {
            filters = OrderFilters.parse(status, from, to, customer);
        } catch (OrderFilters.Invalid e) {
            return listPage(400, OrderFilters.NONE, List.of(), null, false, e.getMessage());
        }
        String after = cursor == null || cursor.isBlank() ? null : cursor;
        try {
            var page = orders.list(bearer, filters, after, PAGE_SIZE);
            String next = page.nextCursor() == null ? null : nextPage(filters, page.nextCursor());
            return listPage(200, filters, page.items(), next, after != null, null);
        } catch (Refused e) {
            // A filter orders does not accept (a customer that is neither an email nor a user id, a stale cursor).
            return listPage(e.status() == 403 ? 403 : 400, filters, List.of(), null, after != null, e.message());
        } catch (RuntimeException e) {
            throw unavailable(e);
        }
    }

    @GET
    @Path("/{id}")
    public Response detail(@PathParam("id") String id) {
        UUID orderId = orderId(id);
        String bearer = access.requireAdmin(orderPath(orderId));
        Order order = load(bearer, orderId);
        return detailPage(200, order, viewer.takeFlash(), null);
    }

    @POST
    @Path("/{id}/fulfil")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response fulfil(@PathParam("id") String id, @FormParam("_csrf") String csrf) {
        UUID orderId = orderId(id);
        String bearer = access.requireAdmin(orderPath(orderId), csrf);
        return move(bearer, orderId, Move.fulfil(bearer, orderId), o -> "is being fulfilled");
    }

    @POST
    @Path("/{id}/ship")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response ship(
            @PathParam("id") String id,
            @FormParam("_csrf") String csrf,
            @FormParam("carrier") String carrier,
            @FormParam("trackingNumber") String trackingNumber) {
        UUID orderId = orderId(id);
        String bearer = access.requireAdmin(orderPath(orderId), csrf);
        if (blank(carrier) || blank(trackingNumber)) {
            return refusedInput(bearer, orderId, "Enter the carrier and the tracking number to ship the order.");
        }
        if (carrier.strip().length() > 100 || trackingNumber.strip().length() > 100) {
            return refusedInput(bearer, orderId, "The carrier and the tracking number are at most 100 characters.");
        }
        return move(
                bearer,
                orderId,
                Move.ship(bearer, orderId, carrier.strip(), trackingNumber.strip()),
                o -> "was shipped with " + o.carrier() + " (" + o.trackingNumber() + ")");
    }

    @POST
    @Path("/{id}/deliver")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response deliver(@PathParam("id") String id, @FormParam("_csrf") String csrf) {
        UUID orderId = orderId(id);
        String bearer = access.requireAdmin(orderPath(orderId), csrf);
        return move(bearer, orderId, Move.deliver(bearer, orderId), o -> "is marked delivered");
    }

    @POST
    @Path("/{id}/cancel")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response cancel(
            @PathParam("id") String id, @FormParam("_csrf") String csrf, @FormParam("reason") String reason) {
        UUID orderId = orderId(id);
        String bearer = access.requireAdmin(orderPath(orderId), csrf);
        if (blank(reason)) {
            return refusedInput(bearer, orderId, "Say why the order is cancelled: the reason goes in its timeline.");
        }
        if (reason.strip().length() > 500) {
            return refusedInput(bearer, orderId, "The reason is at most 500 characters.");
        }
        return move(bearer, orderId, Move.cancel(bearer, orderId, reason.strip()), o -> "was cancelled");
    }

    /**
     * Refunds {@code amount} (in the order's currency, e.g. 12.50) or, left empty, everything not yet refunded.
     * Orders' refund takes no reason, so a reason given here is added to the timeline as a note afterwards.
     */
    @POST
    @Path("/{id}/refund")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response refund(
            @PathParam("id") String id,
            @FormParam("_csrf") String csrf,
            @FormParam("currency") String currency,
            @FormParam("amount") String amount,
            @FormParam("reason") String reason) {
        UUID orderId = orderId(id);
        String bearer = access.requireAdmin(orderPath(orderId), csrf);
        Long amountMinor;
        try {
            amountMinor = minorUnits(amount, currency);
        } catch (IllegalArgumentException e) {
            return refusedInput(bearer, orderId, e.getMessage());
        }
        if (!blank(reason) && reason.strip().length() > 1900) {
            return refusedInput(bearer, orderId, "The reason is at most 1,900 characters.");
        }
        Response answer = move(bearer, orderId, Move.refund(bearer, orderId, amountMinor), o -> "was refunded");
        if (answer.getStatus() == 303 && !blank(reason)) {
            try {
                orderMoves.move(Move.note(bearer, orderId, "Refund reason: " + reason.strip()));
            } catch (RuntimeException e) {
                // The refund happened; only its note is missing. Said, not hidden.
                LOG.debugf(e, "refund note not added to order %s", orderId);
                viewer.flash("The refund was made, but its reason could not be added to the timeline.");
            }
        }
        return answer;
    }

    @POST
    @Path("/{id}/notes")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response note(@PathParam("id") String id, @FormParam("_csrf") String csrf, @FormParam("text") String text) {
        UUID orderId = orderId(id);
        String bearer = access.requireAdmin(orderPath(orderId), csrf);
        if (blank(text)) {
            return refusedInput(bearer, orderId, "Write the note first.");
        }
        if (text.strip().length() > 2000) {
            return refusedInput(bearer, orderId, "A note is at most 2,000 characters.");
        }
        return move(bearer, orderId, Move.note(bearer, orderId, text.strip()), o -> "has a new note");
    }

    private Response move(String bearer, UUID orderId, Move move, Function<Order, String> outcome) {
        try {
            Order moved = orderMoves.move(move);
            viewer.flash("Order " + moved.number() + " " + outcome.apply(moved) + ".");
            return Response.seeOther(URI.create(orderPath(orderId))).build();
        } catch (Refused e) {
            if (e.status() == 404) {
                throw ProblemException.notFound("ORDER_NOT_FOUND", "There is no such order.");
            }
            return detailPage(e.status(), load(bearer, orderId), null, e.message());
        } catch (RuntimeException e) {
            throw unavailable(e);
        }
    }

    private Response refusedInput(String bearer, UUID orderId, String problem) {
        return detailPage(400, load(bearer, orderId), null, problem);
    }

    private Order load(String bearer, UUID orderId) {
        try {
            return orders.get(bearer, orderId);
        } catch (Refused e) {
            if (e.status() == 404 || e.status() == 400) {
                throw ProblemException.notFound("ORDER_NOT_FOUND", "There is no such order.");
            }
            throw ProblemException.forbidden(e.message());
        } catch (RuntimeException e) {
            throw unavailable(e);
        }
    }

    private Response detailPage(int status, Order order, String flash, String problem) {
        return Response.status(status)
                .entity(AdminOrderPages.detail(
                        order, OrderActions.allowedFor(order.status()), viewer.getCsrf(), flash, problem))
                .build();
    }

    private static Response listPage(
            int status, OrderFilters filters, List<Order> items, String next, boolean paged, String problem) {
        return Response.status(status)
                .entity(AdminOrderPages.list(filters, OrderFilters.STATUSES, items, next, paged, problem))
                .build();
    }

    private ProblemException unavailable(RuntimeException e) {
        LOG.debugf(e, "orders unreachable for the admin");
        return ProblemException.unavailable(
                "ORDERS_UNAVAILABLE",
                "Orders cannot be reached right now. Nothing was changed; try again in a moment.",
                config.retryAfterSeconds());
    }

    /**
     * An amount typed in the currency's units ("12.50") as minor units; empty means "the rest" (null). Orders
     * checks it against what is left to refund.
     */
    static Long minorUnits(String amount, String currency) {
        if (blank(amount)) {
            return null;
        }
        Currency unit;
        try {
            unit = Currency.getInstance(currency == null ? "" : currency.strip());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("Reload the order and try again: its currency was not sent.");
        }
        try {
            BigDecimal value = new BigDecimal(amount.strip().replace(",", ""));
            long minor = value.movePointRight(Math.max(unit.getDefaultFractionDigits(), 0))
                    .longValueExact();
            if (minor <= 0) {
                throw new ArithmeticException("not positive");
            }
            return minor;
        } catch (NumberFormatException | ArithmeticException e) {
            throw new IllegalArgumentException(
                    "The amount must be a positive number in " + unit.getCurrencyCode() + ", such as 12.50.");
        }
    }

    private static String nextPage(OrderFilters filters, String cursor) {
        String query = filters.query();
        return "/admin/orders?" + (query.isEmpty() ? "" : query + "&") + "cursor="
                + java.net.URLEncoder.encode(cursor, java.nio.charset.StandardCharsets.UTF_8);
    }

    private static UUID orderId(String id) {
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw ProblemException.notFound("ORDER_NOT_FOUND", "There is no such order.");
        }
    }

    private static String orderPath(UUID id) {
        return "/admin/orders/" + id;
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
