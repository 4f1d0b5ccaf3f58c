package com.scalecommerce.web.events;

import com.scalecommerce.web.session.Session;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.LinkedHashMap;
import java.util.UUID;

/**
 * What shoppers do on the storefront that only the web tier sees, for analytics: {@code product.viewed}. The other
 * behavioural events have a better witness and are emitted there, so they are not duplicated here:
 * {@code search.performed} by products (the web passes the shopper's key along with a search),
 * {@code cart.item_added} and {@code checkout.started} by orders, atomically with the change.
 *
 * <p>Calling this never blocks and never fails: the event is queued and written later by {@link EventStreamWriter}.
 */
@ApplicationScoped
public class BehaviourEvents {

    static final String PRODUCT_VIEWED = "product.viewed";

    private final EventStreamWriter writer;

    BehaviourEvents(EventStreamWriter writer) {
        this.writer = writer;
    }

    /** Consumers: analytics (most viewed products, funnel "viewed"). */
    public void productViewed(UUID productId, Session session) {
        var data = new LinkedHashMap<String, Object>();
        data.put("productId", productId);
        data.put("sessionId", ShopperKey.of(session).value());
        if (session.signedIn()) {
            data.put("userId", session.signIn().userId());
        }
        writer.offer(PRODUCT_VIEWED, productId.toString(), data);
    }
}
