package com.scalecommerce.users.token;

import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;

/** refresh_token and refresh_token_family. Callers hold the transaction. */
@ApplicationScoped
class RefreshTokenStore {

    private final DataSource db;

    RefreshTokenStore(DataSource db) {
        this.db = db;
    }

    record LockedToken(
            UUID tokenId,
            UUID familyId,
            UUID accountId,
            Instant expiresAt,
            Instant rotatedAt,
            Instant familyRevokedAt,
            Instant familyCreatedAt) {}

    void insertFamily(UUID familyId, UUID accountId) {
        update("insert into refresh_token_family (id, account_id) values (?, ?)", familyId, accountId);
    }

    void insertToken(UUID familyId, byte[] tokenHash, Instant expiresAt) {
        update(
                "insert into refresh_token (id, family_id, token_hash, expires_at) values (?, ?, ?, ?)",
                UUID.randomUUID(),
                familyId,
                tokenHash,
                Timestamp.from(expiresAt));
    }

    /**
     * Locks the token and its family until the transaction ends, so two refreshes racing with the same
     * token are serialised: the second sees the token rotated and is treated as reuse.
     */
    Optional<LockedToken> lock(byte[] tokenHash) {
        try (Connection c = db.getConnection();
                PreparedStatement s = c.prepareStatement(
                        "select t.id, t.family_id, f.account_id, t.expires_at, t.rotated_at, f.revoked_at,"
                                + " f.created_at"
                                + " from refresh_token t join refresh_token_family f on f.id = t.family_id"
                                + " where t.token_hash = ? for update")) {
            s.setBytes(1, tokenHash);
            try (ResultSet r = s.executeQuery()) {
                if (!r.next()) {
                    return Optional.empty();
                }
                return Optional.of(new LockedToken(
                        r.getObject(1, UUID.class),
                        r.getObject(2, UUID.class),
                        r.getObject(3, UUID.class),
                        instant(r, 4),
                        instant(r, 5),
                        instant(r, 6),
                        instant(r, 7)));
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    void markRotated(UUID tokenId) {
        update("update refresh_token set rotated_at = now() where id = ?", tokenId);
    }

    /** Ends one session, when it belongs to {@code accountId} (a sign-out can name a session only of its own). */
    void revokeFamily(UUID familyId, UUID accountId, String reason) {
        update(
                "update refresh_token_family set revoked_at = now(), revoked_reason = ?"
                        + " where id = ? and account_id = ? and revoked_at is null",
                reason,
                familyId,
                accountId);
    }

    void revokeFamiliesOf(UUID accountId, String reason, UUID except) {
        update(
                "update refresh_token_family set revoked_at = now(), revoked_reason = ?"
                        + " where account_id = ? and revoked_at is null and id is distinct from ?",
                reason,
                accountId,
                except);
    }

    boolean isFamilyActive(UUID familyId) {
        try (Connection c = db.getConnection();
                PreparedStatement s =
                        c.prepareStatement("select 1 from refresh_token_family where id = ? and revoked_at is null")) {
            s.setObject(1, familyId);
            try (ResultSet r = s.executeQuery()) {
                return r.next();
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private void update(String sql, Object... params) {
        try (Connection c = db.getConnection();
                PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                s.setObject(i + 1, params[i]);
            }
            s.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Instant instant(ResultSet r, int column) throws SQLException {
        Timestamp t = r.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }
}
