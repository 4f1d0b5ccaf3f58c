package com.scalecommerce.orders.pricing.shipping;

import static com.scalecommerce.orders.pricing.PricingFixture.flat;
import static com.scalecommerce.orders.pricing.PricingFixture.method;
import static com.scalecommerce.orders.pricing.PricingFixture.newCountry;
import static com.scalecommerce.orders.pricing.PricingFixture.zone;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;

import com.scalecommerce.platform.testing.TestTokenIssuer;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(TestTokenIssuer.class)
class ShippingOptionsTest {

    private static Map<String, Object> freeOver(long rate, long threshold) {
        return Map.of(
                "name",
                "Standard",
                "kind",
                "FREE_OVER",
                "currency",
                "USD",
                "rateMinor",
                rate,
                "freeOverMinor",
                threshold,
                "minDays",
                3,
                "maxDays",
                6);
    }

    private static Map<String, Object> express(long rate) {
        return Map.of(
                "name", "Express", "kind", "EXPRESS", "currency", "USD", "rateMinor", rate, "minDays", 1, "maxDays", 2);
    }

    private static Map<String, Object> byWeight() {
        return Map.of(
                "name",
                "Parcel",
                "kind",
                "WEIGHT",
                "currency",
                "USD",
                "weightBands",
                List.of(Map.of("upToGrams", 1000, "rateMinor", 400), Map.of("upToGrams", 5000, "rateMinor", 900)),
                "minDays",
                2,
                "maxDays",
                4);
    }

    private static io.restassured.response.ValidatableResponse options(
            String country, String region, long subtotal, long grams) {
        return given().queryParam("country", country)
                .queryParam("region", region)
                .queryParam("currency", "USD")
                .queryParam("subtotalMinor", subtotal)
                .queryParam("weightGrams", grams)
                .get("/api/checkout/shipping-options")
                .then()
                .statusCode(200);
    }

    @Test
    void listsEveryMethodOfTheZoneCheapestFirstWithItsDeliveryEstimate() {
        String country = newCountry();
        String zone = zone("Home", List.of(Map.of("country", country)));
        method(zone, express(1500));
        method(zone, freeOver(800, 5000));
        method(zone, flat("Economy", 500, 5, 9));

        options(country, "", 3000, 0)
                .body("options.name", contains("Economy", "Standard", "Express"))
                .body("options.priceMinor", contains(500, 800, 1500))
                .body("options.kind", contains("FLAT", "FREE_OVER", "EXPRESS"))
                .body("options[2].deliveryEstimate.minDays", equalTo(1))
                .body("options[2].deliveryEstimate.maxDays", equalTo(2))
                .body("options[0].currency", equalTo("USD"));
    }

    @Test
    void shipsFreeFromTheThresholdOnButNotJustBelowIt() {
        String country = newCountry();
        String zone = zone("Free over 50", List.of(Map.of("country", country)));
        method(zone, freeOver(800, 5000));

        options(country, "", 4999, 0).body("options.priceMinor", contains(800));
        options(country, "", 5000, 0).body("options.priceMinor", contains(0));
    }

    @Test
    void pricesAParcelByTheFirstWeightBandItFitsAndDropsTheMethodWhenItIsTooHeavy() {
        String country = newCountry();
        String zone = zone("By weight", List.of(Map.of("country", country)));
        method(zone, byWeight());

        options(country, "", 0, 1000).body("options.priceMinor", contains(400));
        options(country, "", 0, 1001).body("options.priceMinor", contains(900));
        options(country, "", 0, 5001).body("options", empty());
    }

    @Test
    void aRegionZoneWinsOverTheZoneOfItsCountry() {
        String country = newCountry();
        method(zone("Mainland", List.of(Map.of("country", country))), flat("Mainland", 500, 2, 4));
        method(zone("Islands", List.of(Map.of("country", country, "region", "hi"))), flat("Island", 2500, 5, 10));

        options(country, "HI", 0, 0).body("options.name", contains("Island"));
        options(country, "CA", 0, 0).body("options.name", contains("Mainland"));
        options(country, "", 0, 0).body("options.name", contains("Mainland"));
    }

    @Test
    void offersNothingWhereNoZoneReachesOrInAnotherCurrency() {
        String country = newCountry();
        method(zone("Dollars only", List.of(Map.of("country", country))), flat("Economy", 500, 2, 4));

        options(newCountry(), "", 0, 0).body("options", empty());
        given().queryParam("country", country)
                .queryParam("currency", "EUR")
                .get("/api/checkout/shipping-options")
                .then()
                .statusCode(200)
                .body("options", empty());
    }

    @Test
    void inactiveMethodsAreNotOffered() {
        String country = newCountry();
        String zone = zone("Paused", List.of(Map.of("country", country)));
        var paused = new java.util.HashMap<>(flat("Paused", 100, 1, 2));
        paused.put("active", false);
        method(zone, paused);
        method(zone, flat("Running", 700, 1, 2));

        options(country, "", 0, 0).body("options.name", contains("Running"));
    }

    @Test
    void acceptsTheCartSummaryAsAJsonBody() {
        String country = newCountry();
        String zone = zone("Body", List.of(Map.of("country", country)));
        method(zone, freeOver(800, 5000));
        method(zone, byWeight());

        given().contentType(ContentType.JSON)
                .body(Map.of(
                        "country",
                        country.toLowerCase(),
                        "currency",
                        "usd",
                        "subtotalMinor",
                        6000,
                        "weightGrams",
                        2000))
                .post("/api/checkout/shipping-options")
                .then()
                .statusCode(200)
                .body("country", equalTo(country))
                .body("options.priceMinor", contains(0, 900));
    }

    @Test
    void refusesAMissingCountryAndCurrencyWithFieldErrors() {
        given().queryParam("weightGrams", -1)
                .get("/api/checkout/shipping-options")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("code", equalTo("VALIDATION_FAILED"))
                .body("errors.field", hasItems("country", "currency", "weightGrams"));
    }
}
