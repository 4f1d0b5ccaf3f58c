package com.scalecommerce.orders.payment;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Map;

/**
 * Stripe's API on a local WireMock server, answering with the JSON of Stripe's API reference, and the
 * orders service pointed at it with gateway=stripe. Keys are generated per run: none is ever committed.
 */
public class StripeMock implements QuarkusTestResourceLifecycleManager {

    private static final SecureRandom RANDOM = new SecureRandom();

    private static WireMockServer server;
    private static String apiKey;
    private static String webhookSecret;

    public static WireMockServer server() {
        return server;
    }

    static String apiKey() {
        return apiKey;
    }

    static String webhookSecret() {
        return webhookSecret;
    }

    @Override
    public Map<String, String> start() {
        server = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));
        server.start();
        apiKey = "sk_test_" + random();
        webhookSecret = "whsec_" + random();
        String pay = "com.scalecommerce.orders.payment.GatewayCalls/pay/";
        return Map.of(
                "scalecommerce.orders.payment.gateway",
                "stripe",
                "scalecommerce.orders.payment.stripe.api-base",
                server.baseUrl(),
                "scalecommerce.orders.payment.stripe.api-key",
                apiKey,
                "scalecommerce.orders.payment.stripe.webhook-secret",
                webhookSecret,
                "scalecommerce.orders.payment.stripe.read-timeout",
                "PT0.5S",
                // Four failed calls open the breaker, and it stays open for the rest of the test.
                pay + "CircuitBreaker/requestVolumeThreshold",
                "4",
                pay + "CircuitBreaker/delay",
                "60000");
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop();
        }
    }

    private static String random() {
        byte[] bytes = new byte[16];
        RANDOM.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }
}
