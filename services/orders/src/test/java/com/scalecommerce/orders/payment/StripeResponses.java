package com.scalecommerce.orders.payment;

import java.util.UUID;

/** Response bodies shaped as in Stripe's API reference (PaymentIntent, Refund, card_error). */
final class StripeResponses {

    private StripeResponses() {}

    static String intent(String id, UUID order, long amount, String status, String extra) {
        return """
                {
                  "id": "%1$s",
                  "object": "payment_intent",
                  "amount": %3$d,
                  "amount_capturable": 0,
                  "amount_received": %4$d,
                  "capture_method": "automatic",
                  "client_secret": "%1$s_secret_Kx8fN2",
                  "confirmation_method": "automatic",
                  "created": 1764150000,
                  "currency": "eur",
                  "livemode": false,
                  "metadata": {"order_id": "%2$s"},
                  "payment_method": "pm_1QxYzA2eZvKYlo2C",
                  "payment_method_types": ["card"],
                  "status": "%5$s"%6$s
                }
                """.formatted(id, order, amount, "succeeded".equals(status) ? amount : 0, status, extra);
    }

    static String succeeded(String id, UUID order, long amount) {
        return intent(id, order, amount, "succeeded", ",\n \"latest_charge\": \"ch_3Q1\", \"next_action\": null");
    }

    static String requiresAction(String id, UUID order, long amount) {
        return intent(id, order, amount, "requires_action", """
                ,
                  "next_action": {
                    "type": "redirect_to_url",
                    "redirect_to_url": {
                      "return_url": "https://shop.example/checkout/return",
                      "url": "https://hooks.stripe.com/3d_secure_2/hosted?merchant=acct_1&payment_intent=%s"
                    }
                  }""".formatted(id));
    }

    static String cardDeclined(String id, UUID order, long amount, String declineCode) {
        String error = """
                "code": "card_declined",
                "decline_code": "%s",
                "doc_url": "https://stripe.com/docs/error-codes/card-declined",
                "message": "Your card was declined.",
                "type": "card_error\"""".formatted(declineCode);
        return """
                {
                  "error": {
                    "charge": "ch_3Q9",
                    %s,
                    "payment_intent": %s,
                    "request_log_url": "https://dashboard.stripe.com/test/logs/req_1"
                  }
                }
                """.formatted(
                error,
                intent(id, order, amount, "requires_payment_method", ",\n \"last_payment_error\": {" + error + "}"));
    }

    static String refund(String id, String intentId, long amount) {
        return """
                {
                  "id": "%s",
                  "object": "refund",
                  "amount": %d,
                  "charge": "ch_3Q1",
                  "created": 1764150100,
                  "currency": "eur",
                  "metadata": {},
                  "payment_intent": "%s",
                  "reason": null,
                  "status": "succeeded"
                }
                """.formatted(id, amount, intentId);
    }
}
