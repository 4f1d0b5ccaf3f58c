package com.scalecommerce.orders.inventory;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

@ConfigMapping(prefix = "scalecommerce.orders.inventory")
public interface InventoryConfig {

    /** The OAuth2 client this service is at the users service (client_credentials, scope {@code inventory}). */
    @WithDefault("orders")
    String clientId();

    String clientSecret();

    /**
     * How long products holds a checkout's stock. Long enough for a 3-D Secure challenge; the reconciler gives up
     * on an unpaid order before the hold runs out, so a late payment never finds its stock sold to someone else.
     */
    @WithDefault("15m")
    Duration reservationTtl();

    /** What a 503 tells the client to wait when products cannot be reached. */
    @WithDefault("5")
    long retryAfterSeconds();
}
