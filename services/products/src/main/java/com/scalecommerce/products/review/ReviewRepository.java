package com.scalecommerce.products.review;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** The review tables, in plain SQL. Callers hold the transaction; every method takes the connection to use. */
@ApplicationScoped
class ReviewRepository {

    private static final String COLUMNS = "r.id, r.product_id, r.user_id, r.author_name, r.rating, r.title, r.body,"
            + " r.status, r.verified_purchase, r.helpful_count, r.hidden_at, r.hidden_by, r.created_at, r.updated_at";

    record Row(
            UUID id,
            UUID productId,
            UUID userId,
            String authorName,
            int rating,
            String title,
            String body,
            String status,
            boolean verifiedPurchase,
            int helpfulCount,
            OffsetDateTime hiddenAt,
            UUID hiddenBy,
            OffsetDateTime createdAt,
            OffsetDateTime updatedAt,
            long sortKey) {

        Review toReview() {
            return new Review(
                    id,
                    productId,
                    authorName,
                    rating,
                    title,
                    body,
                    verifiedPurchase,
                    helpfulCount,
                    createdAt.toInstant(),
                    updatedAt.toInstant());
        }

        AdminReview toAdminReview() {
            return new AdminReview(
                    id,
                    productId,
                    userId,
                    authorName,
                    rating,
                    title,
                    body,
                    status,
                    verifiedPurchase,
                    helpfulCount,
                    hiddenAt == null ? null : hiddenAt.toInstant(),
                    hiddenBy,
                    createdAt.toInstant(),
                    updatedAt.toInstant());
        }
    }

    record Rating(BigDecimal average, int count) {}

    private final AgroalDataSource db;

    ReviewRepository(AgroalDataSource db) {
        this.db = db;
    }

    Connection connection() throws SQLException {
        return db.getConnection();
    }

    /**
     * Takes the product row's write lock for the rest of the transaction, so concurrent review changes of one
     * product recompute its rating one after another, each seeing the others' committed reviews.
     */
    Optional<String> lockProduct(Connection connection, UUID productId) throws SQLException {
        try (var lock = connection.prepareStatement("select status from product where id = ? for no key update")) {
            lock.setObject(1, productId);
            try (var rows = lock.executeQuery()) {
                return rows.next() ? Optional.of(rows.getString(1)) : Optional.empty();
            }
        }
    }

    Optional<String> productStatus(Connection connection, UUID productId) throws SQLException {
        try (var query = connection.prepareStatement("select status from product where id = ?")) {
            query.setObject(1, productId);
            try (var rows = query.executeQuery()) {
                return rows.next() ? Optional.of(rows.getString(1)) : Optional.empty();
            }
        }
    }

    boolean hasPurchased(Connection connection, UUID userId, UUID productId) throws SQLException {
        try (var query =
                connection.prepareStatement("select 1 from review_purchase where user_id = ? and product_id = ?")) {
            query.setObject(1, userId);
            query.setObject(2, productId);
            try (var rows = query.executeQuery()) {
                return rows.next();
            }
        }
    }

    /** Empty when the customer has already reviewed the product. */
    Optional<Row> insert(Connection connection, UUID id, UUID productId, UUID userId, ReviewText text, boolean verified)
            throws SQLException {
        try (var insert = connection.prepareStatement(
                "insert into review as r (id, product_id, user_id, author_name, rating, title, body, verified_purchase)"
                        + " values (?, ?, ?, ?, ?, ?, ?, ?) on conflict (product_id, user_id) do nothing"
                        + " returning " + COLUMNS + ", 0 as sort_key")) {
            insert.setObject(1, id);
            insert.setObject(2, productId);
            insert.setObject(3, userId);
            insert.setString(4, text.authorName());
            insert.setInt(5, text.rating());
            insert.setString(6, text.title());
            insert.setString(7, text.body());
            insert.setBoolean(8, verified);
            return single(insert);
        }
    }

    Optional<Row> update(Connection connection, UUID reviewId, UUID productId, UUID userId, ReviewText text)
            throws SQLException {
        try (var update = connection.prepareStatement("update review as r set author_name = ?, rating = ?, title = ?,"
                + " body = ?, updated_at = now() where id = ? and product_id = ? and user_id = ?"
                + " returning " + COLUMNS + ", 0 as sort_key")) {
            update.setString(1, text.authorName());
            update.setInt(2, text.rating());
            update.setString(3, text.title());
            update.setString(4, text.body());
            update.setObject(5, reviewId);
            update.setObject(6, productId);
            update.setObject(7, userId);
            return single(update);
        }
    }

    boolean delete(Connection connection, UUID reviewId, UUID productId, UUID userId) throws SQLException {
        try (var delete =
                connection.prepareStatement("delete from review where id = ? and product_id = ? and user_id = ?")) {
            delete.setObject(1, reviewId);
            delete.setObject(2, productId);
            delete.setObject(3, userId);
            return delete.executeUpdate() == 1;
        }
    }

    Optional<UUID> productOf(Connection connection, UUID reviewId) throws SQLException {
        try (var query = connection.prepareStatement("select product_id from review where id = ?")) {
            query.setObject(1, reviewId);
            try (var rows = query.executeQuery()) {
                return rows.next() ? Optional.of(rows.getObject(1, UUID.class)) : Optional.empty();
            }
        }
    }

    Optional<Row> setStatus(Connection connection, UUID reviewId, String status, UUID moderator) throws SQLException {
        boolean hiding = "HIDDEN".equals(status);
        try (var update = connection.prepareStatement("update review as r set status = ?,"
                + " hidden_at = case when ? then coalesce(hidden_at, now()) end,"
                + " hidden_by = case when ? then coalesce(hidden_by, ?) end"
                + " where id = ? returning " + COLUMNS + ", 0 as sort_key")) {
            update.setString(1, status);
            update.setBoolean(2, hiding);
            update.setBoolean(3, hiding);
            update.setObject(4, moderator);
            update.setObject(5, reviewId);
            return single(update);
        }
    }

    Optional<Row> find(Connection connection, UUID reviewId) throws SQLException {
        try (var query =
                connection.prepareStatement("select " + COLUMNS + ", 0 as sort_key from review r where r.id = ?")) {
            query.setObject(1, reviewId);
            return single(query);
        }
    }

    Optional<Row> findByAuthor(Connection connection, UUID productId, UUID userId) throws SQLException {
        try (var query = connection.prepareStatement(
                "select " + COLUMNS + ", 0 as sort_key from review r" + " where r.product_id = ? and r.user_id = ?")) {
            query.setObject(1, productId);
            query.setObject(2, userId);
            return single(query);
        }
    }

    /** Recounts the product's visible reviews into its rating columns; the caller holds the product's lock. */
    Rating recomputeRating(Connection connection, UUID productId) throws SQLException {
        try (var update = connection.prepareStatement("update product p"
                + " set rating_avg = coalesce(s.average, 0), rating_count = s.count"
                + " from (select round(avg(rating), 2) as average, count(*) as count from review"
                + " where product_id = ? and status = 'VISIBLE') s"
                + " where p.id = ? returning p.rating_avg, p.rating_count")) {
            update.setObject(1, productId);
            update.setObject(2, productId);
            try (var rows = update.executeQuery()) {
                rows.next();
                return new Rating(rows.getBigDecimal(1), rows.getInt(2));
            }
        }
    }

    Rating rating(Connection connection, UUID productId) throws SQLException {
        try (var query = connection.prepareStatement("select rating_avg, rating_count from product where id = ?")) {
            query.setObject(1, productId);
            try (var rows = query.executeQuery()) {
                rows.next();
                return new Rating(rows.getBigDecimal(1), rows.getInt(2));
            }
        }
    }

    Map<Integer, Integer> histogram(Connection connection, UUID productId) throws SQLException {
        Map<Integer, Integer> histogram = new LinkedHashMap<>();
        for (int stars = 1; stars <= 5; stars++) {
            histogram.put(stars, 0);
        }
        try (var query = connection.prepareStatement("select rating, count(*) from review"
                + " where product_id = ? and status = 'VISIBLE' group by rating")) {
            query.setObject(1, productId);
            try (var rows = query.executeQuery()) {
                while (rows.next()) {
                    histogram.put(rows.getInt(1), rows.getInt(2));
                }
            }
        }
        return histogram;
    }

    List<Row> visiblePage(
            Connection connection, UUID productId, Integer rating, ReviewSort sort, ReviewCursor after, int limit)
            throws SQLException {
        String key = sort.keyExpression;
        String sql = "select " + COLUMNS + ", " + key + " as sort_key from review r"
                + " where r.product_id = ? and r.status = 'VISIBLE'"
                + " and (?::int is null or r.rating = ?)"
                + " and (?::bigint is null or (" + key + ", r.created_at, r.id) < (?::bigint, ?::timestamptz, ?::uuid))"
                + " order by " + key + " desc, r.created_at desc, r.id desc limit ?";
        try (var query = connection.prepareStatement(sql)) {
            query.setObject(1, productId);
            query.setObject(2, rating);
            query.setObject(3, rating);
            bindCursor(query, 4, after);
            query.setInt(8, limit);
            return list(query);
        }
    }

    List<Row> moderationPage(
            Connection connection, UUID productId, String status, Integer rating, ReviewCursor after, int limit)
            throws SQLException {
        String sql = "select " + COLUMNS + ", 0 as sort_key from review r"
                + " where (?::uuid is null or r.product_id = ?)"
                + " and (?::text is null or r.status = ?)"
                + " and (?::int is null or r.rating = ?)"
                + " and (?::bigint is null or (0, r.created_at, r.id) < (?::bigint, ?::timestamptz, ?::uuid))"
                + " order by r.created_at desc, r.id desc limit ?";
        try (var query = connection.prepareStatement(sql)) {
            query.setObject(1, productId);
            query.setObject(2, productId);
            query.setString(3, status);
            query.setString(4, status);
            query.setObject(5, rating);
            query.setObject(6, rating);
            bindCursor(query, 7, after);
            query.setInt(11, limit);
            return list(query);
        }
    }

    /** False when the customer had already voted for this review. */
    boolean addHelpfulVote(Connection connection, UUID reviewId, UUID userId) throws SQLException {
        try (var insert = connection.prepareStatement(
                "insert into review_helpful_vote (review_id, user_id) values (?, ?) on conflict do nothing")) {
            insert.setObject(1, reviewId);
            insert.setObject(2, userId);
            if (insert.executeUpdate() == 0) {
                return false;
            }
        }
        try (var update =
                connection.prepareStatement("update review set helpful_count = helpful_count + 1 where id = ?")) {
            update.setObject(1, reviewId);
            update.executeUpdate();
        }
        return true;
    }

    /** Records purchases (first one wins) and marks the buyers' existing reviews of those products. */
    void recordPurchases(Connection connection, UUID userId, UUID orderId, List<UUID> productIds) throws SQLException {
        try (var insert =
                connection.prepareStatement("insert into review_purchase (user_id, product_id, first_order_id)"
                        + " select ?, unnest(?::uuid[]), ? on conflict do nothing")) {
            insert.setObject(1, userId);
            insert.setArray(2, connection.createArrayOf("uuid", productIds.toArray()));
            insert.setObject(3, orderId);
            insert.executeUpdate();
        }
        try (var mark = connection.prepareStatement("update review set verified_purchase = true"
                + " where user_id = ? and product_id = any(?::uuid[]) and not verified_purchase")) {
            mark.setObject(1, userId);
            mark.setArray(2, connection.createArrayOf("uuid", productIds.toArray()));
            mark.executeUpdate();
        }
    }

    List<UUID> productsWithSkus(Connection connection, List<String> skus) throws SQLException {
        try (var query = connection.prepareStatement("select distinct product_id from variant where sku = any(?)")) {
            query.setArray(1, connection.createArrayOf("text", skus.toArray()));
            List<UUID> ids = new ArrayList<>();
            try (var rows = query.executeQuery()) {
                while (rows.next()) {
                    ids.add(rows.getObject(1, UUID.class));
                }
            }
            return ids;
        }
    }

    private static void bindCursor(PreparedStatement query, int first, ReviewCursor after) throws SQLException {
        query.setObject(first, after == null ? null : after.key());
        query.setObject(first + 1, after == null ? null : after.key());
        query.setObject(first + 2, after == null ? null : after.createdAt());
        query.setObject(first + 3, after == null ? null : after.id());
    }

    private static Optional<Row> single(PreparedStatement statement) throws SQLException {
        try (var rows = statement.executeQuery()) {
            return rows.next() ? Optional.of(read(rows)) : Optional.empty();
        }
    }

    private static List<Row> list(PreparedStatement statement) throws SQLException {
        List<Row> result = new ArrayList<>();
        try (var rows = statement.executeQuery()) {
            while (rows.next()) {
                result.add(read(rows));
            }
        }
        return result;
    }

    private static Row read(ResultSet rows) throws SQLException {
        return new Row(
                rows.getObject("id", UUID.class),
                rows.getObject("product_id", UUID.class),
                rows.getObject("user_id", UUID.class),
                rows.getString("author_name"),
                rows.getInt("rating"),
                rows.getString("title"),
                rows.getString("body"),
                rows.getString("status"),
                rows.getBoolean("verified_purchase"),
                rows.getInt("helpful_count"),
                rows.getObject("hidden_at", OffsetDateTime.class),
                rows.getObject("hidden_by", UUID.class),
                rows.getObject("created_at", OffsetDateTime.class),
                rows.getObject("updated_at", OffsetDateTime.class),
                rows.getLong("sort_key"));
    }
}
