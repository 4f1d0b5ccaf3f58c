package com.scalecommerce.products.inventory;

import com.scalecommerce.platform.web.paging.Page;
import com.scalecommerce.platform.web.problem.ProblemException;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** What administrators do with stock: receive goods, correct counts, set thresholds, and look at the history. */
@ApplicationScoped
class StockAdministration {

    static final int MAX_PAGE_SIZE = 200;

    /** Which SKUs a stock list shows. */
    enum Filter {
        ALL("true"),
        IN_STOCK("s.on_hand > s.reserved"),
        LOW_STOCK("s.on_hand - s.reserved <= s.low_stock_threshold"),
        OUT_OF_STOCK("s.on_hand = s.reserved");

        // Written exactly as the partial indexes' predicates, so the planner can use them.
        private final String predicate;

        Filter(String predicate) {
            this.predicate = predicate;
        }
    }

    private static final String LEVEL_SELECT =
            "select s.sku, s.variant_id, v.product_id, p.name as product_name, s.on_hand, s.reserved,"
                    + " s.low_stock_threshold, s.updated_at"
                    + " from stock s join variant v on v.id = s.variant_id join product p on p.id = v.product_id";

    private final AgroalDataSource db;
    private final StockJournal journal;

    StockAdministration(AgroalDataSource db, StockJournal journal) {
        this.db = db;
        this.journal = journal;
    }

    /** In SKU order; {@code skuPrefix} matches case-insensitively. */
    public Page<StockLevel> list(Filter filter, String skuPrefix, UUID productId, String cursor, int limit) {
        int size = Math.clamp(limit, 1, MAX_PAGE_SIZE);
        String after = cursor == null || cursor.isBlank() ? null : decode(cursor);
        String prefix = skuPrefix == null || skuPrefix.isBlank() ? null : skuPrefix.strip();
        String sql = LEVEL_SELECT + " where " + filter.predicate
                + " and (?::text is null or s.sku > ?)"
                + " and (?::text is null or starts_with(upper(s.sku), upper(?)))"
                + " and (?::uuid is null or v.product_id = ?)"
                + " order by s.sku limit ?";
        try (var connection = db.getConnection();
                var select = connection.prepareStatement(sql)) {
            select.setString(1, after);
            select.setString(2, after);
            select.setString(3, prefix);
            select.setString(4, prefix);
            select.setObject(5, productId);
            select.setObject(6, productId);
            select.setInt(7, size + 1);
            var levels = new ArrayList<StockLevel>();
            try (var rows = select.executeQuery()) {
                while (rows.next()) {
                    levels.add(readLevel(rows));
                }
            }
            String next = null;
            if (levels.size() > size) {
                levels.removeLast();
                next = encode(levels.getLast().sku());
            }
            return new Page<>(levels, next);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    public StockLevel get(String sku) {
        try (var connection = db.getConnection()) {
            return level(connection, sku);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    @Transactional
    public StockLevel receive(String actor, String sku, StockReceipt receipt) {
        int quantity = receipt.quantity();
        try (var connection = db.getConnection()) {
            // The bound keeps on_hand an int: past it, the update matches nothing instead of failing with a 500.
            Optional<StockRow> updated = StockRow.update(
                    connection,
                    "update stock s set on_hand = s.on_hand + ?, updated_at = now() from variant v"
                            + " where v.id = s.variant_id and s.sku = ? and s.on_hand <= 2147483647 - ?"
                            + StockRow.RETURNING,
                    quantity,
                    sku,
                    quantity);
            if (updated.isEmpty()) {
                level(connection, sku);
                throw ProblemException.conflict(
                        "STOCK_LIMIT_EXCEEDED", "On hand for " + sku + " would exceed 2147483647.");
            }
            StockRow after = updated.get();
            journal.write(
                    connection,
                    List.of(new StockJournal.Entry(
                            after.variantId(),
                            sku,
                            quantity,
                            0,
                            LedgerReason.RECEIVED,
                            actor,
                            receipt.reference(),
                            receipt.reason())));
            journal.announce(after.before(quantity, 0), after, LedgerReason.RECEIVED, receipt.reference());
            return level(connection, sku);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Sets on hand to what was counted. Held stock cannot be counted away: orders are waiting for it. */
    @Transactional
    public StockLevel correct(String actor, String sku, StockCount count) {
        int counted = count.onHand();
        try (var connection = db.getConnection()) {
            StockRow before = lock(connection, sku);
            if (counted < before.reserved()) {
                throw ProblemException.conflict(
                        "BELOW_RESERVED",
                        before.reserved() + " units of " + sku + " are reserved; on hand cannot be set below that."
                                + " Release reservations first.");
            }
            StockRow after = StockRow.update(
                            connection,
                            "update stock s set on_hand = ?, updated_at = now() from variant v"
                                    + " where v.id = s.variant_id and s.variant_id = ?"
                                    + StockRow.RETURNING,
                            counted,
                            before.variantId())
                    .orElseThrow();
            // Recorded even when the count confirms the books: that a count happened is worth knowing.
            journal.write(
                    connection,
                    List.of(new StockJournal.Entry(
                            after.variantId(),
                            sku,
                            after.onHand() - before.onHand(),
                            0,
                            LedgerReason.CORRECTION,
                            actor,
                            count.reference(),
                            count.reason().strip())));
            journal.announce(before, after, LedgerReason.CORRECTION, count.reference());
            return level(connection, sku);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Raising the threshold over what is available makes the SKU low, and that is announced like any crossing. */
    @Transactional
    public StockLevel changeThreshold(String sku, int threshold) {
        try (var connection = db.getConnection()) {
            StockRow before = lock(connection, sku);
            try (var update = connection.prepareStatement(
                    "update stock set low_stock_threshold = ?, updated_at = now() where variant_id = ?")) {
                update.setInt(1, threshold);
                update.setObject(2, before.variantId());
                update.executeUpdate();
            }
            journal.announce(before, before.withThreshold(threshold), null, null);
            return level(connection, sku);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The SKU's whole history, including changes made under an earlier SKU of the same variant. */
    public LedgerEntry.Page ledger(String sku, String cursor, int limit) {
        int size = Math.clamp(limit, 1, MAX_PAGE_SIZE);
        Long before = null;
        if (cursor != null && !cursor.isBlank()) {
            try {
                before = Long.parseLong(decode(cursor));
            } catch (NumberFormatException e) {
                throw ProblemException.invalidField("cursor", "is not a cursor this API returned");
            }
        }
        try (var connection = db.getConnection()) {
            UUID variantId = level(connection, sku).variantId();
            try (var select = connection.prepareStatement(
                    "select id, sku, delta_on_hand, delta_reserved, reason, actor, reference, note, at"
                            + " from inventory_ledger where variant_id = ? and (?::bigint is null or id < ?)"
                            + " order by id desc limit ?")) {
                select.setObject(1, variantId);
                select.setObject(2, before);
                select.setObject(3, before);
                select.setInt(4, size + 1);
                var entries = new ArrayList<LedgerEntry>();
                try (var rows = select.executeQuery()) {
                    while (rows.next()) {
                        entries.add(new LedgerEntry(
                                rows.getLong("id"),
                                rows.getString("sku"),
                                rows.getInt("delta_on_hand"),
                                rows.getInt("delta_reserved"),
                                rows.getString("reason"),
                                rows.getString("actor"),
                                rows.getString("reference"),
                                rows.getString("note"),
                                instant(rows, "at")));
                    }
                }
                String next = null;
                if (entries.size() > size) {
                    entries.removeLast();
                    next = encode(Long.toString(entries.getLast().id()));
                }
                return new LedgerEntry.Page(entries, next);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    public List<Discrepancy> discrepancies() {
        try (var connection = db.getConnection();
                var select = connection.prepareStatement("select sku, variant_id, on_hand, ledger_on_hand, reserved,"
                        + " ledger_reserved, open_reserved from inventory_discrepancy order by sku")) {
            var found = new ArrayList<Discrepancy>();
            try (var rows = select.executeQuery()) {
                while (rows.next()) {
                    found.add(new Discrepancy(
                            rows.getString("sku"),
                            rows.getObject("variant_id", UUID.class),
                            rows.getInt("on_hand"),
                            rows.getLong("ledger_on_hand"),
                            rows.getInt("reserved"),
                            rows.getLong("ledger_reserved"),
                            rows.getLong("open_reserved")));
                }
            }
            return found;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static StockRow lock(Connection connection, String sku) throws SQLException {
        try (var select = connection.prepareStatement("select s.variant_id, v.product_id, s.sku, s.on_hand,"
                + " s.reserved, s.low_stock_threshold from stock s join variant v on v.id = s.variant_id"
                + " where s.sku = ? for update of s")) {
            select.setString(1, sku);
            try (var rows = select.executeQuery()) {
                if (!rows.next()) {
                    throw skuNotFound(sku);
                }
                return StockRow.read(rows);
            }
        }
    }

    private static StockLevel level(Connection connection, String sku) throws SQLException {
        try (var select = connection.prepareStatement(LEVEL_SELECT + " where s.sku = ?")) {
            select.setString(1, sku);
            try (var rows = select.executeQuery()) {
                if (!rows.next()) {
                    throw skuNotFound(sku);
                }
                return readLevel(rows);
            }
        }
    }

    private static StockLevel readLevel(ResultSet rows) throws SQLException {
        int onHand = rows.getInt("on_hand");
        int reserved = rows.getInt("reserved");
        int threshold = rows.getInt("low_stock_threshold");
        int available = onHand - reserved;
        return new StockLevel(
                rows.getString("sku"),
                rows.getObject("variant_id", UUID.class),
                rows.getObject("product_id", UUID.class),
                rows.getString("product_name"),
                onHand,
                reserved,
                available,
                threshold,
                available <= threshold,
                available == 0,
                instant(rows, "updated_at"));
    }

    private static ProblemException skuNotFound(String sku) {
        return ProblemException.notFound("SKU_NOT_FOUND", "No stock is kept for SKU " + sku + ".");
    }

    private static Instant instant(ResultSet rows, String column) throws SQLException {
        OffsetDateTime value = rows.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    private static String encode(String position) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(position.getBytes(StandardCharsets.UTF_8));
    }

    private static String decode(String cursor) {
        try {
            return new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalidField("cursor", "is not a cursor this API returned");
        }
    }
}
