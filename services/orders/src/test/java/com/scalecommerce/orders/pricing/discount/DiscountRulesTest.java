package com.scalecommerce.orders.pricing.discount;

import static com.scalecommerce.orders.pricing.PricingFixture.discount;
import static com.scalecommerce.orders.pricing.PricingFixture.newCode;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.scalecommerce.platform.testing.TestTokenIssuer;
import com.scalecommerce.platform.web.problem.ProblemException;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(TestTokenIssuer.class)
class DiscountRulesTest {

    @Inject
    Discounts discounts;

    private static String code(Map<String, Object> fields) {
        String code = newCode("RULE");
        var body = new HashMap<>(fields);
        body.put("code", code);
        discount(body);
        return code;
    }

    private String rejection(String code, long subtotal, String currency) {
        return catchThrowableOfType(ProblemException.class, () -> discounts.validate(code, null, subtotal, currency))
                .code();
    }

    @Test
    void aPercentageCodeTakesItsShareRoundedHalfUp() {
        String code = code(Map.of("kind", "PERCENTAGE", "percentOff", 12.5));
        // 1004 x 12.5% = 125.5 -> 126
        assertThat(discounts.validate(code, null, 1004, "USD").amountMinor()).isEqualTo(126);
    }

    @Test
    void aFixedCodeTakesItsAmountButNeverMoreThanTheSubtotal() {
        String code = code(Map.of("kind", "FIXED", "amountOffMinor", 1500, "currency", "EUR"));
        assertThat(discounts.validate(code, null, 4000, "EUR").amountMinor()).isEqualTo(1500);
        assertThat(discounts.validate(code, null, 900, "EUR").amountMinor()).isEqualTo(900);
        assertThat(rejection(code, 4000, "USD")).isEqualTo("DISCOUNT_CURRENCY_MISMATCH");
    }

    @Test
    void codesAreCaseInsensitive() {
        String code = code(Map.of("kind", "PERCENTAGE", "percentOff", 10));
        assertThat(discounts.validate(code.toLowerCase(), null, 1000, "USD").amountMinor())
                .isEqualTo(100);
        assertThat(discounts
                        .validate(" " + code.toUpperCase() + " ", null, 1000, "USD")
                        .code())
                .isEqualTo(code);
    }

    @Test
    void aMinimumSubtotalIsEnforced() {
        String code = code(Map.of("kind", "PERCENTAGE", "percentOff", 10, "minSubtotalMinor", 5000, "currency", "USD"));
        assertThat(rejection(code, 4999, "USD")).isEqualTo("DISCOUNT_MIN_SUBTOTAL");
        assertThat(discounts.validate(code, null, 5000, "USD").amountMinor()).isEqualTo(500);
    }

    @Test
    void aCodeWorksOnlyInsideItsValidityWindow() {
        var now = OffsetDateTime.now();
        String future = code(Map.of(
                "kind",
                "PERCENTAGE",
                "percentOff",
                10,
                "startsAt",
                now.plusDays(1).toString()));
        String past = code(Map.of(
                "kind",
                "PERCENTAGE",
                "percentOff",
                10,
                "startsAt",
                now.minusDays(10).toString(),
                "endsAt",
                now.minusDays(1).toString()));
        String current = code(Map.of(
                "kind",
                "PERCENTAGE",
                "percentOff",
                10,
                "startsAt",
                now.minusDays(1).toString(),
                "endsAt",
                now.plusDays(1).toString()));

        assertThat(rejection(future, 1000, "USD")).isEqualTo("DISCOUNT_NOT_STARTED");
        assertThat(rejection(past, 1000, "USD")).isEqualTo("DISCOUNT_EXPIRED");
        assertThat(discounts.validate(current, null, 1000, "USD").amountMinor()).isEqualTo(100);
    }

    @Test
    void unknownAndDeactivatedCodesAreNotFound() {
        String inactive = code(Map.of("kind", "PERCENTAGE", "percentOff", 10, "active", false));
        assertThat(rejection(inactive, 1000, "USD")).isEqualTo("DISCOUNT_NOT_FOUND");
        assertThat(rejection("NO-SUCH-CODE-" + UUID.randomUUID(), 1000, "USD")).isEqualTo("DISCOUNT_NOT_FOUND");
    }

    @Test
    void validatingDoesNotUseTheCodeUp() {
        String code = code(Map.of("kind", "PERCENTAGE", "percentOff", 10, "usageLimit", 1));
        for (int i = 0; i < 3; i++) {
            discounts.validate(code, DiscountCustomer.customer(UUID.randomUUID()), 1000, "USD");
        }
        discounts.redeem(code, DiscountCustomer.customer(UUID.randomUUID()), UUID.randomUUID(), 1000, "USD");
        assertThat(rejection(code, 1000, "USD")).isEqualTo("DISCOUNT_USED_UP");
    }
}
