package com.scalecommerce.orders.payment;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.scalecommerce.orders.payment.PaymentResult.Outcome;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.faulttolerance.api.CircuitBreakerMaintenance;
import io.smallrye.faulttolerance.api.CircuitBreakerState;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(value = StripeMock.class, restrictToAnnotatedClass = true)
class GatewayBreakerTest {

    @Inject
    Payments payments;

    @Inject
    CircuitBreakerMaintenance breakers;

    @BeforeEach
    @AfterEach
    void closeBreakers() {
        breakers.resetAll();
    }

    @Test
    void aHangingGatewayIsReportedUnavailableQuickly() {
        UUID order = UUID.randomUUID();
        stubHanging(order);

        long started = System.nanoTime();
        PaymentResult result = payments.pay(order, 1000, "EUR", "pm_card_visa");
        Duration took = Duration.ofNanos(System.nanoTime() - started);

        assertThat(result.outcome()).isEqualTo(Outcome.UNAVAILABLE);
        assertThat(result.payment()).isNull();
        assertThat(result.retryAfter()).isPositive();
        // One 0.5 s read timeout (a timed-out call is not retried), far below the 5 s the gateway would take.
        assertThat(took).isLessThan(Duration.ofMillis(1500));
        StripeMock.server()
                .verify(
                        1,
                        postRequestedFor(urlEqualTo("/v1/payment_intents"))
                                .withHeader("Idempotency-Key", equalTo(order.toString())));
        assertThat(payments.find(order)).isEmpty();
    }

    @Test
    void repeatedFailuresOpenTheBreakerAndLaterCallsFailFastWithoutReachingTheGateway() {
        for (int i = 0; i < 4; i++) {
            UUID order = UUID.randomUUID();
            stubHanging(order);
            assertThat(payments.pay(order, 1000, "EUR", "pm_card_visa").outcome())
                    .isEqualTo(Outcome.UNAVAILABLE);
        }
        assertThat(breakers.currentState("payment-gateway-pay")).isEqualTo(CircuitBreakerState.OPEN);

        UUID order = UUID.randomUUID();
        StripeGatewayTest.stubCreate(order, 200, StripeResponses.succeeded("pi_fast", order, 1000));
        long started = System.nanoTime();
        PaymentResult result = payments.pay(order, 1000, "EUR", "pm_card_visa");
        Duration took = Duration.ofNanos(System.nanoTime() - started);

        assertThat(result.outcome()).isEqualTo(Outcome.UNAVAILABLE);
        assertThat(result.retryAfter()).isEqualTo(Duration.ofSeconds(60));
        assertThat(took).isLessThan(Duration.ofMillis(200));
        StripeMock.server()
                .verify(
                        0,
                        postRequestedFor(urlEqualTo("/v1/payment_intents"))
                                .withHeader("Idempotency-Key", equalTo(order.toString())));
    }

    private static void stubHanging(UUID order) {
        StripeMock.server()
                .stubFor(post(urlEqualTo("/v1/payment_intents"))
                        .withHeader("Idempotency-Key", equalTo(order.toString()))
                        .willReturn(aResponse().withStatus(200).withFixedDelay(5000)));
    }
}
