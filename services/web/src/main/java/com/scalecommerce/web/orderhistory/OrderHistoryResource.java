package com.scalecommerce.web.orderhistory;

import com.scalecommerce.platform.web.problem.ProblemException;
import com.scalecommerce.web.account.CustomerAccess;
import com.scalecommerce.web.catalog.Navigation;
import com.scalecommerce.web.http.Refused;
import com.scalecommerce.web.orderhistory.OrderModels.Order;
import com.scalecommerce.web.orderhistory.OrderModels.OrderPage;
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
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * The signed-in customer's orders: the history (newest first, orders' cursor for older ones), one order with its
 * lines, totals, addresses, shipment and timeline, and the cancel button while orders still allows it (before
 * fulfilment). Orders answers another customer's order as missing, and so does this page.
 */
@Path("/account/orders")
@RunOnVirtualThread
@Produces(MediaType.TEXT_HTML)
public class OrderHistoryResource {

    static final int PAGE_SIZE = 20;
    /** Orders' cursors are base64url; anything else is not one of ours and is refused without a call. */
    private static final Pattern CURSOR = Pattern.compile("[A-Za-z0-9_=-]{1,300}");

    private final CustomerOrdersCalls orders;
    private final CustomerAccess access;
    private final Viewer viewer;
    private final Navigation navigation;

    OrderHistoryResource(CustomerOrdersCalls orders, CustomerAccess access, Viewer viewer, Navigation navigation) {
        this.orders = orders;
        this.access = access;
        this.viewer = viewer;
        this.navigation = navigation;
    }

    @GET
    public Response history(@QueryParam("cursor") String cursor) {
        if (cursor != null && !CURSOR.matcher(cursor).matches()) {
            throw ProblemException.badRequest("INVALID_CURSOR", "That page of your orders does not exist.");
        }
        OrderPage page;
        try {
            page = access.call(
                    "/account/orders", CustomerAccess.ORDERS, bearer -> orders.list(bearer, cursor, PAGE_SIZE));
        } catch (Refused e) {
            if (e.status() == 400) {
                throw ProblemException.badRequest("INVALID_CURSOR", "That page of your orders does not exist.");
            }
            throw shown(e);
        }
        String next = page.nextCursor() == null
                ? null
                : "/account/orders?cursor=" + URLEncoder.encode(page.nextCursor(), StandardCharsets.UTF_8);
        var views = page.items() == null
                ? List.<OrderView>of()
                : page.items().stream().map(OrderView::of).toList();
        return Response.ok(
                        OrderHistoryPages.orders(navigation.orEmpty(), views, next, cursor == null, viewer.takeFlash()))
                .build();
    }

    @GET
    @Path("{id}")
    public Response order(@PathParam("id") String id) {
        UUID orderId = orderId(id);
        String here = "/account/orders/" + orderId;
        Order order;
        try {
            order = access.call(here, CustomerAccess.ORDERS, bearer -> orders.get(bearer, orderId));
        } catch (Refused e) {
            throw e.status() == 404 ? notFound() : shown(e);
        }
        return Response.ok(OrderHistoryPages.order(
                        navigation.orEmpty(), OrderView.of(order), viewer.getCsrf(), viewer.takeFlash()))
                .build();
    }

    @POST
    @Path("{id}/cancel")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response cancel(@PathParam("id") String id, @FormParam("_csrf") String csrf) {
        viewer.requireCsrf(csrf);
        UUID orderId = orderId(id);
        String here = "/account/orders/" + orderId;
        try {
            Order cancelled = access.call(here, CustomerAccess.ORDERS, bearer -> orders.cancel(bearer, orderId));
            viewer.flash(
                    cancelled.refundedMinor() > 0
                            ? "Your order is cancelled. Your payment is being refunded."
                            : "Your order is cancelled.");
        } catch (Refused e) {
            if (e.status() == 404) {
                throw notFound();
            }
            // Too late (being prepared or shipped meanwhile): say so on the order, which shows its status now.
            viewer.flash(
                    e.status() == 409
                            ? "This order can no longer be cancelled: it is already being prepared or on its way."
                            : e.getMessage());
        }
        return Response.seeOther(URI.create(here)).build();
    }

    private static UUID orderId(String id) {
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw notFound();
        }
    }

    /** Any other refusal (an account without the customer role: 403) as a page saying orders' words. */
    private static ProblemException shown(Refused e) {
        return new ProblemException(e.status(), e.code(), "That did not work", e.getMessage());
    }

    private static ProblemException notFound() {
        return ProblemException.notFound("ORDER_NOT_FOUND", "We could not find that order in your account.");
    }
}
