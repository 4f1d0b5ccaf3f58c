package com.scalecommerce.orders.catalog;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.WebApplicationException;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.faulttolerance.Timeout;
import org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/**
 * The fault-tolerance policy around the products call. A product that does not exist is an answer, not a failure,
 * so it neither retries nor counts against the breaker.
 */
@ApplicationScoped
class ProductLookup {

    static final String BREAKER = "products-lookup";

    private final ProductsApi products;

    ProductLookup(@RestClient ProductsApi products) {
        this.products = products;
    }

    // GET is safe to repeat. The timeout bounds each attempt; the breaker then answers at once while products is
    // down instead of making every cart request wait for its own timeout.
    @Timeout(value = 1000, unit = ChronoUnit.MILLIS)
    @Retry(maxRetries = 2, delay = 50, jitter = 25, maxDuration = 2500, abortOn = CircuitBreakerOpenException.class)
    @CircuitBreaker(requestVolumeThreshold = 10, failureRatio = 0.5, delay = 5000, successThreshold = 2)
    @io.smallrye.faulttolerance.api.CircuitBreakerName(BREAKER)
    Optional<ProductDto> find(String productId) {
        try {
            return Optional.of(products.product(productId));
        } catch (WebApplicationException e) {
            if (e.getResponse().getStatus() == 404) {
                return Optional.empty();
            }
            throw e;
        }
    }
}
