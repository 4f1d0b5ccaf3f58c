package com.scalecommerce.orders.pricing;

import static io.restassured.RestAssured.given;

import com.scalecommerce.platform.testing.TestTokenIssuer;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

/** Builds shipping zones, tax rates and discounts through the admin API, each test in countries of its own. */
public final class PricingFixture {

    private static final AtomicInteger NEXT_COUNTRY = new AtomicInteger(26 * 10);
    private static final AtomicInteger NEXT_CODE = new AtomicInteger();
    private static final List<String> ISO_COUNTRIES = java.util.Arrays.stream(java.util.Locale.getISOCountries())
            .filter(c -> c.charAt(0) < 'J')
            .sorted()
            .toList();
    private static final AtomicInteger NEXT_ISO_COUNTRY = new AtomicInteger();

    private PricingFixture() {}

    public static String admin() {
        return TestTokenIssuer.admin(UUID.randomUUID());
    }

    /** A two-letter code no other test in this run uses (the tables are emptied at each run's start). */
    public static String newCountry() {
        int n = NEXT_COUNTRY.getAndIncrement();
        return "" + (char) ('A' + n / 26 % 26) + (char) ('A' + n % 26);
    }

    /**
     * An assigned ISO 3166-1 country code no other test in this run uses, for APIs that accept only real
     * countries (the cart's destination). Drawn from A to I, below the letters {@link #newCountry} hands out.
     */
    public static String newIsoCountry() {
        return ISO_COUNTRIES.get(NEXT_ISO_COUNTRY.getAndIncrement());
    }

    public static String newCode(String prefix) {
        return prefix + NEXT_CODE.incrementAndGet() + "X"
                + UUID.randomUUID().toString().substring(0, 6);
    }

    public static Response post(String path, Object body) {
        return given().auth()
                .oauth2(admin())
                .contentType(ContentType.JSON)
                .body(body)
                .post(path);
    }

    public static String zone(String name, List<Map<String, String>> areas) {
        return post("/api/admin/shipping/zones", Map.of("name", name, "areas", areas))
                .then()
                .statusCode(201)
                .extract()
                .path("id");
    }

    public static String method(String zoneId, Map<String, Object> method) {
        return post("/api/admin/shipping/zones/" + zoneId + "/methods", method)
                .then()
                .statusCode(201)
                .extract()
                .path("id");
    }

    public static Map<String, Object> flat(String name, long rate, int minDays, int maxDays) {
        return Map.of(
                "name",
                name,
                "kind",
                "FLAT",
                "currency",
                "USD",
                "rateMinor",
                rate,
                "minDays",
                minDays,
                "maxDays",
                maxDays);
    }

    public static void taxRate(String country, String region, String percent, boolean shippingTaxable) {
        post(
                        "/api/admin/tax-rates",
                        Map.of(
                                "country", country,
                                "region", region,
                                "name", "Tax " + country + region,
                                "ratePercent", new java.math.BigDecimal(percent),
                                "shippingTaxable", shippingTaxable))
                .then()
                .statusCode(201);
    }

    public static String discount(Map<String, Object> body) {
        return post("/api/admin/discounts", body)
                .then()
                .statusCode(201)
                .extract()
                .path("id");
    }
}
