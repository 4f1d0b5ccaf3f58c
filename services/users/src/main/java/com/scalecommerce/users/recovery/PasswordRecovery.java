package com.scalecommerce.users.recovery;

import com.scalecommerce.platform.web.problem.ProblemException;
import com.scalecommerce.users.UsersConfig;
import com.scalecommerce.users.account.Account;
import com.scalecommerce.users.account.Accounts;
import com.scalecommerce.users.account.EmailAddress;
import com.scalecommerce.users.mail.Mails;
import com.scalecommerce.users.password.PasswordHasher;
import com.scalecommerce.users.password.PasswordPolicy;
import com.scalecommerce.users.throttle.MailThrottle;
import com.scalecommerce.users.token.OpaqueTokens;
import com.scalecommerce.users.token.Sessions;
import io.quarkus.virtual.threads.VirtualThreads;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import javax.sql.DataSource;
import org.jboss.logging.Logger;

/** Forgotten passwords: a mailed single-use link, of which only the newest works. */
@ApplicationScoped
public class PasswordRecovery {

    private static final Logger LOG = Logger.getLogger(PasswordRecovery.class);

    private final DataSource db;
    private final Accounts accounts;
    private final PasswordPolicy policy;
    private final PasswordHasher hasher;
    private final Sessions sessions;
    private final Mails mails;
    private final UsersConfig config;
    private final ExecutorService background;

    private final MailThrottle mailThrottle;

    PasswordRecovery(
            DataSource db,
            Accounts accounts,
            PasswordPolicy policy,
            PasswordHasher hasher,
            Sessions sessions,
            Mails mails,
            UsersConfig config,
            @VirtualThreads ExecutorService background,
            MailThrottle mailThrottle) {
        this.mailThrottle = mailThrottle;
        this.db = db;
        this.accounts = accounts;
        this.policy = policy;
        this.hasher = hasher;
        this.sessions = sessions;
        this.mails = mails;
        this.config = config;
        this.background = background;
    }

    /**
     * Always returns at once: the lookup and the mail happen off the request path, so the answer and its
     * timing are the same for known and unknown addresses.
     */
    public void requestReset(String rawEmail) {
        String email = EmailAddress.normalise(rawEmail);
        background.execute(() -> {
            try {
                accounts.findByEmail(email)
                        .filter(Account::isActive)
                        .filter(account -> mailThrottle.allowMailTo(account.email()))
                        .ifPresent(this::sendResetLink);
            } catch (RuntimeException e) {
                LOG.error("Could not send a password reset mail", e);
            }
        });
    }

    public void reset(String token, String newPassword) {
        policy.check("password", newPassword);
        // Hashing is slow: do it before the transaction so no row stays locked meanwhile.
        String hash = hasher.hash(newPassword);
        UUID accountId = spend(token);
        accounts.changePassword(accountId, hash);
        // Following the mailed link proves the mailbox is theirs.
        accounts.markEmailVerified(accountId);
        sessions.revokeAll(accountId);
    }

    private void sendResetLink(Account account) {
        String token = OpaqueTokens.newToken();
        storeReplacingOlder(account.id(), token);
        mails.sendPasswordReset(
                account.email(), token, config.tokens().passwordResetLifetime().toMinutes());
    }

    @Transactional
    void storeReplacingOlder(UUID accountId, String token) {
        try (Connection c = db.getConnection();
                PreparedStatement voidOlder = c.prepareStatement("update password_reset_token set spent_at = now()"
                        + " where account_id = ? and spent_at is null");
                PreparedStatement insert = c.prepareStatement(
                        "insert into password_reset_token (token_hash, account_id, expires_at) values (?, ?, ?)")) {
            voidOlder.setObject(1, accountId);
            voidOlder.executeUpdate();
            insert.setBytes(1, OpaqueTokens.hash(token));
            insert.setObject(2, accountId);
            insert.setTimestamp(
                    3, Timestamp.from(Instant.now().plus(config.tokens().passwordResetLifetime())));
            insert.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    @Transactional
    UUID spend(String token) {
        try (Connection c = db.getConnection();
                PreparedStatement s =
                        c.prepareStatement("update password_reset_token t set spent_at = now() from account a"
                                + " where t.token_hash = ? and t.spent_at is null and t.expires_at > now()"
                                + " and a.id = t.account_id and a.status <> 'DELETED' returning t.account_id")) {
            s.setBytes(1, OpaqueTokens.hash(token));
            try (ResultSet r = s.executeQuery()) {
                if (!r.next()) {
                    throw ProblemException.badRequest(
                            "INVALID_TOKEN", "This reset link is invalid, used or expired. Ask for a new one.");
                }
                return r.getObject(1, UUID.class);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
