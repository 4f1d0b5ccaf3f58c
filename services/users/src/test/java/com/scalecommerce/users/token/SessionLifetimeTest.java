package com.scalecommerce.users.token;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.scalecommerce.users.Api;
import com.scalecommerce.users.UsersTestEnvironment;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(UsersTestEnvironment.class)
class SessionLifetimeTest {

    @Inject
    AgroalDataSource db;

    @Inject
    TokenHousekeeping housekeeping;

    @BeforeEach
    void freshAddress() {
        Api.useFreshClientAddress();
    }

    @Test
    void aSessionEndsAtItsAbsoluteLifetimeHoweverOftenItIsRefreshed() throws SQLException {
        String email = Api.newEmail();
        String refresh = (String) Api.signedUp(email).get("refresh_token");
        refresh = Api.refresh(refresh).then().statusCode(200).extract().path("refresh_token");

        sql(
                "update refresh_token_family set created_at = now() - interval '31 days'"
                        + " where account_id = (select id from account where email = ?)",
                email);

        Api.refresh(refresh).then().statusCode(401).contentType("application/problem+json");
    }

    @Test
    void housekeepingDeletesEndedSessionsButKeepsLiveOnes() throws SQLException {
        String live = Api.newEmail();
        Api.signedUp(live);
        String ended = Api.newEmail();
        String endedRefresh = (String) Api.signedUp(ended).get("refresh_token");
        given().contentType(ContentType.JSON)
                .body(Map.of("refresh_token", endedRefresh))
                .post("/api/auth/logout")
                .then()
                .statusCode(204);
        sql(
                "update refresh_token_family set revoked_at = now() - interval '8 days'"
                        + " where account_id = (select id from account where email = ?)",
                ended);

        housekeeping.purge(Instant.now());

        assertThat(sessionsOf(ended)).isZero();
        assertThat(sessionsOf(live)).isEqualTo(1);
    }

    private void sql(String statement, String email) throws SQLException {
        try (var connection = db.getConnection();
                var update = connection.prepareStatement(statement)) {
            update.setString(1, email);
            assertThat(update.executeUpdate()).isPositive();
        }
    }

    private int sessionsOf(String email) throws SQLException {
        try (var connection = db.getConnection();
                var query = connection.prepareStatement("select count(*) from refresh_token_family"
                        + " where account_id = (select id from account where email = ?)")) {
            query.setString(1, email);
            try (var rows = query.executeQuery()) {
                rows.next();
                return rows.getInt(1);
            }
        }
    }
}
