package com.scalecommerce.products.demo;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import com.scalecommerce.platform.testing.TestTokenIssuer;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(TestTokenIssuer.class)
class DemoCatalogDisabledTest {

    @Test
    void outsideDemoModeTheCatalogCannotBeReplaced() {
        given().auth()
                .oauth2(TestTokenIssuer.admin(UUID.randomUUID()))
                .queryParam("replace", true)
                .post("/api/admin/demo/catalog")
                .then()
                .statusCode(404)
                .body("code", equalTo("DEMO_DISABLED"));
    }
}
