package com.scalecommerce.products.cache;

import static com.scalecommerce.products.CatalogFixtures.activeProduct;
import static com.scalecommerce.products.CatalogFixtures.admin;
import static com.scalecommerce.products.CatalogFixtures.createCategory;
import static com.scalecommerce.products.CatalogFixtures.marker;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.emptyString;
import static org.hamcrest.Matchers.equalTo;

import com.scalecommerce.platform.testing.TestTokenIssuer;
import com.scalecommerce.products.OutboxProbe;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(TestTokenIssuer.class)
class CatalogCacheTest {

    @Inject
    OutboxProbe probe;

    @Test
    void servesCachedReadsUntilACatalogWriteInvalidatesThem() {
        String m = marker();
        String category = createCategory("Cached " + m, null);
        String id = activeProduct("Original " + m, null, List.of(category), Map.of(), 100)
                .getString("id");
        String etag = given().get("/api/products/" + id)
                .then()
                .statusCode(200)
                .body("name", equalTo("Original " + m))
                .extract()
                .header("ETag");
        given().queryParam("category", category)
                .get("/api/products")
                .then()
                .body("items[0].name", equalTo("Original " + m));

        // Behind the cache's back: the cached responses keep being served.
        probe.update("update product set name = ? where id = ?", "Sneaky " + m, UUID.fromString(id));
        given().get("/api/products/" + id).then().body("name", equalTo("Original " + m));
        given().queryParam("category", category)
                .get("/api/products")
                .then()
                .body("items[0].name", equalTo("Original " + m));

        given().auth()
                .oauth2(admin())
                .contentType(ContentType.JSON)
                .body(Map.of("name", "Edited " + m, "categoryIds", List.of(category)))
                .put("/api/admin/products/" + id)
                .then()
                .statusCode(200);
        String newEtag = given().get("/api/products/" + id)
                .then()
                .statusCode(200)
                .body("name", equalTo("Edited " + m))
                .extract()
                .header("ETag");
        given().queryParam("category", category)
                .get("/api/products")
                .then()
                .body("items[0].name", equalTo("Edited " + m));
        assertThat(newEtag).isNotEqualTo(etag);
    }

    @Test
    void aSkuComingBackInStockShowsAtOnceThoughTheDetailWasCached() {
        var product = activeProduct("Restocked " + marker(), null, List.of(), Map.of(), 100);
        String id = product.getString("id");
        String sku = product.getString("variants[0].sku");
        given().get("/api/products/" + id).then().body("variants[0].available", equalTo(false));

        given().auth()
                .oauth2(admin())
                .contentType(ContentType.JSON)
                .body(Map.of("quantity", 5, "reason", "delivery"))
                .post("/api/admin/inventory/" + sku + "/receipts")
                .then()
                .statusCode(200);

        given().get("/api/products/" + id).then().body("variants[0].available", equalTo(true));
    }

    @Test
    void aNewReviewsRatingShowsAtOnceThoughTheDetailWasCached() {
        String id = activeProduct("Reviewed " + marker(), null, List.of(), Map.of(), 100)
                .getString("id");
        given().get("/api/products/" + id).then().body("rating.count", equalTo(0));

        given().auth()
                .oauth2(TestTokenIssuer.customer(UUID.randomUUID()))
                .contentType(ContentType.JSON)
                .body(Map.of("rating", 4, "title", "Good", "text", "Does what it says."))
                .post("/api/products/" + id + "/reviews")
                .then()
                .statusCode(201);

        given().get("/api/products/" + id).then().body("rating.count", equalTo(1));
    }

    @Test
    void answersNotModifiedToAMatchingIfNoneMatch() {
        String id = activeProduct("Conditional " + marker(), null, List.of(), Map.of(), 100)
                .getString("id");
        var first = given().get("/api/products/" + id)
                .then()
                .statusCode(200)
                .header("Cache-Control", containsString("public"))
                .header("Cache-Control", containsString("max-age=30"))
                .header("Cache-Control", containsString("stale-while-revalidate=60"))
                .extract();
        String etag = first.header("ETag");
        assertThat(etag).startsWith("\"").endsWith("\"");

        given().header("If-None-Match", etag)
                .get("/api/products/" + id)
                .then()
                .statusCode(304)
                .header("ETag", etag)
                .body(emptyString());
        given().header("If-None-Match", "\"other\", W/" + etag)
                .get("/api/products/" + id)
                .then()
                .statusCode(304);
        given().header("If-None-Match", "\"other\"")
                .get("/api/products/" + id)
                .then()
                .statusCode(200);

        String listEtag =
                given().get("/api/products").then().statusCode(200).extract().header("ETag");
        given().header("If-None-Match", listEtag).get("/api/products").then().statusCode(304);
        String treeEtag =
                given().get("/api/categories").then().statusCode(200).extract().header("ETag");
        given().header("If-None-Match", treeEtag).get("/api/categories").then().statusCode(304);
    }

    @Test
    void theSameContentAlwaysGetsTheSameEtag() {
        assertThat(com.scalecommerce.platform.web.http.ConditionalGet.etagOf("{\"a\":1}"))
                .isEqualTo(com.scalecommerce.platform.web.http.ConditionalGet.etagOf("{\"a\":1}"))
                .isNotEqualTo(com.scalecommerce.platform.web.http.ConditionalGet.etagOf("{\"a\":2}"));
    }
}
