package com.scalecommerce.orders.pricing.discount;

import com.scalecommerce.platform.web.paging.CreatedCursor;
import com.scalecommerce.platform.web.paging.Page;
import com.scalecommerce.platform.web.problem.ProblemException;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Optional;
import java.util.UUID;

/** Discount codes as administrators edit them; usage counts are never written from here. */
@ApplicationScoped
class DiscountStore {

    private static final String UNIQUE_VIOLATION = "23505";
    private static final String CHECK_VIOLATION = "23514";

    private final AgroalDataSource db;

    DiscountStore(AgroalDataSource db) {
        this.db = db;
    }

    Page<Discount> list(CreatedCursor after, int limit) {
        try (var connection = db.getConnection();
                var query = connection.prepareStatement("select " + DiscountRows.COLUMNS + " from discount"
                        + " where (?::timestamptz is null or (created_at, id) > (?::timestamptz, ?::uuid))"
                        + " order by created_at, id limit ?")) {
            query.setObject(1, after == null ? null : after.createdAt());
            query.setObject(2, after == null ? null : after.createdAt());
            query.setObject(3, after == null ? null : after.id());
            query.setInt(4, limit + 1);
            var discounts = new ArrayList<Discount>();
            try (var rows = query.executeQuery()) {
                while (rows.next()) {
                    discounts.add(DiscountRows.read(rows));
                }
            }
            return Page.of(discounts, limit, last -> new CreatedCursor(last.createdAt(), last.id()).encode());
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    Discount get(UUID id) {
        try (var connection = db.getConnection()) {
            return find(connection, id).orElseThrow(DiscountStore::notFound);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    @Transactional
    Discount create(DiscountInput input) {
        UUID id = UUID.randomUUID();
        try (var connection = db.getConnection()) {
            try (var insert = connection.prepareStatement("insert into discount (code, kind, percent_off,"
                    + " amount_off_minor, currency, min_subtotal_minor, starts_at, ends_at, usage_limit,"
                    + " per_customer_limit, active, id) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                bind(insert, input);
                insert.setObject(12, id);
                insert.executeUpdate();
            }
            return find(connection, id).orElseThrow();
        } catch (SQLException e) {
            throw translate(e);
        }
    }

    @Transactional
    Discount replace(UUID id, DiscountInput input) {
        try (var connection = db.getConnection()) {
            try (var update = connection.prepareStatement("update discount set code = ?, kind = ?, percent_off = ?,"
                    + " amount_off_minor = ?, currency = ?, min_subtotal_minor = ?, starts_at = ?, ends_at = ?,"
                    + " usage_limit = ?, per_customer_limit = ?, active = ?, updated_at = now() where id = ?")) {
                bind(update, input);
                update.setObject(12, id);
                if (update.executeUpdate() == 0) {
                    throw notFound();
                }
            }
            return find(connection, id).orElseThrow();
        } catch (SQLException e) {
            throw translate(e);
        }
    }

    /** A code that was ever redeemed stays for the orders' history; deactivate it instead. */
    @Transactional
    void delete(UUID id) {
        try (var connection = db.getConnection()) {
            try (var redeemed = connection.prepareStatement(
                    "select exists (select 1 from discount_redemption where discount_id = ?)")) {
                redeemed.setObject(1, id);
                try (var rows = redeemed.executeQuery()) {
                    rows.next();
                    if (rows.getBoolean(1)) {
                        throw ProblemException.conflict(
                                "DISCOUNT_IN_USE", "Orders used this code; set active to false instead.");
                    }
                }
            }
            try (var delete = connection.prepareStatement("delete from discount where id = ?")) {
                delete.setObject(1, id);
                if (delete.executeUpdate() == 0) {
                    throw notFound();
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void bind(PreparedStatement statement, DiscountInput input) throws SQLException {
        statement.setString(1, input.code());
        statement.setString(2, input.kind());
        statement.setBigDecimal(3, input.percentOff());
        statement.setObject(4, input.amountOffMinor());
        statement.setString(5, input.currency());
        statement.setObject(6, input.minSubtotalMinor());
        statement.setObject(7, input.startsAt());
        statement.setObject(8, input.endsAt());
        statement.setObject(9, input.usageLimit());
        statement.setObject(10, input.perCustomerLimit());
        statement.setBoolean(11, input.active());
    }

    private static Optional<Discount> find(Connection connection, UUID id) throws SQLException {
        try (var query =
                connection.prepareStatement("select " + DiscountRows.COLUMNS + " from discount where id = ?")) {
            query.setObject(1, id);
            try (var rows = query.executeQuery()) {
                return rows.next() ? Optional.of(DiscountRows.read(rows)) : Optional.empty();
            }
        }
    }

    private static RuntimeException translate(SQLException e) {
        if (UNIQUE_VIOLATION.equals(e.getSQLState())) {
            return ProblemException.conflict("DISCOUNT_CODE_TAKEN", "Another discount already has this code.");
        }
        if (CHECK_VIOLATION.equals(e.getSQLState())) {
            return ProblemException.conflict(
                    "DISCOUNT_LIMIT_BELOW_USAGE", "The usage limit cannot go below the times the code was used.");
        }
        return new IllegalStateException(e);
    }

    private static ProblemException notFound() {
        return ProblemException.notFound("DISCOUNT_NOT_FOUND", "No discount has this id.");
    }
}
