package com.scalecommerce.analytics.sales;

import com.scalecommerce.analytics.report.NamedSql;
import com.scalecommerce.analytics.report.ReportRange;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Revenue over time. An order counts when it is paid (its {@code paid_at}), a refund when it happens (a paid order
 * cancelled later is counted as sold, then refunded), so a closed month never changes because of a late refund.
 * Every figure is per currency: adding dollars to euros would give a number that means nothing.
 */
@ApplicationScoped
public class SalesReport {

    /** Orders paid per bucket with their units, refunds per bucket, zeros where nothing happened. */
    private static final NamedSql SERIES = new NamedSql("""
            with buckets as (
                select g at time zone 'UTC' as bucket
                from generate_series(date_trunc(:unit, :from, 'UTC') at time zone 'UTC',
                                     (cast(:to as timestamptz) - interval '1 microsecond') at time zone 'UTC',
                                     cast('1 ' || :unit as interval)) g
            ),
            paid as (
                select date_trunc(:unit, o.paid_at, 'UTC') as bucket, o.currency, count(*) as orders,
                       coalesce(sum(l.units), 0) as units, sum(o.total_minor) as gross
                from fact_order o
                left join lateral (select sum(quantity) as units from fact_order_line where order_id = o.order_id) l
                    on true
                where o.paid_at >= :from and o.paid_at < :to and o.currency is not null
                group by 1, 2
            ),
            refunds as (
                select date_trunc(:unit, refunded_at, 'UTC') as bucket, currency, sum(amount_minor) as refunds
                from fact_refund
                where refunded_at >= :from and refunded_at < :to
                group by 1, 2
            ),
            -- A currency sold only in the previous period still gets a row, so its drop to zero shows. Grouped
            -- rather than a plain union so the planner estimates a handful of currencies: it multiplies this by
            -- the buckets, and a wild guess there made it JIT-compile a 100 ms query for half a second.
            currencies as (
                select currency from fact_order
                where paid_at >= :previousFrom and paid_at < :to and currency is not null
                group by currency
                union
                select currency from fact_refund
                where refunded_at >= :previousFrom and refunded_at < :to
                group by currency
            )
            select c.currency, b.bucket, coalesce(p.orders, 0), coalesce(p.units, 0), coalesce(p.gross, 0),
                   coalesce(r.refunds, 0)
            from currencies c
            cross join buckets b
            left join paid p on p.currency = c.currency and p.bucket = b.bucket
            left join refunds r on r.currency = c.currency and r.bucket = b.bucket
            order by c.currency, b.bucket
            """);

    private static final NamedSql TOTALS = new NamedSql("""
            select currency, sum(orders), sum(units), sum(gross), sum(refunds)
            from (
                select o.currency, 1 as orders, coalesce(l.units, 0) as units, o.total_minor as gross, 0 as refunds
                from fact_order o
                left join lateral (select sum(quantity) as units from fact_order_line where order_id = o.order_id) l
                    on true
                where o.paid_at >= :from and o.paid_at < :to and o.currency is not null
                union all
                select currency, 0, 0, 0, amount_minor
                from fact_refund
                where refunded_at >= :from and refunded_at < :to
            ) movements
            group by currency
            """);

    private static final NamedSql BY_PRODUCT = new NamedSql("""
            select t.currency, t.rank, t.product_id, p.name, t.units, t.orders, t.gross
            from (
                select o.currency, l.product_id, sum(l.quantity) as units, count(distinct o.order_id) as orders,
                       sum(l.quantity * l.unit_price_minor) as gross,
                       row_number() over (partition by o.currency
                           order by sum(l.quantity * l.unit_price_minor) desc, sum(l.quantity) desc, l.product_id)
                           as rank
                from fact_order o
                join fact_order_line l on l.order_id = o.order_id
                where o.paid_at >= :from and o.paid_at < :to and o.currency is not null
                group by o.currency, l.product_id
            ) t
            left join dim_product p on p.product_id = t.product_id
            where t.rank <= :limit
            order by t.currency, t.rank
            """);

    // A line of a product in two categories counts in both (so categories do not add up to the total); a product
    // without categories, or not known to analytics, counts under a null category.
    private static final NamedSql BY_CATEGORY = new NamedSql("""
            select s.currency, c.category_id, sum(s.quantity) as units, count(distinct s.order_id) as orders,
                   count(distinct s.product_id) as products, sum(s.gross) as gross
            from (
                select o.currency, o.order_id, l.product_id, l.quantity, l.quantity * l.unit_price_minor as gross
                from fact_order o
                join fact_order_line l on l.order_id = o.order_id
                where o.paid_at >= :from and o.paid_at < :to and o.currency is not null
            ) s
            left join dim_product p on p.product_id = s.product_id
            cross join lateral unnest(case when cardinality(p.category_ids) > 0 then p.category_ids
                                           else array[null::uuid] end) as c(category_id)
            group by s.currency, c.category_id
            order by s.currency, gross desc, c.category_id nulls last
            """);

    private final AgroalDataSource db;

    SalesReport(AgroalDataSource db) {
        this.db = db;
    }

    public record Figures(
            long orders, long units, long grossMinor, long refundsMinor, long netMinor, long averageOrderValueMinor) {

        static Figures of(long orders, long units, long gross, long refunds) {
            return new Figures(orders, units, gross, refunds, gross - refunds, averageOrderValue(gross, orders));
        }

        static final Figures ZERO = of(0, 0, 0, 0);

        Figures plus(Figures other) {
            return of(
                    orders + other.orders,
                    units + other.units,
                    grossMinor + other.grossMinor,
                    refundsMinor + other.refundsMinor);
        }
    }

    public record Bucket(
            Instant start,
            long orders,
            long units,
            long grossMinor,
            long refundsMinor,
            long netMinor,
            long averageOrderValueMinor) {}

    /** Change against the previous period in percent (one decimal); null where the previous figure is 0. */
    public record Change(
            BigDecimal orders,
            BigDecimal units,
            BigDecimal grossMinor,
            BigDecimal refundsMinor,
            BigDecimal netMinor,
            BigDecimal averageOrderValueMinor) {

        static Change between(Figures now, Figures before) {
            return new Change(
                    percent(now.orders, before.orders),
                    percent(now.units, before.units),
                    percent(now.grossMinor, before.grossMinor),
                    percent(now.refundsMinor, before.refundsMinor),
                    percent(now.netMinor, before.netMinor),
                    percent(now.averageOrderValueMinor, before.averageOrderValueMinor));
        }
    }

    public record CurrencySales(
            String currency, List<Bucket> series, Figures totals, Figures previous, Change changePercent) {}

    public record Sales(
            Instant from,
            Instant to,
            String granularity,
            Instant previousFrom,
            Instant previousTo,
            List<CurrencySales> currencies) {}

    public record ProductSales(int rank, UUID productId, String name, long units, long orders, long grossMinor) {}

    public record CurrencyProducts(String currency, List<ProductSales> products) {}

    public record ByProduct(Instant from, Instant to, int limit, List<CurrencyProducts> currencies) {}

    public record CategorySales(UUID categoryId, long units, long orders, long products, long grossMinor) {}

    public record CurrencyCategories(String currency, List<CategorySales> categories) {}

    public record ByCategory(Instant from, Instant to, List<CurrencyCategories> currencies) {}

    public Sales sales(ReportRange range) {
        ReportRange previous = range.previous();
        var series = new LinkedHashMap<String, List<Bucket>>();
        var totals = new LinkedHashMap<String, Figures>();
        var before = new LinkedHashMap<String, Figures>();
        try (var connection = db.getConnection()) {
            var values = Map.of(
                    "unit", range.granularity().unit(),
                    "from", range.from(),
                    "to", range.to(),
                    "previousFrom", previous.from());
            try (var query = SERIES.prepare(connection, values);
                    var rows = query.executeQuery()) {
                while (rows.next()) {
                    String currency = rows.getString(1).trim();
                    Figures figures = Figures.of(rows.getLong(3), rows.getLong(4), rows.getLong(5), rows.getLong(6));
                    series.computeIfAbsent(currency, c -> new ArrayList<>()).add(bucket(instant(rows, 2), figures));
                    totals.merge(currency, figures, Figures::plus);
                }
            }
            try (var query = TOTALS.prepare(connection, Map.of("from", previous.from(), "to", previous.to()));
                    var rows = query.executeQuery()) {
                while (rows.next()) {
                    before.put(
                            rows.getString(1).trim(),
                            Figures.of(rows.getLong(2), rows.getLong(3), rows.getLong(4), rows.getLong(5)));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        var currencies = new ArrayList<CurrencySales>();
        series.forEach((currency, buckets) -> {
            Figures now = totals.get(currency);
            Figures then = before.getOrDefault(currency, Figures.ZERO);
            currencies.add(new CurrencySales(currency, buckets, now, then, Change.between(now, then)));
        });
        return new Sales(
                range.from(), range.to(), range.granularity().unit(), previous.from(), previous.to(), currencies);
    }

    public ByProduct byProduct(ReportRange range, int limit) {
        var currencies = new LinkedHashMap<String, List<ProductSales>>();
        try (var connection = db.getConnection();
                var query =
                        BY_PRODUCT.prepare(connection, Map.of("from", range.from(), "to", range.to(), "limit", limit));
                var rows = query.executeQuery()) {
            while (rows.next()) {
                currencies
                        .computeIfAbsent(rows.getString(1).trim(), c -> new ArrayList<>())
                        .add(new ProductSales(
                                rows.getInt(2),
                                rows.getObject(3, UUID.class),
                                rows.getString(4),
                                rows.getLong(5),
                                rows.getLong(6),
                                rows.getLong(7)));
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return new ByProduct(
                range.from(),
                range.to(),
                limit,
                currencies.entrySet().stream()
                        .map(e -> new CurrencyProducts(e.getKey(), e.getValue()))
                        .toList());
    }

    public ByCategory byCategory(ReportRange range) {
        var currencies = new LinkedHashMap<String, List<CategorySales>>();
        try (var connection = db.getConnection();
                var query = BY_CATEGORY.prepare(connection, Map.of("from", range.from(), "to", range.to()));
                var rows = query.executeQuery()) {
            while (rows.next()) {
                currencies
                        .computeIfAbsent(rows.getString(1).trim(), c -> new ArrayList<>())
                        .add(new CategorySales(
                                rows.getObject(2, UUID.class),
                                rows.getLong(3),
                                rows.getLong(4),
                                rows.getLong(5),
                                rows.getLong(6)));
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return new ByCategory(
                range.from(),
                range.to(),
                currencies.entrySet().stream()
                        .map(e -> new CurrencyCategories(e.getKey(), e.getValue()))
                        .toList());
    }

    /** Gross per paid order in whole minor units, half up; 0 when nothing was sold. */
    static long averageOrderValue(long gross, long orders) {
        if (orders == 0) {
            return 0;
        }
        return BigDecimal.valueOf(gross)
                .divide(BigDecimal.valueOf(orders), 0, RoundingMode.HALF_UP)
                .longValueExact();
    }

    static BigDecimal percent(long now, long before) {
        if (before == 0) {
            return null;
        }
        return BigDecimal.valueOf(now - before)
                .multiply(BigDecimal.valueOf(100))
                .divide(BigDecimal.valueOf(Math.abs(before)), 1, RoundingMode.HALF_UP);
    }

    private static Bucket bucket(Instant start, Figures f) {
        return new Bucket(
                start,
                f.orders(),
                f.units(),
                f.grossMinor(),
                f.refundsMinor(),
                f.netMinor(),
                f.averageOrderValueMinor());
    }

    private static Instant instant(ResultSet rows, int column) throws SQLException {
        return rows.getObject(column, OffsetDateTime.class).toInstant();
    }
}
