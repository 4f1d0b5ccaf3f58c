package com.scalecommerce.orders.cart;

import static com.scalecommerce.orders.cart.CartPricingTest.add;
import static com.scalecommerce.orders.cart.CartPricingTest.adjustment;
import static com.scalecommerce.orders.cart.CartPricingTest.applyCode;
import static com.scalecommerce.orders.cart.CartPricingTest.chooseDestination;
import static com.scalecommerce.orders.cart.CartPricingTest.customer;
import static com.scalecommerce.orders.cart.CartPricingTest.quote;
import static com.scalecommerce.orders.cart.CartPricingTest.usd;
import static com.scalecommerce.orders.pricing.PricingFixture.discount;
import static com.scalecommerce.orders.pricing.PricingFixture.flat;
import static com.scalecommerce.orders.pricing.PricingFixture.method;
import static com.scalecommerce.orders.pricing.PricingFixture.newCode;
import static com.scalecommerce.orders.pricing.PricingFixture.newIsoCountry;
import static com.scalecommerce.orders.pricing.PricingFixture.taxRate;
import static com.scalecommerce.orders.pricing.PricingFixture.zone;
import static org.assertj.core.api.Assertions.assertThat;

import com.scalecommerce.orders.catalog.ProductsStub;
import com.scalecommerce.orders.catalog.ProductsStub.Sku;
import com.scalecommerce.platform.testing.TestTokenIssuer;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * An EU-style shop: prices include tax, and carts without a chosen destination are estimated for the shop's
 * default country. The tax is shown inside the total, which it does not change.
 */
@QuarkusTest
@QuarkusTestResource(TestTokenIssuer.class)
@QuarkusTestResource(ProductsStub.class)
@TestProfile(CartTaxIncludedTest.EuropeanShop.class)
class CartTaxIncludedTest {

    static final String DEFAULT_COUNTRY = "JP";

    public static class EuropeanShop implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of(
                    "scalecommerce.orders.pricing.prices-include-tax",
                    "true",
                    "scalecommerce.orders.cart.default-country",
                    DEFAULT_COUNTRY.toLowerCase());
        }
    }

    @Test
    void includedTaxIsShownButDoesNotChangeTheTotal() {
        String country = newIsoCountry();
        method(zone("EU", List.of(Map.of("country", country))), flat("Post", 500, 2, 3));
        taxRate(country, "", "25", false);
        String code = newCode("GROSS");
        discount(Map.of("code", code, "kind", "FIXED", "amountOffMinor", 500, "currency", "USD"));
        UUID book = usd("Book", new Sku("BOOK", 1250, true));
        UUID me = UUID.randomUUID();
        add(customer(me), book, "BOOK", 2).then().statusCode(200);
        chooseDestination(customer(me), country, null).then().statusCode(200);
        applyCode(customer(me), code).then().statusCode(200);

        JsonPath view =
                customer(me).get("/api/cart").then().statusCode(200).extract().jsonPath();
        JsonPath quote = quote(Map.of(
                        "currency",
                        "USD",
                        "lines",
                        List.of(Map.of("sku", "BOOK", "unitPriceMinor", 1250, "quantity", 2, "weightGrams", 300)),
                        "destination",
                        Map.of("country", country),
                        "discountCode",
                        code))
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();

        // 2500 - 500 = 2000 gross holds 2000 x 25 / 125 = 400 of tax; shipping is not taxed here.
        assertThat(adjustment(view, "TAX"))
                .containsEntry("amountMinor", 400)
                .containsEntry("included", true)
                .containsEntry("label", "Included tax 25%");
        assertThat(adjustment(view, "DISCOUNT")).containsEntry("amountMinor", -500);
        assertThat(adjustment(view, "SHIPPING")).containsEntry("amountMinor", 500);
        assertThat(view.getLong("totalMinor")).isEqualTo(2500 - 500 + 500).isEqualTo(quote.getLong("totalMinor"));
        assertThat(quote.getLong("taxMinor")).isEqualTo(400);
        assertThat(quote.getBoolean("pricesIncludeTax")).isTrue();
    }

    @Test
    void withoutAChosenDestinationTheEstimateIsForTheDefaultCountry() {
        method(zone("Japan", List.of(Map.of("country", DEFAULT_COUNTRY))), flat("Yamato", 800, 1, 2));
        taxRate(DEFAULT_COUNTRY, "", "10", true);
        UUID tea = usd("Tea", new Sku("TEA", 2200, true));
        UUID me = UUID.randomUUID();

        JsonPath view = add(customer(me), tea, "TEA", 1)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        assertThat(view.getString("destination.country")).isEqualTo(DEFAULT_COUNTRY);
        assertThat(view.getString("destination.source")).isEqualTo("DEFAULT");
        assertThat(adjustment(view, "SHIPPING"))
                .containsEntry("label", "Yamato")
                .containsEntry("amountMinor", 800);
        // 2200 holds 200; shipping 800 holds 72.73 -> 73.
        assertThat(adjustment(view, "TAX")).containsEntry("amountMinor", 273).containsEntry("included", true);
        assertThat(view.getLong("totalMinor")).isEqualTo(3000);

        // A chosen destination wins over the default; removing it brings the default back.
        String elsewhere = newIsoCountry();
        chooseDestination(customer(me), elsewhere, null)
                .then()
                .statusCode(200)
                .body("destination.source", org.hamcrest.Matchers.equalTo("CHOSEN"))
                .body("adjustments.kind", org.hamcrest.Matchers.equalTo(List.of("TAX")))
                .body("totalMinor", org.hamcrest.Matchers.equalTo(2200));
        customer(me)
                .delete("/api/cart/destination")
                .then()
                .statusCode(200)
                .body("destination.country", org.hamcrest.Matchers.equalTo(DEFAULT_COUNTRY))
                .body("totalMinor", org.hamcrest.Matchers.equalTo(3000));
    }
}
