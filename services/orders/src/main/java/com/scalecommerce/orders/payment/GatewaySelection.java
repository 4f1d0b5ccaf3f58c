package com.scalecommerce.orders.payment;

import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Produces;

/** Picks the adapter named by {@code scalecommerce.orders.payment.gateway}, and refuses to start half-configured. */
@ApplicationScoped
class GatewaySelection {

    private final PaymentConfig config;
    private final SandboxGateway sandbox;
    private final StripeGateway stripe;

    GatewaySelection(PaymentConfig config, SandboxGateway sandbox, StripeGateway stripe) {
        this.config = config;
        this.sandbox = sandbox;
        this.stripe = stripe;
    }

    @Produces
    @ApplicationScoped
    PaymentGateway gateway() {
        return switch (config.gateway()) {
            case SANDBOX -> sandbox;
            case STRIPE -> stripe;
        };
    }

    void checkConfiguration(@Observes StartupEvent started) {
        if (config.gateway() == PaymentConfig.Gateway.STRIPE) {
            require(config.stripe().apiKey().isPresent(), "scalecommerce.orders.payment.stripe.api-key");
            require(config.stripe().webhookSecret().isPresent(), "scalecommerce.orders.payment.stripe.webhook-secret");
        }
    }

    private static void require(boolean present, String key) {
        if (!present) {
            throw new IllegalStateException(key + " must be set when scalecommerce.orders.payment.gateway=stripe");
        }
    }
}
