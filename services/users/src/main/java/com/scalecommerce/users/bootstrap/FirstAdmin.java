package com.scalecommerce.users.bootstrap;

import com.scalecommerce.users.UsersConfig;
import com.scalecommerce.users.account.Accounts;
import com.scalecommerce.users.account.EmailAddress;
import com.scalecommerce.users.account.Role;
import com.scalecommerce.users.password.PasswordHasher;
import com.scalecommerce.users.password.PasswordPolicy;
import com.scalecommerce.users.token.OpaqueTokens;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Set;
import javax.sql.DataSource;
import org.jboss.logging.Logger;

/**
 * A fresh platform needs someone who can administer it: when no active ADMIN exists, one is created.
 * Its password comes from config, or is generated and logged once, so no default password exists anywhere.
 */
@ApplicationScoped
public class FirstAdmin {

    private static final Logger LOG = Logger.getLogger(FirstAdmin.class);
    // Any constant; the same on every replica, so only one of them creates the admin.
    private static final long BOOTSTRAP_LOCK = 0x5CA1E_0002L;

    private final DataSource db;
    private final Accounts accounts;
    private final PasswordHasher hasher;
    private final PasswordPolicy policy;
    private final UsersConfig.BootstrapAdmin settings;

    FirstAdmin(DataSource db, Accounts accounts, PasswordHasher hasher, PasswordPolicy policy, UsersConfig config) {
        this.db = db;
        this.accounts = accounts;
        this.hasher = hasher;
        this.policy = policy;
        this.settings = config.bootstrapAdmin();
    }

    void onStart(@Observes @Priority(20) StartupEvent event) {
        createIfNoAdmin();
    }

    @Transactional
    void createIfNoAdmin() {
        lock();
        if (accounts.anyActiveWithRole(Role.ADMIN)) {
            return;
        }
        String email = EmailAddress.normalise(settings.email());
        if (accounts.findByEmail(email).isPresent()) {
            LOG.warnf("No active ADMIN exists, but %s is taken by another account: no admin was created", email);
            return;
        }
        String password = settings.password().orElse(null);
        if (password != null) {
            try {
                policy.check("password", password);
            } catch (com.scalecommerce.platform.web.problem.ProblemException e) {
                throw new IllegalStateException("scalecommerce.users.bootstrap-admin.password "
                        + e.errors().getFirst().message());
            }
        } else {
            password = OpaqueTokens.newToken();
        }
        accounts.create(email, hasher.hash(password), "Administrator", Set.of(Role.ADMIN), true);
        if (settings.password().isPresent()) {
            LOG.infof("Created the first admin %s with the configured password", email);
        } else {
            LOG.warnf(
                    "Created the first admin %s with the generated password %s -- it is shown only this once: "
                            + "change it after signing in",
                    email, password);
        }
    }

    private void lock() {
        try (Connection c = db.getConnection();
                PreparedStatement s = c.prepareStatement("select pg_advisory_xact_lock(?)")) {
            s.setLong(1, BOOTSTRAP_LOCK);
            s.execute();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
