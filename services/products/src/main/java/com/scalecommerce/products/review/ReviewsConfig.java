package com.scalecommerce.products.review;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

@ConfigMapping(prefix = "scalecommerce.products.review")
public interface ReviewsConfig {

    @WithDefault("10")
    int defaultPageSize();

    /** Caps one page, so a single request cannot pull every review of a popular product. */
    @WithDefault("50")
    int maxPageSize();
}
