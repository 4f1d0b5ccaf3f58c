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
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(UsersTestEnvironment.class)
class FirstAdminTest {

    @Inject
    FirstAdmin firstAdmin;

    @Inject
    Accounts accounts;

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
}
