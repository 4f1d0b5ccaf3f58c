package com.scalecommerce.products.catalog;

import static com.scalecommerce.products.CatalogFixtures.activeProduct;
import static com.scalecommerce.products.CatalogFixtures.admin;
import static com.scalecommerce.products.CatalogFixtures.createCategory;
import static com.scalecommerce.products.CatalogFixtures.createProduct;
import static com.scalecommerce.products.CatalogFixtures.marker;
import static com.scalecommerce.products.CatalogFixtures.variant;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;

import com.scalecommerce.platform.testing.TestTokenIssuer;
import com.scalecommerce.products.OutboxProbe;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(TestTokenIssuer.class)
class AdminProductsTest {

    @Inject
    OutboxProbe probe;

    @Test
    void createsAProductWithVariantsEachWithAnEmptyStockRow() {
        String m = marker();
        var created = createProduct(Map.of(
                "name",
                "Trail Shoe " + m,
                "brand",
                "Stride " + m,
                "attributes",
                Map.of("material", "mesh", "sizes", List.of(41, 42)),
                "seoTitle",
                "Trail shoe",
                "variants",
                List.of(
                        Map.of("sku", "TS-41-" + m, "priceMinor", 8900, "options", Map.of("size", "41")),
                        Map.of("sku", "TS-42-" + m, "priceMinor", 9900, "compareAtPriceMinor", 12900))));

        assertThat(created.getString("slug")).isEqualTo("trail-shoe-" + m);
        assertThat(created.getString("status")).isEqualTo("DRAFT");
        assertThat(created.getString("brand.name")).isEqualTo("Stride " + m);
        assertThat(created.getLong("minPriceMinor")).isEqualTo(8900);
        assertThat(created.getLong("maxPriceMinor")).isEqualTo(9900);
        assertThat(created.getList("variants.onHand")).containsExactly(0, 0);
        assertThat(probe.count(
                        "select count(*) from stock where sku in (?, ?) and on_hand = 0", "TS-41-" + m, "TS-42-" + m))
                .isEqualTo(2);
    }

    @Test
    void derivesSlugsFromNamesAndRefusesATakenExplicitSlug() {
        String m = marker();
        String first = createProduct(Map.of("name", "Crème Brûlée " + m)).getString("slug");
        String second = createProduct(Map.of("name", "Crème Brûlée " + m)).getString("slug");
        assertThat(first).isEqualTo("creme-brulee-" + m);
        assertThat(second).isEqualTo("creme-brulee-" + m + "-2");

        given().auth()
                .oauth2(admin())
                .contentType(ContentType.JSON)
                .body(Map.of("name", "Other", "slug", first))
                .post("/api/admin/products")
                .then()
                .statusCode(409)
                .contentType("application/problem+json")
                .body("code", equalTo("SLUG_TAKEN"));
    }

    @Test
    void refusesInvalidInputFieldByField() {
        var body = new HashMap<String, Object>();
        body.put("name", "");
        body.put("status", "LIVE");
        body.put("attributes", Map.of("bad key", "x"));
        body.put("variants", List.of(Map.of("sku", "has space", "priceMinor", -1)));
        given().auth()
                .oauth2(admin())
                .contentType(ContentType.JSON)
                .body(body)
                .post("/api/admin/products")
                .then()
                .statusCode(400)
                .body("code", equalTo("VALIDATION_FAILED"))
                .body("errors.field", hasItems("name", "status"));

        given().auth()
                .oauth2(admin())
                .contentType(ContentType.JSON)
                .body(Map.of("name", "x", "price", 3))
                .post("/api/admin/products")
                .then()
                .statusCode(400)
                .body("errors.field", hasItem("price"));
    }

    @Test
    void refusesADuplicateSku() {
        String sku = "DUP-" + marker();
        createProduct(Map.of("name", "First " + sku, "variants", List.of(variant(sku, 100))));
        given().auth()
                .oauth2(admin())
                .contentType(ContentType.JSON)
                .body(Map.of("name", "Second " + sku, "variants", List.of(variant(sku, 100))))
                .post("/api/admin/products")
                .then()
                .statusCode(409)
                .body("code", equalTo("SKU_TAKEN"));
    }

    @Test
    void keepsThePriceRangeOfActiveVariantsCurrent() {
        String m = marker();
        var product = createProduct(
                Map.of("name", "Lamp " + m, "variants", List.of(variant("L1-" + m, 3000), variant("L2-" + m, 5000))));
        String id = product.getString("id");
        String cheap = product.getString("variants.find { it.sku == 'L1-" + m + "' }.id");

        given().auth()
                .oauth2(admin())
                .contentType(ContentType.JSON)
                .body(Map.of("sku", "L3-" + m, "priceMinor", 7000))
                .post("/api/admin/products/" + id + "/variants")
                .then()
                .statusCode(201)
                .body("maxPriceMinor", equalTo(7000));
        given().auth()
                .oauth2(admin())
                .contentType(ContentType.JSON)
                .body(Map.of("sku", "L1-" + m, "priceMinor", 3000, "active", false))
                .put("/api/admin/products/" + id + "/variants/" + cheap)
                .then()
                .statusCode(200)
                .body("minPriceMinor", equalTo(5000));
        given().auth()
                .oauth2(admin())
                .contentType(ContentType.JSON)
                .body(Map.of("sku", "RENAMED-" + m, "priceMinor", 3000))
                .put("/api/admin/products/" + id + "/variants/" + cheap)
                .then()
                .statusCode(400)
                .body("errors.field", hasItem("sku"));
    }

    @Test
    void anActiveProductNeedsAnActiveVariant() {
        given().auth()
                .oauth2(admin())
                .contentType(ContentType.JSON)
                .body(Map.of("name", "Nothing to sell " + marker(), "status", "ACTIVE"))
                .post("/api/admin/products")
                .then()
                .statusCode(409)
                .body("code", equalTo("PRODUCT_NOT_SELLABLE"));
    }

    @Test
    void editsProductFieldsAndCategoriesAndRecordsTheUpdate() {
        String m = marker();
        String category = createCategory("Edit cat " + m, null);
        var product = activeProduct("Before " + m, null, List.of(), Map.of(), 1000);
        String id = product.getString("id");
        given().auth()
                .oauth2(admin())
                .contentType(ContentType.JSON)
                .body(Map.of(
                        "name",
                        "After " + m,
                        "description",
                        "New words",
                        "categoryIds",
                        List.of(category),
                        "seoDescription",
                        "Seo"))
                .put("/api/admin/products/" + id)
                .then()
                .statusCode(200)
                .body("name", equalTo("After " + m))
                .body("slug", equalTo(product.getString("slug")))
                .body("status", equalTo("ACTIVE"))
                .body("categories[0].id", equalTo(category));

        var updates = probe.events("product.updated", id);
        assertThat(updates).hasSize(1);
        assertThat(updates.getFirst().at("/data/name").asText()).isEqualTo("After " + m);
        assertThat(updates.getFirst().at("/data/categoryIds/0").asText()).isEqualTo(category);
    }

    @Test
    void writesProductCreatedWithIdsAndSkusToTheOutbox() {
        String sku = "EVT-" + marker();
        String id =
                activeProduct("Evented " + sku, null, List.of(), Map.of(), 1234).getString("id");
        given().auth().oauth2(admin()).get("/api/admin/products/" + id).then().statusCode(200);
        var created = probe.events("product.created", id);
        assertThat(created).hasSize(1);
        var data = created.getFirst().get("data");
        assertThat(data.get("productId").asText()).isEqualTo(id);
        assertThat(data.get("status").asText()).isEqualTo("ACTIVE");
        assertThat(data.at("/variants/0/priceMinor").asLong()).isEqualTo(1234);
        assertThat(created.getFirst().get("source").asText()).isEqualTo("/products");
    }

    @Test
    void archivingHidesFromShoppersAndCountsAsAnUpdate() {
        var product = activeProduct("Archived " + marker(), null, List.of(), Map.of(), 500);
        String id = product.getString("id");
        given().get("/api/products/" + id).then().statusCode(200);

        given().auth()
                .oauth2(admin())
                .post("/api/admin/products/" + id + "/archive")
                .then()
                .statusCode(200)
                .body("status", equalTo("ARCHIVED"));

        given().get("/api/products/" + id).then().statusCode(404).body("code", equalTo("PRODUCT_NOT_FOUND"));
        assertThat(probe.events("product.updated", id)).hasSize(1);
        given().auth()
                .oauth2(admin())
                .delete("/api/admin/products/" + id)
                .then()
                .statusCode(409)
                .body("code", equalTo("PRODUCT_WAS_PUBLISHED"));
    }

    @Test
    void deletesANeverPublishedDraft() {
        String m = marker();
        String id = createProduct(Map.of("name", "Draft " + m, "variants", List.of(variant("DR-" + m, 10))))
                .getString("id");
        given().auth()
                .oauth2(admin())
                .delete("/api/admin/products/" + id)
                .then()
                .statusCode(204);
        given().auth().oauth2(admin()).get("/api/admin/products/" + id).then().statusCode(404);
        var deleted = probe.events("product.deleted", id);
        assertThat(deleted).hasSize(1);
        assertThat(deleted.getFirst().at("/data/skus/0").asText()).isEqualTo("DR-" + m);
        assertThat(probe.count("select count(*) from stock where sku = ?", "DR-" + m))
                .isZero();
    }

    @Test
    void customersAndAnonymousCallersCannotUseTheAdminApi() {
        String customer = TestTokenIssuer.customer(UUID.randomUUID());
        for (String path : List.of("/api/admin/products", "/api/admin/categories", "/api/admin/brands")) {
            given().auth().oauth2(customer).get(path).then().statusCode(403).contentType("application/problem+json");
            given().get(path).then().statusCode(401);
        }
        given().auth()
                .oauth2(customer)
                .contentType(ContentType.JSON)
                .body(Map.of("name", "Sneaky"))
                .post("/api/admin/products")
                .then()
                .statusCode(403);
        given().auth()
                .oauth2(TestTokenIssuer.service("orders", "inventory"))
                .get("/api/admin/products")
                .then()
                .statusCode(403);
    }

    @Test
    void listsProductsForAdminsWithEveryStatusAndACursor() {
        String m = marker();
        for (int i = 0; i < 3; i++) {
            createProduct(Map.of("name", "Paged " + m + " " + i));
        }
        var first = given().auth()
                .oauth2(admin())
                .queryParam("q", "Paged " + m)
                .queryParam("limit", 2)
                .get("/api/admin/products");
        first.then().statusCode(200);
        List<String> names = new java.util.ArrayList<>(first.jsonPath().getList("items.name"));
        String cursor = first.jsonPath().getString("nextCursor");
        assertThat(cursor).isNotNull();
        var second = given().auth()
                .oauth2(admin())
                .queryParam("q", "Paged " + m)
                .queryParam("limit", 2)
                .queryParam("cursor", cursor)
                .get("/api/admin/products");
        names.addAll(second.jsonPath().getList("items.name"));
        assertThat(second.jsonPath().getString("nextCursor")).isNull();
        assertThat(names).containsExactly("Paged " + m + " 2", "Paged " + m + " 1", "Paged " + m + " 0");
    }
}
