package com.scalecommerce.orders.notification;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

@ConfigMapping(prefix = "scalecommerce.orders.notification")
interface NotificationConfig {

    /**
     * Off: order events are still consumed and marked processed, but no mail goes out, so switching mails back
     * on later does not send customers a backlog of stale confirmations.
     */
    @WithDefault("true")
    boolean enabled();
}
