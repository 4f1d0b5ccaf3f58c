package com.scalecommerce.products.cache;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** The shopper read cache (Redis) and the HTTP caching of public reads. */
@ConfigMapping(prefix = "scalecommerce.products.cache")
public interface CacheConfig {

    /** Off: every read goes to PostgreSQL (HTTP ETags still work). */
    @WithDefault("true")
    boolean enabled();

    /**
     * How long a cached response lives in Redis. Writes invalidate at once; the TTL only bounds facts that change
     * without a catalog write (stock availability, ratings) and entries orphaned by a generation bump.
     */
    @WithDefault("PT5M")
    Duration ttl();

    /** Browsers and CDNs may reuse a public response this long without asking. */
    @WithDefault("PT30S")
    Duration maxAge();

    /** ...and serve it stale this much longer while they revalidate in the background. */
    @WithDefault("PT60S")
    Duration staleWhileRevalidate();

    /** After a Redis failure, reads skip Redis this long instead of paying for a failing call each time. */
    @WithDefault("PT5S")
    Duration redisRetryAfter();
}
