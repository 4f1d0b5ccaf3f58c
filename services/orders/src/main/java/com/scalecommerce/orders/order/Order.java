package com.scalecommerce.orders.order;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/**
 * An order as the APIs show it. Lists leave out {@code lines} and {@code timeline} (one query per page, not per
 * order); {@code timeline} only in the admin view, whose notes are internal.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Order(
        UUID id,
        long number,
        UUID userId,
        String email,
        OrderStatus status,
        String currency,
        long subtotalMinor,
        long discountMinor,
        long shippingMinor,
        long taxMinor,
        long totalMinor,
        long refundedMinor,
        JsonNode shippingAddress,
        JsonNode billingAddress,
        String shippingMethod,
        String carrier,
        String trackingNumber,
        OffsetDateTime createdAt,
        OffsetDateTime updatedAt,
        List<Line> lines,
        List<TimelineEntry> timeline) {

    public record Line(
            String sku,
            UUID productId,
            String name,
            JsonNode options,
            long unitPriceMinor,
            int quantity,
            long lineTotalMinor,
            long taxMinor,
            long discountMinor) {}

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record TimelineEntry(
            OffsetDateTime at,
            String actor,
            OrderStatus fromStatus,
            OrderStatus toStatus,
            String note,
            JsonNode data) {}

    Order with(List<Line> orderLines, List<TimelineEntry> entries) {
        return new Order(
                id,
                number,
                userId,
                email,
                status,
                currency,
                subtotalMinor,
                discountMinor,
                shippingMinor,
                taxMinor,
                totalMinor,
                refundedMinor,
                shippingAddress,
                billingAddress,
                shippingMethod,
                carrier,
                trackingNumber,
                createdAt,
                updatedAt,
                orderLines,
                entries);
    }
}
