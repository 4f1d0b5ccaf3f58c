package com.scalecommerce.users.deletion;

import com.scalecommerce.platform.events.Outbox;
import com.scalecommerce.platform.web.problem.ProblemException;
import com.scalecommerce.users.address.AddressBook;
import com.scalecommerce.users.password.PasswordHasher;
import com.scalecommerce.users.throttle.LoginThrottle;
import com.scalecommerce.users.token.Sessions;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.sql.SQLException;
import java.util.Map;
import java.util.UUID;

/**
 * A customer deleting their own account. The row stays (orders and the audit log refer to its id) but
 * everything that identifies a person is erased: email, name, phone, addresses, credentials, tokens. The
 * email becomes free for a new registration. Other services learn of it from {@code user.deleted}.
 */
@ApplicationScoped
public class AccountDeletion {

    private final AgroalDataSource db;
    private final PasswordHasher passwords;
    private final AddressBook addresses;
    private final Sessions sessions;
    private final Outbox outbox;
    private final LoginThrottle throttle;

    AccountDeletion(
            AgroalDataSource db,
            PasswordHasher passwords,
            AddressBook addresses,
            Sessions sessions,
            Outbox outbox,
            LoginThrottle throttle) {
        this.db = db;
        this.throttle = throttle;
        this.passwords = passwords;
        this.addresses = addresses;
        this.sessions = sessions;
        this.outbox = outbox;
    }

    /**
     * The current password is required: a stolen access token alone must not be able to erase an account, nor
     * become a way to guess the password faster than signing in (the login throttle counts these attempts too).
     */
    @Transactional
    public void delete(Sessions.SignedIn caller, String currentPassword, String clientIp) {
        UUID accountId = caller.account().id();
        LoginThrottle.Attempt attempt = throttle.reserve(caller.account().email(), clientIp);
        boolean matches;
        try {
            matches = passwords.verify(currentHash(accountId), currentPassword);
        } catch (RuntimeException unchecked) {
            throttle.giveBack(attempt);
            throw unchecked;
        }
        if (!matches) {
            // The attempt was counted as a failure when it was reserved.
            throw ProblemException.invalidField("currentPassword", "is not your current password");
        }
        throttle.giveBack(attempt);
        refuseIfLastAdmin(accountId);
        sessions.revokeAll(accountId);
        addresses.removeAll(accountId);
        try (var connection = db.getConnection()) {
            try (var erase = connection.prepareStatement("update account set status = 'DELETED',"
                    + " email = 'deleted-' || id || '@deleted.invalid', email_verified_at = null,"
                    + " password_hash = '!', display_name = null, phone = null, marketing_consent = false,"
                    + " updated_at = now() where id = ?")) {
                erase.setObject(1, accountId);
                erase.executeUpdate();
            }
            for (String table : new String[] {"email_verification_token", "password_reset_token"}) {
                try (var purge = connection.prepareStatement("delete from " + table + " where account_id = ?")) {
                    purge.setObject(1, accountId);
                    purge.executeUpdate();
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        outbox.append("user.deleted", accountId.toString(), Map.of("userId", accountId));
    }

    // The shop must keep a way in; a new admin is appointed first (PUT /api/admin/users/{id}/roles).
    private void refuseIfLastAdmin(UUID accountId) {
        try (var connection = db.getConnection();
                var query = connection.prepareStatement("select count(*) filter (where id <> ?),"
                        + " bool_or(id = ?) from account where status = 'ACTIVE' and 'ADMIN' = any(roles)")) {
            query.setObject(1, accountId);
            query.setObject(2, accountId);
            try (var rows = query.executeQuery()) {
                rows.next();
                if (rows.getBoolean(2) && rows.getInt(1) == 0) {
                    throw ProblemException.conflict(
                            "LAST_ADMIN", "The last administrator cannot delete their account; appoint another first.");
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private String currentHash(UUID accountId) {
        try (var connection = db.getConnection();
                var query = connection.prepareStatement(
                        "select password_hash from account where id = ? and status = 'ACTIVE' for update")) {
            query.setObject(1, accountId);
            try (var rows = query.executeQuery()) {
                if (!rows.next()) {
                    throw ProblemException.notFound(
                            "ACCOUNT_NOT_FOUND", "The account no longer exists or is disabled.");
                }
                return rows.getString(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
