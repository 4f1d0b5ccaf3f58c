package com.scalecommerce.orders.payment;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.Typed;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * A local stand-in for Stripe: the outcomes of Stripe's test payment methods, deterministic and offline. Like
 * Stripe it reports every change as a signed webhook event, delivered to our own webhook endpoint's code in
 * process (synchronously, after its own transaction commits), so the sandbox exercises the production path.
 */
@ApplicationScoped
@Typed(SandboxGateway.class)
class SandboxGateway implements PaymentGateway {

    static final String NAME = "sandbox";

    private static final Logger LOG = Logger.getLogger(SandboxGateway.class);
    private static final SecureRandom RANDOM = new SecureRandom();

    /** Stripe's test payment methods; the value is the decline code, or the status for those that are not declines. */
    private static final Map<String, String> TEST_CARDS = Map.ofEntries(
            Map.entry("pm_card_visa", SandboxIntents.SUCCEEDED),
            Map.entry("pm_card_visa_debit", SandboxIntents.SUCCEEDED),
            Map.entry("pm_card_mastercard", SandboxIntents.SUCCEEDED),
            Map.entry("pm_card_amex", SandboxIntents.SUCCEEDED),
            Map.entry("pm_card_threeDSecure2Required", SandboxIntents.REQUIRES_ACTION),
            Map.entry("pm_card_authenticationRequired", SandboxIntents.REQUIRES_ACTION),
            Map.entry("pm_card_chargeDeclined", "card_declined"),
            Map.entry("pm_card_chargeDeclinedInsufficientFunds", "insufficient_funds"),
            Map.entry("pm_card_chargeDeclinedExpiredCard", "expired_card"),
            Map.entry("pm_card_chargeDeclinedIncorrectCvc", "incorrect_cvc"),
            Map.entry("pm_card_chargeDeclinedFraudulent", "fraudulent"));

    private final SandboxIntents intents;
    private final Instance<PaymentWebhooks> webhooks;
    private final ObjectMapper json;
    private final String webhookSecret;
    private final Clock clock;

    SandboxGateway(
            SandboxIntents intents, Instance<PaymentWebhooks> webhooks, ObjectMapper json, PaymentConfig config) {
        this.intents = intents;
        this.webhooks = webhooks;
        this.json = json;
        this.webhookSecret = config.sandbox().webhookSecret().orElseGet(() -> "whsec_sbx_" + randomHex(24));
        this.clock = Clock.systemUTC();
    }

    @Override
    public String name() {
        return NAME;
    }

    String webhookSecret() {
        return webhookSecret;
    }

    @Override
    public GatewayPayment pay(PaymentRequest request) {
        String behaviour = TEST_CARDS.getOrDefault(request.paymentMethod(), "invalid");
        boolean declined =
                !behaviour.equals(SandboxIntents.SUCCEEDED) && !behaviour.equals(SandboxIntents.REQUIRES_ACTION);
        var created = intents.createIfAbsent(
                request, declined ? SandboxIntents.REQUIRES_PAYMENT_METHOD : behaviour, declined ? behaviour : null);
        SandboxIntents.Intent intent = created.value();
        if (created.happened()) {
            deliver(eventTypeOf(intent), intentJson(intent));
        }
        return paymentOf(intent);
    }

    @Override
    public Optional<GatewayPayment> retrieve(String gatewayPaymentId) {
        return intents.find(gatewayPaymentId).map(SandboxGateway::paymentOf);
    }

    @Override
    public GatewayRefund refund(String gatewayPaymentId, Long amount, String idempotencyKey) {
        var refunded = intents.refund(gatewayPaymentId, amount, idempotencyKey);
        if (refunded.happened()) {
            deliver("charge.refunded", chargeJson(refunded.intent()));
        }
        return new GatewayRefund(refunded.value().id(), refunded.value().amount(), "succeeded");
    }

    /** The sandbox's 3-D Secure page: approve or fail the challenge, and report it as Stripe would. */
    SandboxIntents.Intent authenticate(String intentId, String clientSecret, boolean approve) {
        SandboxIntents.Intent intent = intents.authenticate(intentId, clientSecret, approve);
        deliver(eventTypeOf(intent), intentJson(intent));
        return intent;
    }

    static String authenticationPath(String intentId) {
        return "/api/payments/sandbox/intents/" + intentId + "/authenticate";
    }

    private static GatewayPayment paymentOf(SandboxIntents.Intent intent) {
        PaymentStatus status = StripeEvents.statusOf(intent.status(), intent.declineCode() != null);
        if (status == PaymentStatus.SUCCEEDED && intent.amountRefunded() > 0) {
            status = intent.amountRefunded() >= intent.amount()
                    ? PaymentStatus.REFUNDED
                    : PaymentStatus.PARTIALLY_REFUNDED;
        }
        boolean awaitingAction = status == PaymentStatus.REQUIRES_ACTION;
        return new GatewayPayment(
                intent.id(),
                intent.orderId(),
                status,
                intent.amount(),
                intent.currency(),
                intent.declineCode(),
                awaitingAction ? intent.clientSecret() : null,
                awaitingAction
                        ? new GatewayPayment.NextAction("redirect_to_url", authenticationPath(intent.id()))
                        : null,
                intent.amountRefunded());
    }

    private static String eventTypeOf(SandboxIntents.Intent intent) {
        return switch (intent.status()) {
            case SandboxIntents.SUCCEEDED -> "payment_intent.succeeded";
            case SandboxIntents.REQUIRES_ACTION -> "payment_intent.requires_action";
            default -> "payment_intent.payment_failed";
        };
    }

    private ObjectNode intentJson(SandboxIntents.Intent intent) {
        ObjectNode object = json.createObjectNode()
                .put("id", intent.id())
                .put("object", "payment_intent")
                .put("amount", intent.amount())
                .put("currency", intent.currency().toLowerCase(Locale.ROOT))
                .put("status", intent.status())
                .put("livemode", false);
        object.putObject("metadata").put(StripeEvents.ORDER_ID_METADATA, String.valueOf(intent.orderId()));
        if (intent.declineCode() != null) {
            object.putObject("last_payment_error")
                    .put("type", "card_error")
                    .put("code", intent.declineCode())
                    .put("decline_code", intent.declineCode());
        }
        if (SandboxIntents.REQUIRES_ACTION.equals(intent.status())) {
            object.putObject("next_action")
                    .put("type", "redirect_to_url")
                    .putObject("redirect_to_url")
                    .put("url", authenticationPath(intent.id()));
        }
        return object;
    }

    private ObjectNode chargeJson(SandboxIntents.Intent intent) {
        ObjectNode object = json.createObjectNode()
                .put("id", "ch_" + intent.id().substring("pi_".length()))
                .put("object", "charge")
                .put("payment_intent", intent.id())
                .put("amount", intent.amount())
                .put("amount_refunded", intent.amountRefunded())
                .put("refunded", intent.amountRefunded() >= intent.amount())
                .put("currency", intent.currency().toLowerCase(Locale.ROOT));
        object.putObject("metadata").put(StripeEvents.ORDER_ID_METADATA, String.valueOf(intent.orderId()));
        return object;
    }

    private void deliver(String type, ObjectNode object) {
        long now = clock.instant().getEpochSecond();
        ObjectNode event = json.createObjectNode()
                .put("id", "evt_sbx_" + randomHex(12))
                .put("object", "event")
                .put("type", type)
                .put("created", now)
                .put("livemode", false);
        event.putObject("data").set("object", object);
        try {
            String payload = json.writeValueAsString(event);
            webhooks.get().receive(NAME, payload, WebhookSignatures.header(payload, webhookSecret, now));
        } catch (JsonProcessingException | RuntimeException e) {
            // Stripe redelivers failed webhooks; here the gateway's answer and the reconciler carry the state.
            LOG.warnf(
                    e,
                    "sandbox webhook %s for %s was not applied",
                    type,
                    object.path("id").asText());
        }
    }

    private static String randomHex(int bytes) {
        byte[] random = new byte[bytes];
        RANDOM.nextBytes(random);
        return HexFormat.of().formatHex(random);
    }
}
