package com.scalecommerce.orders.pricing;

import static com.scalecommerce.orders.pricing.PricingFixture.flat;
import static com.scalecommerce.orders.pricing.PricingFixture.method;
import static com.scalecommerce.orders.pricing.PricingFixture.newCountry;
import static com.scalecommerce.orders.pricing.PricingFixture.taxRate;
import static com.scalecommerce.orders.pricing.PricingFixture.zone;
import static org.assertj.core.api.Assertions.assertThat;

import com.scalecommerce.platform.testing.TestTokenIssuer;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** A shop whose catalog prices include tax (EU style): the quote shows the tax inside, the total does not grow. */
@QuarkusTest
@QuarkusTestResource(TestTokenIssuer.class)
@TestProfile(InclusiveTaxQuoteTest.PricesIncludeTax.class)
class InclusiveTaxQuoteTest {

    public static class PricesIncludeTax implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("scalecommerce.orders.pricing.prices-include-tax", "true");
        }
    }

    @Inject
    QuoteCalculator calculator;

    @Test
    void extractsTheTaxContainedInGrossPricesAndKeepsTheTotal() {
        String country = newCountry();
        String methodId = method(zone("EU", List.of(Map.of("country", country))), flat("Post", 990, 2, 4));
        taxRate(country, "", "20", true);

        Quote quote = calculator.quote(new QuoteRequest(
                "USD",
                List.of(new QuoteRequest.Line("A", 1000L, 1, null), new QuoteRequest.Line("B", 625L, 2, null)),
                new QuoteRequest.Destination(country, null),
                UUID.fromString(methodId),
                null,
                null));

        // 1000 holds 166.67 -> 167; 1250 holds 208.33 -> 208; shipping 990 holds 165
        assertThat(quote.pricesIncludeTax()).isTrue();
        assertThat(quote.lines()).extracting(Quote.Line::taxMinor).containsExactly(167L, 208L);
        assertThat(quote.taxMinor()).isEqualTo(167 + 208 + 165);
        assertThat(quote.totalMinor()).isEqualTo(1000 + 1250 + 990);
    }
}
