package com.scalecommerce.orders.payment;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class StripeEventsTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void aFailedPaymentWithACardErrorIsADeclineWithItsDeclineCode() throws Exception {
        UUID order = UUID.randomUUID();
        JsonNode intent = JSON.readTree("""
                {"id": "pi_1", "amount": 500, "currency": "usd", "status": "requires_payment_method",
                 "metadata": {"order_id": "%s"},
                 "last_payment_error": {"type": "card_error", "code": "card_declined", "decline_code": "insufficient_funds"}}""".formatted(order));

        GatewayPayment payment =
                StripeEvents.paymentOf("payment_intent.payment_failed", intent).orElseThrow();

        assertThat(payment.status()).isEqualTo(PaymentStatus.DECLINED);
        assertThat(payment.declineCode()).isEqualTo("insufficient_funds");
        assertThat(payment.orderId()).isEqualTo(order);
        assertThat(payment.currency()).isEqualTo("USD");
    }

    @Test
    void aPartlyRefundedChargeIsPartiallyRefunded() throws Exception {
        JsonNode charge = JSON.readTree("""
                {"id": "ch_1", "payment_intent": "pi_1", "amount": 500, "amount_refunded": 200, "refunded": false,
                 "currency": "eur", "metadata": {}}""");

        GatewayPayment payment =
                StripeEvents.paymentOf("charge.refunded", charge).orElseThrow();

        assertThat(payment.status()).isEqualTo(PaymentStatus.PARTIALLY_REFUNDED);
        assertThat(payment.amountRefunded()).isEqualTo(200);
        assertThat(payment.gatewayPaymentId()).isEqualTo("pi_1");
        assertThat(payment.orderId()).isNull();
    }

    @Test
    void eventsWeDoNotActOnMapToNothing() throws Exception {
        assertThat(StripeEvents.paymentOf("customer.created", JSON.readTree("{}")))
                .isEmpty();
    }

    @Test
    void aMalformedOrderIdInMetadataIsIgnored() throws Exception {
        assertThat(StripeEvents.orderIdOf(JSON.readTree("{\"order_id\": \"not-a-uuid\"}")))
                .isNull();
    }

    @Test
    void statusesOnlyMoveUp() {
        assertThat(PaymentStatus.SUCCEEDED.supersedes(PaymentStatus.DECLINED)).isTrue();
        assertThat(PaymentStatus.DECLINED.supersedes(PaymentStatus.SUCCEEDED)).isFalse();
        assertThat(PaymentStatus.REQUIRES_ACTION.supersedes(PaymentStatus.SUCCEEDED))
                .isFalse();
        assertThat(PaymentStatus.REFUNDED.supersedes(PaymentStatus.PARTIALLY_REFUNDED))
                .isTrue();
    }
}
