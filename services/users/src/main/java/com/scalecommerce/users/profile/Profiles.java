package com.scalecommerce.users.profile;

import com.scalecommerce.platform.web.problem.ProblemException;
import com.scalecommerce.users.token.Sessions;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

/** Reads and edits the profile part of an account. Email, roles and verification are not editable here. */
@ApplicationScoped
public class Profiles {

    private static final String PROFILE_COLUMNS = "a.id, a.email, a.email_verified_at is not null, a.display_name,"
            + " a.phone, a.marketing_consent, a.roles, a.created_at";

    private final AgroalDataSource db;

    Profiles(AgroalDataSource db) {
        this.db = db;
    }

    /**
     * The caller's profile, and in the same query the check {@link Sessions#current} makes with two more: the
     * token's session is not revoked and the account is active. Otherwise 401 TOKEN_REVOKED, as there.
     */
    public Profile ofSession(UUID accountId, UUID sessionId) {
        try (var connection = db.getConnection();
                var query = connection.prepareStatement("select " + PROFILE_COLUMNS
                        + " from account a join refresh_token_family f on f.account_id = a.id"
                        + " where a.id = ? and a.status = 'ACTIVE' and f.id = ? and f.revoked_at is null")) {
            query.setObject(1, accountId);
            query.setObject(2, sessionId);
            try (var rows = query.executeQuery()) {
                if (!rows.next()) {
                    throw Sessions.ended();
                }
                return profile(rows);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    @Transactional
    Profile update(UUID accountId, ProfileChanges changes) {
        try (var connection = db.getConnection()) {
            // A flag per field says whether the patch sent it; a field it leaves out keeps its value.
            try (var update = connection.prepareStatement("update account set"
                    + " display_name = case when ? then ? else display_name end,"
                    + " phone = case when ? then ? else phone end,"
                    + " marketing_consent = coalesce(?, marketing_consent),"
                    + " updated_at = now()"
                    + " where id = ? and status = 'ACTIVE'")) {
                update.setBoolean(1, changes.nameSent());
                update.setString(2, changes.name());
                update.setBoolean(3, changes.phoneSent());
                update.setString(4, changes.phone());
                update.setObject(5, changes.marketingConsent(), Types.BOOLEAN);
                update.setObject(6, accountId);
                if (update.executeUpdate() == 0) {
                    throw accountGone();
                }
            }
            return read(connection, accountId);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Profile read(Connection connection, UUID accountId) throws SQLException {
        try (var query = connection.prepareStatement(
                "select " + PROFILE_COLUMNS + " from account a where a.id = ? and a.status = 'ACTIVE'")) {
            query.setObject(1, accountId);
            try (var rows = query.executeQuery()) {
                if (!rows.next()) {
                    throw accountGone();
                }
                return profile(rows);
            }
        }
    }

    private static Profile profile(ResultSet rows) throws SQLException {
        List<String> roles = Arrays.asList((String[]) rows.getArray(7).getArray());
        return new Profile(
                rows.getObject(1, UUID.class),
                rows.getString(2),
                rows.getBoolean(3),
                rows.getString(4),
                rows.getString(5),
                rows.getBoolean(6),
                roles,
                rows.getObject(8, OffsetDateTime.class).toInstant());
    }

    // A token can outlive its account by a few minutes (deleted or disabled meanwhile).
    private static ProblemException accountGone() {
        return ProblemException.notFound("ACCOUNT_NOT_FOUND", "The account no longer exists or is disabled.");
    }
}
