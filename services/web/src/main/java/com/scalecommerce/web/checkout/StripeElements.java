package com.scalecommerce.web.checkout;

/**
 * What a page needs to run Stripe's card element: Stripe's script and frames allowed by the Content-Security-Policy
 * of that page only (Stripe documents these origins), on top of the storefront's self-only policy. The card number
 * is typed into Stripe's frame and goes to Stripe; our form only ever receives the {@code pm_...} token.
 */
final class StripeElements {

    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self' https://js.stripe.com"
            + " https://*.js.stripe.com; style-src 'self'; img-src 'self' data: https:;"
            + " connect-src 'self' https://api.stripe.com; frame-src https://js.stripe.com https://*.js.stripe.com"
            + " https://hooks.stripe.com; object-src 'none'; base-uri 'self'; form-action 'self';"
            + " frame-ancestors 'none'";

    private StripeElements() {}
}
