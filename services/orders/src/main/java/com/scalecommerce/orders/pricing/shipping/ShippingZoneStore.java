package com.scalecommerce.orders.pricing.shipping;

import com.scalecommerce.platform.web.paging.CreatedCursor;
import com.scalecommerce.platform.web.paging.Page;
import com.scalecommerce.platform.web.problem.ProblemException;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Zones, their areas and their methods, as administrators edit them. */
@ApplicationScoped
class ShippingZoneStore {

    static final String METHOD_COLUMNS = "id, zone_id, name, kind, currency, rate_minor, free_over_minor,"
            + " band_up_to_grams, band_rates, min_days, max_days, active, created_at, updated_at";

    private final AgroalDataSource db;

    ShippingZoneStore(AgroalDataSource db) {
        this.db = db;
    }

    Page<ShippingZone> list(CreatedCursor after, int limit) {
        try (var connection = db.getConnection();
                var query = connection.prepareStatement("select id from shipping_zone"
                        + " where (?::timestamptz is null or (created_at, id) > (?::timestamptz, ?::uuid))"
                        + " order by created_at, id limit ?")) {
            query.setObject(1, after == null ? null : after.createdAt());
            query.setObject(2, after == null ? null : after.createdAt());
            query.setObject(3, after == null ? null : after.id());
            query.setInt(4, limit + 1);
            var ids = new ArrayList<UUID>();
            try (var rows = query.executeQuery()) {
                while (rows.next()) {
                    ids.add(rows.getObject(1, UUID.class));
                }
            }
            boolean more = ids.size() > limit;
            var zones = new ArrayList<ShippingZone>();
            for (UUID id : more ? ids.subList(0, limit) : ids) {
                find(connection, id).ifPresent(zones::add);
            }
            String next = more
                    ? new CreatedCursor(
                                    zones.getLast().createdAt(), zones.getLast().id())
                            .encode()
                    : null;
            return new Page<>(zones, next);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    ShippingZone get(UUID id) {
        try (var connection = db.getConnection()) {
            return find(connection, id).orElseThrow(ShippingZoneStore::zoneNotFound);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    @Transactional
    ShippingZone create(ZoneInput input) {
        UUID id = UUID.randomUUID();
        try (var connection = db.getConnection()) {
            try (var insert = connection.prepareStatement("insert into shipping_zone (id, name) values (?, ?)")) {
                insert.setObject(1, id);
                insert.setString(2, input.name());
                insert.executeUpdate();
            }
            writeAreas(connection, id, input.areas());
            return find(connection, id).orElseThrow();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    @Transactional
    ShippingZone replace(UUID id, ZoneInput input) {
        try (var connection = db.getConnection()) {
            try (var update =
                    connection.prepareStatement("update shipping_zone set name = ?, updated_at = now() where id = ?")) {
                update.setString(1, input.name());
                update.setObject(2, id);
                if (update.executeUpdate() == 0) {
                    throw zoneNotFound();
                }
            }
            try (var delete = connection.prepareStatement("delete from shipping_zone_area where zone_id = ?")) {
                delete.setObject(1, id);
                delete.executeUpdate();
            }
            writeAreas(connection, id, input.areas());
            return find(connection, id).orElseThrow();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    @Transactional
    void delete(UUID id) {
        try (var connection = db.getConnection();
                var delete = connection.prepareStatement("delete from shipping_zone where id = ?")) {
            delete.setObject(1, id);
            if (delete.executeUpdate() == 0) {
                throw zoneNotFound();
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    @Transactional
    ShippingMethod addMethod(UUID zoneId, MethodInput input) {
        UUID id = UUID.randomUUID();
        try (var connection = db.getConnection()) {
            get(zoneId);
            try (var insert = connection.prepareStatement("insert into shipping_method (name, kind, currency,"
                    + " rate_minor, free_over_minor, band_up_to_grams, band_rates, min_days, max_days, active, id,"
                    + " zone_id) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                bindMethod(connection, insert, input);
                insert.setObject(11, id);
                insert.setObject(12, zoneId);
                insert.executeUpdate();
            }
            return findMethod(connection, zoneId, id).orElseThrow();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    @Transactional
    ShippingMethod replaceMethod(UUID zoneId, UUID methodId, MethodInput input) {
        try (var connection = db.getConnection()) {
            try (var update = connection.prepareStatement("update shipping_method set name = ?, kind = ?,"
                    + " currency = ?, rate_minor = ?, free_over_minor = ?, band_up_to_grams = ?, band_rates = ?,"
                    + " min_days = ?, max_days = ?, active = ?, updated_at = now() where id = ? and zone_id = ?")) {
                bindMethod(connection, update, input);
                update.setObject(11, methodId);
                update.setObject(12, zoneId);
                if (update.executeUpdate() == 0) {
                    throw methodNotFound();
                }
            }
            return findMethod(connection, zoneId, methodId).orElseThrow();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    @Transactional
    void deleteMethod(UUID zoneId, UUID methodId) {
        try (var connection = db.getConnection();
                var delete = connection.prepareStatement("delete from shipping_method where id = ? and zone_id = ?")) {
            delete.setObject(1, methodId);
            delete.setObject(2, zoneId);
            if (delete.executeUpdate() == 0) {
                throw methodNotFound();
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void writeAreas(Connection connection, UUID zoneId, List<ShippingZone.Area> areas)
            throws SQLException {
        // Taken areas are checked up front so the answer names them; the unique index still guards a race.
        try (var taken = connection.prepareStatement("select country, region from shipping_zone_area"
                + " where zone_id <> ? and country = ? and region = ?")) {
            for (var area : areas) {
                taken.setObject(1, zoneId);
                taken.setString(2, area.country());
                taken.setString(3, area.region());
                try (var rows = taken.executeQuery()) {
                    if (rows.next()) {
                        throw ProblemException.conflict(
                                "SHIPPING_AREA_TAKEN",
                                "Another zone already covers " + area.country()
                                        + (area.region().isEmpty() ? "" : "-" + area.region()) + ".");
                    }
                }
            }
        }
        try (var insert = connection.prepareStatement(
                "insert into shipping_zone_area (zone_id, country, region) values (?, ?, ?)")) {
            for (var area : areas) {
                insert.setObject(1, zoneId);
                insert.setString(2, area.country());
                insert.setString(3, area.region());
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }

    private static void bindMethod(Connection connection, java.sql.PreparedStatement statement, MethodInput input)
            throws SQLException {
        statement.setString(1, input.name());
        statement.setString(2, input.kind());
        statement.setString(3, input.currency());
        statement.setObject(4, input.rateMinor());
        statement.setObject(5, input.freeOverMinor());
        if (input.weightBands().isEmpty()) {
            statement.setNull(6, java.sql.Types.ARRAY);
            statement.setNull(7, java.sql.Types.ARRAY);
        } else {
            statement.setArray(
                    6,
                    connection.createArrayOf(
                            "bigint",
                            input.weightBands().stream()
                                    .map(ShippingMethod.WeightBand::upToGrams)
                                    .toArray()));
            statement.setArray(
                    7,
                    connection.createArrayOf(
                            "bigint",
                            input.weightBands().stream()
                                    .map(ShippingMethod.WeightBand::rateMinor)
                                    .toArray()));
        }
        statement.setInt(8, input.minDays());
        statement.setInt(9, input.maxDays());
        statement.setBoolean(10, input.active());
    }

    private static Optional<ShippingZone> find(Connection connection, UUID id) throws SQLException {
        String name;
        OffsetDateTime createdAt;
        OffsetDateTime updatedAt;
        try (var query =
                connection.prepareStatement("select name, created_at, updated_at from shipping_zone where id = ?")) {
            query.setObject(1, id);
            try (var rows = query.executeQuery()) {
                if (!rows.next()) {
                    return Optional.empty();
                }
                name = rows.getString(1);
                createdAt = rows.getObject(2, OffsetDateTime.class);
                updatedAt = rows.getObject(3, OffsetDateTime.class);
            }
        }
        var areas = new ArrayList<ShippingZone.Area>();
        try (var query = connection.prepareStatement(
                "select country, region from shipping_zone_area where zone_id = ? order by country, region")) {
            query.setObject(1, id);
            try (var rows = query.executeQuery()) {
                while (rows.next()) {
                    areas.add(new ShippingZone.Area(rows.getString(1), rows.getString(2)));
                }
            }
        }
        var methods = new ArrayList<ShippingMethod>();
        try (var query = connection.prepareStatement(
                "select " + METHOD_COLUMNS + " from shipping_method where zone_id = ? order by created_at, id")) {
            query.setObject(1, id);
            try (var rows = query.executeQuery()) {
                while (rows.next()) {
                    methods.add(readMethod(rows));
                }
            }
        }
        return Optional.of(new ShippingZone(id, name, areas, methods, createdAt, updatedAt));
    }

    private static Optional<ShippingMethod> findMethod(Connection connection, UUID zoneId, UUID id)
            throws SQLException {
        try (var query = connection.prepareStatement(
                "select " + METHOD_COLUMNS + " from shipping_method where id = ? and zone_id = ?")) {
            query.setObject(1, id);
            query.setObject(2, zoneId);
            try (var rows = query.executeQuery()) {
                return rows.next() ? Optional.of(readMethod(rows)) : Optional.empty();
            }
        }
    }

    static ShippingMethod readMethod(ResultSet rows) throws SQLException {
        var bands = new ArrayList<ShippingMethod.WeightBand>();
        var upTo = rows.getArray("band_up_to_grams");
        var rates = rows.getArray("band_rates");
        if (upTo != null && rates != null) {
            Long[] limits = (Long[]) upTo.getArray();
            Long[] prices = (Long[]) rates.getArray();
            for (int i = 0; i < limits.length; i++) {
                bands.add(new ShippingMethod.WeightBand(limits[i], prices[i]));
            }
        }
        return new ShippingMethod(
                rows.getObject("id", UUID.class),
                rows.getObject("zone_id", UUID.class),
                rows.getString("name"),
                rows.getString("kind"),
                rows.getString("currency"),
                rows.getObject("rate_minor", Long.class),
                rows.getObject("free_over_minor", Long.class),
                bands,
                rows.getInt("min_days"),
                rows.getInt("max_days"),
                rows.getBoolean("active"),
                rows.getObject("created_at", OffsetDateTime.class),
                rows.getObject("updated_at", OffsetDateTime.class));
    }

    static ProblemException zoneNotFound() {
        return ProblemException.notFound("SHIPPING_ZONE_NOT_FOUND", "No shipping zone has this id.");
    }

    static ProblemException methodNotFound() {
        return ProblemException.notFound("SHIPPING_METHOD_NOT_FOUND", "No shipping method in this zone has this id.");
    }
}
