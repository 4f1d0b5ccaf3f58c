package com.scalecommerce.orders.payment;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.net.URI;
import java.time.Duration;
import java.util.Optional;

/** How payments are taken. Stripe settings are required only when {@code gateway=stripe}: startup names any missing one. */
@ConfigMapping(prefix = "scalecommerce.orders.payment")
public interface PaymentConfig {

    enum Gateway {
        SANDBOX,
        STRIPE
    }

    /** {@code sandbox} (local default: Stripe's test-card outcomes, no network) or {@code stripe}. */
    @WithDefault("sandbox")
    Gateway gateway();

    /** Stripe's documented default; webhooks older than this are refused as replays. */
    @WithDefault("PT5M")
    Duration webhookTolerance();

    /** How long applied webhook event ids are kept for deduplication; beyond Stripe's three days of retries. */
    @WithDefault("P30D")
    Duration webhookRetention();

    Stripe stripe();

    Sandbox sandbox();

    interface Stripe {
        /** Secret API key ({@code sk_live_...} / {@code sk_test_...}); from the environment, never committed. */
        Optional<String> apiKey();

        /** Signing secret of the webhook endpoint ({@code whsec_...}). */
        Optional<String> webhookSecret();

        @WithDefault("https://api.stripe.com")
        URI apiBase();

        @WithDefault("PT1S")
        Duration connectTimeout();

        /** Below the fault-tolerance timeout, so the socket gives up before the caller is abandoned. */
        @WithDefault("PT3S")
        Duration readTimeout();
    }

    interface Sandbox {
        /** When unset, a secret is generated at start: sandbox webhooks are signed and verified in-process. */
        Optional<String> webhookSecret();
    }
}
