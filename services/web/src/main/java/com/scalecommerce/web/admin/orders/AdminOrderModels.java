package com.scalecommerce.web.admin.orders;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Orders' admin view of an order (services/orders: order.Order with its lines and timeline) and the bodies of its
 * admin moves. Money is minor units of the order's currency.
 */
public final class AdminOrderModels {

    private AdminOrderModels() {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record OrderPage(List<Order> items, String nextCursor) {}

    /** {@code lines} and {@code timeline} are null in a list, present in the detail. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Order(
            UUID id,
            long number,
            UUID userId,
            String email,
            String status,
            String currency,
            long subtotalMinor,
            long discountMinor,
            long shippingMinor,
            long taxMinor,
            long totalMinor,
            long refundedMinor,
            Address shippingAddress,
            Address billingAddress,
            String shippingMethod,
            String carrier,
            String trackingNumber,
            OffsetDateTime createdAt,
            OffsetDateTime updatedAt,
            List<Line> lines,
            List<TimelineEntry> timeline) {

        /** What may still be refunded: the total less what already was. */
        public long refundableMinor() {
            return totalMinor - refundedMinor;
        }

        public boolean guest() {
            return userId == null;
        }
    }

    /** The address snapshot the order keeps (orders' checkout Address). */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Address(
            String recipientName,
            String company,
            String line1,
            String line2,
            String city,
            String region,
            String postalCode,
            String country,
            String phone) {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Line(
            String sku,
            UUID productId,
            String name,
            Map<String, Object> options,
            long unitPriceMinor,
            int quantity,
            long lineTotalMinor,
            long taxMinor,
            long discountMinor) {

        /** "size: L, colour: red" for the table; empty without options. */
        public String optionsText() {
            if (options == null || options.isEmpty()) {
                return "";
            }
            return options.entrySet().stream()
                    .map(e -> e.getKey() + ": " + e.getValue())
                    .collect(Collectors.joining(", "));
        }
    }

    /** {@code actor}: {@code customer:<id>}, {@code admin:<id>} or {@code system}; internal notes included. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record TimelineEntry(OffsetDateTime at, String actor, String fromStatus, String toStatus, String note) {}

    record Ship(String carrier, String trackingNumber) {}

    record Cancel(String reason) {}

    /** {@code amountMinor} null refunds the rest. */
    record Refund(Long amountMinor) {}

    record Note(String text) {}
}
