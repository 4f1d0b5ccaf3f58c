package com.scalecommerce.orders.order;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

@ConfigMapping(prefix = "scalecommerce.orders.order")
interface OrderConfig {

    /** Page sizes of the customer's order history: default and the most a client may ask for. */
    @WithDefault("20")
    int customerPageSize();

    @WithDefault("100")
    int customerMaxPageSize();

    /** Page sizes of the admin list. */
    @WithDefault("50")
    int adminPageSize();

    @WithDefault("200")
    int adminMaxPageSize();
}
