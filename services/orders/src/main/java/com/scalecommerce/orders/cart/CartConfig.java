package com.scalecommerce.orders.cart;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Optional;

@ConfigMapping(prefix = "scalecommerce.orders.cart")
interface CartConfig {

    /** The most units of one SKU a single order may hold (a per-order limit, also against scalping). */
    @WithDefault("10")
    int maxQuantityPerLine();

    @WithDefault("100")
    int maxLines();

    /** A cart untouched this long disappears; every read and write starts the period again. */
    @WithDefault("30d")
    Duration idleTtl();

    /**
     * The country (ISO 3166-1 alpha-2) whose shipping and tax the cart view estimates while the shopper has not
     * chosen a destination. Unset: no estimate until they choose.
     */
    Optional<String> defaultCountry();
}
