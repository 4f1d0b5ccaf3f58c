package com.scalecommerce.users.address;

import com.scalecommerce.platform.web.problem.ProblemException;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

/**
 * A customer's saved addresses. The first address becomes the default for shipping and billing; marking
 * another one default moves the flag in the same transaction (the partial unique indexes back this up).
 */
@ApplicationScoped
public class AddressBook {

    /** Enough for any household; stops a script from filling the table through one account. */
    static final int MAX_ADDRESSES_PER_ACCOUNT = 50;

    private static final String COLUMNS = "id, label, recipient_name, company, line1, line2, city, region, postal_code,"
            + " country, phone, is_default_shipping, is_default_billing, created_at, updated_at";

    private final AgroalDataSource db;

    AddressBook(AgroalDataSource db) {
        this.db = db;
    }

    public List<Address> list(UUID accountId) {
        try (var connection = db.getConnection();
                var query = connection.prepareStatement(
                        "select " + COLUMNS + " from address where account_id = ? order by created_at, id")) {
            query.setObject(1, accountId);
            var addresses = new ArrayList<Address>();
            try (var rows = query.executeQuery()) {
                while (rows.next()) {
                    addresses.add(read(rows));
                }
            }
            return addresses;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    public Address get(UUID accountId, UUID addressId) {
        try (var connection = db.getConnection()) {
            return find(connection, accountId, addressId).orElseThrow(AddressBook::notFound);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    @Transactional
    public Address add(UUID accountId, AddressInput input) {
        try (var connection = db.getConnection()) {
            int existing = countAndLock(connection, accountId);
            if (existing >= MAX_ADDRESSES_PER_ACCOUNT) {
                throw ProblemException.conflict(
                        "ADDRESS_BOOK_FULL",
                        "An address book holds at most " + MAX_ADDRESSES_PER_ACCOUNT + " addresses.");
            }
            boolean shipping = existing == 0 || Boolean.TRUE.equals(input.defaultShipping());
            boolean billing = existing == 0 || Boolean.TRUE.equals(input.defaultBilling());
            clearDefaults(connection, accountId, shipping, billing);
            UUID id = UUID.randomUUID();
            try (var insert = connection.prepareStatement("insert into address (id, account_id, label, recipient_name,"
                    + " company, line1, line2, city, region, postal_code, country, phone, is_default_shipping,"
                    + " is_default_billing) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                insert.setObject(1, id);
                insert.setObject(2, accountId);
                bindFields(insert, 3, input);
                insert.setBoolean(13, shipping);
                insert.setBoolean(14, billing);
                insert.executeUpdate();
            }
            return find(connection, accountId, id).orElseThrow();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    @Transactional
    public Address replace(UUID accountId, UUID addressId, AddressInput input) {
        try (var connection = db.getConnection()) {
            countAndLock(connection, accountId);
            Address current = find(connection, accountId, addressId).orElseThrow(AddressBook::notFound);
            // An address stays default until another one takes the flag: "false" cannot leave the book without one.
            boolean shipping = current.defaultShipping() || Boolean.TRUE.equals(input.defaultShipping());
            boolean billing = current.defaultBilling() || Boolean.TRUE.equals(input.defaultBilling());
            clearDefaults(
                    connection,
                    accountId,
                    shipping && !current.defaultShipping(),
                    billing && !current.defaultBilling());
            try (var update = connection.prepareStatement("update address set label = ?, recipient_name = ?,"
                    + " company = ?, line1 = ?, line2 = ?, city = ?, region = ?, postal_code = ?, country = ?,"
                    + " phone = ?, is_default_shipping = ?, is_default_billing = ?, updated_at = now()"
                    + " where id = ? and account_id = ?")) {
                bindFields(update, 1, input);
                update.setBoolean(11, shipping);
                update.setBoolean(12, billing);
                update.setObject(13, addressId);
                update.setObject(14, accountId);
                update.executeUpdate();
            }
            return find(connection, accountId, addressId).orElseThrow();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Removing a default address hands the flag to the oldest remaining address. */
    @Transactional
    public void remove(UUID accountId, UUID addressId) {
        try (var connection = db.getConnection()) {
            countAndLock(connection, accountId);
            Address removed = find(connection, accountId, addressId).orElseThrow(AddressBook::notFound);
            try (var delete = connection.prepareStatement("delete from address where id = ? and account_id = ?")) {
                delete.setObject(1, addressId);
                delete.setObject(2, accountId);
                delete.executeUpdate();
            }
            if (removed.defaultShipping()) {
                promoteOldest(connection, accountId, "is_default_shipping");
            }
            if (removed.defaultBilling()) {
                promoteOldest(connection, accountId, "is_default_billing");
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Erases every address of an account (account deletion). */
    @Transactional(Transactional.TxType.MANDATORY)
    public void removeAll(UUID accountId) {
        try (var connection = db.getConnection();
                var delete = connection.prepareStatement("delete from address where account_id = ?")) {
            delete.setObject(1, accountId);
            delete.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    // Locking the account row serialises concurrent edits of one address book (limit and default flags).
    private static int countAndLock(Connection connection, UUID accountId) throws SQLException {
        try (var lock = connection.prepareStatement("select 1 from account where id = ? for update")) {
            lock.setObject(1, accountId);
            try (var rows = lock.executeQuery()) {
                if (!rows.next()) {
                    throw ProblemException.notFound("ACCOUNT_NOT_FOUND", "The account does not exist.");
                }
            }
        }
        try (var count = connection.prepareStatement("select count(*) from address where account_id = ?")) {
            count.setObject(1, accountId);
            try (var rows = count.executeQuery()) {
                rows.next();
                return rows.getInt(1);
            }
        }
    }

    private static void clearDefaults(Connection connection, UUID accountId, boolean shipping, boolean billing)
            throws SQLException {
        if (shipping) {
            try (var clear = connection.prepareStatement(
                    "update address set is_default_shipping = false where account_id = ? and is_default_shipping")) {
                clear.setObject(1, accountId);
                clear.executeUpdate();
            }
        }
        if (billing) {
            try (var clear = connection.prepareStatement(
                    "update address set is_default_billing = false where account_id = ? and is_default_billing")) {
                clear.setObject(1, accountId);
                clear.executeUpdate();
            }
        }
    }

    private static void promoteOldest(Connection connection, UUID accountId, String flag) throws SQLException {
        try (var promote = connection.prepareStatement("update address set " + flag + " = true where id ="
                + " (select id from address where account_id = ? order by created_at, id limit 1)")) {
            promote.setObject(1, accountId);
            promote.executeUpdate();
        }
    }

    private static Optional<Address> find(Connection connection, UUID accountId, UUID addressId) throws SQLException {
        try (var query =
                connection.prepareStatement("select " + COLUMNS + " from address where id = ? and account_id = ?")) {
            query.setObject(1, addressId);
            query.setObject(2, accountId);
            try (var rows = query.executeQuery()) {
                return rows.next() ? Optional.of(read(rows)) : Optional.empty();
            }
        }
    }

    private static void bindFields(PreparedStatement statement, int first, AddressInput input) throws SQLException {
        statement.setString(first, blankToNull(input.label()));
        statement.setString(first + 1, input.recipientName().strip());
        statement.setString(first + 2, blankToNull(input.company()));
        statement.setString(first + 3, input.line1().strip());
        statement.setString(first + 4, blankToNull(input.line2()));
        statement.setString(first + 5, input.city().strip());
        statement.setString(first + 6, blankToNull(input.region()));
        statement.setString(first + 7, input.postalCode().strip().toUpperCase(Locale.ROOT));
        statement.setString(first + 8, input.country().toUpperCase(Locale.ROOT));
        statement.setString(first + 9, blankToNull(input.phone()));
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    private static Address read(ResultSet rows) throws SQLException {
        return new Address(
                rows.getObject("id", UUID.class),
                rows.getString("label"),
                rows.getString("recipient_name"),
                rows.getString("company"),
                rows.getString("line1"),
                rows.getString("line2"),
                rows.getString("city"),
                rows.getString("region"),
                rows.getString("postal_code"),
                rows.getString("country"),
                rows.getString("phone"),
                rows.getBoolean("is_default_shipping"),
                rows.getBoolean("is_default_billing"),
                rows.getObject("created_at", OffsetDateTime.class).toInstant(),
                rows.getObject("updated_at", OffsetDateTime.class).toInstant());
    }

    private static ProblemException notFound() {
        return ProblemException.notFound("ADDRESS_NOT_FOUND", "No such address in your address book.");
    }
}
