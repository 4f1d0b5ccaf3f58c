package com.scalecommerce.products.demo;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import com.scalecommerce.platform.testing.TestTokenIssuer;
import com.scalecommerce.products.media.ImageStorage;
import com.scalecommerce.products.review.TestCatalog;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

@QuarkusTest
@TestProfile(DemoMode.class)
@QuarkusTestResource(TestTokenIssuer.class)
class DemoCatalogTest {

    private static final String LOAD = "/api/admin/demo/catalog";

    /** What the catalog is, in a fixed order: any difference in names, prices, SKUs, stock or reviews shows. */
    private static final String CHECKSUM = "select md5(string_agg(line, E'\\n' order by line)) from ("
            + " select 'p|' || slug || '|' || name || '|' || min_price_minor || '|' || max_price_minor || '|'"
            + " || rating_avg || '|' || rating_count || '|' || created_at || '|' || id as line from product"
            + " union all select 'v|' || v.sku || '|' || v.price_minor || '|' || coalesce(v.compare_at_price_minor, -1)"
            + " || '|' || v.options::text || '|' || s.on_hand from variant v join stock s on s.variant_id = v.id"
            + " union all select 'c|' || slug || '|' || path from category"
            + " union all select 'i|' || p.slug || '|' || i.position || '|' || i.storage_key from product_image i"
            + " join product p on p.id = i.product_id"
            + " union all select 'r|' || p.slug || '|' || r.user_id || '|' || r.rating || '|' || r.title || '|'"
            + " || r.status from review r join product p on p.id = r.product_id) catalog";

    @Inject
    TestCatalog db;

    @Inject
    ImageStorage images;

    @Inject
    DemoCatalog catalog;

    private final String admin = TestTokenIssuer.admin(UUID.randomUUID());

    @Test
    void startupFillsTheEmptyCatalogWithTheDemoCatalog() {
        assertThat(count("select count(*) from product where status = 'ACTIVE'"))
                .isGreaterThanOrEqualTo(2000);
        assertThat(count("select count(*) from featured_product")).isPositive();
    }

    /** Two replicas starting at once on an empty catalog (REPLICAS=2 in Compose): one loads it, the other waits. */
    @Test
    void twoReplicasStartingTogetherLoadTheEmptyCatalogOnce() throws Exception {
        db.execute("truncate table product, category, brand cascade");
        Callable<DemoCatalog.LoadReport> start =
                () -> catalog.load(2000, DemoMode.STARTUP_SEED, DemoCatalog.Mode.IF_EMPTY);

        List<DemoCatalog.LoadReport> reports = atOnce(start, start);

        assertThat(reports).filteredOn(DemoCatalog.LoadReport::loaded).hasSize(1);
        assertThat(count("select count(*) from product")).isEqualTo(2000);
        assertThat(count("select count(*) from featured_product")).isBetween(1L, 8L);
    }

    @Test
    void theSameSeedMakesTheSameCatalogAndAnotherSeedAnotherOne() {
        load(2000, 7);
        String first = checksum();
        load(2000, 7);
        String again = checksum();
        load(2000, 8);
        String otherSeed = checksum();

        assertThat(again).isEqualTo(first);
        assertThat(otherSeed).isNotEqualTo(first);
    }

    @Test
    void theDemoCatalogIsCompleteAndConsistent() {
        JsonPath report = load(2000, 42);
        assertThat(report.getInt("products")).isEqualTo(2000);

        assertThat(count("select count(*) from product where status = 'ACTIVE'"))
                .isEqualTo(2000);
        // Two levels: at least ten departments, each with subcategories, products listed in the subcategories.
        assertThat(count("select count(*) from category where parent_id is null"))
                .isGreaterThanOrEqualTo(10);
        assertThat(count("select count(*) from category c where parent_id is null"
                        + " and not exists (select 1 from category k where k.parent_id = c.id)"))
                .isZero();
        assertThat(count("select count(*) from category k join category p on p.id = k.parent_id"
                        + " where p.parent_id is not null"))
                .isZero();
        assertThat(count("select count(distinct pc.category_id) from product_category pc"))
                .isGreaterThanOrEqualTo(10);
        assertThat(count("select count(*) from product_category pc join category c on c.id = pc.category_id"
                        + " where c.parent_id is null"))
                .isZero();
        assertThat(count("select count(*) from product where brand_id is null")).isZero();
        assertThat(
                        count(
                                "select count(*) from product where attributes ->> 'colour' is not null and attributes ->> 'material' is not null"))
                .isEqualTo(2000);

        // 1 to 6 variants each, every variant with a stock row; some sold out, some low.
        assertThat(count("select count(*) from (select product_id, count(*) n from variant group by product_id) v"
                        + " where n between 1 and 6"))
                .isEqualTo(2000);
        assertThat(count("select count(*) from variant v left join stock s on s.variant_id = v.id"
                        + " where s.variant_id is null or s.sku <> v.sku"))
                .isZero();
        assertThat(count("select count(*) from stock where on_hand = 0")).isPositive();
        assertThat(count("select count(*) from stock where on_hand between 1 and low_stock_threshold"))
                .isPositive();
        assertThat(count("select count(*) from product p where min_price_minor <> (select min(price_minor)"
                        + " from variant v where v.product_id = p.id) or max_price_minor <> (select max(price_minor)"
                        + " from variant v where v.product_id = p.id)"))
                .isZero();

        // One or two images each, every one stored as an SVG under its content hash.
        assertThat(count("select count(*) from (select product_id, count(*) n from product_image"
                        + " group by product_id) i where n between 1 and 2"))
                .isEqualTo(2000);
        List<Object> keys = db.column("select distinct storage_key from product_image");
        assertThat(keys).allSatisfy(key -> {
            ImageStorage.StoredImage image = images.get(key.toString()).orElseThrow();
            assertThat(image.contentType()).isEqualTo("image/svg+xml");
            assertThat(key.toString()).isEqualTo(sha256(image.content()) + ".svg");
        });

        // 0 to 20 reviews each, and the product's figures are exactly the recount of its visible ones.
        assertThat(count("select count(*) from review")).isGreaterThan(2000);
        assertThat(count("select count(*) from (select product_id, count(*) n from review group by product_id) r"
                        + " where n > 20"))
                .isZero();
        assertThat(count("select count(*) from product p cross join lateral (select coalesce(round(avg(rating), 2), 0)"
                        + " as average, count(*) as visible from review r where r.product_id = p.id"
                        + " and r.status = 'VISIBLE') recount"
                        + " where (p.rating_avg, p.rating_count) is distinct from (recount.average, recount.visible)"))
                .isZero();
        assertThat(count("select count(*) from review where status = 'HIDDEN'")).isPositive();
    }

    @Test
    void loadingIntoAFilledCatalogNeedsReplace() {
        given().auth()
                .oauth2(admin)
                .queryParam("products", 10)
                .post(LOAD)
                .then()
                .statusCode(409)
                .body("code", equalTo("CATALOG_NOT_EMPTY"));
    }

    @Test
    void customersCannotLoadDemoData() {
        given().auth()
                .oauth2(TestTokenIssuer.customer(UUID.randomUUID()))
                .queryParam("replace", true)
                .post(LOAD)
                .then()
                .statusCode(403);
        given().post(LOAD).then().statusCode(401);
    }

    private JsonPath load(int products, long seed) {
        return given().auth()
                .oauth2(admin)
                .queryParam("products", products)
                .queryParam("seed", seed)
                .queryParam("replace", true)
                .post(LOAD)
                .then()
                .statusCode(200)
                .body("loaded", equalTo(true))
                .extract()
                .jsonPath();
    }

    private String checksum() {
        return db.single(CHECKSUM).toString();
    }

    /** Runs the tasks on threads of their own, released together, like replicas starting at the same moment. */
    @SafeVarargs
    private static <T> List<T> atOnce(Callable<T>... tasks) throws Exception {
        var gate = new CyclicBarrier(tasks.length);
        try (var threads = Executors.newFixedThreadPool(tasks.length)) {
            List<Future<T>> running = new ArrayList<>();
            for (Callable<T> task : tasks) {
                running.add(threads.submit(() -> {
                    gate.await();
                    return task.call();
                }));
            }
            List<T> results = new ArrayList<>();
            for (Future<T> each : running) {
                results.add(each.get(5, TimeUnit.MINUTES));
            }
            return results;
        }
    }

    private long count(String sql) {
        return ((Number) db.single(sql)).longValue();
    }

    private static String sha256(byte[] content) {
        try {
            return java.util.HexFormat.of()
                    .formatHex(
                            java.security.MessageDigest.getInstance("SHA-256").digest(content));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
