package com.scalecommerce.web.orderhistory;

import com.scalecommerce.web.orderhistory.OrderModels.Line;
import com.scalecommerce.web.orderhistory.OrderModels.Order;
import com.scalecommerce.web.orderhistory.OrderModels.ShippedTo;
import com.scalecommerce.web.orderhistory.OrderModels.TimelineEntry;
import io.quarkus.qute.TemplateData;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * An order as the customer's pages show it: status in plain words, dates, the address in lines, and the
 * timeline. Orders' customer API answers the order without its timeline rows (its timeline carries internal
 * notes and is shown to admins only), so the timeline is built from what the order itself records: when it was
 * placed, and its current status since its last change (with carrier and tracking once shipped). Should orders
 * answer status-change rows ({@code timeline}), those are shown instead, status moves only.
 */
@TemplateData
record OrderView(
        Order order,
        String status,
        String placedAt,
        List<String> shippingAddress,
        List<String> billingAddress,
        List<LineView> lines,
        List<Step> progress,
        List<Event> timeline) {

    private static final DateTimeFormatter WHEN =
            DateTimeFormatter.ofPattern("d MMM yyyy, HH:mm 'UTC'", Locale.ENGLISH);

    /** The usual way of an order; a progress bar only makes sense while an order is on it. */
    private static final List<String> USUAL_PATH =
            List.of("PENDING_PAYMENT", "PAID", "FULFILLING", "SHIPPED", "DELIVERED");

    @TemplateData
    record LineView(String name, String sku, String options, long unitPriceMinor, int quantity, long lineTotalMinor) {}

    @TemplateData
    record Step(String label, boolean done, boolean current) {}

    /** {@code datetime}: ISO-8601 for the {@code <time>} element. */
    @TemplateData
    record Event(String datetime, String when, String label, String detail) {}

    static OrderView of(Order order) {
        return new OrderView(
                order,
                statusLabel(order.status()),
                when(order.createdAt()),
                addressLines(order.shippingAddress()),
                addressLines(order.billingAddress()),
                order.lines() == null
                        ? List.of()
                        : order.lines().stream().map(OrderView::line).toList(),
                progress(order.status()),
                timeline(order));
    }

    static String statusLabel(String status) {
        if (status == null) {
            return "";
        }
        return switch (status) {
            case "PENDING_PAYMENT" -> "Awaiting payment";
            case "PAID" -> "Paid";
            case "PAYMENT_FAILED" -> "Payment failed";
            case "REJECTED" -> "Not accepted";
            case "CANCELLED" -> "Cancelled";
            case "FULFILLING" -> "Being prepared";
            case "SHIPPED" -> "Shipped";
            case "DELIVERED" -> "Delivered";
            case "PARTIALLY_REFUNDED" -> "Partly refunded";
            case "REFUNDED" -> "Refunded";
            default ->
                status.charAt(0) + status.substring(1).toLowerCase(Locale.ROOT).replace('_', ' ');
        };
    }

    static String when(OffsetDateTime at) {
        return at == null ? "" : WHEN.format(at.atZoneSameInstant(ZoneOffset.UTC));
    }

    private static LineView line(Line line) {
        String options = line.options() == null
                ? ""
                : line.options().entrySet().stream()
                        .map(o -> o.getKey() + ": " + o.getValue())
                        .collect(Collectors.joining(", "));
        return new LineView(
                line.name(), line.sku(), options, line.unitPriceMinor(), line.quantity(), line.lineTotalMinor());
    }

    private static List<String> addressLines(ShippedTo a) {
        if (a == null) {
            return List.of();
        }
        String cityLine = Stream.of(a.postalCode(), a.city(), a.region())
                .filter(p -> p != null && !p.isBlank())
                .collect(Collectors.joining(" "));
        String country = a.country() == null ? null : Locale.of("", a.country()).getDisplayCountry(Locale.ENGLISH);
        return Stream.of(a.recipientName(), a.company(), a.line1(), a.line2(), cityLine, country, a.phone())
                .filter(p -> p != null && !p.isBlank())
                .toList();
    }

    private static List<Step> progress(String status) {
        int reached = USUAL_PATH.indexOf(status);
        if (reached < 0) {
            return List.of();
        }
        var steps = new ArrayList<Step>();
        for (int i = 0; i < USUAL_PATH.size(); i++) {
            String label = i == 0 ? "Placed" : statusLabel(USUAL_PATH.get(i));
            steps.add(new Step(label, i <= reached, i == reached));
        }
        return steps;
    }

    private static List<Event> timeline(Order order) {
        var events = new ArrayList<Event>();
        if (order.timeline() != null && !order.timeline().isEmpty()) {
            for (TimelineEntry entry : order.timeline()) {
                if (entry.toStatus() == null) {
                    continue;
                }
                String label = entry.fromStatus() == null ? "Order placed" : statusLabel(entry.toStatus());
                events.add(event(entry.at(), label, detail(order, entry.toStatus())));
            }
            return events;
        }
        events.add(event(order.createdAt(), "Order placed", null));
        if (!"PENDING_PAYMENT".equals(order.status())) {
            events.add(event(order.updatedAt(), statusLabel(order.status()), detail(order, order.status())));
        }
        return events;
    }

    private static String detail(Order order, String status) {
        return switch (status) {
            case "SHIPPED" ->
                order.trackingNumber() == null
                        ? null
                        : "With " + order.carrier() + ", tracking number " + order.trackingNumber();
            case "CANCELLED" -> order.refundedMinor() > 0 ? "Your payment is being refunded." : null;
            default -> null;
        };
    }

    private static Event event(OffsetDateTime at, String label, String detail) {
        return new Event(at == null ? "" : at.toString(), when(at), label, detail);
    }
}
