package com.scalecommerce.orders.checkout;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.scalecommerce.orders.cart.CartOwner;
import com.scalecommerce.orders.cart.CartToken;
import com.scalecommerce.platform.web.problem.Problem;
import com.scalecommerce.platform.web.problem.ProblemException;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.common.annotation.RunOnVirtualThread;
import jakarta.annotation.security.PermitAll;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.UUID;
import java.util.regex.Pattern;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * {@code POST /api/checkout}: places the order for the caller's cart and pays for it, once per
 * {@code Idempotency-Key}. A repeat with the same key and body gets the first answer again (marked
 * {@code Idempotent-Replayed: true}); while the first is still running, the repeat waits for it; the same key with
 * another body is a 422.
 */
@Path("/api/checkout")
@PermitAll
@RunOnVirtualThread
public class CheckoutResource {

    static final String IDEMPOTENCY_KEY = "Idempotency-Key";
    private static final Pattern KEY = Pattern.compile("[\\x21-\\x7E]{1,255}");

    private final CheckoutSaga saga;
    private final CheckoutRequests requests;
    private final CheckoutConfig config;
    private final SecurityIdentity identity;
    private final JsonWebToken jwt;
    private final ObjectMapper json;

    CheckoutResource(
            CheckoutSaga saga,
            CheckoutRequests requests,
            CheckoutConfig config,
            SecurityIdentity identity,
            JsonWebToken jwt,
            ObjectMapper json) {
        this.saga = saga;
        this.requests = requests;
        this.config = config;
        this.identity = identity;
        this.jwt = jwt;
        this.json = json;
    }

    @POST
    public Response checkout(
            @HeaderParam(IDEMPOTENCY_KEY) String key,
            @HeaderParam(CartToken.HEADER) String cartToken,
            @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
            @Valid @NotNull CheckoutRequest request) {
        if (key == null || key.isEmpty()) {
            throw ProblemException.badRequest(
                    "IDEMPOTENCY_KEY_REQUIRED", "Send an Idempotency-Key header: a unique value per checkout.");
        }
        if (!KEY.matcher(key).matches()) {
            throw ProblemException.badRequest(
                    "IDEMPOTENCY_KEY_INVALID", "An Idempotency-Key is 1 to 255 visible ASCII characters.");
        }
        if (request.shippingMethodId() == null) {
            throw ProblemException.invalidField("shippingMethodId", "is required");
        }
        CheckoutSaga.Shopper shopper = shopper(cartToken, authorization, request);
        String scope = shopper.cart().cartId();
        String hash = hash(request);

        CheckoutRequests.Claim claim = requests.claim(scope, key, hash);
        if (claim instanceof CheckoutRequests.Running || claim instanceof CheckoutRequests.Gone) {
            claim = awaitFirst(scope, key, hash);
        }
        return switch (claim) {
            case CheckoutRequests.Mismatch m ->
                throw new ProblemException(
                        422,
                        "IDEMPOTENCY_KEY_REUSED",
                        "Idempotency key reused",
                        "This Idempotency-Key was sent with a different request; use a new key for a new checkout.");
            case CheckoutRequests.Running r -> throw stillRunning();
            case CheckoutRequests.Gone g -> throw stillRunning();
            case CheckoutRequests.Answered answered -> replay(answered);
            case CheckoutRequests.Claimed c -> run(shopper, scope, key, hash, request);
        };
    }

    private static ProblemException stillRunning() {
        return new ProblemException(
                409,
                "CHECKOUT_IN_PROGRESS",
                "Checkout in progress",
                "A checkout with this Idempotency-Key is still running; ask again shortly.",
                java.util.List.of(),
                java.util.Map.of("Retry-After", "1"));
    }

    private Response run(CheckoutSaga.Shopper shopper, String scope, String key, String hash, CheckoutRequest request) {
        CheckoutSaga.Outcome outcome;
        try {
            outcome = saga.run(shopper, scope, key, hash, request);
        } catch (RuntimeException e) {
            // Refused before an order existed, or failed unexpectedly: with no order the key is freed for a retry.
            // With an order, the key stays claimed and the reconciler settles the order and answers the key, so a
            // retry can never place a second order for a payment that may have gone through.
            if (requests.orderOf(scope, key).isEmpty()) {
                requests.forget(scope, key);
            }
            throw e;
        }
        String body = write(outcome.body());
        if (outcome.remember()) {
            requests.answer(scope, key, outcome.status(), body);
        } else {
            requests.forget(scope, key);
        }
        var response = respond(outcome.status(), body, outcome.orderId());
        if (outcome.retryAfterSeconds() != null) {
            response.header("Retry-After", Long.toString(outcome.retryAfterSeconds()));
        }
        return response.build();
    }

    private CheckoutRequests.Claim awaitFirst(String scope, String key, String hash) {
        long deadline = System.nanoTime() + config.replayWait().toNanos();
        CheckoutRequests.Claim claim = new CheckoutRequests.Running();
        while (claim instanceof CheckoutRequests.Running && System.nanoTime() < deadline) {
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
            claim = requests.look(scope, key, hash);
            if (claim instanceof CheckoutRequests.Gone) {
                // The first request gave up without keeping an answer (e.g. a 503): this one runs it again.
                claim = requests.claim(scope, key, hash);
            }
        }
        return claim;
    }

    private Response replay(CheckoutRequests.Answered answered) {
        return respond(answered.status(), answered.body(), answered.orderId())
                .header("Idempotent-Replayed", "true")
                .build();
    }

    private static Response.ResponseBuilder respond(int status, String body, UUID orderId) {
        var response = Response.status(status)
                .type(status >= 400 ? Problem.MEDIA_TYPE : MediaType.APPLICATION_JSON)
                .entity(body)
                .header("Cache-Control", "no-store");
        if (status == 201 && orderId != null) {
            response.location(URI.create("/api/orders/" + orderId));
        }
        return response;
    }

    private CheckoutSaga.Shopper shopper(String cartToken, String authorization, CheckoutRequest request) {
        if (!identity.isAnonymous()) {
            if (!identity.hasRole("CUSTOMER")) {
                throw ProblemException.forbidden("Checkout is for customers and guests.");
            }
            UUID userId;
            try {
                userId = UUID.fromString(jwt.getSubject());
            } catch (IllegalArgumentException | NullPointerException e) {
                throw ProblemException.forbidden("This token does not name a customer.");
            }
            String email = request.email() != null ? request.email() : jwt.getClaim("email");
            if (email == null || email.isBlank()) {
                throw ProblemException.invalidField("email", "is required");
            }
            return new CheckoutSaga.Shopper(CartOwner.user(userId), userId, authorization, email.trim());
        }
        if (cartToken == null) {
            throw ProblemException.badRequest("CART_TOKEN_REQUIRED", "Sign in, or send the guest cart's X-Cart-Token.");
        }
        if (request.email() == null || request.email().isBlank()) {
            throw ProblemException.invalidField("email", "is required for a guest checkout");
        }
        return new CheckoutSaga.Shopper(
                CartOwner.guest(CartToken.parse(cartToken)),
                null,
                null,
                request.email().trim());
    }

    /** The body as Jackson writes it (record components in declaration order): equal requests hash equal. */
    private String hash(CheckoutRequest request) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(json.writeValueAsBytes(request));
            return HexFormat.of().formatHex(digest);
        } catch (JsonProcessingException | NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private String write(Object body) {
        try {
            return json.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
