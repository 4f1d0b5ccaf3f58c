package com.scalecommerce.orders.payment;

import java.time.OffsetDateTime;
import java.util.UUID;

/** Our record of an order's payment: amounts in minor units of {@code currency}. */
public record Payment(
        UUID id,
        UUID orderId,
        String gateway,
        String gatewayPaymentId,
        PaymentStatus status,
        long amount,
        String currency,
        String declineCode,
        long amountRefunded,
        OffsetDateTime createdAt,
        OffsetDateTime updatedAt) {}
