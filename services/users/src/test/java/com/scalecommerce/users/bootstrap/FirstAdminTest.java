package com.scalecommerce.users.bootstrap;

import static com.scalecommerce.users.Api.jwtPart;
import static org.assertj.core.api.Assertions.assertThat;

import com.scalecommerce.users.Api;
import com.scalecommerce.users.UsersTestEnvironment;
import com.scalecommerce.users.account.Accounts;
import com.scalecommerce.users.account.Role;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(UsersTestEnvironment.class)
class FirstAdminTest {

    @Inject
    FirstAdmin firstAdmin;

    @Inject
    Accounts accounts;

    @Inject
    DataSource db;

    @Test
    void createsTheFirstAdminWithTheConfiguredPassword() {
        Api.useFreshClientAddress();
        String token = Api.login(UsersTestEnvironment.ADMIN_EMAIL, UsersTestEnvironment.adminPassword())
                .then()
                .statusCode(200)
                .extract()
                .path("access_token");
        assertThat(jwtPart(token, 1).getList("roles")).containsExactly("ADMIN");
        assertThat(jwtPart(token, 1).getBoolean("email_verified")).isTrue();
    }

    @Test
    void createsNoSecondAdminOnTheNextStart() {
        var admin = accounts.findByEmail(UsersTestEnvironment.ADMIN_EMAIL).orElseThrow();

        firstAdmin.createIfNoAdmin();

        assertThat(accounts.anyActiveWithRole(Role.ADMIN)).isTrue();
        assertThat(accounts.findByEmail(UsersTestEnvironment.ADMIN_EMAIL)
                        .orElseThrow()
                        .passwordHash())
                .isEqualTo(admin.passwordHash());
    }

    /** Replicas of users share one database: the first admin is created once, not once per replica. */
    @Test
    void twoReplicasStartingTogetherCreateOneAdmin() throws Exception {
        // As on a fresh database: no active admin, the bootstrap address free. Everything is put back afterwards.
        List<UUID> admins = ids("select id from account where 'ADMIN' = any(roles) and status = 'ACTIVE'");
        UUID bootstrap = accounts.findByEmail(UsersTestEnvironment.ADMIN_EMAIL)
                .orElseThrow()
                .id();
        try {
            execute("update account set status = 'DISABLED' where 'ADMIN' = any(roles) and status = 'ACTIVE'");
            execute("update account set email = 'parked-" + bootstrap + "@scalecommerce.test' where id = '" + bootstrap
                    + "'");

            var gate = new CyclicBarrier(2);
            try (var replicas = Executors.newFixedThreadPool(2)) {
                List<Future<?>> starts = new ArrayList<>();
                for (int i = 0; i < 2; i++) {
                    starts.add(replicas.submit(() -> {
                        gate.await();
                        firstAdmin.createIfNoAdmin();
                        return null;
                    }));
                }
                for (Future<?> start : starts) {
                    start.get(1, TimeUnit.MINUTES); // a replica that failed its start throws here
                }
            }

            assertThat(ids("select id from account where 'ADMIN' = any(roles) and status = 'ACTIVE'"))
                    .hasSize(1)
                    .doesNotContain(bootstrap);
        } finally {
            execute("delete from account where email = '" + UsersTestEnvironment.ADMIN_EMAIL + "' and id <> '"
                    + bootstrap + "'");
            execute("update account set email = '" + UsersTestEnvironment.ADMIN_EMAIL + "' where id = '" + bootstrap
                    + "'");
            for (UUID admin : admins) {
                execute("update account set status = 'ACTIVE' where id = '" + admin + "'");
            }
        }
    }

    private void execute(String sql) throws SQLException {
        try (var connection = db.getConnection();
                var statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    private List<UUID> ids(String sql) throws SQLException {
        try (var connection = db.getConnection();
                var statement = connection.createStatement();
                var rows = statement.executeQuery(sql)) {
            List<UUID> ids = new ArrayList<>();
            while (rows.next()) {
                ids.add(rows.getObject(1, UUID.class));
            }
            return ids;
        }
    }
}
