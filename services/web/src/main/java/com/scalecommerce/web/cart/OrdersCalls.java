package com.scalecommerce.web.cart;

import com.scalecommerce.web.cart.CartModels.AddItem;
import com.scalecommerce.web.cart.CartModels.CartView;
import com.scalecommerce.web.cart.CartModels.Code;
import com.scalecommerce.web.cart.CartModels.Quantity;
import com.scalecommerce.web.cart.CartModels.Where;
import com.scalecommerce.web.http.Refused;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.temporal.ChronoUnit;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.faulttolerance.Timeout;
import org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.resteasy.reactive.RestResponse;

/**
 * The fault-tolerance policy around orders' cart, like the products client's: a timeout and a circuit breaker on
 * every call; only the read is retried (adding is not idempotent, and a shopper can repeat a change). A
 * {@link Refused} (4xx) is an answer, not a failure: no retry, not counted by the breaker. Timeout (1.2 s) and
 * breaker sit on the class; changes get 2 s. One breaker for reads, one for changes.
 *
 * <p>A change answers a {@link Uni}, so the cart page's forms can send it from the event loop and finish there
 * when the answer comes (see CartResource); a caller on a virtual thread awaits it.
 */
@ApplicationScoped
@Timeout(value = 1200, unit = ChronoUnit.MILLIS)
@CircuitBreaker(
        requestVolumeThreshold = 10,
        failureRatio = 0.5,
        delay = 5000,
        successThreshold = 2,
        skipOn = Refused.class)
class OrdersCalls {

    private final OrdersApi orders;

    OrdersCalls(@RestClient OrdersApi orders) {
        this.orders = orders;
    }

    @Retry(
            maxRetries = 1,
            delay = 50,
            jitter = 25,
            abortOn = {CircuitBreakerOpenException.class, Refused.class})
    RestResponse<CartView> cart(CartOwner owner) {
        return orders.cart(owner.bearer(), owner.token());
    }

    @Timeout(value = 2000, unit = ChronoUnit.MILLIS)
    Uni<RestResponse<CartView>> change(Change change) {
        return change.apply(orders);
    }

    /** One change to the cart, so all changes share the policy above. */
    interface Change {
        Uni<RestResponse<CartView>> apply(OrdersApi orders);

        static Change add(CartOwner owner, AddItem item) {
            return o -> o.add(owner.bearer(), owner.token(), item);
        }

        static Change quantity(CartOwner owner, String sku, int quantity) {
            return o -> o.quantity(owner.bearer(), owner.token(), sku, new Quantity(quantity));
        }

        static Change remove(CartOwner owner, String sku) {
            return o -> o.remove(owner.bearer(), owner.token(), sku);
        }

        static Change applyCode(CartOwner owner, String code) {
            return o -> o.applyCode(owner.bearer(), owner.token(), new Code(code));
        }

        static Change merge(CartOwner owner) {
            return o -> o.merge(owner.bearer(), owner.token());
        }

        static Change removeCode(CartOwner owner) {
            return o -> o.removeCode(owner.bearer(), owner.token());
        }

        static Change destination(CartOwner owner, String country, String region) {
            return o -> o.destination(owner.bearer(), owner.token(), new Where(country, region));
        }
    }
}
