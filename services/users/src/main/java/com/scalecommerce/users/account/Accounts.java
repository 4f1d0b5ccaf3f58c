package com.scalecommerce.users.account;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import javax.sql.DataSource;

/** The account table, for the features that sign people in. Emails passed in must be normalised. */
@ApplicationScoped
public class Accounts {

    private static final String COLUMNS = "id, email, email_verified_at, password_hash, display_name, roles, status";

    private final DataSource db;

    Accounts(DataSource db) {
        this.db = db;
    }

    /** Thrown when the (case-insensitive) email already has an account. */
    public static class EmailTaken extends RuntimeException {
        EmailTaken() {
            super("email taken", null, false, false);
        }
    }

    @Transactional
    public Account create(String email, String passwordHash, String displayName, Set<Role> roles, boolean verified) {
        UUID id = UUID.randomUUID();
        try (Connection c = db.getConnection();
                PreparedStatement s = c.prepareStatement(
                        "insert into account (id, email, password_hash, display_name, roles, email_verified_at)"
                                + " values (?, ?, ?, ?, ?, ?) on conflict ((lower(email))) do nothing")) {
            s.setObject(1, id);
            s.setString(2, email);
            s.setString(3, passwordHash);
            s.setString(4, displayName);
            s.setArray(5, c.createArrayOf("text", roles.stream().map(Enum::name).toArray()));
            s.setTimestamp(6, verified ? Timestamp.from(Instant.now()) : null);
            if (s.executeUpdate() == 0) {
                throw new EmailTaken();
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return findById(id).orElseThrow();
    }

    @Transactional
    public Optional<Account> findByEmail(String email) {
        return queryOne("select " + COLUMNS + " from account where lower(email) = ?", email);
    }

    @Transactional
    public Optional<Account> findById(UUID id) {
        return queryOne("select " + COLUMNS + " from account where id = ?", id);
    }

    @Transactional
    public boolean anyActiveWithRole(Role role) {
        try (Connection c = db.getConnection();
                PreparedStatement s = c.prepareStatement(
                        "select 1 from account where ? = any(roles) and status = 'ACTIVE' limit 1")) {
            s.setString(1, role.name());
            try (ResultSet r = s.executeQuery()) {
                return r.next();
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A new password chosen by the owner (reset or change). */
    @Transactional
    public void changePassword(UUID id, String passwordHash) {
        update(
                "update account set password_hash = ?, password_changed_at = now(), updated_at = now() where id = ?",
                passwordHash,
                id);
    }

    /**
     * The same password hashed with the current parameters. Only replaces the hash it was computed from,
     * so a password changed meanwhile is never overwritten.
     */
    @Transactional
    public void upgradePasswordHash(UUID id, String oldHash, String newHash) {
        update("update account set password_hash = ? where id = ? and password_hash = ?", newHash, id, oldHash);
    }

    @Transactional
    public void markEmailVerified(UUID id) {
        update(
                "update account set email_verified_at = coalesce(email_verified_at, now()), updated_at = now()"
                        + " where id = ?",
                id);
    }

    @Transactional
    public void changeStatus(UUID id, AccountStatus status) {
        update("update account set status = ?, updated_at = now() where id = ?", status.name(), id);
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

    private Optional<Account> queryOne(String sql, Object param) {
        try (Connection c = db.getConnection();
                PreparedStatement s = c.prepareStatement(sql)) {
            s.setObject(1, param);
            try (ResultSet r = s.executeQuery()) {
                return r.next() ? Optional.of(map(r)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Account map(ResultSet r) throws SQLException {
        Timestamp verified = r.getTimestamp("email_verified_at");
        Array roles = r.getArray("roles");
        Set<Role> roleSet = Arrays.stream((String[]) roles.getArray())
                .map(Role::valueOf)
                .collect(Collectors.toCollection(() -> EnumSet.noneOf(Role.class)));
        return new Account(
                r.getObject("id", UUID.class),
                r.getString("email"),
                verified == null ? null : verified.toInstant(),
                r.getString("password_hash"),
                r.getString("display_name"),
                Set.copyOf(roleSet),
                AccountStatus.valueOf(r.getString("status")));
    }
}
