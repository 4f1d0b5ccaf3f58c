package com.scalecommerce.orders.payment;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.scalecommerce.orders.payment.PaymentResult.Outcome;
import com.scalecommerce.platform.web.problem.ProblemException;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.faulttolerance.api.CircuitBreakerMaintenance;
import jakarta.inject.Inject;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(value = StripeMock.class, restrictToAnnotatedClass = true)
class StripeGatewayTest {

    @Inject
    Payments payments;

    @Inject
    CircuitBreakerMaintenance breakers;

    @BeforeEach
    void closeBreakers() {
        breakers.resetAll();
    }

    @Test
    void aSucceededPaymentIntentIsAPaidOrder() {
        UUID order = UUID.randomUUID();
        String intent = "pi_ok_" + shortId(order);
        stubCreate(order, 200, StripeResponses.succeeded(intent, order, 2599));

        PaymentResult result = payments.pay(order, 2599, "EUR", "pm_card_visa");

        assertThat(result.outcome()).isEqualTo(Outcome.SUCCEEDED);
        assertThat(result.payment().gatewayPaymentId()).isEqualTo(intent);
        assertThat(result.payment().gateway()).isEqualTo("stripe");
        StripeMock.server()
                .verify(postRequestedFor(urlEqualTo("/v1/payment_intents"))
                        .withHeader("Idempotency-Key", equalTo(order.toString()))
                        .withHeader("Authorization", equalTo("Bearer " + StripeMock.apiKey()))
                        .withHeader("Content-Type", containing("application/x-www-form-urlencoded"))
                        .withFormParam("amount", equalTo("2599"))
                        .withFormParam("currency", equalTo("eur"))
                        .withFormParam("payment_method", equalTo("pm_card_visa"))
                        .withFormParam("confirm", equalTo("true"))
                        .withFormParam("metadata[order_id]", equalTo(order.toString())));
    }

    @Test
    void aPaymentIntentThatRequiresActionHandsBackTheClientSecretAndRedirect() {
        UUID order = UUID.randomUUID();
        String intent = "pi_3ds_" + shortId(order);
        stubCreate(order, 200, StripeResponses.requiresAction(intent, order, 1000));

        PaymentResult result = payments.pay(order, 1000, "EUR", "pm_card_threeDSecure2Required");

        assertThat(result.outcome()).isEqualTo(Outcome.REQUIRES_ACTION);
        assertThat(result.clientSecret()).isEqualTo(intent + "_secret_Kx8fN2");
        assertThat(result.nextActionType()).isEqualTo("redirect_to_url");
        assertThat(result.nextActionUrl()).startsWith("https://hooks.stripe.com/3d_secure_2/hosted");
        assertThat(result.payment().status()).isEqualTo(PaymentStatus.REQUIRES_ACTION);
    }

    @Test
    void aCardErrorIsADeclineWithStripesDeclineCode() {
        UUID order = UUID.randomUUID();
        String intent = "pi_no_" + shortId(order);
        stubCreate(order, 402, StripeResponses.cardDeclined(intent, order, 1000, "insufficient_funds"));

        PaymentResult result = payments.pay(order, 1000, "EUR", "pm_card_chargeDeclinedInsufficientFunds");

        assertThat(result.outcome()).isEqualTo(Outcome.DECLINED);
        assertThat(result.declineCode()).isEqualTo("insufficient_funds");
        assertThat(result.payment().gatewayPaymentId()).isEqualTo(intent);
        assertThat(payments.find(order).orElseThrow().status()).isEqualTo(PaymentStatus.DECLINED);
    }

    @Test
    void aDeclineDoesNotCountAgainstTheBreakerAndIsNotRetried() {
        UUID order = UUID.randomUUID();
        stubCreate(order, 402, StripeResponses.cardDeclined("pi_no_" + shortId(order), order, 1000, "generic_decline"));

        payments.pay(order, 1000, "EUR", "pm_card_chargeDeclined");

        StripeMock.server()
                .verify(
                        1,
                        postRequestedFor(urlEqualTo("/v1/payment_intents"))
                                .withHeader("Idempotency-Key", equalTo(order.toString())));
    }

    @Test
    void aServerErrorIsRetriedWithTheSameIdempotencyKey() {
        UUID order = UUID.randomUUID();
        String intent = "pi_retry_" + shortId(order);
        StripeMock.server()
                .stubFor(
                        post(urlEqualTo("/v1/payment_intents"))
                                .withHeader("Idempotency-Key", equalTo(order.toString()))
                                .inScenario("retry-" + order)
                                .whenScenarioStateIs(com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED)
                                .willSetStateTo("recovered")
                                .willReturn(
                                        aResponse()
                                                .withStatus(500)
                                                .withHeader("Content-Type", "application/json")
                                                .withBody(
                                                        "{\"error\": {\"type\": \"api_error\", \"message\": \"Something went wrong\"}}")));
        StripeMock.server()
                .stubFor(post(urlEqualTo("/v1/payment_intents"))
                        .withHeader("Idempotency-Key", equalTo(order.toString()))
                        .inScenario("retry-" + order)
                        .whenScenarioStateIs("recovered")
                        .willReturn(json(200, StripeResponses.succeeded(intent, order, 700))));

        PaymentResult result = payments.pay(order, 700, "EUR", "pm_card_visa");

        assertThat(result.outcome()).isEqualTo(Outcome.SUCCEEDED);
        StripeMock.server()
                .verify(
                        2,
                        postRequestedFor(urlEqualTo("/v1/payment_intents"))
                                .withHeader("Idempotency-Key", equalTo(order.toString())));
    }

    @Test
    void aPartialRefundGoesToStripeWithItsOwnIdempotencyKey() {
        UUID order = UUID.randomUUID();
        String intent = "pi_rf_" + shortId(order);
        stubCreate(order, 200, StripeResponses.succeeded(intent, order, 5000));
        payments.pay(order, 5000, "EUR", "pm_card_visa");
        String key = "refund-" + order;
        StripeMock.server()
                .stubFor(post(urlEqualTo("/v1/refunds"))
                        .withHeader("Idempotency-Key", equalTo(key))
                        .willReturn(json(200, StripeResponses.refund("re_" + shortId(order), intent, 1200))));

        Payment refunded = payments.refund(order, 1200L, key);
        Payment again = payments.refund(order, 1200L, key);

        assertThat(refunded.status()).isEqualTo(PaymentStatus.PARTIALLY_REFUNDED);
        assertThat(again.amountRefunded()).isEqualTo(1200);
        StripeMock.server()
                .verify(
                        1,
                        postRequestedFor(urlEqualTo("/v1/refunds"))
                                .withHeader("Idempotency-Key", equalTo(key))
                                .withFormParam("payment_intent", equalTo(intent))
                                .withFormParam("amount", equalTo("1200")));
    }

    @Test
    void aFullRefundSendsNoAmountAndRefundsTheRest() {
        UUID order = UUID.randomUUID();
        String intent = "pi_rf_" + shortId(order);
        stubCreate(order, 200, StripeResponses.succeeded(intent, order, 5000));
        payments.pay(order, 5000, "EUR", "pm_card_visa");
        String key = "refund-" + order;
        StripeMock.server()
                .stubFor(post(urlEqualTo("/v1/refunds"))
                        .withHeader("Idempotency-Key", equalTo(key))
                        .willReturn(json(200, StripeResponses.refund("re_" + shortId(order), intent, 5000))));

        Payment refunded = payments.refund(order, null, key);

        assertThat(refunded.status()).isEqualTo(PaymentStatus.REFUNDED);
        assertThat(refunded.amountRefunded()).isEqualTo(5000);
        assertThat(StripeMock.server()
                        .findAll(
                                postRequestedFor(urlEqualTo("/v1/refunds")).withHeader("Idempotency-Key", equalTo(key)))
                        .getFirst()
                        .getBodyAsString())
                .doesNotContain("amount=");
    }

    @Test
    void refreshingAPaymentRetrievesTheIntentFromStripe() {
        UUID order = UUID.randomUUID();
        String intent = "pi_3ds_" + shortId(order);
        stubCreate(order, 200, StripeResponses.requiresAction(intent, order, 1000));
        payments.pay(order, 1000, "EUR", "pm_card_threeDSecure2Required");
        StripeMock.server()
                .stubFor(get(urlEqualTo("/v1/payment_intents/" + intent))
                        .willReturn(json(200, StripeResponses.succeeded(intent, order, 1000))));

        PaymentResult refreshed = payments.refresh(order).orElseThrow();

        assertThat(refreshed.outcome()).isEqualTo(Outcome.SUCCEEDED);
        assertThat(payments.find(order).orElseThrow().status()).isEqualTo(PaymentStatus.SUCCEEDED);
    }

    @Test
    void aRefundWhileStripeIsDownIsAServiceUnavailableProblem() {
        UUID order = UUID.randomUUID();
        String intent = "pi_rf_" + shortId(order);
        stubCreate(order, 200, StripeResponses.succeeded(intent, order, 5000));
        payments.pay(order, 5000, "EUR", "pm_card_visa");
        String key = "refund-" + order;
        StripeMock.server()
                .stubFor(post(urlEqualTo("/v1/refunds"))
                        .withHeader("Idempotency-Key", equalTo(key))
                        .willReturn(aResponse().withStatus(503)));

        assertThatThrownBy(() -> payments.refund(order, null, key))
                .isInstanceOfSatisfying(ProblemException.class, e -> {
                    assertThat(e.status()).isEqualTo(503);
                    assertThat(e.code()).isEqualTo("PAYMENT_GATEWAY_UNAVAILABLE");
                });
        assertThat(payments.find(order).orElseThrow().status()).isEqualTo(PaymentStatus.SUCCEEDED);
    }

    static void stubCreate(UUID order, int status, String body) {
        StripeMock.server()
                .stubFor(post(urlEqualTo("/v1/payment_intents"))
                        .withHeader("Idempotency-Key", equalTo(order.toString()))
                        .willReturn(json(status, body)));
    }

    static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder json(int status, String body) {
        return aResponse()
                .withStatus(status)
                .withHeader("Content-Type", "application/json")
                .withHeader("Request-Id", "req_" + UUID.randomUUID().toString().substring(0, 8))
                .withBody(body);
    }

    static String shortId(UUID order) {
        return order.toString().replace("-", "").substring(0, 16);
    }
}
