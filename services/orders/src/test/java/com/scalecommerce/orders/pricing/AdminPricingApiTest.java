package com.scalecommerce.orders.pricing;

import static com.scalecommerce.orders.pricing.PricingFixture.admin;
import static com.scalecommerce.orders.pricing.PricingFixture.discount;
import static com.scalecommerce.orders.pricing.PricingFixture.flat;
import static com.scalecommerce.orders.pricing.PricingFixture.method;
import static com.scalecommerce.orders.pricing.PricingFixture.newCode;
import static com.scalecommerce.orders.pricing.PricingFixture.newCountry;
import static com.scalecommerce.orders.pricing.PricingFixture.post;
import static com.scalecommerce.orders.pricing.PricingFixture.taxRate;
import static com.scalecommerce.orders.pricing.PricingFixture.zone;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;

import com.scalecommerce.orders.pricing.discount.DiscountCustomer;
import com.scalecommerce.orders.pricing.discount.Discounts;
import com.scalecommerce.platform.testing.TestTokenIssuer;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(TestTokenIssuer.class)
class AdminPricingApiTest {

    private static final List<String> COLLECTIONS =
            List.of("/api/admin/shipping/zones", "/api/admin/tax-rates", "/api/admin/discounts");

    @Inject
    Discounts discounts;

    @Test
    void customersAndServicesAreForbiddenFromEveryAdminPricingEndpoint() {
        String zoneId = zone("Guarded", List.of(Map.of("country", newCountry())));
        for (String token :
                List.of(TestTokenIssuer.customer(UUID.randomUUID()), TestTokenIssuer.service("orders", "inventory"))) {
            for (String collection : COLLECTIONS) {
                given().auth().oauth2(token).get(collection).then().statusCode(403);
                given().auth()
                        .oauth2(token)
                        .contentType(ContentType.JSON)
                        .body(Map.of())
                        .post(collection)
                        .then()
                        .statusCode(403)
                        .contentType("application/problem+json");
            }
            given().auth()
                    .oauth2(token)
                    .delete("/api/admin/shipping/zones/{id}", zoneId)
                    .then()
                    .statusCode(403);
        }
        given().auth()
                .oauth2(admin())
                .get("/api/admin/shipping/zones/{id}", zoneId)
                .then()
                .statusCode(200);
    }

    @Test
    void anonymousCallersMustAuthenticate() {
        for (String collection : COLLECTIONS) {
            given().get(collection).then().statusCode(401).contentType("application/problem+json");
        }
    }

    @Test
    void invalidInputIsAnsweredWithFieldErrors() {
        post("/api/admin/shipping/zones", Map.of("name", "", "areas", List.of(Map.of("country", "USA"))))
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("code", equalTo("VALIDATION_FAILED"))
                .body("errors.field", hasItems("name", "areas[0].country"));
        String zoneId = zone("Methods", List.of(Map.of("country", newCountry())));
        post(
                        "/api/admin/shipping/zones/" + zoneId + "/methods",
                        Map.of("name", "Bad", "kind", "WEIGHT", "currency", "US", "minDays", 3, "maxDays", 1))
                .then()
                .statusCode(400)
                .body("errors.field", hasItems("currency", "maxDays", "weightBands"));
        post("/api/admin/tax-rates", Map.of("country", "x", "name", "VAT", "ratePercent", 101))
                .then()
                .statusCode(400)
                .body("errors.field", hasItems("country", "ratePercent"));
        post(
                        "/api/admin/discounts",
                        Map.of(
                                "code", "a b",
                                "kind", "FIXED",
                                "usageLimit", 0,
                                "startsAt", "2030-01-02T00:00:00Z",
                                "endsAt", "2030-01-01T00:00:00Z"))
                .then()
                .statusCode(400)
                .body("errors.field", hasItems("code", "amountOffMinor", "currency", "usageLimit", "endsAt"));
        post("/api/admin/discounts", Map.of("code", "OKCODE", "kind", "PERCENTAGE", "percentOff", 10, "roles", "x"))
                .then()
                .statusCode(400)
                .contentType("application/problem+json");
        given().auth()
                .oauth2(admin())
                .queryParam("cursor", "not-a-cursor")
                .get("/api/admin/discounts")
                .then()
                .statusCode(400)
                .body("errors.field", contains("cursor"));
    }

    @Test
    void anAreaBelongsToOneZoneOnly() {
        String country = newCountry();
        zone("First", List.of(Map.of("country", country)));
        post("/api/admin/shipping/zones", Map.of("name", "Second", "areas", List.of(Map.of("country", country))))
                .then()
                .statusCode(409)
                .body("code", equalTo("SHIPPING_AREA_TAKEN"));
        zone("Region of it", List.of(Map.of("country", country, "region", "north")));
    }

    @Test
    void zonesAndMethodsCanBeReplacedAndDeleted() {
        String before = newCountry();
        String after = newCountry();
        String zoneId = zone("Editable", List.of(Map.of("country", before)));
        String methodId = method(zoneId, flat("Old", 100, 1, 2));

        given().auth()
                .oauth2(admin())
                .contentType(ContentType.JSON)
                .body(Map.of("name", "Edited", "areas", List.of(Map.of("country", after))))
                .put("/api/admin/shipping/zones/{id}", zoneId)
                .then()
                .statusCode(200)
                .body("areas.country", contains(after))
                .body("methods.name", contains("Old"));
        given().auth()
                .oauth2(admin())
                .contentType(ContentType.JSON)
                .body(flat("New", 250, 1, 2))
                .put("/api/admin/shipping/zones/{id}/methods/{m}", zoneId, methodId)
                .then()
                .statusCode(200)
                .body("rateMinor", equalTo(250));
        given().queryParam("country", after)
                .queryParam("currency", "USD")
                .get("/api/checkout/shipping-options")
                .then()
                .body("options.priceMinor", contains(250));

        given().auth()
                .oauth2(admin())
                .delete("/api/admin/shipping/zones/{id}", zoneId)
                .then()
                .statusCode(204);
        given().auth()
                .oauth2(admin())
                .get("/api/admin/shipping/zones/{id}", zoneId)
                .then()
                .statusCode(404)
                .body("code", equalTo("SHIPPING_ZONE_NOT_FOUND"));
    }

    @Test
    void aCountryAndRegionHaveOneTaxRate() {
        String country = newCountry();
        taxRate(country, "", "5", true);
        post("/api/admin/tax-rates", Map.of("country", country, "name", "Again", "ratePercent", 6))
                .then()
                .statusCode(409)
                .body("code", equalTo("TAX_RATE_EXISTS"));
        given().auth()
                .oauth2(admin())
                .queryParam("country", country.toLowerCase())
                .get("/api/admin/tax-rates")
                .then()
                .statusCode(200)
                .body("items.ratePercent", contains(5));
    }

    @Test
    void ratesAndPercentagesReadBackAsPlainNumbers() {
        String country = newCountry();
        taxRate(country, "", "20", true);
        String body = given().auth()
                .oauth2(admin())
                .queryParam("country", country)
                .get("/api/admin/tax-rates")
                .then()
                .statusCode(200)
                .extract()
                .asString();
        assertThat(body).contains("\"ratePercent\":20,").doesNotContain("E+");
        String id = discount(Map.of("code", newCode("PLAIN"), "kind", "PERCENTAGE", "percentOff", 10));
        String discount = given().auth()
                .oauth2(admin())
                .get("/api/admin/discounts/{id}", id)
                .then()
                .extract()
                .asString();
        assertThat(discount).contains("\"percentOff\":10,");
    }

    @Test
    void discountCodesAreUniqueWhateverTheirCase() {
        String code = newCode("DUP");
        discount(Map.of("code", code, "kind", "PERCENTAGE", "percentOff", 5));
        post("/api/admin/discounts", Map.of("code", code.toLowerCase(), "kind", "PERCENTAGE", "percentOff", 5))
                .then()
                .statusCode(409)
                .body("code", equalTo("DISCOUNT_CODE_TAKEN"));
    }

    @Test
    void adminsSeeUsageCountsAndCannotDeleteOrUnderLimitAUsedCode() {
        String code = newCode("COUNT");
        String id = discount(Map.of("code", code, "kind", "PERCENTAGE", "percentOff", 5, "usageLimit", 5));
        discounts.redeem(code, DiscountCustomer.customer(UUID.randomUUID()), UUID.randomUUID(), 1000, "USD");
        discounts.redeem(code, DiscountCustomer.customer(UUID.randomUUID()), UUID.randomUUID(), 1000, "USD");

        given().auth()
                .oauth2(admin())
                .get("/api/admin/discounts/{id}", id)
                .then()
                .statusCode(200)
                .body("used", equalTo(2))
                .body("usageLimit", equalTo(5));
        given().auth()
                .oauth2(admin())
                .contentType(ContentType.JSON)
                .body(Map.of("code", code, "kind", "PERCENTAGE", "percentOff", 5, "usageLimit", 1))
                .put("/api/admin/discounts/{id}", id)
                .then()
                .statusCode(409)
                .body("code", equalTo("DISCOUNT_LIMIT_BELOW_USAGE"));
        given().auth()
                .oauth2(admin())
                .delete("/api/admin/discounts/{id}", id)
                .then()
                .statusCode(409)
                .body("code", equalTo("DISCOUNT_IN_USE"));
    }

    @Test
    void theDiscountListPagesWithACursorWithoutRepeats() {
        var created = new HashSet<String>();
        for (int i = 0; i < 3; i++) {
            created.add(discount(Map.of("code", newCode("PAGE"), "kind", "PERCENTAGE", "percentOff", 1)));
        }
        var seen = new ArrayList<String>();
        String cursor = null;
        do {
            var page = given().auth()
                    .oauth2(admin())
                    .queryParam("limit", 2)
                    .queryParam("cursor", cursor == null ? "" : cursor)
                    .get("/api/admin/discounts")
                    .then()
                    .statusCode(200)
                    .extract()
                    .jsonPath();
            assertThat(page.getList("items")).hasSizeLessThanOrEqualTo(2);
            seen.addAll(page.getList("items.id", String.class));
            cursor = page.getString("nextCursor");
        } while (cursor != null);

        assertThat(seen).doesNotHaveDuplicates().containsAll(created);
    }
}
