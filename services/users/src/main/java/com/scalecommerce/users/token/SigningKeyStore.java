package com.scalecommerce.users.token;

import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;

/** The signing_key table. Callers hold the transaction. */
@ApplicationScoped
class SigningKeyStore {

    // Any constant works; it only has to be the same on every replica.
    private static final long ROTATION_LOCK = 0x5CA1E_0001L;

    private final DataSource db;

    SigningKeyStore(DataSource db) {
        this.db = db;
    }

    record StoredKey(
            String kid,
            byte[] publicKey,
            byte[] nonce,
            byte[] ciphertext,
            Instant createdAt,
            Instant signsFrom,
            Instant signsUntil,
            Instant publishedUntil) {}

    /** Serialises key creation and rotation across replicas until the transaction ends. */
    void lockForRotation() {
        try (Connection c = db.getConnection();
                PreparedStatement s = c.prepareStatement("select pg_advisory_xact_lock(?)")) {
            s.setLong(1, ROTATION_LOCK);
            s.execute();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    List<StoredKey> published(Instant now) {
        try (Connection c = db.getConnection();
                PreparedStatement s = c.prepareStatement(
                        "select * from signing_key where published_until is null or published_until > ?"
                                + " order by signs_from")) {
            s.setTimestamp(1, Timestamp.from(now));
            List<StoredKey> keys = new ArrayList<>();
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    keys.add(new StoredKey(
                            r.getString("kid"),
                            r.getBytes("public_key"),
                            r.getBytes("private_key_nonce"),
                            r.getBytes("private_key_ciphertext"),
                            instant(r, "created_at"),
                            instant(r, "signs_from"),
                            instant(r, "signs_until"),
                            instant(r, "published_until")));
                }
            }
            return keys;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    Optional<Instant> newestCreatedAt() {
        try (Connection c = db.getConnection();
                PreparedStatement s = c.prepareStatement("select max(created_at) from signing_key");
                ResultSet r = s.executeQuery()) {
            r.next();
            return Optional.ofNullable(instant(r, 1));
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    void insert(String kid, String algorithm, byte[] publicKey, KeyEncryption.Sealed sealed, Instant signsFrom) {
        try (Connection c = db.getConnection();
                PreparedStatement s = c.prepareStatement("insert into signing_key (kid, algorithm, public_key,"
                        + " private_key_ciphertext, private_key_nonce, signs_from) values (?, ?, ?, ?, ?, ?)")) {
            s.setString(1, kid);
            s.setString(2, algorithm);
            s.setBytes(3, publicKey);
            s.setBytes(4, sealed.ciphertext());
            s.setBytes(5, sealed.nonce());
            s.setTimestamp(6, Timestamp.from(signsFrom));
            s.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Every key still signing stops at {@code signsUntil} and stays published until {@code publishedUntil}. */
    void retireSigners(Instant signsUntil, Instant publishedUntil) {
        try (Connection c = db.getConnection();
                PreparedStatement s = c.prepareStatement("update signing_key set signs_until = ?, published_until = ?"
                        + " where signs_until is null and signs_from < ?")) {
            s.setTimestamp(1, Timestamp.from(signsUntil));
            s.setTimestamp(2, Timestamp.from(publishedUntil));
            s.setTimestamp(3, Timestamp.from(signsUntil));
            s.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    void deleteUnpublishedBefore(Instant cutoff) {
        try (Connection c = db.getConnection();
                PreparedStatement s = c.prepareStatement(
                        "delete from signing_key where published_until is not null" + " and published_until < ?")) {
            s.setTimestamp(1, Timestamp.from(cutoff));
            s.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Instant instant(ResultSet r, String column) throws SQLException {
        Timestamp t = r.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }

    private static Instant instant(ResultSet r, int column) throws SQLException {
        Timestamp t = r.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }
}
