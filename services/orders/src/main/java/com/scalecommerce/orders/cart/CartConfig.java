package com.scalecommerce.orders.cart;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

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
}
