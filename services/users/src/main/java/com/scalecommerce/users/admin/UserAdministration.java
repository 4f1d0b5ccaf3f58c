package com.scalecommerce.users.admin;

import com.scalecommerce.platform.web.paging.CreatedCursor;
import com.scalecommerce.platform.web.paging.Page;
import com.scalecommerce.platform.web.problem.ProblemException;
import com.scalecommerce.users.audit.AuditLog;
import com.scalecommerce.users.token.Sessions;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

/**
 * What administrators do to accounts. Every change is audited in its own transaction, and an admin cannot
 * disable or demote themselves, so the shop cannot lose its last way in by accident.
 */
@ApplicationScoped
public class UserAdministration {

    static final int MAX_PAGE_SIZE = 100;

    private static final String COLUMNS = "id, email, email_verified_at is not null as email_verified, display_name,"
            + " phone, marketing_consent, roles, status, created_at, updated_at";

    private final AgroalDataSource db;
    private final AuditLog audit;
    private final Sessions sessions;

    UserAdministration(AgroalDataSource db, AuditLog audit, Sessions sessions) {
        this.db = db;
        this.audit = audit;
        this.sessions = sessions;
    }

    /** Newest accounts first; {@code query} matches email or name, case-insensitively. */
    public Page<AdminUser> search(String query, String role, String status, String cursor, int limit) {
        int size = Math.clamp(limit, 1, MAX_PAGE_SIZE);
        CreatedCursor after = CreatedCursor.decode(cursor);
        String pattern = query == null || query.isBlank() ? null : "%" + escapeLike(query.strip()) + "%";
        String sql = "select " + COLUMNS + " from account where status <> 'DELETED'"
                + " and (?::text is null or email ilike ? or display_name ilike ?)"
                + " and (?::text is null or ? = any(roles))"
                + " and (?::text is null or status = ?)"
                + " and (?::timestamptz is null or (created_at, id) < (?::timestamptz, ?::uuid))"
                + " order by created_at desc, id desc limit ?";
        try (var connection = db.getConnection();
                var select = connection.prepareStatement(sql)) {
            select.setString(1, pattern);
            select.setString(2, pattern);
            select.setString(3, pattern);
            select.setString(4, role);
            select.setString(5, role);
            select.setString(6, status);
            select.setString(7, status);
            select.setObject(8, after == null ? null : after.createdAt());
            select.setObject(9, after == null ? null : after.createdAt());
            select.setObject(10, after == null ? null : after.id());
            select.setInt(11, size + 1);
            var users = new ArrayList<AdminUser>();
            try (var rows = select.executeQuery()) {
                while (rows.next()) {
                    users.add(read(rows));
                }
            }
            return Page.of(
                    users,
                    size,
                    last -> new CreatedCursor(last.createdAt().atOffset(ZoneOffset.UTC), last.id()).encode());
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    public AdminUser get(UUID id) {
        try (var connection = db.getConnection()) {
            return find(connection, id);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Disabling ends every session at once; the account cannot sign in until enabled again. */
    @Transactional
    public AdminUser disable(UUID actor, UUID target) {
        if (actor.equals(target)) {
            throw ProblemException.conflict("CANNOT_DISABLE_SELF", "Administrators cannot disable their own account.");
        }
        AdminUser user = setStatus(target, "DISABLED");
        sessions.revokeAll(target);
        audit.record(actor, "USER_DISABLED", target, Map.of("email", user.email()));
        return user;
    }

    @Transactional
    public AdminUser enable(UUID actor, UUID target) {
        AdminUser user = setStatus(target, "ACTIVE");
        audit.record(actor, "USER_ENABLED", target, Map.of("email", user.email()));
        return user;
    }

    /** New roles apply from the next token; sessions are ended so that no token keeps the old ones for long. */
    @Transactional
    public AdminUser changeRoles(UUID actor, UUID target, Set<String> roles) {
        if (actor.equals(target) && !roles.contains("ADMIN")) {
            throw ProblemException.conflict("CANNOT_DEMOTE_SELF", "Administrators cannot remove their own ADMIN role.");
        }
        try (var connection = db.getConnection()) {
            AdminUser before = find(connection, target);
            String[] sorted = new TreeSet<>(roles).toArray(String[]::new);
            try (var update = connection.prepareStatement(
                    "update account set roles = ?, updated_at = now() where id = ? and status <> 'DELETED'")) {
                update.setArray(1, connection.createArrayOf("text", sorted));
                update.setObject(2, target);
                update.executeUpdate();
            }
            AdminUser after = find(connection, target);
            if (!before.roles().equals(after.roles())) {
                sessions.revokeAll(target);
            }
            audit.record(actor, "ROLES_CHANGED", target, Map.of("from", before.roles(), "to", after.roles()));
            return after;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private AdminUser setStatus(UUID target, String status) {
        try (var connection = db.getConnection()) {
            find(connection, target);
            try (var update = connection.prepareStatement(
                    "update account set status = ?, updated_at = now() where id = ? and status <> 'DELETED'")) {
                update.setString(1, status);
                update.setObject(2, target);
                update.executeUpdate();
            }
            return find(connection, target);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static AdminUser find(Connection connection, UUID id) throws SQLException {
        try (var query = connection.prepareStatement(
                "select " + COLUMNS + " from account where id = ? and status <> 'DELETED'")) {
            query.setObject(1, id);
            try (var rows = query.executeQuery()) {
                if (!rows.next()) {
                    throw ProblemException.notFound("USER_NOT_FOUND", "No such user.");
                }
                return read(rows);
            }
        }
    }

    private static AdminUser read(ResultSet rows) throws SQLException {
        return new AdminUser(
                rows.getObject("id", UUID.class),
                rows.getString("email"),
                rows.getBoolean("email_verified"),
                rows.getString("display_name"),
                rows.getString("phone"),
                rows.getBoolean("marketing_consent"),
                List.copyOf(Arrays.asList((String[]) rows.getArray("roles").getArray())),
                rows.getString("status"),
                rows.getObject("created_at", OffsetDateTime.class).toInstant(),
                rows.getObject("updated_at", OffsetDateTime.class).toInstant());
    }

    private static String escapeLike(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}
