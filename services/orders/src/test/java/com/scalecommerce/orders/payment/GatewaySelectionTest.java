package com.scalecommerce.orders.payment;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class GatewaySelectionTest {

    @Test
    void stripeWithoutAnApiKeyStopsStartupNamingTheSetting() {
        var config = config(PaymentConfig.Gateway.STRIPE, Optional.empty(), Optional.of("whsec_x"));

        assertThatThrownBy(() -> new GatewaySelection(config, null, null).checkConfiguration(null))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("scalecommerce.orders.payment.stripe.api-key");
    }

    @Test
    void stripeWithoutAWebhookSecretStopsStartupNamingTheSetting() {
        var config = config(PaymentConfig.Gateway.STRIPE, Optional.of("sk_test_x"), Optional.empty());

        assertThatThrownBy(() -> new GatewaySelection(config, null, null).checkConfiguration(null))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("scalecommerce.orders.payment.stripe.webhook-secret");
    }

    @Test
    void theSandboxNeedsNoSecrets() {
        var config = config(PaymentConfig.Gateway.SANDBOX, Optional.empty(), Optional.empty());

        assertThatCode(() -> new GatewaySelection(config, null, null).checkConfiguration(null))
                .doesNotThrowAnyException();
    }

    private static PaymentConfig config(
            PaymentConfig.Gateway gateway, Optional<String> apiKey, Optional<String> webhookSecret) {
        var stripe = new PaymentConfig.Stripe() {
            @Override
            public Optional<String> apiKey() {
                return apiKey;
            }

            @Override
            public Optional<String> webhookSecret() {
                return webhookSecret;
            }

            @Override
            public URI apiBase() {
                return URI.create("https://api.stripe.com");
            }

            @Override
            public Duration connectTimeout() {
                return Duration.ofSeconds(1);
            }

            @Override
            public Duration readTimeout() {
                return Duration.ofSeconds(3);
            }
        };
        return new PaymentConfig() {
            @Override
            public Gateway gateway() {
                return gateway;
            }

            @Override
            public Duration webhookTolerance() {
                return Duration.ofMinutes(5);
            }

            @Override
            public Duration webhookRetention() {
                return Duration.ofDays(30);
            }

            @Override
            public Stripe stripe() {
                return stripe;
            }

            @Override
            public Sandbox sandbox() {
                return Optional::empty;
            }
        };
    }
}
