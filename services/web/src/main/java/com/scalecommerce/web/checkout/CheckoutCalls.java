package com.scalecommerce.web.checkout;

import com.scalecommerce.web.checkout.CheckoutModels.BookAddress;
import com.scalecommerce.web.checkout.CheckoutModels.Cart;
import com.scalecommerce.web.checkout.CheckoutModels.Challenge;
import com.scalecommerce.web.checkout.CheckoutModels.ChallengeOutcome;
import com.scalecommerce.web.checkout.CheckoutModels.CheckoutResult;
import com.scalecommerce.web.checkout.CheckoutModels.Order;
import com.scalecommerce.web.checkout.CheckoutModels.PlaceOrder;
import com.scalecommerce.web.checkout.CheckoutModels.ProductWeights;
import com.scalecommerce.web.checkout.CheckoutModels.Quote;
import com.scalecommerce.web.checkout.CheckoutModels.QuoteRequest;
import com.scalecommerce.web.checkout.CheckoutModels.ShippingOptions;
import com.scalecommerce.web.http.Refused;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.faulttolerance.Timeout;
import org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.resteasy.reactive.RestResponse;

/**
 * The fault-tolerance policy of every call the checkout makes. Every call has a timeout (1.2 s unless it says
 * otherwise) and a breaker of its own, both on the class. Reads (cart, shipping options, quote, order, address
 * book, weights) add one retry; a quote is a POST but computes without changing anything, so it is retried too.
 * Placing the order is never retried here: the shopper's own retry carries the same Idempotency-Key, which is
 * what makes a repeat safe. A {@link Refused} (4xx) is an answer: not retried, not counted. Orders' deliberate
 * 503 ({@link CheckoutUnavailable}) is a failure of what stands behind orders.
 */
@ApplicationScoped
@Timeout(value = 1200, unit = ChronoUnit.MILLIS)
@CircuitBreaker(requestVolumeThreshold = 10, failureRatio = 0.5, delay = 5000, skipOn = Refused.class)
class CheckoutCalls {

    private final CheckoutApi orders;
    private final PlaceOrderApi placing;
    private final AddressBookApi addressBook;
    private final ProductWeightsApi products;

    CheckoutCalls(
            @RestClient CheckoutApi orders,
            @RestClient PlaceOrderApi placing,
            @RestClient AddressBookApi addressBook,
            @RestClient ProductWeightsApi products) {
        this.orders = orders;
        this.placing = placing;
        this.addressBook = addressBook;
        this.products = products;
    }

    @Retry(
            maxRetries = 1,
            delay = 50,
            jitter = 25,
            abortOn = {CircuitBreakerOpenException.class, Refused.class})
    Cart cart(String bearer, String cartToken) {
        return orders.cart(bearer, cartToken);
    }

    @Retry(
            maxRetries = 1,
            delay = 50,
            jitter = 25,
            abortOn = {CircuitBreakerOpenException.class, Refused.class})
    ShippingOptions shippingOptions(String country, String region, String currency, long subtotal, long grams) {
        return orders.shippingOptions(country, region, currency, subtotal, grams);
    }

    @Timeout(value = 1500, unit = ChronoUnit.MILLIS)
    @Retry(
            maxRetries = 1,
            delay = 50,
            jitter = 25,
            abortOn = {CircuitBreakerOpenException.class, Refused.class})
    Quote quote(QuoteRequest request) {
        return orders.quote(request);
    }

    @Timeout(value = 15, unit = ChronoUnit.SECONDS)
    RestResponse<CheckoutResult> place(String bearer, String cartToken, String idempotencyKey, PlaceOrder order) {
        return placing.place(bearer, cartToken, idempotencyKey, order);
    }

    @Retry(
            maxRetries = 1,
            delay = 50,
            jitter = 25,
            abortOn = {CircuitBreakerOpenException.class, Refused.class})
    Order order(String bearer, UUID orderId) {
        return orders.order(bearer, orderId);
    }

    /** Not retried: the sandbox's answer to a repeat is "not awaiting authentication", which we read anyway. */
    @Timeout(value = 3, unit = ChronoUnit.SECONDS)
    ChallengeOutcome authenticate(String intentId, String clientSecret, boolean approve) {
        return orders.authenticate(intentId, new Challenge(clientSecret, approve));
    }

    @Timeout(value = 1500, unit = ChronoUnit.MILLIS)
    @Retry(
            maxRetries = 1,
            delay = 50,
            jitter = 25,
            abortOn = {CircuitBreakerOpenException.class, Refused.class})
    List<BookAddress> addresses(String bearer) {
        List<BookAddress> book = addressBook.addresses(bearer);
        return book == null ? List.of() : book;
    }

    @Retry(
            maxRetries = 1,
            delay = 50,
            jitter = 25,
            abortOn = {CircuitBreakerOpenException.class, Refused.class})
    ProductWeights weights(UUID productId) {
        return products.product(productId.toString());
    }
}
