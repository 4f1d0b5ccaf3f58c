package com.scalecommerce.users.deletion;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import com.scalecommerce.users.Api;
import com.scalecommerce.users.UsersTestEnvironment;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.sql.SQLException;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(UsersTestEnvironment.class)
class AccountDeletionTest {

    @Inject
    AgroalDataSource db;

    @BeforeEach
    void freshAddress() {
        Api.useFreshClientAddress();
    }

    @Test
    void needsTheCurrentPassword() {
        String token = (String) Api.signedUp(Api.newEmail()).get("access_token");
        delete(token, "not my password")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", hasItem("currentPassword"));
        Api.me(token).then().statusCode(200);
    }

    @Test
    void guessingThePasswordHereIsThrottledLikeSigningIn() {
        String email = Api.newEmail();
        String token = (String) Api.signedUp(email).get("access_token");
        for (int guess = 0; guess < 5; guess++) {
            delete(token, "guess " + guess).then().statusCode(400);
        }
        delete(token, "guess 5")
                .then()
                .statusCode(429)
                .contentType("application/problem+json")
                .header("Retry-After", org.hamcrest.Matchers.notNullValue());
        // The same account's sign-in shares the count: the guesses here were failures there too.
        Api.login(email, Api.PASSWORD).then().statusCode(429);
        Api.me(token).then().statusCode(200);
    }

    @Test
    void erasesPersonalDataEndsSessionsAndFreesTheEmail() throws SQLException {
        String email = Api.newEmail();
        var tokens = Api.signedUp(email);
        String token = (String) tokens.get("access_token");
        String id = Api.me(token).then().extract().path("id");
        given().auth()
                .oauth2(token)
                .contentType(ContentType.JSON)
                .body(Map.of("name", "Erase Me", "phone", "+49 30 1234567"))
                .patch("/api/users/me")
                .then()
                .statusCode(200);
        given().auth()
                .oauth2(token)
                .contentType(ContentType.JSON)
                .body(new HashMap<>(Map.of(
                        "recipientName", "Erase Me",
                        "line1", "Somewhere 1",
                        "city", "Berlin",
                        "postalCode", "10115",
                        "country", "DE")))
                .post("/api/users/me/addresses")
                .then()
                .statusCode(201);

        delete(token, Api.PASSWORD).then().statusCode(204);

        Api.me(token).then().statusCode(401);
        Api.refresh((String) tokens.get("refresh_token")).then().statusCode(401);
        Api.login(email, Api.PASSWORD).then().statusCode(401);
        try (var connection = db.getConnection();
                var row = connection.prepareStatement(
                        "select email, display_name, phone, status,"
                                + " (select count(*) from address where account_id = account.id) from account where id = ?::uuid")) {
            row.setString(1, id);
            try (var result = row.executeQuery()) {
                result.next();
                assertThat(result.getString(1)).doesNotContain(email).endsWith("@deleted.invalid");
                assertThat(result.getString(2)).isNull();
                assertThat(result.getString(3)).isNull();
                assertThat(result.getString(4)).isEqualTo("DELETED");
                assertThat(result.getInt(5)).isZero();
            }
        }

        // The address can sign up again, as a new account.
        String again = (String) Api.signedUp(email).get("access_token");
        Api.me(again).then().statusCode(200).body("email", equalTo(email));
    }

    @Test
    void registrationAndDeletionAreAnnouncedThroughTheOutbox() throws SQLException {
        String token = (String) Api.signedUp(Api.newEmail()).get("access_token");
        String id = Api.me(token).then().extract().path("id");

        delete(token, Api.PASSWORD).then().statusCode(204);

        assertThat(eventTypesAbout(id)).containsExactly("user.registered", "user.deleted");
        await().atMost(Duration.ofSeconds(10)).until(() -> unpublishedAbout(id) == 0);
    }

    private List<String> eventTypesAbout(String subject) throws SQLException {
        try (var connection = db.getConnection();
                var query =
                        connection.prepareStatement("select type from outbox_event where subject = ? order by id")) {
            query.setString(1, subject);
            var types = new java.util.ArrayList<String>();
            try (var rows = query.executeQuery()) {
                while (rows.next()) {
                    types.add(rows.getString(1));
                }
            }
            return types;
        }
    }

    private long unpublishedAbout(String subject) throws SQLException {
        try (var connection = db.getConnection();
                var query = connection.prepareStatement(
                        "select count(*) from outbox_event where subject = ? and published_at is null")) {
            query.setString(1, subject);
            try (var rows = query.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        }
    }

    private static io.restassured.response.Response delete(String token, String password) {
        return given().auth()
                .oauth2(token)
                .contentType(ContentType.JSON)
                .body(Map.of("currentPassword", password))
                .delete("/api/users/me");
    }
}
