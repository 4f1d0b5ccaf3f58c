package com.scalecommerce.analytics.inventory;

import com.scalecommerce.analytics.report.BucketSeries;
import com.scalecommerce.analytics.report.ReportFormat;
import com.scalecommerce.analytics.report.ReportRange;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Stock as of the latest inventory events, against the sales of the range. Units sold are order lines of orders
 * paid in the range and not cancelled (a cancelled order's units go back on the shelf). Two queries: the SKU
 * lists (one pass, ranked three ways by window functions) and the totals per currency.
 */
@ApplicationScoped
class InventoryReport {

    /** When products never sent a threshold for a SKU. */
    static final int DEFAULT_LOW_STOCK_THRESHOLD = 5;

    private static final String FILTER = " where (?::text is null or s.sku like ? escape '\\')";

    private static final String SKUS = "with sold as (select l.sku, sum(l.quantity) as units from fact_order o"
            + " join fact_order_line l on l.order_id = o.order_id"
            + " where o.paid_at >= ? and o.paid_at < ? and o.cancelled_at is null group by l.sku), stock as ("
            + " select s.sku, s.product_id, s.on_hand, s.reserved, s.available,"
            + " coalesce(s.low_stock_threshold, " + DEFAULT_LOW_STOCK_THRESHOLD + ") as threshold,"
            + " coalesce(sold.units, 0) as units, v.price_minor, p.currency,"
            + " case when s.available <= 0 then 'OUT' when s.available <= coalesce(s.low_stock_threshold, "
            + DEFAULT_LOW_STOCK_THRESHOLD + ") then 'LOW' else 'OK' end as status"
            + " from fact_stock s left join sold on sold.sku = s.sku left join dim_variant v on v.sku = s.sku"
            + " left join dim_product p on p.product_id = v.product_id" + FILTER + "), ranked as ("
            + " select stock.*, row_number() over (partition by status order by available, sku) as status_rank,"
            + " row_number() over (order by units::numeric / nullif(units + greatest(on_hand, 0), 0)"
            + " desc nulls last, sku) as rank from stock)"
            + " select * from ranked where rank <= ? or (status <> 'OK' and status_rank <= ?)";

    private static final String TOTALS = "select p.currency, grouping(p.currency) as total, count(*) as skus,"
            + " sum(greatest(s.on_hand, 0)::bigint * v.price_minor) as value,"
            + " count(*) filter (where s.available <= 0) as out_of_stock,"
            + " count(*) filter (where s.available > 0 and s.available <= coalesce(s.low_stock_threshold, "
            + DEFAULT_LOW_STOCK_THRESHOLD + ")) as low_stock,"
            + " count(*) filter (where v.price_minor is null or p.currency is null) as unpriced"
            + " from fact_stock s left join dim_variant v on v.sku = s.sku"
            + " left join dim_product p on p.product_id = v.product_id" + FILTER
            + " group by grouping sets ((p.currency), ()) order by total, p.currency";

    private final AgroalDataSource db;

    InventoryReport(AgroalDataSource db) {
        this.db = db;
    }

    record Sku(
            String sku,
            UUID productId,
            String status,
            int onHand,
            int reserved,
            int available,
            int lowStockThreshold,
            long unitsSold,
            Double sellThroughRate,
            Double daysOfCover,
            String currency,
            Long stockValueMinor) {}

    record StockValue(String currency, long valueMinor, long skus) {}

    record Inventory(
            Instant from,
            Instant to,
            long skuCount,
            long lowStockCount,
            long outOfStockCount,
            long unpricedSkus,
            List<StockValue> stockValue,
            List<Sku> lowStock,
            List<Sku> outOfStock,
            List<Sku> skus) {}

    Inventory run(ReportRange range, String skuPrefix, int limit) {
        String pattern = skuPrefix == null
                ? null
                : skuPrefix.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
        double days = Duration.between(range.from(), range.to()).toSeconds() / 86_400.0;
        try (var connection = db.getConnection()) {
            var low = new ArrayList<Ranked>();
            var out = new ArrayList<Ranked>();
            var ranked = new ArrayList<Ranked>();
            try (var query = connection.prepareStatement(SKUS)) {
                query.setObject(1, BucketSeries.utc(range.from()));
                query.setObject(2, BucketSeries.utc(range.to()));
                query.setString(3, pattern);
                query.setString(4, pattern);
                query.setInt(5, limit);
                query.setInt(6, limit);
                try (var rows = query.executeQuery()) {
                    while (rows.next()) {
                        Sku sku = sku(rows, days);
                        long statusRank = rows.getLong("status_rank");
                        if (statusRank <= limit && sku.status().equals("LOW")) {
                            low.add(new Ranked(statusRank, sku));
                        } else if (statusRank <= limit && sku.status().equals("OUT")) {
                            out.add(new Ranked(statusRank, sku));
                        }
                        if (rows.getLong("rank") <= limit) {
                            ranked.add(new Ranked(rows.getLong("rank"), sku));
                        }
                    }
                }
            }
            return totals(connection, pattern, range, Ranked.sorted(low), Ranked.sorted(out), Ranked.sorted(ranked));
        } catch (SQLException e) {
            throw new IllegalStateException("inventory report failed", e);
        }
    }

    // Rows arrive in no particular order: each list is put in its own ranking's order.
    private record Ranked(long rank, Sku sku) {
        static List<Sku> sorted(List<Ranked> rows) {
            return rows.stream()
                    .sorted(java.util.Comparator.comparingLong(Ranked::rank))
                    .map(Ranked::sku)
                    .toList();
        }
    }

    private static Inventory totals(
            Connection connection, String pattern, ReportRange range, List<Sku> low, List<Sku> out, List<Sku> skus)
            throws SQLException {
        var values = new ArrayList<StockValue>();
        long count = 0, lowCount = 0, outCount = 0, unpriced = 0;
        try (PreparedStatement query = connection.prepareStatement(TOTALS)) {
            query.setString(1, pattern);
            query.setString(2, pattern);
            try (var rows = query.executeQuery()) {
                while (rows.next()) {
                    if (rows.getInt("total") == 1) {
                        count = rows.getLong("skus");
                        lowCount = rows.getLong("low_stock");
                        outCount = rows.getLong("out_of_stock");
                        unpriced = rows.getLong("unpriced");
                    } else if (rows.getString("currency") != null) {
                        values.add(new StockValue(
                                rows.getString("currency"), rows.getLong("value"), rows.getLong("skus")));
                    }
                }
            }
        }
        return new Inventory(range.from(), range.to(), count, lowCount, outCount, unpriced, values, low, out, skus);
    }

    private static Sku sku(ResultSet rows, double days) throws SQLException {
        int onHand = rows.getInt("on_hand");
        long units = rows.getLong("units");
        Long price = rows.getObject("price_minor", Long.class);
        String currency = rows.getString("currency");
        Double cover = null;
        if (units > 0) {
            cover = Math.round(10.0 * Math.max(onHand, 0) / (units / days)) / 10.0;
        }
        return new Sku(
                rows.getString("sku"),
                rows.getObject("product_id", UUID.class),
                rows.getString("status"),
                onHand,
                rows.getInt("reserved"),
                rows.getInt("available"),
                rows.getInt("threshold"),
                units,
                ReportFormat.ratio(units, units + Math.max(onHand, 0)),
                cover,
                currency,
                price == null || currency == null ? null : price * Math.max(onHand, 0));
    }
}
