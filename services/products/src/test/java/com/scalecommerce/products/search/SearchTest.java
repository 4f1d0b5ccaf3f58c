package com.scalecommerce.products.search;

import static com.scalecommerce.products.CatalogFixtures.activeProduct;
import static com.scalecommerce.products.CatalogFixtures.admin;
import static com.scalecommerce.products.CatalogFixtures.createCategory;
import static com.scalecommerce.products.CatalogFixtures.marker;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.scalecommerce.platform.testing.TestTokenIssuer;
import com.scalecommerce.products.OutboxProbe;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(TestTokenIssuer.class)
class SearchTest {

    @Inject
    OutboxProbe probe;

    @Test
    void findsIphoneDespiteTheTypoIphnoe() {
        String m = marker();
        String category = createCategory("Typo " + m, null);
        activeProduct("iPhone 15 Pro", null, List.of(category), Map.of(), 99900);
        activeProduct("Pixel 8", null, List.of(category), Map.of(), 69900);

        var page = given().queryParam("q", "iphnoe")
                .queryParam("category", category)
                .get("/api/products")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        assertThat(page.getList("items.name", String.class)).containsExactly("iPhone 15 Pro");
        assertThat(page.getBoolean("approximate")).isTrue();
    }

    @Test
    void ranksNameMatchesAboveDescriptionMatchesAndIgnoresAccents() {
        String m = marker();
        String category = createCategory("Weights " + m, null);
        var described = Map.<String, Object>of(
                "name",
                "Desk lamp " + m,
                "status",
                "ACTIVE",
                "categoryIds",
                List.of(category),
                "description",
                "Loved by every quokka.",
                "variants",
                List.of(Map.of("sku", "DL-" + m, "priceMinor", 100)));
        given().auth()
                .oauth2(admin())
                .contentType(ContentType.JSON)
                .body(described)
                .post("/api/admin/products")
                .then()
                .statusCode(201);
        activeProduct("Quokka Lamp " + m, null, List.of(category), Map.of(), 100);
        activeProduct("Crème brûlée torch " + m, null, List.of(category), Map.of(), 100);

        var quokka = given().queryParam("q", "quokka")
                .queryParam("category", category)
                .get("/api/products")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        assertThat(quokka.getList("items.name", String.class)).containsExactly("Quokka Lamp " + m, "Desk lamp " + m);
        var accents = given().queryParam("q", "creme brulee")
                .queryParam("category", category)
                .get("/api/products")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        assertThat(accents.getList("items.name", String.class)).containsExactly("Crème brûlée torch " + m);
    }

    @Test
    void findsProductsByBrandAndCategoryNamesAndFollowsARename() {
        String m = marker();
        String category = createCategory("Gizmos" + m, null);
        activeProduct("Thing one " + m, "Brandx" + m, List.of(category), Map.of(), 100);
        var byBrand = given().queryParam("q", "brandx" + m)
                .get("/api/products")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        assertThat(byBrand.getList("items.name", String.class)).containsExactly("Thing one " + m);
        var byCategory = given().queryParam("q", "gizmos" + m)
                .get("/api/products")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        assertThat(byCategory.getList("items.name", String.class)).containsExactly("Thing one " + m);

        String brandId = given().auth()
                .oauth2(admin())
                .get("/api/admin/brands")
                .then()
                .extract()
                .jsonPath()
                .getString("find { it.name == 'Brandx" + m + "' }.id");
        given().auth()
                .oauth2(admin())
                .contentType(ContentType.JSON)
                .body(Map.of("name", "Renamedco" + m))
                .put("/api/admin/brands/" + brandId)
                .then()
                .statusCode(200);
        var renamed = given().queryParam("q", "renamedco" + m)
                .get("/api/products")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        assertThat(renamed.getList("items.name", String.class)).containsExactly("Thing one " + m);
    }

    @Test
    void suggestsProductsCategoriesAndBrandsByPrefix() {
        String m = marker();
        String category = createCategory("Zebrawood " + m, null);
        activeProduct("Zebrafish tank " + m, "Zebrand " + m, List.of(category), Map.of(), 100);
        activeProduct("Large zebra print rug " + m, null, List.of(category), Map.of(), 100);

        var suggested = given().queryParam("q", "zebr")
                .get("/api/search/suggest")
                .then()
                .statusCode(200)
                .header("ETag", org.hamcrest.Matchers.notNullValue())
                .extract()
                .jsonPath();
        List<String> products = suggested.getList("products.name", String.class);
        assertThat(products).contains("Zebrafish tank " + m, "Large zebra print rug " + m);
        assertThat(products.indexOf("Zebrafish tank " + m))
                .as("name prefix before word prefix")
                .isLessThan(products.indexOf("Large zebra print rug " + m));
        assertThat(suggested.getList("categories.name", String.class)).contains("Zebrawood " + m);
        assertThat(suggested.getList("brands.name", String.class)).contains("Zebrand " + m);

        var typo = given().queryParam("q", "zebrafihs tank " + m)
                .get("/api/search/suggest")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        assertThat(typo.getList("products.name", String.class)).contains("Zebrafish tank " + m);
        given().queryParam("q", "")
                .get("/api/search/suggest")
                .then()
                .statusCode(200)
                .body("products", org.hamcrest.Matchers.empty());
    }

    @Test
    void everySearchEmitsSearchPerformedWithItsResultCountAndSession() {
        String m = marker();
        String category = createCategory("Events " + m, null);
        activeProduct("Kazoo " + m, null, List.of(category), Map.of(), 100);

        given().header("X-Session-Id", "sess-" + m)
                .queryParam("q", "kazoo " + m)
                .get("/api/products")
                .then()
                .statusCode(200);
        // No marker in this query: its similarity to the marker in other names would make it match.
        String nothing = "qqxqzzjv " + m.replaceAll("[0-9a-f]", "y");
        given().queryParam("q", nothing).get("/api/products").then().statusCode(200);

        await().atMost(Duration.ofSeconds(10))
                .until(() -> !probe.searches("kazoo " + m).isEmpty()
                        && !probe.searches(nothing).isEmpty());
        var found = probe.searches("kazoo " + m).getFirst().get("data");
        assertThat(found.get("resultCount").asLong()).isEqualTo(1);
        assertThat(found.get("sessionId").asText()).isEqualTo("sess-" + m);
        var zero = probe.searches(nothing).getFirst().get("data");
        assertThat(zero.get("resultCount").asLong()).isZero();
        assertThat(zero.get("sessionId").isNull()).isTrue();
    }
}
