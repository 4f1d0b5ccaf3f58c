package com.scalecommerce.orders.checkout;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

@ConfigMapping(prefix = "scalecommerce.orders.checkout")
public interface CheckoutConfig {

    /** A repeat of a request still running waits this long for its answer before a 409 CHECKOUT_IN_PROGRESS. */
    @WithDefault("10s")
    Duration replayWait();

    /** Idempotency keys are remembered this long (Stripe keeps them 24 hours). */
    @WithDefault("24h")
    Duration keyRetention();

    /**
     * A PENDING_PAYMENT order untouched this long is the reconciler's: the request that created it has crashed or
     * given up. Far above the slowest checkout (a gateway timeout plus retries).
     */
    @WithDefault("2m")
    Duration staleAfter();

    /**
     * How long a payment may wait for the customer (3-D Secure) before the order is given up and its stock
     * released. Must stay below scalecommerce.orders.inventory.reservation-ttl so the hold outlives the wait.
     */
    @WithDefault("12m")
    Duration paymentWindow();

    /** Orders (and refunds) the reconciler looks at per pass, per kind of work; a backlog takes several passes. */
    @WithDefault("100")
    int reconcileBatch();
}
