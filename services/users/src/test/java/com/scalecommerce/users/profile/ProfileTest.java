package com.scalecommerce.users.profile;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;

import com.scalecommerce.users.Api;
import com.scalecommerce.users.UsersTestEnvironment;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(UsersTestEnvironment.class)
class ProfileTest {

    private String email;
    private String token;

    @BeforeEach
    void signUp() {
        Api.useFreshClientAddress();
        email = Api.newEmail();
        token = (String) Api.signedUp(email).get("access_token");
    }

    @Test
    void showsTheSignedInCustomersProfile() {
        Api.me(token)
                .then()
                .statusCode(200)
                .body("email", equalTo(email))
                .body("emailVerified", equalTo(false))
                .body("roles", contains("CUSTOMER"))
                .body("marketingConsent", equalTo(false));
    }

    @Test
    void updatesOnlyTheFieldsAPatchSends() {
        patch(Map.of("name", "Ada Lovelace", "phone", "+44 20 7946 0018", "marketingConsent", true))
                .then()
                .statusCode(200)
                .body("name", equalTo("Ada Lovelace"))
                .body("phone", equalTo("+44 20 7946 0018"))
                .body("marketingConsent", equalTo(true));

        patch(Map.of("marketingConsent", false))
                .then()
                .statusCode(200)
                .body("name", equalTo("Ada Lovelace"))
                .body("marketingConsent", equalTo(false));

        Api.me(token).then().body("phone", equalTo("+44 20 7946 0018"));
    }

    @Test
    void anExplicitNullClearsAField() {
        patch(Map.of("phone", "+1 555 0100")).then().statusCode(200);

        given().auth()
                .oauth2(token)
                .contentType("application/merge-patch+json")
                .body("{\"phone\": null}")
                .patch("/api/users/me")
                .then()
                .statusCode(200)
                .body("phone", nullValue());
    }

    @Test
    void refusesToLetACustomerGrantThemselvesRolesOrVerifyTheirEmail() {
        patch(Map.of("roles", new String[] {"ADMIN"}))
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", hasItem("roles"));
        patch(Map.of("emailVerified", true)).then().statusCode(400).body("errors.field", hasItem("emailVerified"));
        patch(Map.of("email", "someone@else.test")).then().statusCode(400);

        Api.me(token)
                .then()
                .body("roles", contains("CUSTOMER"))
                .body("emailVerified", equalTo(false))
                .body("email", equalTo(email));
    }

    @Test
    void rejectsAnInvalidPhoneNumberNamingTheField() {
        patch(Map.of("phone", "call me maybe"))
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", hasItem("phone"));
    }

    @Test
    void isRefusedToASessionThatLoggedOut() {
        var second =
                Api.login(email, Api.PASSWORD).then().statusCode(200).extract().jsonPath();
        given().contentType(ContentType.JSON)
                .body(Map.of("refresh_token", second.getString("refresh_token")))
                .post("/api/auth/logout")
                .then()
                .statusCode(204);

        Api.me(second.getString("access_token")).then().statusCode(401).contentType("application/problem+json");
        Api.me(token).then().statusCode(200);
    }

    private Response patch(Map<String, ?> changes) {
        return given().auth()
                .oauth2(token)
                .contentType(ContentType.JSON)
                .body(changes)
                .patch("/api/users/me");
    }
}
