package com.scalecommerce.web.admin.orders;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/**
 * The order list's GET form: a status, placed from / through a day (both included, as people read dates; orders
 * takes {@code to} exclusive), and a customer's email or user id. Null means no filter.
 */
public record OrderFilters(String status, LocalDate from, LocalDate through, String customer) {

    /** Orders' lifecycle (services/orders OrderStatus), in the order an order moves through it. */
    public static final List<String> STATUSES = List.of(
            "PENDING_PAYMENT",
            "PAID",
            "FULFILLING",
            "SHIPPED",
            "DELIVERED",
            "PARTIALLY_REFUNDED",
            "REFUNDED",
            "CANCELLED",
            "PAYMENT_FAILED",
            "REJECTED");

    public static final OrderFilters NONE = new OrderFilters(null, null, null, null);

    /** The filters from the query, or {@link Invalid} saying in the form's words what is wrong. */
    static OrderFilters parse(String status, String from, String through, String customer) {
        String wanted = blankToNull(status);
        if (wanted != null && !STATUSES.contains(wanted)) {
            throw new Invalid("Choose a status from the list.");
        }
        String who = blankToNull(customer);
        if (who != null && who.length() > 320) {
            throw new Invalid("The customer must be an email or a user id.");
        }
        LocalDate start = date(from);
        LocalDate end = date(through);
        if (start != null && end != null && start.isAfter(end)) {
            throw new Invalid("The start date must not be after the end date.");
        }
        return new OrderFilters(wanted, start, end, who);
    }

    String ordersFrom() {
        return from == null ? null : from.toString();
    }

    String ordersTo() {
        return through == null ? null : through.plusDays(1).toString();
    }

    public boolean any() {
        return status != null || from != null || through != null || customer != null;
    }

    /** These filters as a query string (without {@code ?}), for the next page's link. */
    public String query() {
        var parts = new ArrayList<String>();
        if (status != null) {
            parts.add("status=" + encode(status));
        }
        if (from != null) {
            parts.add("from=" + from);
        }
        if (through != null) {
            parts.add("to=" + through);
        }
        if (customer != null) {
            parts.add("customer=" + encode(customer));
        }
        return String.join("&", parts);
    }

    private static LocalDate date(String value) {
        String text = blankToNull(value);
        if (text == null) {
            return null;
        }
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            throw new Invalid("Dates must look like 2026-03-01.");
        }
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    /** The list form's input is not a filter: said on the page with a 400. */
    static final class Invalid extends RuntimeException {
        Invalid(String message) {
            super(message, null, false, false);
        }
    }
}
