package com.scalecommerce.orders.payment;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.scalecommerce.platform.web.problem.ProblemException;
import com.stripe.exception.SignatureVerificationException;
import com.stripe.net.Webhook;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;

/**
 * Verifies and applies gateway webhooks. Both gateways speak Stripe's format and signature scheme, each with
 * its own secret. A verified event is applied at most once, and never moves a payment's status backwards.
 */
@ApplicationScoped
class PaymentWebhooks {

    enum Receipt {
        APPLIED,
        DUPLICATE
    }

    private final PaymentConfig config;
    private final SandboxGateway sandbox;
    private final StripeGateway stripe;
    private final PaymentRecords records;
    private final ObjectMapper json;

    PaymentWebhooks(
            PaymentConfig config,
            SandboxGateway sandbox,
            StripeGateway stripe,
            PaymentRecords records,
            ObjectMapper json) {
        this.config = config;
        this.sandbox = sandbox;
        this.stripe = stripe;
        this.records = records;
        this.json = json;
    }

    Receipt receive(String gatewayName, String payload, String signatureHeader) {
        PaymentGateway gateway;
        String secret;
        switch (gatewayName) {
            case SandboxGateway.NAME -> {
                if (config.gateway() != PaymentConfig.Gateway.SANDBOX) {
                    throw unknownGateway();
                }
                gateway = sandbox;
                secret = sandbox.webhookSecret();
            }
            case StripeGateway.NAME -> {
                gateway = stripe;
                secret = config.stripe().webhookSecret().orElseThrow(PaymentWebhooks::unknownGateway);
            }
            default -> throw unknownGateway();
        }
        if (signatureHeader == null || signatureHeader.isBlank()) {
            throw ProblemException.badRequest("WEBHOOK_SIGNATURE_MISSING", "The Stripe-Signature header is missing.");
        }
        try {
            Webhook.Signature.verifyHeader(
                    payload, signatureHeader, secret, config.webhookTolerance().toSeconds());
        } catch (SignatureVerificationException e) {
            // One answer for tampered, foreign and stale: which check failed is of use only to a forger.
            throw ProblemException.badRequest(
                    "WEBHOOK_SIGNATURE_INVALID", "The signature does not match or is too old.");
        }
        JsonNode event;
        try {
            event = json.readTree(payload);
        } catch (JsonProcessingException e) {
            throw ProblemException.badRequest("WEBHOOK_PAYLOAD_INVALID", "The event is not JSON.");
        }
        String id = event.path("id").asText("");
        String type = event.path("type").asText("");
        if (id.isBlank() || type.isBlank() || id.length() > 255 || type.length() > 255) {
            throw ProblemException.badRequest("WEBHOOK_PAYLOAD_INVALID", "The event has no id or type.");
        }
        Optional<GatewayPayment> reported =
                gateway.paymentOf(type, event.path("data").path("object"));
        return records.applyEvent(gatewayName, id, type, reported) ? Receipt.APPLIED : Receipt.DUPLICATE;
    }

    private static ProblemException unknownGateway() {
        return ProblemException.notFound("WEBHOOK_GATEWAY_UNKNOWN", "No webhooks are received for this gateway.");
    }
}
