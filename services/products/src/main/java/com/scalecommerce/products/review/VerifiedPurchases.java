package com.scalecommerce.products.review;

import com.scalecommerce.platform.events.CloudEvent;
import com.scalecommerce.platform.events.EventHandler;
import com.scalecommerce.platform.events.EventStreams;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

/**
 * Learns who bought what from {@code order.paid}, so their reviews carry "verified purchase": reviews written
 * later are marked when posted, reviews written before the event arrived are marked when it does.
 */
@ApplicationScoped
class VerifiedPurchases implements EventHandler {

    record OrderPaid(UUID orderId, UUID userId, List<Line> lines) {}

    record Line(UUID productId, String sku, Integer quantity, Long unitPriceMinor) {}

    private final ReviewRepository reviews;

    VerifiedPurchases(ReviewRepository reviews) {
        this.reviews = reviews;
    }

    @Override
    public String consumerGroup() {
        return "products-reviews";
    }

    @Override
    public Set<String> streams() {
        return Set.of(EventStreams.ofService("orders"));
    }

    @Override
    public Set<String> eventTypes() {
        return Set.of("order.paid");
    }

    @Override
    public void handle(CloudEvent event) {
        OrderPaid paid = event.dataAs(OrderPaid.class);
        if (paid.userId() == null) {
            return; // a guest's order: there is no account that could write a review
        }
        if (paid.lines() == null) {
            // Retrying cannot fix the event; it goes to the dead letters for a human to look at.
            throw new IllegalArgumentException("order.paid " + event.id() + " names no lines");
        }
        try (Connection connection = reviews.connection()) {
            Set<UUID> products = new LinkedHashSet<>();
            List<String> skusOnly = new ArrayList<>();
            for (Line line : paid.lines()) {
                if (line.productId() != null) {
                    products.add(line.productId());
                } else if (line.sku() != null) {
                    skusOnly.add(line.sku());
                }
            }
            if (!skusOnly.isEmpty()) {
                products.addAll(reviews.productsWithSkus(connection, skusOnly));
            }
            products.removeIf(Objects::isNull);
            if (!products.isEmpty()) {
                reviews.recordPurchases(connection, paid.userId(), paid.orderId(), List.copyOf(products));
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
