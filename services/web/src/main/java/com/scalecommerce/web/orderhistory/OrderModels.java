package com.scalecommerce.web.orderhistory;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.quarkus.qute.TemplateData;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The web tier's reading of orders' customer order view (orders' Order record): amounts in minor units, the
 * addresses as the snapshot taken at checkout, lines only on a single order. Unknown fields are ignored so orders
 * can grow.
 */
final class OrderModels {

    private OrderModels() {}

    /** One page of the history; {@code nextCursor} is null on the last page. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record OrderPage(List<Order> items, String nextCursor) {}

    @TemplateData
    @JsonIgnoreProperties(ignoreUnknown = true)
    record Order(
            UUID id,
            long number,
            String status,
            String currency,
            long subtotalMinor,
            long discountMinor,
            long shippingMinor,
            long taxMinor,
            long totalMinor,
            long refundedMinor,
            ShippedTo shippingAddress,
            ShippedTo billingAddress,
            String shippingMethod,
            String carrier,
            String trackingNumber,
            OffsetDateTime createdAt,
            OffsetDateTime updatedAt,
            List<Line> lines,
            List<TimelineEntry> timeline) {

        /** Orders' rule (OrderTransitions.cancellableByCustomer): nothing has been picked yet. */
        public boolean cancellable() {
            return "PENDING_PAYMENT".equals(status) || "PAID".equals(status);
        }
    }

    @TemplateData
    @JsonIgnoreProperties(ignoreUnknown = true)
    record Line(
            String sku,
            UUID productId,
            String name,
            Map<String, Object> options,
            long unitPriceMinor,
            int quantity,
            long lineTotalMinor,
            long taxMinor,
            long discountMinor) {}

    /** The address snapshot orders keeps with the order (blank parts left out). */
    @TemplateData
    @JsonIgnoreProperties(ignoreUnknown = true)
    record ShippedTo(
            String recipientName,
            String company,
            String line1,
            String line2,
            String city,
            String region,
            String postalCode,
            String country,
            String phone) {}

    /** A status change as orders records it; only status moves are shown to the customer, never notes. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record TimelineEntry(OffsetDateTime at, String fromStatus, String toStatus) {}
}
