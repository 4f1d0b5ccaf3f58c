package com.scalecommerce.orders.pricing;

import static com.scalecommerce.orders.pricing.PricingFixture.discount;
import static com.scalecommerce.orders.pricing.PricingFixture.flat;
import static com.scalecommerce.orders.pricing.PricingFixture.method;
import static com.scalecommerce.orders.pricing.PricingFixture.newCode;
import static com.scalecommerce.orders.pricing.PricingFixture.newCountry;
import static com.scalecommerce.orders.pricing.PricingFixture.taxRate;
import static com.scalecommerce.orders.pricing.PricingFixture.zone;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;

import com.scalecommerce.platform.testing.TestTokenIssuer;
import com.scalecommerce.platform.web.problem.ProblemException;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.Test;

/** Prices exclude tax in this profile (the default, US style). */
@QuarkusTest
@QuarkusTestResource(TestTokenIssuer.class)
class QuoteCalculatorTest {

    @Inject
    QuoteCalculator calculator;

    private static List<QuoteRequest.Line> basket() {
        return List.of(
                new QuoteRequest.Line("TEE-M", 1999L, 2, 200L), // 3998
                new QuoteRequest.Line("MUG", 1250L, 1, 400L)); // 1250
    }

    @Test
    void pricesAKnownBasketWithDiscountShippingAndTaxOnTop() {
        String country = newCountry();
        String methodId = method(zone("Quote", List.of(Map.of("country", country))), flat("Standard", 599, 2, 5));
        taxRate(country, "", "8.875", true);
        String code = newCode("TEN");
        discount(Map.of("code", code, "kind", "PERCENTAGE", "percentOff", 10));

        Quote quote = calculator.quote(new QuoteRequest(
                "USD",
                basket(),
                new QuoteRequest.Destination(country, null),
                UUID.fromString(methodId),
                code.toLowerCase(),
                null));

        // subtotal 5248; 10% = 524.8 -> 525, spread 3998:1250 -> 399.95/125.05 -> 400 + 125 (largest remainder)
        assertThat(quote.subtotalMinor()).isEqualTo(5248);
        assertThat(quote.discountMinor()).isEqualTo(525);
        assertThat(quote.lines()).extracting(Quote.Line::discountMinor).containsExactly(400L, 125L);
        // taxed: 3598 x 8.875% = 319.32 -> 319; 1125 x 8.875% = 99.84 -> 100; shipping 599 -> 53.16 -> 53
        assertThat(quote.lines()).extracting(Quote.Line::taxMinor).containsExactly(319L, 100L);
        assertThat(quote.shippingTaxMinor()).isEqualTo(53);
        assertThat(quote.taxMinor()).isEqualTo(319 + 100 + 53);
        assertThat(quote.shippingMinor()).isEqualTo(599);
        assertThat(quote.totalMinor()).isEqualTo(5248 - 525 + 599 + 472);
        assertThat(quote.pricesIncludeTax()).isFalse();
        assertThat(quote.taxRatePercent()).isEqualByComparingTo(new BigDecimal("8.875"));
    }

    @Test
    void aRegionRateOverridesTheCountryRate() {
        String country = newCountry();
        taxRate(country, "", "5", false);
        taxRate(country, "NY", "8", false);
        var lines = List.of(new QuoteRequest.Line("SKU", 10000L, 1, null));

        Quote inRegion = calculator.quote(
                new QuoteRequest("USD", lines, new QuoteRequest.Destination(country, "ny"), null, null, null));
        Quote elsewhere = calculator.quote(
                new QuoteRequest("USD", lines, new QuoteRequest.Destination(country, "NJ"), null, null, null));

        assertThat(inRegion.taxMinor()).isEqualTo(800);
        assertThat(elsewhere.taxMinor()).isEqualTo(500);
        assertThat(elsewhere.totalMinor()).isEqualTo(10500);
    }

    @Test
    void estimatesShippingWithTheCheapestMethodWhenNoneIsChosen() {
        String country = newCountry();
        String zone = zone("Estimate", List.of(Map.of("country", country)));
        method(zone, flat("Slow", 300, 5, 9));
        method(zone, flat("Fast", 900, 1, 2));

        Quote quote = calculator.quote(
                new QuoteRequest("USD", basket(), new QuoteRequest.Destination(country, null), null, null, null));

        assertThat(quote.shipping().name()).isEqualTo("Slow");
        assertThat(quote.shippingMinor()).isEqualTo(300);
        assertThat(quote.taxMinor()).isZero();
    }

    @Test
    void withoutADestinationQuotesNeitherShippingNorTax() {
        Quote quote = calculator.quote(new QuoteRequest("USD", basket(), null, null, null, null));
        assertThat(quote.totalMinor()).isEqualTo(5248);
        assertThat(quote.shipping()).isNull();
    }

    @Test
    void refusesAMethodThatDoesNotServeTheAddress() {
        String here = newCountry();
        String methodId = method(zone("Here", List.of(Map.of("country", here))), flat("Here", 500, 1, 2));

        var refused = Assertions.catchThrowableOfType(
                ProblemException.class,
                () -> calculator.quote(new QuoteRequest(
                        "USD",
                        basket(),
                        new QuoteRequest.Destination(newCountry(), null),
                        UUID.fromString(methodId),
                        null,
                        null)));
        assertThat(refused.code()).isEqualTo("SHIPPING_METHOD_UNAVAILABLE");
        assertThat(refused.status()).isEqualTo(422);
    }

    @Test
    void spreadsADiscountOverLinesSoTheSharesAddUpExactly() {
        long[] shares = QuoteCalculator.spread(100, new long[] {1, 1, 1}, 3);
        assertThat(shares).containsExactly(34, 33, 33);
        assertThat(QuoteCalculator.spread(7, new long[] {500, 300, 200}, 1000)).containsExactly(4, 2, 1);
    }

    @Test
    void thePublicQuoteEndpointAnswersBadLinesWithFieldErrors() {
        given().contentType(ContentType.JSON)
                .body(Map.of(
                        "currency",
                        "usd!",
                        "lines",
                        List.of(
                                Map.of("sku", "A", "unitPriceMinor", -1, "quantity", 0),
                                Map.of("sku", "B", "unitPriceMinor", Long.MAX_VALUE, "quantity", 2))))
                .post("/api/checkout/quote")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("code", equalTo("VALIDATION_FAILED"))
                .body(
                        "errors.field",
                        hasItems(
                                "currency", "lines[0].unitPriceMinor", "lines[0].quantity", "lines[1].unitPriceMinor"));
    }

    @Test
    void thePublicQuoteEndpointPricesABasket() {
        given().contentType(ContentType.JSON)
                .body(Map.of(
                        "currency", "USD", "lines", List.of(Map.of("sku", "A", "unitPriceMinor", 250, "quantity", 3))))
                .post("/api/checkout/quote")
                .then()
                .statusCode(200)
                .body("subtotalMinor", equalTo(750))
                .body("totalMinor", equalTo(750))
                .body("lines[0].amountMinor", equalTo(750));
    }
}
