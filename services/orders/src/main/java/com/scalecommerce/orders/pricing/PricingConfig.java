package com.scalecommerce.orders.pricing;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

@ConfigMapping(prefix = "scalecommerce.orders.pricing")
public interface PricingConfig {

    /**
     * False (US style): catalog prices are net and tax is added on top. True (EU style): catalog prices already
     * contain tax, the quote extracts it and the total does not grow.
     */
    @WithDefault("false")
    boolean pricesIncludeTax();
}
