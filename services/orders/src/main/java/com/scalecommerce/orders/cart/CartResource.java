package com.scalecommerce.orders.cart;

import com.scalecommerce.platform.web.problem.ProblemException;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.common.annotation.RunOnVirtualThread;
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
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * The shopper's cart. A signed-in customer (bearer token with role CUSTOMER) always works on their own cart; a
 * guest works on the cart named by the X-Cart-Token header, which the first add creates and every guest answer
 * returns. A header rather than a cookie: the API is called by the storefront server and other clients, not
 * only browsers, and a header cannot be sent cross-site by a forged form (no CSRF).
 */
@Path("/api/cart")
@PermitAll
@RunOnVirtualThread
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
    private final JsonWebToken jwt;

    CartResource(Carts carts, SecurityIdentity identity, JsonWebToken jwt) {
        this.carts = carts;
        this.identity = identity;
        this.jwt = jwt;
    }

    @GET
    public Response get(@HeaderParam(CartToken.HEADER) String token) {
        if (!signedIn() && token == null) {
            return answer(carts.empty(), null);
        }
        var guest = guestToken(token);
        return answer(carts.view(owner(guest)), guest);
    }

    @POST
    @Path("/items")
    public Response add(
            @HeaderParam(CartToken.HEADER) String token,
            @HeaderParam(PREFER) String prefer,
            @Valid @NotNull NewItem item) {
        CartToken guest = signedIn() ? null : token == null ? CartToken.generate() : CartToken.parse(token);
        carts.add(owner(guest), item.productId(), item.sku(), item.quantity());
        return changed(guest, prefer);
    }

    @PATCH
    @Path("/items/{sku}")
    public Response change(
            @HeaderParam(CartToken.HEADER) String token,
            @HeaderParam(PREFER) String prefer,
            @PathParam("sku") String sku,
            @Valid @NotNull QuantityChange change) {
        var guest = guestToken(token);
        carts.changeQuantity(owner(guest), sku, change.quantity());
        return changed(guest, prefer);
    }

    @DELETE
    @Path("/items/{sku}")
    public Response remove(
            @HeaderParam(CartToken.HEADER) String token,
            @HeaderParam(PREFER) String prefer,
            @PathParam("sku") String sku) {
        var guest = guestToken(token);
        carts.remove(owner(guest), sku);
        return changed(guest, prefer);
    }

    /** Checked against the cart now: a code that does not apply is a 422 problem and is not kept. */
    @PUT
    @Path("/discount-code")
    public Response applyDiscountCode(
            @HeaderParam(CartToken.HEADER) String token,
            @HeaderParam(PREFER) String prefer,
            @Valid @NotNull DiscountCodeChoice choice) {
        var guest = guestToken(token);
        carts.applyDiscountCode(owner(guest), choice.code());
        return changed(guest, prefer);
    }

    @DELETE
    @Path("/discount-code")
    public Response removeDiscountCode(
            @HeaderParam(CartToken.HEADER) String token, @HeaderParam(PREFER) String prefer) {
        var guest = guestToken(token);
        carts.removeDiscountCode(owner(guest));
        return changed(guest, prefer);
    }

    @PUT
    @Path("/destination")
    public Response chooseDestination(
            @HeaderParam(CartToken.HEADER) String token,
            @HeaderParam(PREFER) String prefer,
            @Valid @NotNull DestinationChoice choice) {
        var guest = guestToken(token);
        var destination = CartDestination.parse(choice.country(), choice.region());
        carts.chooseDestination(owner(guest), destination);
        return changed(guest, prefer);
    }

    @DELETE
    @Path("/destination")
    public Response removeDestination(@HeaderParam(CartToken.HEADER) String token, @HeaderParam(PREFER) String prefer) {
        var guest = guestToken(token);
        carts.removeDestination(owner(guest));
        return changed(guest, prefer);
    }

    /** On sign-in: the guest cart named by X-Cart-Token joins the caller's cart and is deleted. */
    @POST
    @Path("/merge")
    @RolesAllowed("CUSTOMER")
    public Response merge(@HeaderParam(CartToken.HEADER) String token, @HeaderParam(PREFER) String prefer) {
        if (token == null) {
            throw ProblemException.badRequest("CART_TOKEN_REQUIRED", "Send the guest cart's X-Cart-Token.");
        }
        carts.merge(CartToken.parse(token), customerId());
        return changed(null, prefer);
    }

    private boolean signedIn() {
        if (identity.isAnonymous()) {
            return false;
        }
        if (!identity.hasRole("CUSTOMER")) {
            throw ProblemException.forbidden("Carts belong to customers and guests.");
        }
        return true;
    }

    private CartToken guestToken(String header) {
        if (signedIn()) {
            return null;
        }
        if (header == null) {
            throw ProblemException.notFound("CART_NOT_FOUND", "No cart: send the X-Cart-Token of your cart.");
        }
        return CartToken.parse(header);
    }

    private CartOwner owner(CartToken guest) {
        return guest == null ? CartOwner.user(customerId()) : CartOwner.guest(guest);
    }

    private UUID customerId() {
        try {
            return UUID.fromString(jwt.getSubject());
        } catch (IllegalArgumentException | NullPointerException e) {
            throw ProblemException.forbidden("This token does not name a customer.");
        }
    }

    /**
     * The answer to a change: the cart as it is now, priced (shipping and tax estimate included), or, for a client
     * that sent {@code Prefer: return=minimal} (RFC 7240) because it only needs to know the change happened (the
     * storefront redirects to its cart page, which reads the cart anyway), 204 without pricing anything.
     */
    private Response changed(CartToken guest, String prefer) {
        if (prefer != null && prefer.toLowerCase(Locale.ROOT).contains(RETURN_MINIMAL)) {
            var response = Response.noContent()
                    .header("Preference-Applied", RETURN_MINIMAL)
                    .header("Cache-Control", "no-store");
            if (guest != null) {
                response.header(CartToken.HEADER, guest.value());
            }
            return response.build();
        }
        return answer(carts.view(owner(guest)), guest);
    }

    private static Response answer(CartView view, CartToken guest) {
        var response = Response.ok(view).header("Cache-Control", "no-store");
        if (guest != null) {
            response.header(CartToken.HEADER, guest.value());
        }
        return response.build();
    }
}
