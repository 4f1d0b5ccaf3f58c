package com.scalecommerce.web.checkout;

import io.quarkus.qute.TemplateData;
import java.util.List;
import java.util.Optional;

/**
 * The sandbox gateway's test payment methods, as the payment step offers them (orders' SandboxGateway knows the
 * same tokens, after Stripe's). No card data at all: the shopper picks an outcome, the form posts its token.
 */
final class TestCards {

    @TemplateData
    record TestCard(String token, String label, String hint) {}

    static final List<TestCard> ALL = List.of(
            new TestCard("pm_card_visa", "Visa — succeeds", "The payment goes through."),
            new TestCard("pm_card_mastercard", "Mastercard — succeeds", "The payment goes through."),
            new TestCard(
                    "pm_card_threeDSecure2Required",
                    "3-D Secure",
                    "The bank asks you to confirm the payment (you can approve or fail it)."),
            new TestCard("pm_card_chargeDeclined", "Declined card", "The bank declines the payment."),
            new TestCard(
                    "pm_card_chargeDeclinedInsufficientFunds",
                    "Insufficient funds",
                    "The bank declines: not enough funds."),
            new TestCard("pm_card_chargeDeclinedExpiredCard", "Expired card", "The bank declines: the card expired."));

    private TestCards() {}

    static Optional<TestCard> find(String token) {
        return ALL.stream().filter(card -> card.token().equals(token)).findFirst();
    }

    static String label(String token) {
        return find(token).map(TestCard::label).orElse("Card");
    }
}
