package com.scalecommerce.orders.pricing.tax;

import com.scalecommerce.orders.pricing.Fields;
import com.scalecommerce.platform.web.paging.CreatedCursor;
import com.scalecommerce.platform.web.paging.Page;
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
import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
class TaxRateStore {

    private static final String COLUMNS =
            "id, country, region, name, rate_percent, shipping_taxable, created_at, updated_at";
    private static final String UNIQUE_VIOLATION = "23505";

    private final AgroalDataSource db;

    TaxRateStore(AgroalDataSource db) {
        this.db = db;
    }

    /** The region's rate if it has one, else the country's; empty where no rate is set (tax-free). */
    Optional<TaxRate> rateFor(String country, String region) {
        try (var connection = db.getConnection();
                var query = connection.prepareStatement("select " + COLUMNS
                        + " from tax_rate where country = ? and region in (?, '') order by region desc limit 1")) {
            query.setString(1, country);
            query.setString(2, region == null ? "" : region);
            try (var rows = query.executeQuery()) {
                return rows.next() ? Optional.of(read(rows)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    Page<TaxRate> list(String country, CreatedCursor after, int limit) {
        try (var connection = db.getConnection();
                var query = connection.prepareStatement("select " + COLUMNS + " from tax_rate"
                        + " where (?::text is null or country = ?::text)"
                        + " and (?::timestamptz is null or (created_at, id) > (?::timestamptz, ?::uuid))"
                        + " order by created_at, id limit ?")) {
            query.setString(1, country);
            query.setString(2, country);
            query.setObject(3, after == null ? null : after.createdAt());
            query.setObject(4, after == null ? null : after.createdAt());
            query.setObject(5, after == null ? null : after.id());
            query.setInt(6, limit + 1);
            var rates = new ArrayList<TaxRate>();
            try (var rows = query.executeQuery()) {
                while (rows.next()) {
                    rates.add(read(rows));
                }
            }
            return Page.of(rates, limit, last -> new CreatedCursor(last.createdAt(), last.id()).encode());
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    TaxRate get(UUID id) {
        try (var connection = db.getConnection()) {
            return find(connection, id).orElseThrow(TaxRateStore::notFound);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    @Transactional
    TaxRate create(TaxRateInput input) {
        UUID id = UUID.randomUUID();
        try (var connection = db.getConnection()) {
            try (var insert = connection.prepareStatement("insert into tax_rate (country, region, name,"
                    + " rate_percent, shipping_taxable, id) values (?, ?, ?, ?, ?, ?)")) {
                bind(insert, input);
                insert.setObject(6, id);
                insert.executeUpdate();
            }
            return find(connection, id).orElseThrow();
        } catch (SQLException e) {
            throw translate(e);
        }
    }

    @Transactional
    TaxRate replace(UUID id, TaxRateInput input) {
        try (var connection = db.getConnection()) {
            try (var update = connection.prepareStatement("update tax_rate set country = ?, region = ?, name = ?,"
                    + " rate_percent = ?, shipping_taxable = ?, updated_at = now() where id = ?")) {
                bind(update, input);
                update.setObject(6, id);
                if (update.executeUpdate() == 0) {
                    throw notFound();
                }
            }
            return find(connection, id).orElseThrow();
        } catch (SQLException e) {
            throw translate(e);
        }
    }

    @Transactional
    void delete(UUID id) {
        try (var connection = db.getConnection();
                var delete = connection.prepareStatement("delete from tax_rate where id = ?")) {
            delete.setObject(1, id);
            if (delete.executeUpdate() == 0) {
                throw notFound();
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void bind(PreparedStatement statement, TaxRateInput input) throws SQLException {
        statement.setString(1, input.country());
        statement.setString(2, input.region());
        statement.setString(3, input.name());
        statement.setBigDecimal(4, input.ratePercent());
        statement.setBoolean(5, input.shippingTaxable());
    }

    private static Optional<TaxRate> find(Connection connection, UUID id) throws SQLException {
        try (var query = connection.prepareStatement("select " + COLUMNS + " from tax_rate where id = ?")) {
            query.setObject(1, id);
            try (var rows = query.executeQuery()) {
                return rows.next() ? Optional.of(read(rows)) : Optional.empty();
            }
        }
    }

    private static TaxRate read(ResultSet rows) throws SQLException {
        return new TaxRate(
                rows.getObject("id", UUID.class),
                rows.getString("country"),
                rows.getString("region"),
                rows.getString("name"),
                Fields.plain(rows.getBigDecimal("rate_percent")),
                rows.getBoolean("shipping_taxable"),
                rows.getObject("created_at", OffsetDateTime.class),
                rows.getObject("updated_at", OffsetDateTime.class));
    }

    private static RuntimeException translate(SQLException e) {
        if (UNIQUE_VIOLATION.equals(e.getSQLState())) {
            return ProblemException.conflict("TAX_RATE_EXISTS", "This country and region already have a tax rate.");
        }
        return new IllegalStateException(e);
    }

    private static ProblemException notFound() {
        return ProblemException.notFound("TAX_RATE_NOT_FOUND", "No tax rate has this id.");
    }
}
