package com.scalecommerce.orders.notification;

import com.fasterxml.jackson.databind.JsonNode;
import com.scalecommerce.orders.order.Order;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * What the order mails show, every amount already formatted. Text comes from the order as the customer typed it
 * (names, addresses) or as the catalog had it (line names, options): the HTML templates escape it, the text
 * templates print it as it is.
 *
 * @param discount null without a discount, else negative ("-€5.00")
 * @param taxIncluded the prices already contained the tax (EU style), so the tax is not added to the total
 */
record OrderMailView(
        long number,
        List<Line> lines,
        String subtotal,
        String discount,
        String shipping,
        String tax,
        boolean taxIncluded,
        String total,
        String shippingMethod,
        List<String> shipTo,
        String carrier,
        String trackingNumber) {

    /** @param options e.g. "size: M, colour: Blue"; empty when the product has none */
    record Line(String name, String options, int quantity, String unitPrice, String total) {}

    private static final List<String> RECIPIENT_FIELDS = List.of("recipientName", "name");

    static OrderMailView of(Order order) {
        String currency = order.currency();
        List<Line> lines = order.lines() == null
                ? List.of()
                : order.lines().stream()
                        .map(line -> new Line(
                                line.name(),
                                options(line.options()),
                                line.quantity(),
                                MoneyFormat.format(line.unitPriceMinor(), currency),
                                MoneyFormat.format(line.lineTotalMinor(), currency)))
                        .toList();
        // The order does not record which tax style priced it, but its amounts tell: added tax makes the total
        // exceed subtotal - discount + shipping by exactly the tax.
        long beforeTax = order.subtotalMinor() - order.discountMinor() + order.shippingMinor();
        boolean taxIncluded = order.taxMinor() > 0 && beforeTax == order.totalMinor();
        return new OrderMailView(
                order.number(),
                lines,
                MoneyFormat.format(order.subtotalMinor(), currency),
                order.discountMinor() == 0 ? null : MoneyFormat.format(-order.discountMinor(), currency),
                MoneyFormat.format(order.shippingMinor(), currency),
                MoneyFormat.format(order.taxMinor(), currency),
                taxIncluded,
                MoneyFormat.format(order.totalMinor(), currency),
                order.shippingMethod(),
                addressLines(order.shippingAddress()),
                order.carrier(),
                order.trackingNumber());
    }

    /** The order's carrier and tracking number, or the event's when the order lacks them. */
    OrderMailView shippedWith(String eventCarrier, String eventTrackingNumber) {
        return new OrderMailView(
                number,
                lines,
                subtotal,
                discount,
                shipping,
                tax,
                taxIncluded,
                total,
                shippingMethod,
                shipTo,
                carrier != null ? carrier : eventCarrier,
                trackingNumber != null ? trackingNumber : eventTrackingNumber);
    }

    private static String options(JsonNode options) {
        if (options == null || !options.isObject() || options.isEmpty()) {
            return "";
        }
        List<String> parts = new ArrayList<>();
        for (Map.Entry<String, JsonNode> option : options.properties()) {
            JsonNode value = option.getValue();
            parts.add(option.getKey() + ": " + (value.isValueNode() ? value.asText() : value.toString()));
        }
        return String.join(", ", parts);
    }

    /**
     * The snapshot's fields in postal order; both the users service's address shape ({@code recipientName},
     * {@code company}, {@code line1}, {@code line2}, {@code postalCode}, {@code city}, {@code region},
     * {@code country}) and a plain {@code name} are understood, unknown fields are left out.
     */
    static List<String> addressLines(JsonNode address) {
        if (address == null || !address.isObject()) {
            return List.of();
        }
        List<String> lines = new ArrayList<>();
        RECIPIENT_FIELDS.stream()
                .map(field -> text(address, field))
                .filter(value -> !value.isEmpty())
                .findFirst()
                .ifPresent(lines::add);
        lines.add(text(address, "company"));
        lines.add(text(address, "line1"));
        lines.add(text(address, "line2"));
        lines.add(List.of(text(address, "postalCode"), text(address, "city")).stream()
                .filter(part -> !part.isEmpty())
                .collect(Collectors.joining(" ")));
        lines.add(text(address, "region"));
        lines.add(country(text(address, "country")));
        lines.removeIf(String::isEmpty);
        return List.copyOf(lines);
    }

    private static String country(String code) {
        if (code.length() != 2) {
            return code;
        }
        String name = Locale.of("", code.toUpperCase(Locale.ROOT)).getDisplayCountry(Locale.US);
        return name.isEmpty() ? code : name;
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || !value.isValueNode() ? "" : value.asText().strip();
    }
}
