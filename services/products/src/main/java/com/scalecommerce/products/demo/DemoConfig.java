package com.scalecommerce.products.demo;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

@ConfigMapping(prefix = "scalecommerce.products.demo")
public interface DemoConfig {

    /**
     * Demo mode: at startup an empty catalog is filled with the demo catalog, and admins may reload it through
     * {@code POST /api/admin/demo/catalog}. Never on in production: a reload replaces the whole catalog.
     */
    @WithDefault("false")
    boolean enabled();

    /** Products loaded at startup. */
    @WithDefault("2000")
    int products();

    /** The same seed always makes the same catalog. */
    @WithDefault("42")
    long seed();

    /** Products generated and copied per round trip; bounds memory, not correctness. */
    @WithDefault("2000")
    int chunkSize();

    /** The whole load is one transaction; a 100,000-product catalog takes minutes on a laptop. */
    @WithDefault("1h")
    Duration loadTimeout();
}
