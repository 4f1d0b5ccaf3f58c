package com.scalecommerce.orders.payment;

import com.scalecommerce.platform.web.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.Currency;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;
import org.eclipse.microprofile.config.ConfigProvider;
import org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException;
import org.eclipse.microprofile.faulttolerance.exceptions.TimeoutException;

/**
 * What the rest of the orders service calls to take, inspect and refund payments. Never holds a database
 * transaction across a gateway call: the gateway is slow and remote, and its idempotency key (the order id)
 * makes the call safe to repeat after a crash, which the reconciler relies on.
 */
@ApplicationScoped
public class Payments {

    /** Gateway tokens only; anything else (above all a card number) is refused before it goes anywhere. */
    private static final Pattern PAYMENT_METHOD_TOKEN = Pattern.compile("pm_[A-Za-z0-9_]{1,200}");

    private static final Duration RETRY_AFTER_FAILURE = Duration.ofSeconds(2);
    /** An open breaker lets a probe through after its delay: the earliest a retry can succeed. */
    private final Duration retryAfterOpenBreaker;

    private final GatewayCalls gateway;
    private final PaymentRecords records;

    Payments(GatewayCalls gateway, PaymentRecords records) {
        this.gateway = gateway;
        this.records = records;
        this.retryAfterOpenBreaker = Duration.ofMillis(ConfigProvider.getConfig()
                .getOptionalValue(GatewayCalls.class.getName() + "/pay/CircuitBreaker/delay", Long.class)
                .orElse(GatewayCalls.BREAKER_DELAY_MS));
    }

    /**
     * Creates and confirms the order's payment. Calling it again for the same order returns the same payment
     * (the gateway deduplicates on the order id), so a retried checkout never charges twice.
     */
    public PaymentResult pay(UUID orderId, long amount, String currency, String paymentMethod) {
        var request = validated(orderId, amount, currency, paymentMethod);
        GatewayPayment answer;
        try {
            answer = gateway.pay(request);
        } catch (CircuitBreakerOpenException e) {
            return PaymentResult.unavailable(retryAfterOpenBreaker);
        } catch (GatewayFailure | TimeoutException e) {
            return PaymentResult.unavailable(RETRY_AFTER_FAILURE);
        }
        var reported = new GatewayPayment(
                answer.gatewayPaymentId(),
                orderId,
                answer.status(),
                amount,
                request.currency(),
                answer.declineCode(),
                answer.clientSecret(),
                answer.nextAction(),
                answer.amountRefunded());
        Payment payment = records.merge(gateway.gatewayName(), reported).orElseThrow();
        return PaymentResult.of(payment, answer);
    }

    public Optional<Payment> find(UUID orderId) {
        return records.findByOrder(orderId);
    }

    /**
     * Asks the gateway where the order's payment stands and records it: for the reconciler, when a crash or
     * a lost webhook left a payment undecided.
     */
    public Optional<PaymentResult> refresh(UUID orderId) {
        Optional<Payment> known = records.findByOrder(orderId);
        if (known.isEmpty() || known.get().gatewayPaymentId() == null) {
            return known.map(payment -> PaymentResult.of(payment, null));
        }
        try {
            return gateway.retrieve(known.get().gatewayPaymentId())
                    .flatMap(reported -> records.merge(known.get().gateway(), reported))
                    .map(payment -> PaymentResult.of(payment, null));
        } catch (CircuitBreakerOpenException e) {
            return Optional.of(PaymentResult.unavailable(retryAfterOpenBreaker));
        } catch (GatewayFailure | TimeoutException e) {
            return Optional.of(PaymentResult.unavailable(RETRY_AFTER_FAILURE));
        }
    }

    /**
     * Refunds {@code amount} minor units, or everything not yet refunded when null. Idempotent on
     * {@code idempotencyKey}: the same key refunds once, however often it is sent.
     */
    public Payment refund(UUID orderId, Long amount, String idempotencyKey) {
        if (idempotencyKey == null || idempotencyKey.isBlank() || idempotencyKey.length() > 255) {
            throw ProblemException.invalidField("idempotencyKey", "must be 1 to 255 characters");
        }
        Payment payment = records.findByOrder(orderId)
                .orElseThrow(() -> ProblemException.notFound("PAYMENT_NOT_FOUND", "The order has no payment."));
        if (records.refundRecorded(payment.id(), idempotencyKey)) {
            return records.findByOrder(orderId).orElseThrow();
        }
        if (!payment.status().isPaid() || payment.gatewayPaymentId() == null) {
            throw ProblemException.conflict("PAYMENT_NOT_REFUNDABLE", "Only a settled payment can be refunded.");
        }
        long remaining = payment.amount() - payment.amountRefunded();
        if (amount != null && amount <= 0) {
            throw ProblemException.invalidField("amount", "must be positive");
        }
        if ((amount != null && amount > remaining) || remaining == 0) {
            throw ProblemException.conflict(
                    "REFUND_EXCEEDS_PAYMENT", "At most " + remaining + " (minor units) is left to refund.");
        }
        GatewayRefund refund;
        try {
            refund = gateway.refund(payment.gatewayPaymentId(), amount, idempotencyKey);
        } catch (CircuitBreakerOpenException e) {
            throw gatewayUnavailable(retryAfterOpenBreaker);
        } catch (GatewayFailure | TimeoutException e) {
            throw gatewayUnavailable(RETRY_AFTER_FAILURE);
        }
        if ("failed".equals(refund.status()) || "canceled".equals(refund.status())) {
            throw ProblemException.conflict("REFUND_FAILED", "The gateway could not refund this payment.");
        }
        return records.recordRefund(payment.id(), refund, idempotencyKey);
    }

    private static ProblemException gatewayUnavailable(Duration retryAfter) {
        return ProblemException.unavailable(
                "PAYMENT_GATEWAY_UNAVAILABLE",
                "The payment gateway is not answering. Try again shortly.",
                Math.max(1, retryAfter.toSeconds()));
    }

    private static PaymentRequest validated(UUID orderId, long amount, String currency, String paymentMethod) {
        if (orderId == null) {
            throw ProblemException.invalidField("orderId", "is required");
        }
        if (amount <= 0) {
            throw ProblemException.invalidField("amount", "must be a positive number of minor units");
        }
        String code = currency == null ? "" : currency.trim().toUpperCase(java.util.Locale.ROOT);
        if (!code.matches("[A-Z]{3}") || !isIsoCurrency(code)) {
            throw ProblemException.invalidField("currency", "must be an ISO 4217 code");
        }
        if (paymentMethod == null
                || !PAYMENT_METHOD_TOKEN.matcher(paymentMethod).matches()) {
            throw ProblemException.invalidField("paymentMethod", "must be a payment method token (pm_...)");
        }
        return new PaymentRequest(orderId, amount, code, paymentMethod);
    }

    private static boolean isIsoCurrency(String code) {
        try {
            Currency.getInstance(code);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
