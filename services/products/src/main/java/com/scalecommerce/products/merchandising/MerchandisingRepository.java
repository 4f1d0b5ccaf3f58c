package com.scalecommerce.products.merchandising;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

@ApplicationScoped
class MerchandisingRepository {

    private static final String BANNER_COLUMNS =
            "id, headline, body, image_url, image_key, link_url, position, starts_at, ends_at, created_at, updated_at";
    private static final String CARD_COLUMNS = "p.id, p.name, p.slug, p.currency, p.min_price_minor,"
            + " p.max_price_minor, p.rating_avg, p.rating_count, (select i.storage_key from product_image i"
            + " where i.product_id = p.id order by i.position, i.id limit 1) as image_key";
    private static final String IN_WINDOW =
            "(starts_at is null or starts_at <= now()) and (ends_at is null or ends_at > now())";

    /** A banner row; the image URL is resolved by the caller, which knows the storage. */
    record BannerRow(
            UUID id,
            String headline,
            String text,
            String imageUrl,
            String imageKey,
            String link,
            int position,
            OffsetDateTime startsAt,
            OffsetDateTime endsAt,
            OffsetDateTime createdAt,
            OffsetDateTime updatedAt) {}

    record CardRow(
            UUID id,
            String name,
            String slug,
            String currency,
            Long minPriceMinor,
            Long maxPriceMinor,
            String imageKey,
            java.math.BigDecimal ratingAvg,
            int ratingCount) {}

    private final AgroalDataSource db;

    MerchandisingRepository(AgroalDataSource db) {
        this.db = db;
    }

    Connection connection() throws SQLException {
        return db.getConnection();
    }

    List<UUID> featuredIds(Connection connection) throws SQLException {
        try (var query = connection.prepareStatement("select product_id from featured_product order by position")) {
            return list(query, rows -> uuid(rows, 1));
        }
    }

    Set<UUID> existingProducts(Connection connection, List<UUID> ids) throws SQLException {
        try (var query = connection.prepareStatement("select id from product where id = any(?::uuid[])")) {
            query.setArray(1, connection.createArrayOf("uuid", ids.toArray()));
            return Set.copyOf(list(query, rows -> uuid(rows, 1)));
        }
    }

    void replaceFeatured(Connection connection, List<UUID> ids) throws SQLException {
        // Serialises concurrent replacements: the last one wins whole, never a mix of two lists.
        try (var lock = connection.prepareStatement("lock table featured_product in share row exclusive mode");
                var delete = connection.prepareStatement("delete from featured_product")) {
            lock.execute();
            delete.executeUpdate();
        }
        try (var insert =
                connection.prepareStatement("insert into featured_product (product_id, position) values (?, ?)")) {
            for (int i = 0; i < ids.size(); i++) {
                insert.setObject(1, ids.get(i));
                insert.setInt(2, i);
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }

    void insertBanner(Connection connection, UUID id, BannerFields banner) throws SQLException {
        try (var insert = connection.prepareStatement("insert into banner (headline, body, image_url, image_key,"
                + " link_url, position, starts_at, ends_at, id) values (?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            bind(insert, banner);
            insert.setObject(9, id);
            insert.executeUpdate();
        }
    }

    boolean updateBanner(Connection connection, UUID id, BannerFields banner) throws SQLException {
        try (var update = connection.prepareStatement("update banner set headline = ?, body = ?, image_url = ?,"
                + " image_key = ?, link_url = ?, position = ?, starts_at = ?, ends_at = ?, updated_at = now()"
                + " where id = ?")) {
            bind(update, banner);
            update.setObject(9, id);
            return update.executeUpdate() == 1;
        }
    }

    boolean deleteBanner(Connection connection, UUID id) throws SQLException {
        try (var delete = connection.prepareStatement("delete from banner where id = ?")) {
            delete.setObject(1, id);
            return delete.executeUpdate() == 1;
        }
    }

    Optional<BannerRow> banner(Connection connection, UUID id) throws SQLException {
        try (var query = connection.prepareStatement("select " + BANNER_COLUMNS + " from banner where id = ?")) {
            query.setObject(1, id);
            return list(query, MerchandisingRepository::bannerRow).stream().findFirst();
        }
    }

    List<BannerRow> bannerPage(Connection connection, Integer afterPosition, UUID afterId, int limit)
            throws SQLException {
        try (var query = connection.prepareStatement("select " + BANNER_COLUMNS + " from banner"
                + " where (?::int is null or (position, id) > (?::int, ?::uuid)) order by position, id limit ?")) {
            query.setObject(1, afterPosition);
            query.setObject(2, afterPosition);
            query.setObject(3, afterId);
            query.setInt(4, limit);
            return list(query, MerchandisingRepository::bannerRow);
        }
    }

    List<BannerRow> bannersInWindow(Connection connection) throws SQLException {
        try (var query = connection.prepareStatement(
                "select " + BANNER_COLUMNS + " from banner where " + IN_WINDOW + " order by position, id")) {
            return list(query, MerchandisingRepository::bannerRow);
        }
    }

    /** Milliseconds until the next banner window opens or closes, by the database clock; empty if none will. */
    Optional<Long> millisToNextWindowChange(Connection connection) throws SQLException {
        try (var query = connection.prepareStatement("select ceil(extract(epoch from (min(t) - now())) * 1000)"
                + " from (select starts_at as t from banner where starts_at > now()"
                + " union all select ends_at from banner where ends_at > now()) boundaries")) {
            try (var rows = query.executeQuery()) {
                rows.next();
                long millis = rows.getLong(1);
                return rows.wasNull() ? Optional.empty() : Optional.of(millis);
            }
        }
    }

    List<CardRow> featuredCards(Connection connection) throws SQLException {
        try (var query = connection.prepareStatement("select " + CARD_COLUMNS + " from featured_product f"
                + " join product p on p.id = f.product_id where p.status = 'ACTIVE' order by f.position")) {
            return list(query, MerchandisingRepository::cardRow);
        }
    }

    List<CardRow> newestCards(Connection connection, int limit) throws SQLException {
        try (var query = connection.prepareStatement("select " + CARD_COLUMNS + " from product p"
                + " where p.status = 'ACTIVE' order by p.created_at desc, p.id desc limit ?")) {
            query.setInt(1, limit);
            return list(query, MerchandisingRepository::cardRow);
        }
    }

    List<CardRow> bestSellingCards(Connection connection, int limit) throws SQLException {
        try (var query = connection.prepareStatement("select " + CARD_COLUMNS + " from product p"
                + " where p.status = 'ACTIVE' and p.sold_count > 0 order by p.sold_count desc, p.id limit ?")) {
            query.setInt(1, limit);
            return list(query, MerchandisingRepository::cardRow);
        }
    }

    /** Banner fields as stored: already sanitised and validated. */
    record BannerFields(
            String headline,
            String text,
            String imageUrl,
            String imageKey,
            String link,
            int position,
            OffsetDateTime startsAt,
            OffsetDateTime endsAt) {}

    private static void bind(PreparedStatement statement, BannerFields banner) throws SQLException {
        statement.setString(1, banner.headline());
        statement.setString(2, banner.text());
        statement.setString(3, banner.imageUrl());
        statement.setString(4, banner.imageKey());
        statement.setString(5, banner.link());
        statement.setInt(6, banner.position());
        setTime(statement, 7, banner.startsAt());
        setTime(statement, 8, banner.endsAt());
    }

    private static void setTime(PreparedStatement statement, int index, OffsetDateTime time) throws SQLException {
        if (time == null) {
            statement.setNull(index, Types.TIMESTAMP_WITH_TIMEZONE);
        } else {
            statement.setObject(index, time.withOffsetSameInstant(ZoneOffset.UTC));
        }
    }

    private static BannerRow bannerRow(ResultSet rows) throws SQLException {
        return new BannerRow(
                uuid(rows, 1),
                rows.getString(2),
                rows.getString(3),
                rows.getString(4),
                rows.getString(5),
                rows.getString(6),
                rows.getInt(7),
                rows.getObject(8, OffsetDateTime.class),
                rows.getObject(9, OffsetDateTime.class),
                rows.getObject(10, OffsetDateTime.class),
                rows.getObject(11, OffsetDateTime.class));
    }

    private static CardRow cardRow(ResultSet rows) throws SQLException {
        long min = rows.getLong("min_price_minor");
        Long minPrice = rows.wasNull() ? null : min;
        long max = rows.getLong("max_price_minor");
        Long maxPrice = rows.wasNull() ? null : max;
        return new CardRow(
                uuid(rows, 1),
                rows.getString("name"),
                rows.getString("slug"),
                rows.getString("currency"),
                minPrice,
                maxPrice,
                rows.getString("image_key"),
                rows.getBigDecimal("rating_avg"),
                rows.getInt("rating_count"));
    }

    private static UUID uuid(ResultSet rows, int column) throws SQLException {
        return rows.getObject(column, UUID.class);
    }

    private interface RowReader<T> {
        T read(ResultSet rows) throws SQLException;
    }

    private static <T> List<T> list(PreparedStatement query, RowReader<T> reader) throws SQLException {
        List<T> result = new ArrayList<>();
        try (var rows = query.executeQuery()) {
            while (rows.next()) {
                result.add(reader.read(rows));
            }
        }
        return result;
    }
}
