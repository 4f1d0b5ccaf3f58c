package com.scalecommerce.orders.payment;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.equalTo;

import com.scalecommerce.orders.payment.PaymentResult.Outcome;
import com.scalecommerce.platform.web.problem.ProblemException;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

@QuarkusTest
class SandboxPaymentsTest {

    @Inject
    Payments payments;

    @Inject
    RecordedPaymentChanges changes;

    @Inject
    PaymentTables tables;

    @ParameterizedTest
    @CsvSource({
        "pm_card_visa, SUCCEEDED, SUCCEEDED,",
        "pm_card_mastercard, SUCCEEDED, SUCCEEDED,",
        "pm_card_chargeDeclined, DECLINED, DECLINED, card_declined",
        "pm_card_chargeDeclinedInsufficientFunds, DECLINED, DECLINED, insufficient_funds",
        "pm_card_threeDSecure2Required, REQUIRES_ACTION, REQUIRES_ACTION,",
        "pm_card_authenticationRequired, REQUIRES_ACTION, REQUIRES_ACTION,",
        "pm_card_doesNotExist, DECLINED, DECLINED, invalid"
    })
    void eachTestPaymentMethodHasStripesOutcome(
            String paymentMethod, Outcome outcome, PaymentStatus status, String declineCode) {
        UUID order = UUID.randomUUID();

        PaymentResult result = payments.pay(order, 2599, "EUR", paymentMethod);

        assertThat(result.outcome()).isEqualTo(outcome);
        assertThat(result.declineCode()).isEqualTo(declineCode);
        assertThat(result.payment().status()).isEqualTo(status);
        assertThat(result.payment().gateway()).isEqualTo("sandbox");
        assertThat(result.payment().gatewayPaymentId()).startsWith("pi_sbx_");
        assertThat(payments.find(order).orElseThrow().status()).isEqualTo(status);
    }

    @Test
    void aThreeDSecureCardAsksForActionWithAClientSecret() {
        PaymentResult result = payments.pay(UUID.randomUUID(), 1000, "EUR", "pm_card_threeDSecure2Required");

        assertThat(result.clientSecret()).startsWith(result.payment().gatewayPaymentId() + "_secret_");
        assertThat(result.nextActionType()).isEqualTo("redirect_to_url");
        assertThat(result.nextActionUrl())
                .isEqualTo("/api/payments/sandbox/intents/" + result.payment().gatewayPaymentId() + "/authenticate");
    }

    @Test
    void completingThreeDSecureSettlesThePaymentThroughAWebhookEvent() {
        UUID order = UUID.randomUUID();
        PaymentResult result = payments.pay(order, 1000, "EUR", "pm_card_threeDSecure2Required");

        authenticate(result, result.clientSecret(), true).then().statusCode(200).body("status", equalTo("succeeded"));

        assertThat(payments.find(order).orElseThrow().status()).isEqualTo(PaymentStatus.SUCCEEDED);
        assertThat(changes.of(order))
                .extracting(PaymentStatusChanged::previous, PaymentStatusChanged::status)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(null, PaymentStatus.REQUIRES_ACTION),
                        org.assertj.core.groups.Tuple.tuple(PaymentStatus.REQUIRES_ACTION, PaymentStatus.SUCCEEDED));
        assertThat(tables.count(
                        "select count(*) from payment_webhook_event where gateway = 'sandbox' and type = ?",
                        "payment_intent.succeeded"))
                .isPositive();
    }

    @Test
    void aFailedThreeDSecureChallengeDeclinesThePayment() {
        UUID order = UUID.randomUUID();
        PaymentResult result = payments.pay(order, 1000, "EUR", "pm_card_authenticationRequired");

        authenticate(result, result.clientSecret(), false).then().statusCode(200);

        Payment payment = payments.find(order).orElseThrow();
        assertThat(payment.status()).isEqualTo(PaymentStatus.DECLINED);
        assertThat(payment.declineCode()).isEqualTo("payment_intent_authentication_failure");
    }

    @Test
    void threeDSecureCannotBeCompletedWithoutTheClientSecret() {
        UUID order = UUID.randomUUID();
        PaymentResult result = payments.pay(order, 1000, "EUR", "pm_card_threeDSecure2Required");

        authenticate(result, "pi_sbx_guess_secret_guess", true)
                .then()
                .statusCode(404)
                .contentType("application/problem+json")
                .body("code", equalTo("PAYMENT_INTENT_NOT_FOUND"));
        assertThat(payments.find(order).orElseThrow().status()).isEqualTo(PaymentStatus.REQUIRES_ACTION);
    }

    @Test
    void aSettledPaymentCannotBeAuthenticatedAgain() {
        PaymentResult result = payments.pay(UUID.randomUUID(), 1000, "EUR", "pm_card_threeDSecure2Required");
        authenticate(result, result.clientSecret(), true).then().statusCode(200);

        authenticate(result, result.clientSecret(), false)
                .then()
                .statusCode(409)
                .body("code", equalTo("PAYMENT_NOT_AWAITING_ACTION"));
    }

    @Test
    void theSameOrderPaidTenTimesInARowIsOnePayment() {
        UUID order = UUID.randomUUID();

        var ids = new ArrayList<String>();
        for (int i = 0; i < 10; i++) {
            PaymentResult result = payments.pay(order, 4200, "EUR", "pm_card_visa");
            assertThat(result.outcome()).isEqualTo(Outcome.SUCCEEDED);
            ids.add(result.payment().gatewayPaymentId());
        }

        assertThat(ids).containsOnly(ids.get(0));
        assertOnePayment(order);
    }

    @Test
    void theSameOrderPaidFiveTimesAtOnceIsOnePayment() throws Exception {
        UUID order = UUID.randomUUID();
        var results = new ArrayList<Future<PaymentResult>>();
        try (var executor = Executors.newVirtualThreadPerTaskExecutor()) {
            Callable<PaymentResult> pay = () -> payments.pay(order, 4200, "EUR", "pm_card_visa");
            for (int i = 0; i < 5; i++) {
                results.add(executor.submit(pay));
            }
        }

        var ids = new ArrayList<UUID>();
        for (var result : results) {
            assertThat(result.get().outcome()).isEqualTo(Outcome.SUCCEEDED);
            ids.add(result.get().payment().id());
        }
        assertThat(ids).containsOnly(ids.get(0));
        assertOnePayment(order);
    }

    @Test
    void reusingAnOrderIdForADifferentAmountIsRefused() {
        UUID order = UUID.randomUUID();
        payments.pay(order, 4200, "EUR", "pm_card_visa");

        assertThatThrownBy(() -> payments.pay(order, 9900, "EUR", "pm_card_visa"))
                .isInstanceOfSatisfying(
                        ProblemException.class, e -> assertThat(e.code()).isEqualTo("IDEMPOTENCY_KEY_REUSED"));
        assertThat(payments.find(order).orElseThrow().amount()).isEqualTo(4200);
    }

    @Test
    void aCardNumberIsRefusedBeforeItReachesAnyGateway() {
        UUID order = UUID.randomUUID();

        assertThatThrownBy(() -> payments.pay(order, 4200, "EUR", "4242424242424242"))
                .isInstanceOfSatisfying(
                        ProblemException.class, e -> assertThat(e.code()).isEqualTo("VALIDATION_FAILED"));
        assertThat(tables.count("select count(*) from payment_sandbox_intent where order_id = ?", order))
                .isZero();
    }

    @Test
    void amountAndCurrencyAreValidated() {
        assertThatThrownBy(() -> payments.pay(UUID.randomUUID(), 0, "EUR", "pm_card_visa"))
                .isInstanceOf(ProblemException.class);
        assertThatThrownBy(() -> payments.pay(UUID.randomUUID(), 100, "XYZ", "pm_card_visa"))
                .isInstanceOf(ProblemException.class);
    }

    @Test
    void aPartialThenAFinalRefundLeaveThePaymentRefunded() {
        UUID order = UUID.randomUUID();
        payments.pay(order, 5000, "EUR", "pm_card_visa");

        Payment partly = payments.refund(order, 1500L, "refund-1-" + order);
        assertThat(partly.status()).isEqualTo(PaymentStatus.PARTIALLY_REFUNDED);
        assertThat(partly.amountRefunded()).isEqualTo(1500);

        Payment fully = payments.refund(order, null, "refund-2-" + order);
        assertThat(fully.status()).isEqualTo(PaymentStatus.REFUNDED);
        assertThat(fully.amountRefunded()).isEqualTo(5000);
    }

    @Test
    void aRefundSentTwiceWithTheSameKeyRefundsOnce() {
        UUID order = UUID.randomUUID();
        payments.pay(order, 5000, "EUR", "pm_card_visa");

        payments.refund(order, 1000L, "refund-" + order);
        Payment again = payments.refund(order, 1000L, "refund-" + order);

        assertThat(again.amountRefunded()).isEqualTo(1000);
        assertThat(tables.count(
                        "select count(*) from payment_sandbox_refund where idempotency_key = ?", "refund-" + order))
                .isOne();
    }

    @Test
    void aRefundBeyondWhatWasPaidIsAConflict() {
        UUID order = UUID.randomUUID();
        payments.pay(order, 5000, "EUR", "pm_card_visa");

        assertThatThrownBy(() -> payments.refund(order, 5001L, "refund-" + order))
                .isInstanceOfSatisfying(
                        ProblemException.class, e -> assertThat(e.code()).isEqualTo("REFUND_EXCEEDS_PAYMENT"));
    }

    @Test
    void aDeclinedPaymentCannotBeRefunded() {
        UUID order = UUID.randomUUID();
        payments.pay(order, 5000, "EUR", "pm_card_chargeDeclined");

        assertThatThrownBy(() -> payments.refund(order, null, "refund-" + order))
                .isInstanceOfSatisfying(
                        ProblemException.class, e -> assertThat(e.code()).isEqualTo("PAYMENT_NOT_REFUNDABLE"));
    }

    @Test
    void refreshingAPaymentReadsItBackFromTheGateway() {
        UUID order = UUID.randomUUID();
        payments.pay(order, 5000, "EUR", "pm_card_visa");

        assertThat(payments.refresh(order).orElseThrow().outcome()).isEqualTo(Outcome.SUCCEEDED);
        assertThat(payments.refresh(UUID.randomUUID())).isEmpty();
    }

    private void assertOnePayment(UUID order) {
        assertThat(tables.count("select count(*) from payment where order_id = ?", order))
                .isOne();
        assertThat(tables.count("select count(*) from payment_sandbox_intent where order_id = ?", order))
                .isOne();
        assertThat(changes.of(order)).hasSize(1);
    }

    private static io.restassured.response.Response authenticate(
            PaymentResult result, String clientSecret, boolean approve) {
        return given().contentType(ContentType.JSON)
                .body(Map.of("clientSecret", clientSecret, "approve", approve))
                .post(result.nextActionUrl());
    }
}
