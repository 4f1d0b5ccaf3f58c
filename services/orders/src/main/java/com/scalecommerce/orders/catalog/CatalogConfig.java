package com.scalecommerce.orders.catalog;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

@ConfigMapping(prefix = "scalecommerce.orders.catalog")
interface CatalogConfig {

    /** How long a product read from products is reused; short, so a price change shows within seconds. */
    @WithDefault("5s")
    Duration cacheTtl();

    /** Bound on cached products; past it the cache starts over (entries live only seconds anyway). */
    @WithDefault("10000")
    int cacheSize();

    /** What a 503 tells the client to wait before retrying when products is unreachable. */
    @WithDefault("5")
    long retryAfterSeconds();
}
