package com.scalecommerce.web.orderhistory;

import com.scalecommerce.web.http.Refused;
import com.scalecommerce.web.orderhistory.OrderModels.Order;
import com.scalecommerce.web.orderhistory.OrderModels.OrderPage;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.faulttolerance.Timeout;
import org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/**
 * The policy around orders' customer API: reads get a timeout, one retry and a breaker; the cancel a timeout and
 * a breaker, no retry (a second cancel after a lost answer would only be refused, but the person should see what
 * happened, not a 409). A {@link Refused} (not found, too late to cancel) is an answer, not a failure.
 */
@ApplicationScoped
class CustomerOrdersCalls {

    private final CustomerOrdersApi orders;

    CustomerOrdersCalls(@RestClient CustomerOrdersApi orders) {
        this.orders = orders;
    }

    @Timeout(value = 1500, unit = ChronoUnit.MILLIS)
    @Retry(
            maxRetries = 1,
            delay = 50,
            jitter = 25,
            abortOn = {Refused.class, CircuitBreakerOpenException.class})
    @CircuitBreaker(
            requestVolumeThreshold = 10,
            failureRatio = 0.5,
            delay = 5000,
            successThreshold = 2,
            skipOn = Refused.class)
    OrderPage list(String bearer, String cursor, int limit) {
        return orders.list(bearer, cursor, limit);
    }

    @Timeout(value = 1500, unit = ChronoUnit.MILLIS)
    @Retry(
            maxRetries = 1,
            delay = 50,
            jitter = 25,
            abortOn = {Refused.class, CircuitBreakerOpenException.class})
    @CircuitBreaker(
            requestVolumeThreshold = 10,
            failureRatio = 0.5,
            delay = 5000,
            successThreshold = 2,
            skipOn = Refused.class)
    Order get(String bearer, UUID id) {
        return orders.get(bearer, id);
    }

    @Timeout(value = 3, unit = ChronoUnit.SECONDS)
    @CircuitBreaker(
            requestVolumeThreshold = 10,
            failureRatio = 0.5,
            delay = 5000,
            successThreshold = 2,
            skipOn = Refused.class)
    Order cancel(String bearer, UUID id) {
        return orders.cancel(bearer, id);
    }
}
