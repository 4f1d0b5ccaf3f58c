package com.scalecommerce.web.session;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.UUID;

/**
 * What the web tier remembers about one browser, carried in the encrypted session cookie. {@code seed} is a random
 * per-session value the CSRF token is derived from; {@code cartToken} is orders' guest cart token (null until the
 * first add to cart, and again after sign-in, when the guest cart has joined the customer's); {@code flash} is a
 * message for the next page (an action's outcome), shown once; {@code signIn} is the signed-in person's tokens
 * from users (null for a guest); {@code checkout} is the checkout in progress (null when none).
 */
public record Session(String seed, String cartToken, String flash, SignIn signIn, CheckoutDraft checkout) {

    public Session(String seed, String cartToken, String flash, SignIn signIn) {
        this(seed, cartToken, flash, signIn, null);
    }

    public Session withCartToken(String token) {
        return new Session(seed, token, flash, signIn, checkout);
    }

    public Session withFlash(String message) {
        return new Session(seed, cartToken, message, signIn, checkout);
    }

    public Session withSignIn(SignIn value) {
        return new Session(seed, cartToken, flash, value, checkout);
    }

    public Session withCheckout(CheckoutDraft value) {
        return new Session(seed, cartToken, flash, signIn, value);
    }

    public boolean signedIn() {
        return signIn != null;
    }

    /**
     * Users' answer to a sign-in, as the browser's session keeps it (encrypted, so the tokens are never readable
     * by the browser). {@code accessExpiresAt} is epoch seconds; the web tier refreshes the access token with the
     * refresh token shortly before then, server-side.
     */
    public record SignIn(
            String userId,
            String email,
            List<String> roles,
            String accessToken,
            long accessExpiresAt,
            String refreshToken) {

        public SignIn {
            // Sessions keeps opened sessions for reuse across requests: nothing in one may change.
            roles = roles == null ? null : List.copyOf(roles);
        }

        public boolean hasRole(String role) {
            return roles != null && roles.contains(role);
        }
    }

    /**
     * A checkout in progress, step by step: the web tier has no store of its own, so what the shopper chose so far
     * rides in the encrypted cookie until the order is placed. Short JSON names keep the cookie small (browsers cap
     * a cookie near 4 KB, and the sign-in tokens share it). {@code key} is the idempotency key of
     * {@code POST /api/checkout}: stable while the draft is unchanged, so a double submit or a retry after a lost
     * answer places one order. {@code pending}: a payment waiting for 3-D Secure; {@code placed}: what the
     * confirmation page shows of the order just placed (guests cannot read orders back from the orders service).
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record CheckoutDraft(
            @JsonProperty("k") String key,
            @JsonProperty("e") String email,
            @JsonProperty("i") UUID addressId,
            @JsonProperty("a") Address address,
            @JsonProperty("m") UUID shippingMethodId,
            @JsonProperty("p") String paymentMethod,
            @JsonProperty("w") Pending pending,
            @JsonProperty("o") Placed placed) {

        /** A postal address as orders' checkout takes it (country: ISO 3166-1 alpha-2). */
        @JsonInclude(JsonInclude.Include.NON_NULL)
        @JsonIgnoreProperties(ignoreUnknown = true)
        public record Address(
                @JsonProperty("n") String recipientName,
                @JsonProperty("c") String company,
                @JsonProperty("l1") String line1,
                @JsonProperty("l2") String line2,
                @JsonProperty("t") String city,
                @JsonProperty("r") String region,
                @JsonProperty("z") String postalCode,
                @JsonProperty("cc") String country,
                @JsonProperty("ph") String phone) {}

        /** Orders answered 202: the payment waits for the shopper's 3-D Secure challenge. */
        @JsonIgnoreProperties(ignoreUnknown = true)
        public record Pending(
                @JsonProperty("o") UUID orderId,
                @JsonProperty("s") String clientSecret,
                @JsonProperty("u") String nextActionUrl,
                @JsonProperty("r") String result) {}

        /** Just enough of a placed order for its confirmation page; lines capped so the cookie stays small. */
        @JsonIgnoreProperties(ignoreUnknown = true)
        public record Placed(
                @JsonProperty("o") UUID orderId,
                @JsonProperty("n") long number,
                @JsonProperty("e") String email,
                @JsonProperty("s") String status,
                @JsonProperty("c") String currency,
                @JsonProperty("st") long subtotalMinor,
                @JsonProperty("d") long discountMinor,
                @JsonProperty("sh") long shippingMinor,
                @JsonProperty("tx") long taxMinor,
                @JsonProperty("t") long totalMinor,
                @JsonProperty("m") String shippingMethod,
                @JsonProperty("l") List<PlacedLine> lines,
                @JsonProperty("x") int moreLines) {

            public Placed {
                lines = lines == null ? null : List.copyOf(lines);
            }
        }

        @JsonIgnoreProperties(ignoreUnknown = true)
        public record PlacedLine(
                @JsonProperty("n") String name,
                @JsonProperty("q") int quantity,
                @JsonProperty("t") long totalMinor) {}

        public CheckoutDraft withKey(String value) {
            return new CheckoutDraft(
                    value, email, addressId, address, shippingMethodId, paymentMethod, pending, placed);
        }

        public CheckoutDraft withAddress(String mail, UUID bookEntry, Address value) {
            return new CheckoutDraft(key, mail, bookEntry, value, shippingMethodId, paymentMethod, pending, placed);
        }

        public CheckoutDraft withShippingMethod(UUID value) {
            return new CheckoutDraft(key, email, addressId, address, value, paymentMethod, pending, placed);
        }

        public CheckoutDraft withPaymentMethod(String value) {
            return new CheckoutDraft(key, email, addressId, address, shippingMethodId, value, pending, placed);
        }

        public CheckoutDraft withPending(Pending value) {
            return new CheckoutDraft(key, email, addressId, address, shippingMethodId, paymentMethod, value, placed);
        }

        public CheckoutDraft withPlaced(Placed value) {
            return new CheckoutDraft(key, email, addressId, address, shippingMethodId, paymentMethod, pending, value);
        }
    }
}
