package com.scalecommerce.analytics.funnel;

import static com.scalecommerce.analytics.report.ReportFormat.ratio;

import com.scalecommerce.analytics.report.BucketSeries;
import com.scalecommerce.analytics.report.ReportRange;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Sessions through the shop's funnel: viewed a product, added to cart, started checkout, paid. A session counts
 * once per step and bucket (distinct session key); "paid" is a session whose checkout created an order that was
 * paid, bucketed with the checkout. One query: the buckets, and the whole range as a grouping set of its own
 * (a session active on two days is one session in the total, not two).
 */
@ApplicationScoped
class FunnelReport {

    private static final String SQL = "with buckets as (" + BucketSeries.SQL + "), events as ("
            + " select " + BucketSeries.of("b.at") + " as bucket, b.kind, b.session_key, o.paid_at"
            + " from fact_behaviour b left join fact_order o on b.kind = 'CHECKOUT' and o.order_id = b.order_id"
            + " where b.kind in ('VIEW', 'CART_ADD', 'CHECKOUT') and b.at >= ? and b.at < ?"
            + " and b.session_key is not null), steps as ("
            + " select bucket, grouping(bucket) as total,"
            + " count(distinct session_key) filter (where kind = 'VIEW') as viewed,"
            + " count(distinct session_key) filter (where kind = 'CART_ADD') as added,"
            + " count(distinct session_key) filter (where kind = 'CHECKOUT') as checkout,"
            + " count(distinct session_key) filter (where kind = 'CHECKOUT' and paid_at is not null) as paid"
            + " from events group by grouping sets ((bucket), ()))"
            + " select buckets.bucket, 0 as total, coalesce(s.viewed, 0) as viewed, coalesce(s.added, 0) as added,"
            + " coalesce(s.checkout, 0) as checkout, coalesce(s.paid, 0) as paid"
            + " from buckets left join steps s on s.total = 0 and s.bucket = buckets.bucket"
            + " union all select null, 1, viewed, added, checkout, paid from steps where total = 1"
            + " order by total, bucket";

    private final AgroalDataSource db;

    FunnelReport(AgroalDataSource db) {
        this.db = db;
    }

    record Step(
            Instant bucket,
            long viewed,
            long addedToCart,
            long startedCheckout,
            long paid,
            Double viewToCartRate,
            Double cartToCheckoutRate,
            Double checkoutToPaidRate,
            Double viewToPaidRate,
            Double cartAbandonmentRate) {

        static Step of(Instant bucket, long viewed, long added, long checkout, long paid) {
            Double paidPerAdded = ratio(paid, added);
            return new Step(
                    bucket,
                    viewed,
                    added,
                    checkout,
                    paid,
                    ratio(added, viewed),
                    ratio(checkout, added),
                    ratio(paid, checkout),
                    ratio(paid, viewed),
                    paidPerAdded == null ? null : Math.round(10_000 * (1 - paidPerAdded)) / 10_000.0);
        }
    }

    record Funnel(Instant from, Instant to, String granularity, Step total, List<Step> series) {}

    Funnel run(ReportRange range) {
        try (var connection = db.getConnection();
                var query = connection.prepareStatement(SQL)) {
            String unit = range.granularity().unit();
            int i = BucketSeries.bind(query, 1, range);
            query.setString(i++, unit);
            query.setObject(i++, BucketSeries.utc(range.from()));
            query.setObject(i, BucketSeries.utc(range.to()));
            var series = new ArrayList<Step>();
            Step total = Step.of(null, 0, 0, 0, 0);
            try (var rows = query.executeQuery()) {
                while (rows.next()) {
                    Step step = step(rows);
                    if (rows.getInt("total") == 1) {
                        total = step;
                    } else {
                        series.add(step);
                    }
                }
            }
            return new Funnel(range.from(), range.to(), unit, total, series);
        } catch (SQLException e) {
            throw new IllegalStateException("funnel report failed", e);
        }
    }

    private static Step step(ResultSet rows) throws SQLException {
        return Step.of(
                BucketSeries.bucket(rows, "bucket"),
                rows.getLong("viewed"),
                rows.getLong("added"),
                rows.getLong("checkout"),
                rows.getLong("paid"));
    }
}
