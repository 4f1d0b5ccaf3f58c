package com.scalecommerce.products;

import static io.restassured.RestAssured.given;

import com.scalecommerce.platform.testing.TestTokenIssuer;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Builds catalog data through the admin API, as an admin would. Every name carries a per-test marker. */
public final class CatalogFixtures {

    private CatalogFixtures() {}

    public static String admin() {
        return TestTokenIssuer.admin(UUID.randomUUID());
    }

    /** A short unique token, so tests sharing one database never see each other's rows. */
    public static String marker() {
        return UUID.randomUUID().toString().substring(0, 8);
    }

    public static String createCategory(String name, String parentId) {
        var body = new HashMap<String, Object>();
        body.put("name", name);
        if (parentId != null) {
            body.put("parentId", parentId);
        }
        return given().auth()
                .oauth2(admin())
                .contentType(ContentType.JSON)
                .body(body)
                .post("/api/admin/categories")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
    }

    public static JsonPath createProduct(Map<String, Object> body) {
        return given().auth()
                .oauth2(admin())
                .contentType(ContentType.JSON)
                .body(body)
                .post("/api/admin/products")
                .then()
                .statusCode(201)
                .extract()
                .jsonPath();
    }

    public static Map<String, Object> variant(String sku, long priceMinor) {
        return Map.of("sku", sku, "priceMinor", priceMinor);
    }

    /** An ACTIVE product with one variant per price. */
    public static JsonPath activeProduct(
            String name, String brand, List<String> categoryIds, Map<String, Object> attributes, long... prices) {
        var body = new HashMap<String, Object>();
        body.put("name", name);
        body.put("status", "ACTIVE");
        if (brand != null) {
            body.put("brand", brand);
        }
        body.put("categoryIds", categoryIds);
        body.put("attributes", attributes);
        body.put("description", "A product called " + name + ".");
        var variants = new java.util.ArrayList<Map<String, Object>>();
        for (long price : prices) {
            variants.add(variant("SKU-" + UUID.randomUUID(), price));
        }
        body.put("variants", variants);
        return createProduct(body);
    }
}
