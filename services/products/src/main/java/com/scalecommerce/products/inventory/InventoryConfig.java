package com.scalecommerce.products.inventory;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** What the inventory feature can be told; every setting has its default here. */
@ConfigMapping(prefix = "scalecommerce.products.inventory")
public interface InventoryConfig {

    Reservations reservations();

    Sweeper sweeper();

    interface Reservations {

        /** How long stock stays held when the caller names no ttlSeconds: long enough to pay, short enough not to hoard. */
        @WithDefault("PT15M")
        Duration defaultTtl();

        /** The longest hold a caller may ask for; a forgotten reservation blocks stock for at most this long. */
        @WithDefault("PT1H")
        Duration maxTtl();

        /** Lines per reservation: far above any real cart, low enough to bound the rows one request locks. */
        @WithDefault("100")
        int maxLines();
    }

    interface Sweeper {

        /**
         * How often expired reservations are released. Also read by the scheduler through the same key,
         * {@code scalecommerce.products.inventory.sweeper.interval}; the default there must match this one.
         */
        @WithDefault("15s")
        Duration interval();

        /** Reservations released per transaction, so one sweep never holds many stock rows for long. */
        @WithDefault("200")
        int batchSize();
    }
}
