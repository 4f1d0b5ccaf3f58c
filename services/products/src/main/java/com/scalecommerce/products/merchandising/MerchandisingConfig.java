package com.scalecommerce.products.merchandising;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

@ConfigMapping(prefix = "scalecommerce.products.merchandising")
public interface MerchandisingConfig {

    /**
     * How long the home page stays in Redis at most. Writes through the admin API replace it at once; this bounds
     * how long catalog changes (names, prices, ratings) of the products it shows take to appear. A banner window
     * opening or closing sooner shortens it.
     */
    @WithDefault("60s")
    Duration homeCacheTtl();

    /** Cache-Control max-age for browsers and CDNs; they revalidate with If-None-Match afterwards. */
    @WithDefault("10s")
    Duration clientMaxAge();

    /** Products in each of the "new arrivals" and "best sellers" lists. */
    @WithDefault("8")
    int listSize();

    @WithDefault("24")
    int maxFeatured();

    @WithDefault("50")
    int maxBannerPageSize();
}
