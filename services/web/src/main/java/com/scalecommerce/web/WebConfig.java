package com.scalecommerce.web;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

@ConfigMapping(prefix = "scalecommerce.web")
public interface WebConfig {

    /** Products per category or search page; products caps it as well. */
    @WithDefault("24")
    int pageSize();

    /** What a 503 page tells the browser (Retry-After) when products cannot be reached. */
    @WithDefault("5")
    int retryAfterSeconds();
}
