package com.scalecommerce.web.checkout;

import io.smallrye.config.ConfigMapping;
import java.util.Optional;

/**
 * How the payment step collects a payment method. Orders decides which gateway charges (sandbox or Stripe) and the
 * web tier cannot ask it, so the storefront is told here: with Stripe's publishable key set, the payment step shows
 * Stripe's card element (loaded from js.stripe.com; the card number goes from the browser to Stripe, never to us)
 * and posts the {@code pm_...} token it makes. Unset (the default, and in every test), it shows the sandbox's test
 * payment methods.
 */
@ConfigMapping(prefix = "scalecommerce.web.payments")
public interface PaymentsConfig {

    /** Stripe's publishable key ({@code pk_test_...} / {@code pk_live_...}); env {@code STRIPE_PUBLISHABLE_KEY}. */
    Optional<String> stripePublishableKey();
}
