package com.scalecommerce.orders.payment;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

/**
 * Stripe's event vocabulary, read from the raw JSON rather than through stripe-java's typed events: those come
 * back empty when the account's API version differs from the library's, and a payment must not be missed
 * over a version bump. The sandbox speaks the same vocabulary, so there is one webhook path.
 */
final class StripeEvents {

    static final String ORDER_ID_METADATA = "order_id";

    private StripeEvents() {}

    static Optional<GatewayPayment> paymentOf(String eventType, JsonNode object) {
        return switch (eventType) {
            case "payment_intent.succeeded" -> Optional.of(intent(object, PaymentStatus.SUCCEEDED));
            case "payment_intent.processing" -> Optional.of(intent(object, PaymentStatus.PROCESSING));
            case "payment_intent.requires_action" -> Optional.of(intent(object, PaymentStatus.REQUIRES_ACTION));
            case "payment_intent.payment_failed" -> Optional.of(intent(object, failureOf(object)));
            case "payment_intent.canceled" -> Optional.of(intent(object, PaymentStatus.FAILED));
            case "charge.refunded" -> charge(object);
            default -> Optional.empty();
        };
    }

    /** A PaymentIntent's status in our terms; a failed attempt leaves the intent in requires_payment_method. */
    static PaymentStatus statusOf(String intentStatus, boolean hasPaymentError) {
        return switch (intentStatus) {
            case "succeeded" -> PaymentStatus.SUCCEEDED;
            case "requires_action" -> PaymentStatus.REQUIRES_ACTION;
            case "processing", "requires_capture" -> PaymentStatus.PROCESSING;
            case "requires_payment_method" -> hasPaymentError ? PaymentStatus.DECLINED : PaymentStatus.FAILED;
            default -> PaymentStatus.FAILED;
        };
    }

    static UUID orderIdOf(JsonNode metadata) {
        String value = metadata == null ? null : text(metadata, ORDER_ID_METADATA);
        if (value == null) {
            return null;
        }
        try {
            return UUID.fromString(value);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static PaymentStatus failureOf(JsonNode intent) {
        JsonNode error = intent.path("last_payment_error");
        return "card_error".equals(text(error, "type")) ? PaymentStatus.DECLINED : PaymentStatus.FAILED;
    }

    private static GatewayPayment intent(JsonNode intent, PaymentStatus status) {
        JsonNode error = intent.path("last_payment_error");
        String declineCode = status == PaymentStatus.DECLINED || status == PaymentStatus.FAILED
                ? Optional.ofNullable(text(error, "decline_code")).orElse(text(error, "code"))
                : null;
        JsonNode next = intent.path("next_action");
        GatewayPayment.NextAction nextAction = status == PaymentStatus.REQUIRES_ACTION && next.isObject()
                ? new GatewayPayment.NextAction(text(next, "type"), text(next.path("redirect_to_url"), "url"))
                : null;
        return new GatewayPayment(
                text(intent, "id"),
                orderIdOf(intent.path("metadata")),
                status,
                intent.path("amount").asLong(),
                currency(intent),
                declineCode,
                null,
                nextAction,
                0);
    }

    private static Optional<GatewayPayment> charge(JsonNode charge) {
        String intentId = text(charge, "payment_intent");
        if (intentId == null) {
            return Optional.empty();
        }
        long amount = charge.path("amount").asLong();
        long refunded = charge.path("amount_refunded").asLong();
        PaymentStatus status = charge.path("refunded").asBoolean() || refunded >= amount
                ? PaymentStatus.REFUNDED
                : PaymentStatus.PARTIALLY_REFUNDED;
        return Optional.of(new GatewayPayment(
                intentId,
                orderIdOf(charge.path("metadata")),
                status,
                amount,
                currency(charge),
                null,
                null,
                null,
                refunded));
    }

    private static String currency(JsonNode object) {
        String currency = text(object, "currency");
        return currency == null ? null : currency.toUpperCase(Locale.ROOT);
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.path(field);
        return value.isTextual() && !value.asText().isBlank() ? value.asText() : null;
    }
}
