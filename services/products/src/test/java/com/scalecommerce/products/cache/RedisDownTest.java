package com.scalecommerce.products.cache;

import static com.scalecommerce.products.CatalogFixtures.activeProduct;
import static com.scalecommerce.products.CatalogFixtures.marker;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

import com.scalecommerce.platform.testing.TestTokenIssuer;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Redis pointed at a closed port: the cache is gone, reads and writes still work from PostgreSQL. */
@QuarkusTest
@TestProfile(RedisDownTest.NoRedis.class)
@QuarkusTestResource(TestTokenIssuer.class)
class RedisDownTest {

    public static class NoRedis implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of(
                    "quarkus.redis.hosts", "redis://127.0.0.1:9",
                    "scalecommerce.events.relay.enabled", "false",
                    "scalecommerce.events.consumer.enabled", "false");
        }
    }

    @Test
    void shopperReadsFallBackToTheDatabaseWhenRedisIsDown() {
        String name = "Redisless " + marker();
        String id = activeProduct(name, null, List.of(), Map.of(), 100).getString("id");
        given().get("/api/products/" + id)
                .then()
                .statusCode(200)
                .body("name", equalTo(name))
                .header("ETag", notNullValue());
        given().queryParam("q", name)
                .get("/api/products")
                .then()
                .statusCode(200)
                .body("items[0].name", equalTo(name));
        given().get("/api/categories").then().statusCode(200);
        given().queryParam("q", "redisl").get("/api/search/suggest").then().statusCode(200);
    }
}
