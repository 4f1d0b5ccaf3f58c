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
 * The policy around orders' customer API: every call a timeout (1.5 s) and a breaker of its own, on the class;
 * reads add one retry; the cancel gets 3 s and no retry (a second cancel after a lost answer would only be
 * refused, but the person should see what happened, not a 409). A {@link Refused} (not found, too late to
 * cancel) is an answer, not a failure.
 */
@ApplicationScoped
@Timeout(value = 1500, unit = ChronoUnit.MILLIS)
@CircuitBreaker(
        requestVolumeThreshold = 10,
        failureRatio = 0.5,
        delay = 5000,
        successThreshold = 2,
        skipOn = Refused.class)
class CustomerOrdersCalls {

    private final CustomerOrdersApi orders;

    CustomerOrdersCalls(@RestClient CustomerOrdersApi orders) {
        this.orders = orders;
    }

    @Retry(
            maxRetries = 1,
            delay = 50,
            jitter = 25,
            abortOn = {Refused.class, CircuitBreakerOpenException.class})
    OrderPage list(String bearer, String cursor, int limit) {
        return orders.list(bearer, cursor, limit);
    }

    @Retry(
            maxRetries = 1,
            delay = 50,
            jitter = 25,
            abortOn = {Refused.class, CircuitBreakerOpenException.class})
    Order get(String bearer, UUID id) {
        return orders.get(bearer, id);
    }

    @Timeout(value = 3, unit = ChronoUnit.SECONDS)
    Order cancel(String bearer, UUID id) {
        return orders.cancel(bearer, id);
    }
}
