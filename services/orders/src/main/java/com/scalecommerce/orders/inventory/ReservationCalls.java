package com.scalecommerce.orders.inventory;

import io.smallrye.faulttolerance.api.CircuitBreakerName;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.WebApplicationException;
import java.time.temporal.ChronoUnit;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.faulttolerance.Timeout;
import org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/**
 * The fault-tolerance policy around products' reservation API. Every call is idempotent (the reservation id is the
 * key), so each may be retried after a timeout. An answer of products (4xx: out of stock, expired, unknown) is
 * not a failure: it is thrown as {@link ReservationRefused}, which neither retries nor opens the breaker.
 */
@ApplicationScoped
class ReservationCalls {

    static final String BREAKER = "products-reservations";

    private final ReservationsApi api;
    private final ServiceToken token;

    ReservationCalls(@RestClient ReservationsApi api, ServiceToken token) {
        this.api = api;
        this.token = token;
    }

    /**
     * One method for every call, so that one breaker sees products' health as a whole: a products that cannot
     * hold stock cannot commit it either.
     */
    // A flash sale queues hundreds of holds on one stock row at products: answers slow down while products is
    // healthy. The timeout and breaker are sized for that (4 s; open only when most of the last 50 calls failed)
    // so a busy products is waited for and only a dead one is cut off.
    @Timeout(value = 4000, unit = ChronoUnit.MILLIS)
    @Retry(
            maxRetries = 2,
            delay = 100,
            jitter = 50,
            maxDuration = 9000,
            abortOn = {ReservationRefused.class, CircuitBreakerOpenException.class})
    @CircuitBreaker(
            requestVolumeThreshold = 50,
            failureRatio = 0.75,
            delay = 3000,
            successThreshold = 2,
            skipOn = ReservationRefused.class)
    @CircuitBreakerName(BREAKER)
    ReservationsApi.ReservationDto send(Operation operation, String reservationId, ReservationsApi.PlaceRequest place) {
        return call(bearer -> switch (operation) {
            case PLACE -> api.place(bearer, place);
            case COMMIT -> api.commit(bearer, reservationId);
            case RELEASE -> api.release(bearer, reservationId);
            case RESTOCK -> api.restock(bearer, reservationId);
        });
    }

    enum Operation {
        PLACE,
        COMMIT,
        RELEASE,
        RESTOCK
    }

    private interface Call {
        ReservationsApi.ReservationDto with(String bearer);
    }

    private ReservationsApi.ReservationDto call(Call call) {
        try {
            return call.with(token.bearer());
        } catch (WebApplicationException e) {
            int status = e.getResponse().getStatus();
            if (status == 401) {
                // Revoked, expired early or signed by a key that rotated away: a new token, once.
                token.forget();
                try {
                    return call.with(token.bearer());
                } catch (WebApplicationException again) {
                    throw refusedOrFailure(again);
                }
            }
            throw refusedOrFailure(e);
        }
    }

    private static RuntimeException refusedOrFailure(WebApplicationException e) {
        int status = e.getResponse().getStatus();
        if (status >= 400 && status < 500 && status != 408 && status != 429) {
            String body;
            try {
                body = e.getResponse().readEntity(String.class);
            } catch (RuntimeException unreadable) {
                body = null;
            }
            return new ReservationRefused(status, body);
        }
        return e;
    }
}
