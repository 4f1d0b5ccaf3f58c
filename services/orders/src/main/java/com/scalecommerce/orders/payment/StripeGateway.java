package com.scalecommerce.orders.payment;

import com.scalecommerce.platform.web.problem.ProblemException;
import com.stripe.StripeClient;
import com.stripe.exception.ApiConnectionException;
import com.stripe.exception.CardException;
import com.stripe.exception.IdempotencyException;
import com.stripe.exception.InvalidRequestException;
import com.stripe.exception.StripeException;
import com.stripe.model.PaymentIntent;
import com.stripe.model.Refund;
import com.stripe.model.StripeError;
import com.stripe.net.RequestOptions;
import com.stripe.param.PaymentIntentCreateParams;
import com.stripe.param.RefundCreateParams;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Typed;
import java.net.SocketTimeoutException;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

/**
 * Stripe through its official client: one PaymentIntent per order, created and confirmed in one call, with the
 * order id as idempotency key. The client's own retries are off: the fault-tolerance policy retries, and
 * counts failures for the breaker.
 */
@ApplicationScoped
@Typed(StripeGateway.class)
class StripeGateway implements PaymentGateway {

    static final String NAME = "stripe";

    private final PaymentConfig.Stripe config;
    private volatile StripeClient client;

    StripeGateway(PaymentConfig config) {
        this.config = config.stripe();
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public GatewayPayment pay(PaymentRequest request) {
        var params = PaymentIntentCreateParams.builder()
                .setAmount(request.amount())
                .setCurrency(request.currency().toLowerCase(Locale.ROOT))
                .setPaymentMethod(request.paymentMethod())
                .addPaymentMethodType("card")
                .setConfirm(true)
                .putMetadata(StripeEvents.ORDER_ID_METADATA, request.orderId().toString())
                .build();
        try {
            return paymentOf(client().v1().paymentIntents().create(params, keyed(request.idempotencyKey())));
        } catch (CardException e) {
            return declined(request, e.getStripeError(), e.getDeclineCode(), e.getCode());
        } catch (IdempotencyException e) {
            throw new ProblemException(
                    422,
                    "IDEMPOTENCY_KEY_REUSED",
                    "Unprocessable request",
                    "This order was already paid for with different parameters.");
        } catch (InvalidRequestException e) {
            // An unknown or unusable payment method is the shopper's problem, like a decline; anything else is ours.
            PaymentStatus status =
                    "payment_method".equals(e.getParam()) ? PaymentStatus.DECLINED : PaymentStatus.FAILED;
            return new GatewayPayment(
                    intentIdOf(e.getStripeError()),
                    request.orderId(),
                    status,
                    request.amount(),
                    request.currency(),
                    e.getCode() == null ? "invalid_request" : e.getCode(),
                    null,
                    null,
                    0);
        } catch (StripeException e) {
            throw failure(e);
        } catch (RuntimeException e) {
            throw unreadable(e);
        }
    }

    @Override
    public Optional<GatewayPayment> retrieve(String gatewayPaymentId) {
        try {
            return Optional.of(paymentOf(client().v1().paymentIntents().retrieve(gatewayPaymentId)));
        } catch (InvalidRequestException e) {
            if (Integer.valueOf(404).equals(e.getStatusCode())) {
                return Optional.empty();
            }
            throw failure(e);
        } catch (StripeException e) {
            throw failure(e);
        } catch (RuntimeException e) {
            throw unreadable(e);
        }
    }

    @Override
    public GatewayRefund refund(String gatewayPaymentId, Long amount, String idempotencyKey) {
        var params = RefundCreateParams.builder().setPaymentIntent(gatewayPaymentId);
        if (amount != null) {
            params.setAmount(amount);
        }
        try {
            Refund refund = client().v1().refunds().create(params.build(), keyed(idempotencyKey));
            return new GatewayRefund(refund.getId(), refund.getAmount(), refund.getStatus());
        } catch (IdempotencyException | InvalidRequestException e) {
            throw ProblemException.conflict("PAYMENT_NOT_REFUNDABLE", "The gateway refused the refund.");
        } catch (StripeException e) {
            throw failure(e);
        } catch (RuntimeException e) {
            throw unreadable(e);
        }
    }

    private static RequestOptions keyed(String idempotencyKey) {
        return RequestOptions.builder().setIdempotencyKey(idempotencyKey).build();
    }

    private static GatewayPayment paymentOf(PaymentIntent intent) {
        StripeError error = intent.getLastPaymentError();
        PaymentStatus status = StripeEvents.statusOf(intent.getStatus(), error != null);
        String declineCode = error == null
                ? null
                : Optional.ofNullable(error.getDeclineCode()).orElse(error.getCode());
        boolean awaitingAction = status == PaymentStatus.REQUIRES_ACTION;
        var next = intent.getNextAction();
        return new GatewayPayment(
                intent.getId(),
                orderIdOf(intent),
                status,
                intent.getAmount() == null ? 0 : intent.getAmount(),
                intent.getCurrency() == null ? null : intent.getCurrency().toUpperCase(Locale.ROOT),
                status == PaymentStatus.SUCCEEDED ? null : declineCode,
                awaitingAction ? intent.getClientSecret() : null,
                awaitingAction && next != null
                        ? new GatewayPayment.NextAction(
                                next.getType(),
                                next.getRedirectToUrl() == null
                                        ? null
                                        : next.getRedirectToUrl().getUrl())
                        : null,
                0);
    }

    private static GatewayPayment declined(PaymentRequest request, StripeError error, String declineCode, String code) {
        PaymentIntent intent = error == null ? null : error.getPaymentIntent();
        return new GatewayPayment(
                intent == null ? null : intent.getId(),
                request.orderId(),
                PaymentStatus.DECLINED,
                request.amount(),
                request.currency(),
                declineCode != null ? declineCode : code,
                null,
                null,
                0);
    }

    private static String intentIdOf(StripeError error) {
        return error == null || error.getPaymentIntent() == null
                ? null
                : error.getPaymentIntent().getId();
    }

    private static UUID orderIdOf(PaymentIntent intent) {
        String value =
                intent.getMetadata() == null ? null : intent.getMetadata().get(StripeEvents.ORDER_ID_METADATA);
        try {
            return value == null ? null : UUID.fromString(value);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** Unreachable, 5xx, 429, or refused credentials: the outcome is unknown or the gateway is unusable. */
    private static GatewayFailure failure(StripeException e) {
        for (Throwable cause = e.getCause(); cause != null; cause = cause.getCause()) {
            if (cause instanceof SocketTimeoutException) {
                return new GatewayTimeout("Stripe did not answer in time", e);
            }
        }
        String kind = e instanceof ApiConnectionException ? "unreachable" : "status " + e.getStatusCode();
        return new GatewayFailure("Stripe " + kind + ": " + e.getCode(), e);
    }

    /**
     * stripe-java fails with NullPointerException or a Gson error on a body that is not Stripe's JSON (an empty
     * 503 or an HTML page from a proxy): an outage, not a bug of ours.
     */
    private static GatewayFailure unreadable(RuntimeException e) {
        return new GatewayFailure("Stripe answered with a body that is not Stripe's JSON", e);
    }

    private StripeClient client() {
        StripeClient current = client;
        if (current == null) {
            synchronized (this) {
                if (client == null) {
                    client = StripeClient.builder()
                            .setApiKey(config.apiKey()
                                    .orElseThrow(() -> new IllegalStateException(
                                            "scalecommerce.orders.payment.stripe.api-key is not set")))
                            .setApiBase(config.apiBase().toString().replaceAll("/+$", ""))
                            .setConnectTimeout((int) config.connectTimeout().toMillis())
                            .setReadTimeout((int) config.readTimeout().toMillis())
                            .setMaxNetworkRetries(0)
                            .build();
                }
                current = client;
            }
        }
        return current;
    }
}
