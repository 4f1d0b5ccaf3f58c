package com.scalecommerce.users.client;

import static com.scalecommerce.users.Api.jwtPart;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import com.scalecommerce.users.Api;
import com.scalecommerce.users.UsersTestEnvironment;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(UsersTestEnvironment.class)
class ClientCredentialsTest {

    @Test
    void issuesAServiceTokenToAClientWithTheRightSecret() {
        var response = given().auth()
                .preemptive()
                .basic(UsersTestEnvironment.ORDERS_CLIENT, UsersTestEnvironment.ordersSecret())
                .contentType(ContentType.URLENC)
                .formParam("grant_type", "client_credentials")
                .post("/api/auth/token")
                .then()
                .statusCode(200)
                .body("token_type", equalTo("Bearer"))
                .body("scope", equalTo("inventory"))
                .body("refresh_token", nullValue())
                .extract();

        String token = response.path("access_token");
        var claims = jwtPart(token, 1);
        assertThat(claims.getString("sub")).isEqualTo("orders");
        assertThat(claims.getString("scope")).isEqualTo("inventory");
        assertThat(claims.getList("roles")).containsExactly("SERVICE");
        assertThat(claims.getString("aud")).isEqualTo("scalecommerce");
        assertThat(claims.getLong("exp") - claims.getLong("iat")).isLessThanOrEqualTo(900);
        assertThat(jwtPart(token, 0).getString("typ")).isEqualTo("at+jwt");
    }

    @Test
    void acceptsTheClientSecretInTheFormAndGrantsARequestedSubsetOfScopes() {
        given().contentType(ContentType.URLENC)
                .formParam("grant_type", "client_credentials")
                .formParam("client_id", UsersTestEnvironment.REPORTING_CLIENT)
                .formParam("client_secret", UsersTestEnvironment.reportingSecret())
                .formParam("scope", "analytics:read")
                .post("/api/auth/token")
                .then()
                .statusCode(200)
                .body("scope", equalTo("analytics:read"));
    }

    @Test
    void rejectsAWrongSecretOrAnUnknownClient() {
        given().auth()
                .preemptive()
                .basic(UsersTestEnvironment.ORDERS_CLIENT, "wrong-secret")
                .contentType(ContentType.URLENC)
                .formParam("grant_type", "client_credentials")
                .post("/api/auth/token")
                .then()
                .statusCode(401)
                .contentType("application/problem+json")
                .body("code", equalTo("INVALID_CLIENT"));
        given().auth()
                .preemptive()
                .basic("nobody", UsersTestEnvironment.ordersSecret())
                .contentType(ContentType.URLENC)
                .formParam("grant_type", "client_credentials")
                .post("/api/auth/token")
                .then()
                .statusCode(401)
                .body("code", equalTo("INVALID_CLIENT"));
    }

    @Test
    void rejectsAScopeTheClientIsNotAllowed() {
        given().auth()
                .preemptive()
                .basic(UsersTestEnvironment.ORDERS_CLIENT, UsersTestEnvironment.ordersSecret())
                .contentType(ContentType.URLENC)
                .formParam("grant_type", "client_credentials")
                .formParam("scope", "inventory admin")
                .post("/api/auth/token")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("code", equalTo("INVALID_SCOPE"));
    }

    @Test
    void rejectsOtherGrantTypes() {
        given().contentType(ContentType.URLENC)
                .formParam("grant_type", "password")
                .formParam("username", "someone@example.test")
                .formParam("password", "whatever it is")
                .post("/api/auth/token")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("code", equalTo("UNSUPPORTED_GRANT_TYPE"));
    }

    @Test
    void serviceTokensCannotActAsASignedInPerson() {
        String token = given().auth()
                .preemptive()
                .basic(UsersTestEnvironment.ORDERS_CLIENT, UsersTestEnvironment.ordersSecret())
                .contentType(ContentType.URLENC)
                .formParam("grant_type", "client_credentials")
                .post("/api/auth/token")
                .then()
                .statusCode(200)
                .extract()
                .path("access_token");

        Api.me(token).then().statusCode(403).contentType("application/problem+json");
    }
}
