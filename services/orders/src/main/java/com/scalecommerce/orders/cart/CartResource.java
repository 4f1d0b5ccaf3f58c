package com.scalecommerce.orders.cart;

import com.scalecommerce.platform.web.problem.ProblemException;
import io.quarkus.security.identity.CurrentIdentityAssociation;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.virtual.threads.VirtualThreads;
import io.smallrye.common.annotation.NonBlocking;
import io.smallrye.common.annotation.RunOnVirtualThread;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * The shopper's cart. A signed-in customer (bearer token with role CUSTOMER) always works on their own cart; a
 * guest works on the cart named by the X-Cart-Token header, which the first add creates and every guest answer
 * returns. A header rather than a cookie: the API is called by the storefront server and other clients, not
 * only browsers, and a header cannot be sent cross-site by a forged form (no CSRF).
 *
 * <p>Adding and removing a line, most of a shopping session's changes, run on the event loop: with the product in
 * orders' catalog cache the request, the Redis script and the answer never leave it, which saves the hand-offs to
 * and from a virtual thread (each a thread switch, and on a busy 2-core host those cost more than the work). A
 * catalog miss and the full cart view continue on a virtual thread. Every other operation runs on one.
 */
@Path("/api/cart")
@PermitAll
public class CartResource {

    public record NewItem(
            @NotNull UUID productId,
            @NotBlank @Size(max = 100) String sku,
            @NotNull Integer quantity) {}

    public record QuantityChange(@NotNull Integer quantity) {}

    public record DiscountCodeChoice(
            @NotBlank @Size(max = 64) String code) {}

    /** {@code country}: ISO 3166-1 alpha-2; {@code region} (optional): its ISO 3166-2 subdivision, e.g. BY. */
    public record DestinationChoice(String country, String region) {}

    static final String PREFER = "Prefer";
    static final String RETURN_MINIMAL = "return=minimal";

    private final Carts carts;
    private final SecurityIdentity identity;
    private final CurrentIdentityAssociation identities;
    private final ExecutorService virtualThreads;

    CartResource(
            Carts carts,
            SecurityIdentity identity,
            CurrentIdentityAssociation identities,
            @VirtualThreads ExecutorService virtualThreads) {
        this.carts = carts;
        this.identity = identity;
        this.identities = identities;
        this.virtualThreads = virtualThreads;
    }

    @GET
    @RunOnVirtualThread
    public Response get(@HeaderParam(CartToken.HEADER) String token) {
        if (!signedIn(identity) && token == null) {
            return answer(carts.empty(), null);
        }
        var guest = guestToken(identity, token);
        return answer(carts.view(owner(identity, guest)), guest);
    }

    @POST
    @Path("/items")
    @NonBlocking
    public Uni<Response> add(
            @HeaderParam(CartToken.HEADER) String token,
            @HeaderParam(PREFER) String prefer,
            @Valid @NotNull NewItem item) {
        // The event loop must not wait for the caller's identity: it is resolved as a Uni (the token's check does
        // not block).
        return identities.getDeferredIdentity().chain(who -> {
            CartToken guest = signedIn(who) ? null : token == null ? CartToken.generate() : CartToken.parse(token);
            return carts.add(owner(who, guest), item.productId(), item.sku(), item.quantity())
                    .chain(() -> changedSoon(who, guest, prefer));
        });
    }

    @PATCH
    @Path("/items/{sku}")
    @RunOnVirtualThread
    public Response change(
            @HeaderParam(CartToken.HEADER) String token,
            @HeaderParam(PREFER) String prefer,
            @PathParam("sku") String sku,
            @Valid @NotNull QuantityChange change) {
        var guest = guestToken(identity, token);
        carts.changeQuantity(owner(identity, guest), sku, change.quantity());
        return changed(identity, guest, prefer);
    }

    @DELETE
    @Path("/items/{sku}")
    @NonBlocking
    public Uni<Response> remove(
            @HeaderParam(CartToken.HEADER) String token,
            @HeaderParam(PREFER) String prefer,
            @PathParam("sku") String sku) {
        return identities.getDeferredIdentity().chain(who -> {
            var guest = guestToken(who, token);
            return carts.remove(owner(who, guest), sku).chain(() -> changedSoon(who, guest, prefer));
        });
    }

    /** Checked against the cart now: a code that does not apply is a 422 problem and is not kept. */
    @PUT
    @Path("/discount-code")
    @RunOnVirtualThread
    public Response applyDiscountCode(
            @HeaderParam(CartToken.HEADER) String token,
            @HeaderParam(PREFER) String prefer,
            @Valid @NotNull DiscountCodeChoice choice) {
        var guest = guestToken(identity, token);
        carts.applyDiscountCode(owner(identity, guest), choice.code());
        return changed(identity, guest, prefer);
    }

    @DELETE
    @Path("/discount-code")
    @RunOnVirtualThread
    public Response removeDiscountCode(
            @HeaderParam(CartToken.HEADER) String token, @HeaderParam(PREFER) String prefer) {
        var guest = guestToken(identity, token);
        carts.removeDiscountCode(owner(identity, guest));
        return changed(identity, guest, prefer);
    }

    @PUT
    @Path("/destination")
    @RunOnVirtualThread
    public Response chooseDestination(
            @HeaderParam(CartToken.HEADER) String token,
            @HeaderParam(PREFER) String prefer,
            @Valid @NotNull DestinationChoice choice) {
        var guest = guestToken(identity, token);
        var destination = CartDestination.parse(choice.country(), choice.region());
        carts.chooseDestination(owner(identity, guest), destination);
        return changed(identity, guest, prefer);
    }

    @DELETE
    @Path("/destination")
    @RunOnVirtualThread
    public Response removeDestination(@HeaderParam(CartToken.HEADER) String token, @HeaderParam(PREFER) String prefer) {
        var guest = guestToken(identity, token);
        carts.removeDestination(owner(identity, guest));
        return changed(identity, guest, prefer);
    }

    /** On sign-in: the guest cart named by X-Cart-Token joins the caller's cart and is deleted. */
    @POST
    @Path("/merge")
    @RunOnVirtualThread
    @RolesAllowed("CUSTOMER")
    public Response merge(@HeaderParam(CartToken.HEADER) String token, @HeaderParam(PREFER) String prefer) {
        if (token == null) {
            throw ProblemException.badRequest("CART_TOKEN_REQUIRED", "Send the guest cart's X-Cart-Token.");
        }
        carts.merge(CartToken.parse(token), customerId(identity));
        return changed(identity, null, prefer);
    }

    private static boolean signedIn(SecurityIdentity who) {
        if (who.isAnonymous()) {
            return false;
        }
        if (!who.hasRole("CUSTOMER")) {
            throw ProblemException.forbidden("Carts belong to customers and guests.");
        }
        return true;
    }

    private static CartToken guestToken(SecurityIdentity who, String header) {
        if (signedIn(who)) {
            return null;
        }
        if (header == null) {
            throw ProblemException.notFound("CART_NOT_FOUND", "No cart: send the X-Cart-Token of your cart.");
        }
        return CartToken.parse(header);
    }

    private static CartOwner owner(SecurityIdentity who, CartToken guest) {
        return guest == null ? CartOwner.user(customerId(who)) : CartOwner.guest(guest);
    }

    private static UUID customerId(SecurityIdentity who) {
        try {
            return UUID.fromString(((JsonWebToken) who.getPrincipal()).getSubject());
        } catch (IllegalArgumentException | NullPointerException | ClassCastException e) {
            throw ProblemException.forbidden("This token does not name a customer.");
        }
    }

    /**
     * The answer to a change: the cart as it is now, priced (shipping and tax estimate included), or, for a client
     * that sent {@code Prefer: return=minimal} (RFC 7240) because it only needs to know the change happened (the
     * storefront redirects to its cart page, which reads the cart anyway), 204 without pricing anything.
     */
    private Response changed(SecurityIdentity who, CartToken guest, String prefer) {
        return minimal(prefer) ? noContent(guest) : answer(carts.view(owner(who, guest)), guest);
    }

    private static boolean minimal(String prefer) {
        return prefer != null && prefer.toLowerCase(Locale.ROOT).contains(RETURN_MINIMAL);
    }

    private static Response noContent(CartToken guest) {
        var response = Response.noContent()
                .header("Preference-Applied", RETURN_MINIMAL)
                .header("Cache-Control", "no-store");
        if (guest != null) {
            response.header(CartToken.HEADER, guest.value());
        }
        return response.build();
    }

    /** {@link #changed} for the event loop: the full cart view (Redis and products) is built on a virtual thread. */
    private Uni<Response> changedSoon(SecurityIdentity who, CartToken guest, String prefer) {
        if (minimal(prefer)) {
            return Uni.createFrom().item(noContent(guest));
        }
        return Uni.createFrom().item(() -> changed(who, guest, prefer)).runSubscriptionOn(virtualThreads);
    }

    private static Response answer(CartView view, CartToken guest) {
        var response = Response.ok(view).header("Cache-Control", "no-store");
        if (guest != null) {
            response.header(CartToken.HEADER, guest.value());
        }
        return response.build();
    }
}
