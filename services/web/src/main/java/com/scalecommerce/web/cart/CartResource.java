package com.scalecommerce.web.cart;

import com.scalecommerce.platform.web.problem.ProblemException;
import com.scalecommerce.web.WebConfig;
import com.scalecommerce.web.cart.CartModels.AddItem;
import com.scalecommerce.web.cart.CartModels.CartView;
import com.scalecommerce.web.cart.OrdersCalls.Change;
import com.scalecommerce.web.catalog.Catalog;
import com.scalecommerce.web.catalog.CatalogModels.CategoryNode;
import com.scalecommerce.web.http.Refused;
import com.scalecommerce.web.session.Session;
import com.scalecommerce.web.session.Viewer;
import io.quarkus.arc.ClientProxy;
import io.quarkus.virtual.threads.VirtualThreads;
import io.smallrye.common.annotation.NonBlocking;
import io.smallrye.common.annotation.RunOnVirtualThread;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.function.Function;
import org.jboss.logging.Logger;

/**
 * The cart page and its forms, all without JavaScript. Every change is a POST carrying the session's CSRF token,
 * answered with 303 back to {@code /cart} (post/redirect/get: reloading the cart page never repeats a change).
 * When orders refuses a change, its problem's detail is kept in the session and shown once on the cart page.
 * The cart lives in orders under the guest cart token, which only the encrypted session cookie carries.
 *
 * <p>A change runs on the event loop: the session is in the cookie (opened from web's cache), the form's body was
 * read there ({@code http/FormBodies}), and orders' client answers there, so the common change never hands off to
 * a virtual thread and back (thread switches that cost a busy 2-core host more than the work). What must block
 * first, a token refresh at users or a guest cart's merge after sign-in, runs on a virtual thread.
 */
@Path("/cart")
@Produces(MediaType.TEXT_HTML)
public class CartResource {

    private static final Logger LOG = Logger.getLogger(CartResource.class);
    private static final URI CART = URI.create("/cart");
    private static final int MAX_QUANTITY = 10;

    private final OrdersCalls orders;
    private final Viewer viewer;
    private final GuestCarts guestCarts;
    private final Catalog catalog;
    private final WebConfig config;
    private final ExecutorService virtualThreads;

    CartResource(
            OrdersCalls orders,
            Viewer viewer,
            GuestCarts guestCarts,
            Catalog catalog,
            WebConfig config,
            @VirtualThreads ExecutorService virtualThreads) {
        this.orders = orders;
        this.viewer = viewer;
        this.guestCarts = guestCarts;
        this.catalog = catalog;
        this.config = config;
        this.virtualThreads = virtualThreads;
    }

    @GET
    @RunOnVirtualThread
    public Response cart() {
        Session session = guestCarts.mergeIntoCustomerCart();
        CartOwner owner = owner(viewer, session);
        CartView cart = owner.bearer() == null && owner.token() == null ? CartView.empty() : read(owner);
        var page = CartPage.of(cart, viewer.takeFlash(), viewer.getCsrf());
        return Response.ok(CartPages.cart(navigation(), page)).build();
    }

    /** From the product page's form. */
    @POST
    @Path("items")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @NonBlocking
    public Uni<Response> add(
            @FormParam("_csrf") String csrf,
            @FormParam("productId") String productId,
            @FormParam("sku") String sku,
            @FormParam("quantity") String quantity) {
        return change(csrf, owner -> {
            UUID id = uuid(productId);
            Integer q = quantity(quantity);
            if (id == null || sku == null || sku.isBlank() || q == null || q < 1) {
                throw new Refused(400, "VALIDATION_FAILED", "Choose a product option and a quantity from 1 to 10.");
            }
            return Change.add(owner, new AddItem(id, sku.strip(), q));
        });
    }

    @POST
    @Path("items/{sku}/quantity")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @NonBlocking
    public Uni<Response> quantity(
            @FormParam("_csrf") String csrf, @PathParam("sku") String sku, @FormParam("quantity") String quantity) {
        return change(csrf, owner -> {
            Integer q = quantity(quantity);
            if (q == null) {
                throw new Refused(400, "VALIDATION_FAILED", "Enter a quantity from 0 to 10.");
            }
            return Change.quantity(owner, sku, q);
        });
    }

    @POST
    @Path("items/{sku}/remove")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @NonBlocking
    public Uni<Response> remove(@FormParam("_csrf") String csrf, @PathParam("sku") String sku) {
        return change(csrf, owner -> Change.remove(owner, sku));
    }

    @POST
    @Path("discount-code")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @NonBlocking
    public Uni<Response> applyCode(@FormParam("_csrf") String csrf, @FormParam("code") String code) {
        return change(csrf, owner -> {
            if (code == null || code.isBlank()) {
                throw new Refused(400, "VALIDATION_FAILED", "Enter a discount code.");
            }
            return Change.applyCode(owner, code.strip());
        });
    }

    @POST
    @Path("discount-code/remove")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @NonBlocking
    public Uni<Response> removeCode(@FormParam("_csrf") String csrf) {
        return change(csrf, Change::removeCode);
    }

    @POST
    @Path("destination")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @NonBlocking
    public Uni<Response> destination(
            @FormParam("_csrf") String csrf, @FormParam("country") String country, @FormParam("region") String region) {
        return change(csrf, owner -> {
            if (country == null || country.isBlank()) {
                throw new Refused(400, "VALIDATION_FAILED", "Choose a country for the shipping estimate.");
            }
            return Change.destination(
                    owner, country.strip(), region == null || region.isBlank() ? null : region.strip());
        });
    }

    /**
     * CSRF first, before anything changes; then the change; a refusal becomes the message on the cart page. A new
     * cart token from orders (the first add) goes into the session.
     *
     * <p>The session is read again after the call: naming the owner may have refreshed the tokens (the access token
     * was about to expire), and writing back a session read before that would put the used refresh token back in the
     * cookie, which users treats as theft on its next use (the session ends).
     */
    private Uni<Response> change(String csrf, Function<CartOwner, Change> build) {
        viewer.requireCsrf(csrf);
        // The request's own Viewer, not the request-scoped proxy: the answer may arrive where no request context is
        // current, and the response filter that writes the cookie reads this same instance.
        Viewer mine = ClientProxy.unwrap(viewer);
        Session session = mine.session();
        if (session.signedIn() && (session.cartToken() != null || mine.refreshDue())) {
            return Uni.createFrom()
                    .item(() -> {
                        guestCarts.mergeIntoCustomerCart();
                        return owner(mine, mine.session());
                    })
                    .runSubscriptionOn(virtualThreads)
                    .chain(owner -> send(mine, build, owner));
        }
        return send(mine, build, owner(mine, session));
    }

    private Uni<Response> send(Viewer mine, Function<CartOwner, Change> build, CartOwner owner) {
        Change change;
        try {
            change = build.apply(owner);
        } catch (Refused e) {
            return Uni.createFrom().item(redirect(mine, null, e.getMessage()));
        }
        return orders.change(change)
                .map(answer -> redirect(mine, answer.getHeaderString(OrdersApi.CART_TOKEN), null))
                .onFailure(Refused.class)
                .recoverWithItem(e -> redirect(mine, null, e.getMessage()))
                .onFailure(e -> !(e instanceof ProblemException))
                .transform(e -> {
                    LOG.debugf(e, "orders unreachable for a cart change");
                    return unavailable(
                            "Your cart cannot be changed right now. Browsing the shop still works; try again in a moment.");
                });
    }

    private static Response redirect(Viewer mine, String token, String refusal) {
        Session session = mine.session();
        if (!session.signedIn() && token != null && !token.isBlank() && !token.equals(session.cartToken())) {
            session = session.withCartToken(token);
        }
        mine.update(session.withFlash(refusal));
        return Response.seeOther(CART).build();
    }

    /** Signed in: the customer's cart (by token); a guest: the session's cart token. */
    private static CartOwner owner(Viewer viewer, Session session) {
        String bearer = session.signedIn() ? viewer.bearer() : null;
        return new CartOwner(bearer, bearer == null ? session.cartToken() : null);
    }

    private CartView read(CartOwner owner) {
        try {
            CartView cart = orders.cart(owner).getEntity();
            return cart == null ? CartView.empty() : cart;
        } catch (Refused e) {
            // Orders no longer knows this token (or refuses it): for the shopper that is an empty cart.
            LOG.debugf("cart refused by orders: %s", e.code());
            return CartView.empty();
        } catch (RuntimeException e) {
            LOG.debugf(e, "orders unreachable");
            throw unavailable(
                    "Your cart cannot be shown right now. Browsing the shop still works; try again in a moment.");
        }
    }

    /** The cart page's category navigation is a nicety: it renders without it when products is down. */
    private List<CategoryNode> navigation() {
        try {
            return catalog.categories();
        } catch (RuntimeException e) {
            return List.of();
        }
    }

    private ProblemException unavailable(String message) {
        return ProblemException.unavailable("ORDERS_UNAVAILABLE", message, config.retryAfterSeconds());
    }

    private static UUID uuid(String value) {
        try {
            return value == null ? null : UUID.fromString(value.strip());
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static Integer quantity(String value) {
        try {
            int q = Integer.parseInt(value == null ? "" : value.strip());
            return q >= 0 && q <= MAX_QUANTITY ? q : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
