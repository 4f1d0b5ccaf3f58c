package com.scalecommerce.analytics.customers;

import static com.scalecommerce.analytics.report.ReportFormat.ratio;

import com.scalecommerce.analytics.report.BucketSeries;
import com.scalecommerce.analytics.report.ReportRange;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.UUID;

/**
 * Who buys: new against returning customers, how many come back, and who is worth the most. A customer is a
 * signed-in buyer (user id); guest orders have no identity to follow, so they are counted apart. A customer is
 * new in the bucket that holds their first paid order ever, which is looked up per customer through the
 * (user_id, paid_at) index instead of scanning the whole order history.
 */
@ApplicationScoped
class CustomersReport {

    static final int COHORT_MONTHS = 11;

    private static final String SERIES = "with buckets as (" + BucketSeries.SQL + "), paid as ("
            + " select user_id, paid_at, " + BucketSeries.of("paid_at") + " as bucket from fact_order"
            + " where paid_at >= ? and paid_at < ?), firsts as ("
            + " select o.user_id, min(o.paid_at) as first_paid from fact_order o"
            + " where o.user_id in (select user_id from paid where user_id is not null) and o.paid_at is not null"
            + " group by o.user_id), orders as ("
            + " select p.bucket, p.user_id, f.first_paid >= (p.bucket at time zone 'UTC') as new_in_bucket,"
            + " f.first_paid >= ?::timestamptz as new_in_range from paid p left join firsts f using (user_id)), agg as ("
            + " select bucket, grouping(bucket) as total, count(distinct user_id) as customers,"
            + " count(distinct user_id) filter (where new_in_bucket) as new_in_bucket,"
            + " count(distinct user_id) filter (where new_in_range) as new_in_range,"
            + " count(*) filter (where user_id is not null) as customer_orders,"
            + " count(*) filter (where user_id is null) as guest_orders"
            + " from orders group by grouping sets ((bucket), ())), repeat as ("
            + " select count(*) filter (where n >= 2) as repeaters from ("
            + " select user_id, count(*) as n from paid where user_id is not null group by user_id) per_customer)"
            + " select buckets.bucket, 0 as total, coalesce(a.customers, 0) as customers,"
            + " coalesce(a.new_in_bucket, 0) as new_customers, coalesce(a.customer_orders, 0) as customer_orders,"
            + " coalesce(a.guest_orders, 0) as guest_orders, 0 as repeaters"
            + " from buckets left join agg a on a.total = 0 and a.bucket = buckets.bucket"
            + " union all select null, 1, coalesce(a.customers, 0), coalesce(a.new_in_range, 0),"
            + " coalesce(a.customer_orders, 0), coalesce(a.guest_orders, 0), r.repeaters"
            + " from repeat r left join agg a on a.total = 1"
            + " order by total, bucket";

    private static final String COHORTS;

    static {
        var months = new StringBuilder();
        for (int k = 1; k <= COHORT_MONTHS; k++) {
            months.append(", count(a.user_id) filter (where a.month_offset = ")
                    .append(k)
                    .append(") as m")
                    .append(k);
        }
        COHORTS = "with candidates as (select distinct user_id from fact_order"
                + " where paid_at >= ? and paid_at < ? and user_id is not null), firsts as ("
                + " select o.user_id, date_trunc('month', min(o.paid_at) at time zone 'UTC') as cohort"
                + " from fact_order o join candidates c using (user_id) where o.paid_at is not null"
                + " group by o.user_id having min(o.paid_at) >= ? and min(o.paid_at) < ?), activity as ("
                + " select distinct f.user_id, f.cohort, ((extract(year from m.month) - extract(year from f.cohort))"
                + " * 12 + extract(month from m.month) - extract(month from f.cohort))::int as month_offset"
                + " from firsts f join fact_order o on o.user_id = f.user_id and o.paid_at is not null"
                + " cross join lateral (select date_trunc('month', o.paid_at at time zone 'UTC') as month) m),"
                + " months as (select generate_series(date_trunc('month', ?::timestamptz at time zone 'UTC'),"
                + " date_trunc('month', (?::timestamptz - interval '1 microsecond') at time zone 'UTC'),"
                + " interval '1 month') as cohort)"
                + " select months.cohort, count(distinct a.user_id) as customers" + months
                + " from months left join activity a on a.cohort = months.cohort"
                + " group by months.cohort order by months.cohort";
    }

    private static final String TOP = "select currency, user_id, orders, gross, refunded, net from ("
            + " select currency, user_id, count(*) as orders, sum(total_minor) as gross,"
            + " sum(refunded_minor) as refunded, sum(total_minor - refunded_minor) as net,"
            + " row_number() over (partition by currency order by sum(total_minor - refunded_minor) desc, user_id)"
            + " as rank from fact_order where paid_at is not null and user_id is not null"
            + " and currency is not null and (?::text is null or currency = ?::text)"
            + " group by currency, user_id) ranked where rank <= ? order by currency, rank";

    private final AgroalDataSource db;

    CustomersReport(AgroalDataSource db) {
        this.db = db;
    }

    record Bucket(Instant bucket, long newCustomers, long returningCustomers, long customerOrders, long guestOrders) {}

    record Customers(
            Instant from,
            Instant to,
            String granularity,
            Bucket total,
            long repeatCustomers,
            Double repeatPurchaseRate,
            List<Bucket> series) {}

    record Retention(int monthsLater, long customers, Double share) {}

    record Cohort(YearMonth cohort, long customers, List<Retention> retention) {}

    record Cohorts(Instant from, Instant to, List<Cohort> cohorts) {}

    record Customer(UUID userId, long orders, long grossMinor, long refundedMinor, long netMinor) {}

    record CurrencyTop(String currency, List<Customer> customers) {}

    record Top(int limit, List<CurrencyTop> currencies) {}

    Customers series(ReportRange range) {
        try (var connection = db.getConnection();
                var query = connection.prepareStatement(SERIES)) {
            int i = BucketSeries.bind(query, 1, range);
            query.setString(i++, range.granularity().unit());
            query.setObject(i++, BucketSeries.utc(range.from()));
            query.setObject(i++, BucketSeries.utc(range.to()));
            query.setObject(i, BucketSeries.utc(range.from()));
            var series = new ArrayList<Bucket>();
            Bucket total = null;
            long repeaters = 0;
            try (var rows = query.executeQuery()) {
                while (rows.next()) {
                    Bucket bucket = bucket(rows);
                    if (rows.getInt("total") == 1) {
                        total = bucket;
                        repeaters = rows.getLong("repeaters");
                    } else {
                        series.add(bucket);
                    }
                }
            }
            long customers = total.newCustomers() + total.returningCustomers();
            return new Customers(
                    range.from(),
                    range.to(),
                    range.granularity().unit(),
                    total,
                    repeaters,
                    ratio(repeaters, customers),
                    series);
        } catch (SQLException e) {
            throw new IllegalStateException("customers report failed", e);
        }
    }

    Cohorts cohorts(ReportRange range) {
        try (var connection = db.getConnection();
                var query = connection.prepareStatement(COHORTS)) {
            for (int i = 1; i <= 5; i += 2) {
                query.setObject(i, BucketSeries.utc(range.from()));
                query.setObject(i + 1, BucketSeries.utc(range.to()));
            }
            var cohorts = new ArrayList<Cohort>();
            try (var rows = query.executeQuery()) {
                while (rows.next()) {
                    long customers = rows.getLong("customers");
                    var retention = new ArrayList<Retention>();
                    for (int k = 1; k <= COHORT_MONTHS; k++) {
                        long returned = rows.getLong("m" + k);
                        retention.add(new Retention(k, returned, ratio(returned, customers)));
                    }
                    cohorts.add(new Cohort(
                            YearMonth.from(rows.getObject("cohort", LocalDateTime.class)), customers, retention));
                }
            }
            return new Cohorts(range.from(), range.to(), cohorts);
        } catch (SQLException e) {
            throw new IllegalStateException("cohort report failed", e);
        }
    }

    Top top(String currency, int limit) {
        try (var connection = db.getConnection();
                var query = connection.prepareStatement(TOP)) {
            query.setString(1, currency);
            query.setString(2, currency);
            query.setInt(3, limit);
            var byCurrency = new LinkedHashMap<String, List<Customer>>();
            try (var rows = query.executeQuery()) {
                while (rows.next()) {
                    byCurrency
                            .computeIfAbsent(rows.getString("currency"), c -> new ArrayList<>())
                            .add(new Customer(
                                    rows.getObject("user_id", UUID.class),
                                    rows.getLong("orders"),
                                    rows.getLong("gross"),
                                    rows.getLong("refunded"),
                                    rows.getLong("net")));
                }
            }
            return new Top(
                    limit,
                    byCurrency.entrySet().stream()
                            .map(e -> new CurrencyTop(e.getKey(), e.getValue()))
                            .toList());
        } catch (SQLException e) {
            throw new IllegalStateException("top customers report failed", e);
        }
    }

    private static Bucket bucket(ResultSet rows) throws SQLException {
        long customers = rows.getLong("customers");
        long newCustomers = rows.getLong("new_customers");
        return new Bucket(
                BucketSeries.bucket(rows, "bucket"),
                newCustomers,
                customers - newCustomers,
                rows.getLong("customer_orders"),
                rows.getLong("guest_orders"));
    }
}
