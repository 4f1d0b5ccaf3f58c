package com.scalecommerce.users.admin;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;

import com.scalecommerce.users.Api;
import com.scalecommerce.users.UsersTestEnvironment;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(UsersTestEnvironment.class)
class AdminUsersTest {

    private String admin;

    @BeforeEach
    void signInAsAdmin() {
        Api.useFreshClientAddress();
        admin = Api.login(UsersTestEnvironment.ADMIN_EMAIL, UsersTestEnvironment.adminPassword())
                .then()
                .statusCode(200)
                .extract()
                .path("access_token");
    }

    @Test
    void customersCannotUseTheAdminApi() {
        String customer = (String) Api.signedUp(Api.newEmail()).get("access_token");
        given().auth()
                .oauth2(customer)
                .get("/api/admin/users")
                .then()
                .statusCode(403)
                .contentType("application/problem+json");
        given().get("/api/admin/users").then().statusCode(401);
    }

    @Test
    void searchesAndPagesThroughUsersWithACursor() {
        String marker = "pager" + UUID.randomUUID().toString().substring(0, 8);
        List<String> emails = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            String email = marker + "-" + i + "@example.test";
            Api.signedUp(email);
            emails.add(email);
        }

        var first = given().auth()
                .oauth2(admin)
                .queryParam("q", marker)
                .queryParam("limit", 2)
                .get("/api/admin/users");
        first.then().statusCode(200).body("items", hasSize(2));
        List<String> seen = new ArrayList<>(first.jsonPath().getList("items.email"));
        String cursor = first.jsonPath().getString("nextCursor");
        while (cursor != null) {
            var page = given().auth()
                    .oauth2(admin)
                    .queryParam("q", marker)
                    .queryParam("limit", 2)
                    .queryParam("cursor", cursor)
                    .get("/api/admin/users");
            page.then().statusCode(200);
            seen.addAll(page.jsonPath().getList("items.email"));
            cursor = page.jsonPath().getString("nextCursor");
        }
        // Newest first, each exactly once.
        assertThat(seen).containsExactlyElementsOf(emails.reversed());
    }

    @Test
    void aForgedCursorIsABadRequest() {
        given().auth()
                .oauth2(admin)
                .queryParam("cursor", "not-a-cursor")
                .get("/api/admin/users")
                .then()
                .statusCode(400)
                .body("errors.field", contains("cursor"));
    }

    @Test
    void disablingEndsEverySessionAndBlocksSignInUntilEnabled() {
        String email = Api.newEmail();
        var tokens = Api.signedUp(email);
        String id = Api.me((String) tokens.get("access_token")).then().extract().path("id");

        given().auth()
                .oauth2(admin)
                .post("/api/admin/users/" + id + "/disable")
                .then()
                .statusCode(200)
                .body("status", equalTo("DISABLED"));

        Api.refresh((String) tokens.get("refresh_token")).then().statusCode(401);
        Api.me((String) tokens.get("access_token")).then().statusCode(401);
        Api.login(email, Api.PASSWORD).then().statusCode(403);

        given().auth()
                .oauth2(admin)
                .post("/api/admin/users/" + id + "/enable")
                .then()
                .statusCode(200);
        Api.login(email, Api.PASSWORD).then().statusCode(200);
    }

    @Test
    void changingRolesTakesEffectInTheNextTokenAndIsAudited() {
        String email = Api.newEmail();
        String token = (String) Api.signedUp(email).get("access_token");
        String id = Api.me(token).then().extract().path("id");

        given().auth()
                .oauth2(admin)
                .contentType(ContentType.JSON)
                .body(Map.of("roles", List.of("CUSTOMER", "ADMIN")))
                .put("/api/admin/users/" + id + "/roles")
                .then()
                .statusCode(200)
                .body("roles", containsInAnyOrder("ADMIN", "CUSTOMER"));

        String promoted = Api.login(email, Api.PASSWORD).then().extract().path("access_token");
        assertThat(Api.jwtPart(promoted, 1).getList("roles")).containsExactlyInAnyOrder("ADMIN", "CUSTOMER");
        given().auth()
                .oauth2(admin)
                .queryParam("target", id)
                .get("/api/admin/audit-log")
                .then()
                .statusCode(200)
                .body("[0].action", equalTo("ROLES_CHANGED"))
                .body("[0].details.to", containsInAnyOrder("ADMIN", "CUSTOMER"));
    }

    @Test
    void everyAdminActionLandsInTheAuditLog() {
        String id = Api.me((String) Api.signedUp(Api.newEmail()).get("access_token"))
                .then()
                .extract()
                .path("id");
        String adminId = Api.me(admin).then().extract().path("id");

        given().auth()
                .oauth2(admin)
                .post("/api/admin/users/" + id + "/disable")
                .then()
                .statusCode(200);
        given().auth()
                .oauth2(admin)
                .post("/api/admin/users/" + id + "/enable")
                .then()
                .statusCode(200);

        given().auth()
                .oauth2(admin)
                .queryParam("target", id)
                .get("/api/admin/audit-log")
                .then()
                .statusCode(200)
                .body("action", contains("USER_ENABLED", "USER_DISABLED"))
                .body("actorId", contains(adminId, adminId));
    }

    @Test
    void anAdminCannotLockThemselvesOut() {
        String adminId = Api.me(admin).then().extract().path("id");
        given().auth()
                .oauth2(admin)
                .post("/api/admin/users/" + adminId + "/disable")
                .then()
                .statusCode(409)
                .body("code", equalTo("CANNOT_DISABLE_SELF"));
        given().auth()
                .oauth2(admin)
                .contentType(ContentType.JSON)
                .body(Map.of("roles", List.of("CUSTOMER")))
                .put("/api/admin/users/" + adminId + "/roles")
                .then()
                .statusCode(409)
                .body("code", equalTo("CANNOT_DEMOTE_SELF"));
    }

    @Test
    void anUnknownRoleIsRefused() {
        String id = Api.me(admin).then().extract().path("id");
        given().auth()
                .oauth2(admin)
                .contentType(ContentType.JSON)
                .body(Map.of("roles", List.of("ADMIN", "ROOT")))
                .put("/api/admin/users/" + id + "/roles")
                .then()
                .statusCode(400)
                .contentType("application/problem+json");
    }

    @Test
    void viewsOneUserWithoutSecrets() {
        String email = Api.newEmail();
        String id = Api.me((String) Api.signedUp(email).get("access_token"))
                .then()
                .extract()
                .path("id");
        given().auth()
                .oauth2(admin)
                .get("/api/admin/users/" + id)
                .then()
                .statusCode(200)
                .body("email", equalTo(email))
                .body("passwordHash", nullValue());
        given().auth()
                .oauth2(admin)
                .get("/api/admin/users/" + UUID.randomUUID())
                .then()
                .statusCode(404);
    }
}
