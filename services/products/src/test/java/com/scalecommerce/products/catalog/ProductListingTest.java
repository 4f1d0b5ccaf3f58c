package com.scalecommerce.products.catalog;

import static com.scalecommerce.products.CatalogFixtures.activeProduct;
import static com.scalecommerce.products.CatalogFixtures.createCategory;
import static com.scalecommerce.products.CatalogFixtures.createProduct;
import static com.scalecommerce.products.CatalogFixtures.marker;
import static com.scalecommerce.products.CatalogFixtures.variant;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import com.scalecommerce.platform.testing.TestTokenIssuer;
import com.scalecommerce.products.OutboxProbe;
import com.scalecommerce.products.cache.CatalogCache;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A known catalog under its own root category: six active phones and cases, a draft and an archived product that
 * must never show. Ratings, sales and stock (owned by other features) are set directly in their columns.
 */
@QuarkusTest
@QuarkusTestResource(TestTokenIssuer.class)
class ProductListingTest {

    record Known(
            String name,
            String brand,
            String category,
            String color,
            long price,
            String rating,
            int ratings,
            long sold,
            int onHand) {}

    static final List<Known> KNOWN = List.of(
            new Known("iPhone 15 Pro", "Apple", "phones", "black", 99900, "4.80", 10, 50, 5),
            new Known("iPhone 15", "Apple", "phones", "blue", 79900, "4.50", 20, 80, 0),
            new Known("Galaxy S24", "Samsung", "phones", "black", 89900, "4.50", 20, 80, 3),
            new Known("Pixel 8", "Google", "phones", "white", 69900, "3.90", 5, 10, 0),
            new Known("Leather Case", "Apple", "cases", "black", 4900, "2.20", 3, 200, 7),
            new Known("Silicone Case", "Samsung", "cases", "blue", 1900, "0.00", 0, 200, 0));

    static String m;
    static String root;
    static String rootSlug;
    static Map<String, String> categories = new HashMap<>();
    static Map<String, UUID> ids = new LinkedHashMap<>();

    @Inject
    OutboxProbe probe;

    @Inject
    CatalogCache cache;

    @BeforeEach
    synchronized void knownCatalog() {
        if (m != null) {
            return;
        }
        String marker = marker();
        root = createCategory("Listing " + marker, null);
        rootSlug = "listing-" + marker;
        categories.put("phones", createCategory("Phones " + marker, root));
        categories.put("cases", createCategory("Cases " + marker, root));
        for (Known k : KNOWN) {
            var product = activeProduct(
                    k.name(),
                    k.brand() + " " + marker,
                    List.of(categories.get(k.category())),
                    Map.of("color", k.color()),
                    k.price());
            UUID id = UUID.fromString(product.getString("id"));
            ids.put(k.name(), id);
            probe.update(
                    "update product set rating_avg = ?, rating_count = ?, sold_count = ? where id = ?",
                    new BigDecimal(k.rating()),
                    k.ratings(),
                    k.sold(),
                    id);
            probe.update(
                    "update stock set on_hand = ? where variant_id = (select id from variant where product_id = ?)",
                    k.onHand(),
                    id);
        }
        var draft = new HashMap<String, Object>();
        draft.put("name", "iPhone 15 Draft");
        draft.put("categoryIds", List.of(categories.get("phones")));
        draft.put("variants", List.of(variant("DRAFT-" + marker, 100)));
        createProduct(draft);
        String archived = activeProduct("iPhone 14 Old", null, List.of(categories.get("phones")), Map.of(), 100)
                .getString("id");
        given().auth()
                .oauth2(com.scalecommerce.products.CatalogFixtures.admin())
                .post("/api/admin/products/" + archived + "/archive")
                .then()
                .statusCode(200);
        // Another writer (the demo generator writes tables directly) leaves an ACTIVE product with no active
        // variant: unbuyable, so never listed or counted, and no price-sorted page may trip over its missing price.
        var unpriced = new HashMap<String, Object>();
        unpriced.put("name", "iPhone 15 Unpriced");
        unpriced.put("categoryIds", List.of(categories.get("phones")));
        unpriced.put("variants", List.of(variant("UNPRICED-" + marker, 100)));
        UUID unpricedId = UUID.fromString(createProduct(unpriced).getString("id"));
        probe.update("update variant set active = false where product_id = ?", unpricedId);
        probe.update(
                "update product set status = 'ACTIVE', min_price_minor = null, max_price_minor = null where id = ?",
                unpricedId);
        cache.invalidateNow();
        m = marker;
    }

    private static RequestSpecification inRoot() {
        return given().queryParam("category", rootSlug);
    }

    private static JsonPath ok(RequestSpecification request) {
        return request.get("/api/products").then().statusCode(200).extract().jsonPath();
    }

    @Test
    void listsOnlyActiveProductsOfTheCategorySubtree() {
        var all = ok(inRoot().queryParam("limit", 100));
        assertThat(all.getList("items.name", String.class))
                .containsExactlyInAnyOrderElementsOf(
                        KNOWN.stream().map(Known::name).toList());
        assertThat(all.getLong("total")).isEqualTo(6);

        var phones = ok(given().queryParam("category", "phones-" + m));
        assertThat(phones.getList("items.name", String.class))
                .containsExactlyInAnyOrder("iPhone 15 Pro", "iPhone 15", "Galaxy S24", "Pixel 8");
        var byId = ok(given().queryParam("category", categories.get("cases")));
        assertThat(byId.getList("items.name", String.class)).containsExactlyInAnyOrder("Leather Case", "Silicone Case");

        given().queryParam("category", "no-such-category-" + m)
                .get("/api/products")
                .then()
                .statusCode(404)
                .body("code", equalTo("CATEGORY_NOT_FOUND"));
    }

    @Test
    void countsFacetsOnTheResultSet() {
        var page = ok(inRoot());
        assertThat(counts(page, "facets.brands", "name"))
                .containsExactlyInAnyOrderEntriesOf(Map.of("Apple " + m, 3L, "Samsung " + m, 2L, "Google " + m, 1L));
        assertThat(counts(page, "facets.priceRanges", "minPriceMinor"))
                .containsExactlyInAnyOrderEntriesOf(Map.of("1000", 1L, "2500", 1L, "50000", 4L));
        assertThat(counts(page, "facets.ratings", "minRating"))
                .containsExactlyInAnyOrderEntriesOf(Map.of("4", 3L, "3", 4L, "2", 5L, "1", 5L));
        assertThat(page.getLong("facets.availability.inStock")).isEqualTo(3);
        assertThat(page.getLong("facets.availability.outOfStock")).isEqualTo(3);
        assertThat(valueCounts(page, "color"))
                .containsExactlyInAnyOrderEntriesOf(Map.of("black", 3L, "blue", 2L, "white", 1L));
        assertThat(counts(page, "facets.categories", "id"))
                .containsAllEntriesOf(Map.of(root, 6L, categories.get("phones"), 4L, categories.get("cases"), 2L));
    }

    @Test
    void eachFacetIgnoresItsOwnFilterButHonoursTheOthers() {
        var apple = ok(inRoot().queryParam("brand", "apple-" + m));
        assertThat(apple.getLong("total")).isEqualTo(3);
        assertThat(counts(apple, "facets.brands", "name"))
                .containsEntry("Samsung " + m, 2L)
                .containsEntry("Apple " + m, 3L);
        assertThat(valueCounts(apple, "color")).containsExactlyInAnyOrderEntriesOf(Map.of("black", 2L, "blue", 1L));

        var black = ok(inRoot().queryParam("attr.color", "black"));
        assertThat(black.getList("items.name", String.class))
                .containsExactlyInAnyOrder("iPhone 15 Pro", "Galaxy S24", "Leather Case");
        assertThat(valueCounts(black, "color")).containsEntry("blue", 2L).containsEntry("white", 1L);
        assertThat(counts(black, "facets.brands", "name"))
                .containsExactlyInAnyOrderEntriesOf(Map.of("Apple " + m, 2L, "Samsung " + m, 1L));

        assertThat(ok(inRoot().queryParam("attr.color", "black,blue")).getLong("total"))
                .isEqualTo(5);
        assertThat(ok(inRoot().queryParam("brand", "apple-" + m + ",google-" + m))
                        .getLong("total"))
                .isEqualTo(4);
    }

    @Test
    void filtersByPriceRatingAndStock() {
        assertThat(ok(inRoot().queryParam("minPrice", 5000).queryParam("maxPrice", 90000))
                        .getList("items.name", String.class))
                .containsExactlyInAnyOrder("Pixel 8", "iPhone 15", "Galaxy S24");
        assertThat(ok(inRoot().queryParam("rating", "4")).getList("items.name", String.class))
                .containsExactlyInAnyOrder("iPhone 15 Pro", "iPhone 15", "Galaxy S24");
        var inStock = ok(inRoot().queryParam("inStock", "true"));
        assertThat(inStock.getList("items.name", String.class))
                .containsExactlyInAnyOrder("iPhone 15 Pro", "Galaxy S24", "Leather Case");
        assertThat(inStock.getList("items.inStock", Boolean.class)).containsOnly(true);
    }

    @Test
    void pagesThroughEverySortOrderWithoutDuplicatesOrGaps() {
        Map<String, Comparator<Known>> orders = new LinkedHashMap<>();
        // PostgreSQL orders uuids by their bytes, which is their text order; Java's UUID.compareTo is signed.
        Comparator<Known> byIdAsc = Comparator.comparing(k -> ids.get(k.name()).toString());
        Comparator<Known> byIdDesc = byIdAsc.reversed();
        orders.put("price_asc", Comparator.comparingLong(Known::price).thenComparing(byIdAsc));
        orders.put(
                "price_desc", Comparator.comparingLong(Known::price).reversed().thenComparing(byIdDesc));
        orders.put(
                "rating",
                Comparator.comparing((Known k) -> new BigDecimal(k.rating()))
                        .thenComparingInt(Known::ratings)
                        .reversed()
                        .thenComparing(byIdDesc));
        orders.put(
                "best_selling", Comparator.comparingLong(Known::sold).reversed().thenComparing(byIdDesc));
        List<Known> newest = new ArrayList<>(KNOWN);
        java.util.Collections.reverse(newest);

        for (var order : orders.entrySet()) {
            List<String> expected =
                    KNOWN.stream().sorted(order.getValue()).map(Known::name).toList();
            assertThat(pageThrough(order.getKey(), null)).as(order.getKey()).containsExactlyElementsOf(expected);
        }
        assertThat(pageThrough("newest", null))
                .containsExactlyElementsOf(newest.stream().map(Known::name).toList());
        assertThat(pageThrough(null, null))
                .as("default without q is newest")
                .containsExactlyElementsOf(newest.stream().map(Known::name).toList());
        List<String> relevance = pageThrough("relevance", "iphone");
        assertThat(relevance).containsExactlyInAnyOrder("iPhone 15 Pro", "iPhone 15");
    }

    /** Every page of two, following nextCursor to the end. */
    private static List<String> pageThrough(String sort, String q) {
        List<String> names = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            var request = inRoot().queryParam("limit", 2);
            if (sort != null) request.queryParam("sort", sort);
            if (q != null) request.queryParam("q", q);
            if (cursor != null) request.queryParam("cursor", cursor);
            var page = ok(request);
            names.addAll(page.getList("items.name", String.class));
            cursor = page.getString("nextCursor");
            assertThat(++pages).isLessThan(10);
        } while (cursor != null);
        return names;
    }

    @Test
    void refusesUnknownSortsBadCursorsAndBadNumbers() {
        inRoot().queryParam("sort", "cheapest")
                .get("/api/products")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("sort"));
        inRoot().queryParam("cursor", "garbage!")
                .get("/api/products")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("cursor"));
        String priceCursor = ok(inRoot().queryParam("limit", 1).queryParam("sort", "price_asc"))
                .getString("nextCursor");
        inRoot().queryParam("cursor", priceCursor)
                .queryParam("sort", "rating")
                .get("/api/products")
                .then()
                .statusCode(400);
        inRoot().queryParam("minPrice", "ten")
                .queryParam("limit", 1000)
                .get("/api/products")
                .then()
                .statusCode(400)
                .body("errors.field", org.hamcrest.Matchers.hasItems("minPrice", "limit"));
    }

    @Test
    void showsProductDetailWithVariantsAvailabilityImagesAndCategoriesBySlugOrId() {
        UUID id = ids.get("Galaxy S24");
        var byId = given().get("/api/products/" + id)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        var bySlug = given().get("/api/products/" + byId.getString("slug"))
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        assertThat(bySlug.getString("id")).isEqualTo(id.toString());
        assertThat(byId.getString("brand.name")).isEqualTo("Samsung " + m);
        assertThat(byId.getBoolean("inStock")).isTrue();
        assertThat(byId.getBoolean("variants[0].available")).isTrue();
        assertThat(byId.getMap("variants[0]")).doesNotContainKeys("onHand", "reserved");
        assertThat(byId.getString("categories[0].id")).isEqualTo(categories.get("phones"));
        assertThat(byId.getString("rating.average")).isEqualTo("4.5");
        given().get("/api/products/iphone-15-draft").then().statusCode(404).body("code", equalTo("PRODUCT_NOT_FOUND"));
        given().get("/api/products/not a slug").then().statusCode(404);
    }

    @Test
    void treeCountsActiveProductsIncludingDescendants() {
        var tree =
                given().get("/api/categories").then().statusCode(200).extract().jsonPath();
        Map<String, Object> node = tree.getMap("items.find { it.id == '" + root + "' }");
        assertThat(((Number) node.get("productCount")).longValue()).isEqualTo(6);
        assertThat(tree.getLong("items.find { it.id == '" + root + "' }.children.find { it.slug == 'phones-" + m
                        + "' }.productCount"))
                .isEqualTo(4);
    }

    private static Map<String, Long> counts(JsonPath page, String path, String key) {
        List<Map<String, Object>> entries = page.getList(path);
        Map<String, Long> counts = new HashMap<>();
        for (var entry : entries) {
            counts.put(String.valueOf(entry.get(key)), ((Number) entry.get("count")).longValue());
        }
        return counts;
    }

    private static Map<String, Long> valueCounts(JsonPath page, String attribute) {
        Function<Map<String, Object>, Map<String, Long>> read = facet -> {
            Map<String, Long> counts = new HashMap<>();
            for (var value : (List<Map<String, Object>>) facet.get("values")) {
                counts.put((String) value.get("value"), ((Number) value.get("count")).longValue());
            }
            return counts;
        };
        return read.apply(page.getMap("facets.attributes.find { it.name == '" + attribute + "' }"));
    }
}
