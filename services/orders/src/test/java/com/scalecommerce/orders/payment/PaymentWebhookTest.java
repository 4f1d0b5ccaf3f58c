package com.scalecommerce.orders.payment;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(value = StripeMock.class, restrictToAnnotatedClass = true)
class PaymentWebhookTest {

    @Inject
    Payments payments;

    @Inject
    RecordedPaymentChanges changes;

    @Inject
    PaymentTables tables;

    @Inject
    WebhookEventRetention retention;

    @Test
    void aCorrectlySignedEventUpdatesThePayment() {
        UUID order = UUID.randomUUID();
        String payload = intentEvent("evt_" + UUID.randomUUID(), "payment_intent.succeeded", order, null);

        send(payload, sign(payload, now()))
                .then()
                .statusCode(200)
                .body("received", equalTo(true))
                .body("duplicate", equalTo(false));

        Payment payment = payments.find(order).orElseThrow();
        assertThat(payment.status()).isEqualTo(PaymentStatus.SUCCEEDED);
        assertThat(payment.amount()).isEqualTo(3000);
        assertThat(payment.currency()).isEqualTo("EUR");
        assertThat(changes.of(order)).extracting(PaymentStatusChanged::status).containsExactly(PaymentStatus.SUCCEEDED);
    }

    @Test
    void aTamperedEventIsRefusedAndChangesNothing() {
        UUID order = UUID.randomUUID();
        String payload = intentEvent("evt_" + UUID.randomUUID(), "payment_intent.succeeded", order, null);
        String signature = sign(payload, now());

        send(payload.replace("3000", "1"), signature)
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("code", equalTo("WEBHOOK_SIGNATURE_INVALID"));

        assertThat(payments.find(order)).isEmpty();
    }

    @Test
    void aStaleEventIsRefusedEvenWhenItsSignatureIsRight() {
        UUID order = UUID.randomUUID();
        String payload = intentEvent("evt_" + UUID.randomUUID(), "payment_intent.succeeded", order, null);

        send(payload, sign(payload, now() - 301))
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("code", equalTo("WEBHOOK_SIGNATURE_INVALID"));

        assertThat(payments.find(order)).isEmpty();
    }

    @Test
    void anEventWithoutASignatureIsRefused() {
        UUID order = UUID.randomUUID();
        String payload = intentEvent("evt_" + UUID.randomUUID(), "payment_intent.succeeded", order, null);

        send(payload, null)
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("code", equalTo("WEBHOOK_SIGNATURE_MISSING"));

        assertThat(payments.find(order)).isEmpty();
    }

    @Test
    void anEventSignedWithAnotherSecretIsRefused() {
        UUID order = UUID.randomUUID();
        String payload = intentEvent("evt_" + UUID.randomUUID(), "payment_intent.succeeded", order, null);

        send(payload, WebhookSignatures.header(payload, "whsec_someone_else", now()))
                .then()
                .statusCode(400)
                .body("code", equalTo("WEBHOOK_SIGNATURE_INVALID"));
    }

    @Test
    void sandboxWebhooksAreNotReceivedWhileStripeIsTheGateway() {
        String payload = intentEvent("evt_" + UUID.randomUUID(), "payment_intent.succeeded", UUID.randomUUID(), null);

        given().header("Stripe-Signature", sign(payload, now()))
                .body(payload)
                .post("/api/payments/webhooks/sandbox")
                .then()
                .statusCode(404)
                .body("code", equalTo("WEBHOOK_GATEWAY_UNKNOWN"));
        given().body(payload).post("/api/payments/webhooks/paypal").then().statusCode(404);
    }

    @Test
    void aRedeliveredEventHasOneEffect() {
        UUID order = UUID.randomUUID();
        String eventId = "evt_" + UUID.randomUUID();
        String payload = intentEvent(eventId, "payment_intent.succeeded", order, null);

        send(payload, sign(payload, now())).then().statusCode(200).body("duplicate", equalTo(false));
        send(payload, sign(payload, now())).then().statusCode(200).body("duplicate", equalTo(true));

        assertThat(changes.of(order)).hasSize(1);
        assertThat(tables.count("select count(*) from payment_webhook_event where event_id = ?", eventId))
                .isOne();
    }

    @Test
    void aFailureReportedAfterSuccessDoesNotDowngradeThePayment() {
        UUID order = UUID.randomUUID();
        String succeeded = intentEvent("evt_" + UUID.randomUUID(), "payment_intent.succeeded", order, null);
        String failed =
                intentEvent("evt_" + UUID.randomUUID(), "payment_intent.payment_failed", order, "card_declined");

        send(succeeded, sign(succeeded, now())).then().statusCode(200);
        send(failed, sign(failed, now())).then().statusCode(200);

        Payment payment = payments.find(order).orElseThrow();
        assertThat(payment.status()).isEqualTo(PaymentStatus.SUCCEEDED);
        assertThat(payment.declineCode()).isNull();
        assertThat(changes.of(order)).hasSize(1);
    }

    @Test
    void aSuccessAfterAFailedAttemptSettlesThePayment() {
        UUID order = UUID.randomUUID();
        String failed =
                intentEvent("evt_" + UUID.randomUUID(), "payment_intent.payment_failed", order, "card_declined");
        String succeeded = intentEvent("evt_" + UUID.randomUUID(), "payment_intent.succeeded", order, null);

        send(failed, sign(failed, now())).then().statusCode(200);
        assertThat(payments.find(order).orElseThrow().declineCode()).isEqualTo("card_declined");
        send(succeeded, sign(succeeded, now())).then().statusCode(200);

        assertThat(payments.find(order).orElseThrow().status()).isEqualTo(PaymentStatus.SUCCEEDED);
        assertThat(changes.of(order))
                .extracting(PaymentStatusChanged::status)
                .containsExactly(PaymentStatus.DECLINED, PaymentStatus.SUCCEEDED);
    }

    @Test
    void refundEventsArrivingInReverseKeepTheLargestRefund() {
        UUID order = UUID.randomUUID();
        String intent = "pi_" + UUID.randomUUID().toString().replace("-", "");
        String succeeded = intentEvent("evt_" + UUID.randomUUID(), "payment_intent.succeeded", order, null)
                .replace("\"pi_webhook\"", "\"" + intent + "\"");
        String full = chargeRefunded("evt_" + UUID.randomUUID(), intent, order, 3000);
        String partial = chargeRefunded("evt_" + UUID.randomUUID(), intent, order, 1000);

        send(succeeded, sign(succeeded, now())).then().statusCode(200);
        send(full, sign(full, now())).then().statusCode(200);
        send(partial, sign(partial, now())).then().statusCode(200);

        Payment payment = payments.find(order).orElseThrow();
        assertThat(payment.status()).isEqualTo(PaymentStatus.REFUNDED);
        assertThat(payment.amountRefunded()).isEqualTo(3000);
    }

    @Test
    void anEventForAPaymentThatIsNotOursIsAcknowledgedAndIgnored() {
        String payload = """
                {"id": "evt_%s", "object": "event", "type": "payment_intent.succeeded", "created": 1764150000,
                 "data": {"object": {"id": "pi_foreign", "object": "payment_intent", "amount": 100,
                 "currency": "usd", "status": "succeeded", "metadata": {}}}}""".formatted(UUID.randomUUID());

        send(payload, sign(payload, now())).then().statusCode(200);

        assertThat(tables.count("select count(*) from payment where gateway_payment_id = 'pi_foreign'"))
                .isZero();
    }

    @Test
    void aSignedEventThatIsNotJsonIsABadRequest() {
        String payload = "not json";

        send(payload, sign(payload, now())).then().statusCode(400).body("code", equalTo("WEBHOOK_PAYLOAD_INVALID"));
    }

    @Test
    void eventIdsAreForgottenOnlyAfterTheRetentionPeriod() {
        String recent = "evt_" + UUID.randomUUID();
        String old = "evt_" + UUID.randomUUID();
        tables.execute("insert into payment_webhook_event (gateway, event_id, type) values ('stripe', ?, 'x')", recent);
        tables.execute(
                "insert into payment_webhook_event (gateway, event_id, type, received_at)"
                        + " values ('stripe', ?, 'x', now() - interval '31 days')",
                old);

        retention.forgetExpired();

        assertThat(tables.count("select count(*) from payment_webhook_event where event_id = ?", recent))
                .isOne();
        assertThat(tables.count("select count(*) from payment_webhook_event where event_id = ?", old))
                .isZero();
    }

    private static String intentEvent(String eventId, String type, UUID order, String declineCode) {
        String error = declineCode == null ? "null" : """
                {"type": "card_error", "code": "card_declined", "decline_code": "%s", "message": "Your card was declined."}""".formatted(declineCode);
        String status = declineCode == null ? "succeeded" : "requires_payment_method";
        return """
                {
                  "id": "%s",
                  "object": "event",
                  "api_version": "2025-10-29.clover",
                  "created": 1764150000,
                  "livemode": false,
                  "pending_webhooks": 1,
                  "type": "%s",
                  "data": {
                    "object": {
                      "id": "pi_webhook",
                      "object": "payment_intent",
                      "amount": 3000,
                      "currency": "eur",
                      "status": "%s",
                      "last_payment_error": %s,
                      "metadata": {"order_id": "%s"}
                    }
                  }
                }
                """.formatted(eventId, type, status, error, order)
                .replace("\"pi_webhook\"", "\"pi_" + order.toString().replace("-", "") + "\"");
    }

    private static String chargeRefunded(String eventId, String intent, UUID order, long refunded) {
        return """
                {
                  "id": "%s",
                  "object": "event",
                  "created": 1764150000,
                  "type": "charge.refunded",
                  "data": {
                    "object": {
                      "id": "ch_1", "object": "charge", "amount": 3000, "amount_refunded": %d,
                      "refunded": %s, "currency": "eur", "payment_intent": "%s",
                      "metadata": {"order_id": "%s"}
                    }
                  }
                }
                """.formatted(eventId, refunded, refunded == 3000, intent, order);
    }

    private static long now() {
        return Instant.now().getEpochSecond();
    }

    private static String sign(String payload, long timestamp) {
        return WebhookSignatures.header(payload, StripeMock.webhookSecret(), timestamp);
    }

    private static Response send(String payload, String signature) {
        var request = given().contentType("application/json; charset=utf-8").body(payload);
        if (signature != null) {
            request.header("Stripe-Signature", signature);
        }
        return request.post("/api/payments/webhooks/stripe");
    }
}
