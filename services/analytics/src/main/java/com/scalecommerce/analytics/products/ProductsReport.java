package com.scalecommerce.analytics.products;

import com.scalecommerce.analytics.report.NamedSql;
import com.scalecommerce.analytics.report.ReportRange;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Which products sell, which are looked at, which are looked at but not bought, and which are left in carts.
 * Sales count by the order's {@code paid_at}, behaviour by the event's time, both within the range.
 */
@ApplicationScoped
public class ProductsReport {

    /**
     * Every list in one statement: the lists share the period's sales and views, and the dashboard should not pay
     * five round trips. Each branch ranks its own rows; the outer query keeps the top N of each.
     */
    private static final NamedSql LISTS = new NamedSql("""
            with sold as (
                select o.currency, l.product_id, sum(l.quantity) as units, count(distinct o.order_id) as orders,
                       sum(l.quantity * l.unit_price_minor) as gross
                from fact_order o
                join fact_order_line l on l.order_id = o.order_id
                where o.paid_at >= :from and o.paid_at < :to and o.currency is not null and l.product_id is not null
                group by o.currency, l.product_id
            ),
            -- units and orders do not depend on the currency (an order has one), so they add up across currencies
            sold_anywhere as (
                select product_id, sum(units) as units, sum(orders) as orders from sold group by product_id
            ),
            viewed as (
                select product_id, count(*) as views, count(distinct session_key) as sessions
                from fact_behaviour
                where kind = 'VIEW' and at >= :from and at < :to and product_id is not null
                group by product_id
            ),
            abandoned as (
                select a.product_id, count(distinct a.session_key) as carts, sum(a.quantity) as units
                from fact_behaviour a
                where a.kind = 'CART_ADD' and a.at >= :from and a.at < :to
                  and a.product_id is not null and a.session_key is not null
                  and not exists (
                      select 1
                      from fact_behaviour c
                      join fact_order o on o.order_id = c.order_id
                      where c.kind = 'CHECKOUT' and c.session_key = a.session_key and o.paid_at is not null)
                group by a.product_id
            ),
            ranked as (
                select 'REVENUE' as list, currency, product_id, units, orders, gross,
                       null::bigint as views, null::bigint as sessions, null::bigint as carts,
                       row_number() over (partition by currency order by gross desc, units desc, product_id) as rank
                from sold
                union all
                select 'UNITS', null, product_id, units, orders, null, null, null, null,
                       row_number() over (order by units desc, orders desc, product_id)
                from sold_anywhere
                union all
                select 'VIEWED', null, product_id, null, null, null, views, sessions, null,
                       row_number() over (order by views desc, sessions desc, product_id)
                from viewed
                union all
                select 'CONVERSION', null, v.product_id, coalesce(s.units, 0), coalesce(s.orders, 0), null,
                       v.views, v.sessions, null,
                       row_number() over (order by v.sessions desc, v.views desc, v.product_id)
                from viewed v
                left join sold_anywhere s on s.product_id = v.product_id
                union all
                select 'ABANDONED', null, product_id, units, null, null, null, null, carts,
                       row_number() over (order by carts desc, units desc, product_id)
                from abandoned
            )
            select r.list, r.currency, r.rank, r.product_id, p.name, r.units, r.orders, r.gross, r.views, r.sessions,
                   r.carts
            from ranked r
            left join dim_product p on p.product_id = r.product_id
            where r.rank <= :limit
            order by r.list, r.currency, r.rank
            """);

    private final AgroalDataSource db;

    ProductsReport(AgroalDataSource db) {
        this.db = db;
    }

    public record Seller(int rank, UUID productId, String name, long units, long orders, Long grossMinor) {}

    public record CurrencySellers(String currency, List<Seller> products) {}

    public record Viewed(int rank, UUID productId, String name, long views, long viewSessions) {}

    /**
     * {@code ratePercent} = paid orders containing the product / distinct sessions that viewed it, both in the
     * period, in percent. Orders are not tied to sessions, so a product bought by people whose views were not
     * tracked can exceed 100.
     */
    public record Conversion(
            int rank,
            UUID productId,
            String name,
            long viewSessions,
            long views,
            long orders,
            long units,
            BigDecimal ratePercent) {}

    public record Abandoned(int rank, UUID productId, String name, long carts, long units) {}

    public record Products(
            Instant from,
            Instant to,
            int limit,
            List<CurrencySellers> bestSellersByRevenue,
            List<Seller> bestSellersByUnits,
            List<Viewed> mostViewed,
            List<Conversion> viewToPurchase,
            List<Abandoned> mostAbandoned) {}

    public Products products(ReportRange range, int limit) {
        var byRevenue = new LinkedHashMap<String, List<Seller>>();
        var byUnits = new ArrayList<Seller>();
        var viewed = new ArrayList<Viewed>();
        var conversion = new ArrayList<Conversion>();
        var abandoned = new ArrayList<Abandoned>();
        try (var connection = db.getConnection();
                var query = LISTS.prepare(connection, Map.of("from", range.from(), "to", range.to(), "limit", limit));
                var rows = query.executeQuery()) {
            while (rows.next()) {
                int rank = rows.getInt(3);
                UUID product = rows.getObject(4, UUID.class);
                String name = rows.getString(5);
                switch (rows.getString(1)) {
                    case "REVENUE" ->
                        byRevenue
                                .computeIfAbsent(rows.getString(2).trim(), c -> new ArrayList<>())
                                .add(new Seller(
                                        rank, product, name, rows.getLong(6), rows.getLong(7), rows.getLong(8)));
                    case "UNITS" ->
                        byUnits.add(new Seller(rank, product, name, rows.getLong(6), rows.getLong(7), null));
                    case "VIEWED" -> viewed.add(new Viewed(rank, product, name, rows.getLong(9), rows.getLong(10)));
                    case "CONVERSION" -> {
                        long sessions = rows.getLong(10);
                        long orders = rows.getLong(7);
                        conversion.add(new Conversion(
                                rank,
                                product,
                                name,
                                sessions,
                                rows.getLong(9),
                                orders,
                                rows.getLong(6),
                                rate(orders, sessions)));
                    }
                    case "ABANDONED" ->
                        abandoned.add(new Abandoned(rank, product, name, rows.getLong(11), rows.getLong(6)));
                    default -> throw new IllegalStateException("unknown list " + rows.getString(1));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return new Products(
                range.from(),
                range.to(),
                limit,
                byRevenue.entrySet().stream()
                        .map(e -> new CurrencySellers(e.getKey(), e.getValue()))
                        .toList(),
                byUnits,
                viewed,
                conversion,
                abandoned);
    }

    static BigDecimal rate(long orders, long sessions) {
        return sessions == 0
                ? null
                : BigDecimal.valueOf(orders * 100).divide(BigDecimal.valueOf(sessions), 1, RoundingMode.HALF_UP);
    }
}
