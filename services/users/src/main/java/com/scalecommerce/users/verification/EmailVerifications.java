package com.scalecommerce.users.verification;

import com.scalecommerce.platform.web.problem.ProblemException;
import com.scalecommerce.users.UsersConfig;
import com.scalecommerce.users.account.Accounts;
import com.scalecommerce.users.mail.Mails;
import com.scalecommerce.users.token.OpaqueTokens;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.UUID;
import javax.sql.DataSource;

/** Proves an account owns its email address with a mailed single-use link. */
@ApplicationScoped
public class EmailVerifications {

    private final DataSource db;
    private final Accounts accounts;
    private final Mails mails;
    private final UsersConfig config;

    EmailVerifications(DataSource db, Accounts accounts, Mails mails, UsersConfig config) {
        this.db = db;
        this.accounts = accounts;
        this.mails = mails;
        this.config = config;
    }

    /** Stores a new token and mails the link. Blocking. */
    public void send(UUID accountId, String email) {
        String token = OpaqueTokens.newToken();
        store(accountId, token);
        mails.sendEmailVerification(email, token);
    }

    @Transactional
    void store(UUID accountId, String token) {
        try (Connection c = db.getConnection();
                PreparedStatement s = c.prepareStatement("insert into email_verification_token"
                        + " (token_hash, account_id, expires_at) values (?, ?, ?)")) {
            s.setBytes(1, OpaqueTokens.hash(token));
            s.setObject(2, accountId);
            s.setTimestamp(3, Timestamp.from(Instant.now().plus(config.tokens().emailVerificationLifetime())));
            s.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    @Transactional
    public void verify(String token) {
        UUID accountId;
        try (Connection c = db.getConnection();
                PreparedStatement s = c.prepareStatement("update email_verification_token set used_at = now()"
                        + " where token_hash = ? and used_at is null and expires_at > now() returning account_id")) {
            s.setBytes(1, OpaqueTokens.hash(token));
            try (ResultSet r = s.executeQuery()) {
                if (!r.next()) {
                    throw ProblemException.badRequest(
                            "INVALID_TOKEN", "This verification link is invalid, used or expired.");
                }
                accountId = r.getObject(1, UUID.class);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        accounts.markEmailVerified(accountId);
    }
}
