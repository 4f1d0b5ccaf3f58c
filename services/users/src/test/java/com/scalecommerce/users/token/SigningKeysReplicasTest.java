package com.scalecommerce.users.token;

import static org.assertj.core.api.Assertions.assertThat;

import com.scalecommerce.users.Api;
import com.scalecommerce.users.UsersTestEnvironment;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/** Replicas of users share one database: the signing key a fresh database needs is created once, not per replica. */
@QuarkusTest
@QuarkusTestResource(UsersTestEnvironment.class)
class SigningKeysReplicasTest {

    @Inject
    SigningKeys signingKeys;

    @Inject
    DataSource db;

    @Test
    void twoReplicasStartingTogetherCreateOneSigningKey() throws Exception {
        // As on a fresh database: no key signs. The keys stay published, so the tokens they signed still verify.
        execute("update signing_key set signs_until = now(), published_until = now() + interval '1 hour'"
                + " where signs_until is null or signs_until > now()");
        long before = count("select count(*) from signing_key");

        var gate = new CyclicBarrier(2);
        try (var replicas = Executors.newFixedThreadPool(2)) {
            List<Future<?>> starts = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                starts.add(replicas.submit(() -> {
                    gate.await();
                    signingKeys.createFirstKeyIfNone();
                    return null;
                }));
            }
            for (Future<?> start : starts) {
                start.get(1, TimeUnit.MINUTES);
            }
        }
        signingKeys.reload();

        assertThat(count("select count(*) from signing_key")).isEqualTo(before + 1);
        assertThat(count("select count(*) from signing_key where signs_until is null"))
                .isEqualTo(1);
        Api.useFreshClientAddress();
        String token = (String) Api.signedUp(Api.newEmail()).get("access_token");
        String kid = Api.jwtPart(token, 0).getString("kid");
        assertThat(count("select count(*) from signing_key where signs_until is null and kid = '" + kid + "'"))
                .isEqualTo(1);
    }

    private void execute(String sql) throws SQLException {
        try (var connection = db.getConnection();
                var statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    private long count(String sql) throws SQLException {
        try (var connection = db.getConnection();
                var statement = connection.createStatement();
                var rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getLong(1);
        }
    }
}
