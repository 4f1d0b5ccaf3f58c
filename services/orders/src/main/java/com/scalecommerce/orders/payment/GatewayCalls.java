package com.scalecommerce.orders.payment;

import io.smallrye.faulttolerance.api.CircuitBreakerName;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.faulttolerance.Timeout;
import org.eclipse.microprofile.faulttolerance.exceptions.TimeoutException;

/**
 * The fault-tolerance policy around the gateway. A failed call is retried once: each carries an idempotency
 * key (or only reads), so a repeat cannot charge or refund twice; a call that timed out is not retried, so a
 * hanging gateway costs one timeout, not two. Declines are answers, not failures: only
 * transport failures and timeouts count towards the breakers. Values can be tuned per method with
 * MicroProfile Fault Tolerance config ({@code com.scalecommerce.orders.payment.GatewayCalls/pay/Timeout/value}).
 */
@ApplicationScoped
class GatewayCalls {

    /** How long an open breaker refuses calls; also the Retry-After the checkout answers with. */
    static final long BREAKER_DELAY_MS = 10_000;

    private final PaymentGateway gateway;

    GatewayCalls(PaymentGateway gateway) {
        this.gateway = gateway;
    }

    String gatewayName() {
        return gateway.name();
    }

    @Timeout(4000)
    @Retry(
            maxRetries = 1,
            delay = 200,
            jitter = 100,
            retryOn = GatewayFailure.class,
            abortOn = {GatewayTimeout.class, TimeoutException.class})
    @CircuitBreaker(
            requestVolumeThreshold = 10,
            failureRatio = 0.5,
            delay = BREAKER_DELAY_MS,
            successThreshold = 2,
            failOn = {GatewayFailure.class, TimeoutException.class})
    @CircuitBreakerName("payment-gateway-pay")
    GatewayPayment pay(PaymentRequest request) {
        return gateway.pay(request);
    }

    @Timeout(4000)
    @Retry(
            maxRetries = 1,
            delay = 200,
            jitter = 100,
            retryOn = GatewayFailure.class,
            abortOn = {GatewayTimeout.class, TimeoutException.class})
    @CircuitBreaker(
            requestVolumeThreshold = 10,
            failureRatio = 0.5,
            delay = BREAKER_DELAY_MS,
            successThreshold = 2,
            failOn = {GatewayFailure.class, TimeoutException.class})
    @CircuitBreakerName("payment-gateway-retrieve")
    Optional<GatewayPayment> retrieve(String gatewayPaymentId) {
        return gateway.retrieve(gatewayPaymentId);
    }

    @Timeout(4000)
    @Retry(
            maxRetries = 1,
            delay = 200,
            jitter = 100,
            retryOn = GatewayFailure.class,
            abortOn = {GatewayTimeout.class, TimeoutException.class})
    @CircuitBreaker(
            requestVolumeThreshold = 10,
            failureRatio = 0.5,
            delay = BREAKER_DELAY_MS,
            successThreshold = 2,
            failOn = {GatewayFailure.class, TimeoutException.class})
    @CircuitBreakerName("payment-gateway-refund")
    GatewayRefund refund(String gatewayPaymentId, Long amount, String idempotencyKey) {
        return gateway.refund(gatewayPaymentId, amount, idempotencyKey);
    }
}
