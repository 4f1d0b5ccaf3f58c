package com.scalecommerce.users.token;

import com.scalecommerce.users.UsersConfig;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import javax.sql.DataSource;
import org.jboss.logging.Logger;

/**
 * Deletes what can no longer be used: ended or expired sessions (with their rotated refresh tokens) and
 * spent or expired mailed tokens. A grace period keeps recent rows for support questions; an ended session's
 * tokens are refused whether the rows exist or not. Safe on several replicas: plain deletes by time.
 */
@ApplicationScoped
public class TokenHousekeeping {

    private static final Logger LOG = Logger.getLogger(TokenHousekeeping.class);
    static final Duration GRACE = Duration.ofDays(7);

    private final DataSource db;
    private final UsersConfig config;

    TokenHousekeeping(DataSource db, UsersConfig config) {
        this.db = db;
        this.config = config;
    }

    @Scheduled(every = "1h", delayed = "5m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        try {
            purge(Instant.now());
        } catch (RuntimeException e) {
            LOG.warn("Token housekeeping failed; it runs again next hour", e);
        }
    }

    /** Returns how many rows were deleted. */
    public int purge(Instant now) {
        Timestamp beforeGrace = Timestamp.from(now.minus(GRACE));
        Timestamp sessionsStartedBefore =
                Timestamp.from(now.minus(config.tokens().sessionMaxLifetime()).minus(GRACE));
        int deleted = 0;
        try (var connection = db.getConnection()) {
            try (var families = connection.prepareStatement("delete from refresh_token_family"
                    + " where revoked_at < ? or created_at < ?"
                    + " or not exists (select 1 from refresh_token t where t.family_id = refresh_token_family.id"
                    + " and t.expires_at >= ?)")) {
                families.setTimestamp(1, beforeGrace);
                families.setTimestamp(2, sessionsStartedBefore);
                families.setTimestamp(3, beforeGrace);
                deleted += families.executeUpdate();
            }
            try (var verifications = connection.prepareStatement(
                    "delete from email_verification_token where expires_at < ? or used_at < ?")) {
                verifications.setTimestamp(1, beforeGrace);
                verifications.setTimestamp(2, beforeGrace);
                deleted += verifications.executeUpdate();
            }
            try (var resets = connection.prepareStatement(
                    "delete from password_reset_token where expires_at < ? or spent_at < ?")) {
                resets.setTimestamp(1, beforeGrace);
                resets.setTimestamp(2, beforeGrace);
                deleted += resets.executeUpdate();
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        if (deleted > 0) {
            LOG.infof("Token housekeeping deleted %d rows", deleted);
        }
        return deleted;
    }
}
