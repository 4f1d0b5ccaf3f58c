package com.scalecommerce.products.catalog;

import com.scalecommerce.platform.web.problem.ProblemException;
import com.scalecommerce.products.catalog.CatalogViews.BrandRef;
import com.scalecommerce.products.catalog.CatalogViews.Rating;
import com.scalecommerce.products.category.Categories;
import com.scalecommerce.products.search.SqlFragment;
import com.scalecommerce.products.search.TextSearch;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.UUID;

/**
 * The shopper listing: active products filtered by text, category subtree, brand, price, rating, stock and
 * attributes; sorted six ways; paged by keyset cursors; with facet counts.
 *
 * <p>Facets are disjunctive, as shoppers expect: each facet counts the result set filtered by every other facet
 * but not itself, so choosing brand A still shows how many products brand B would add. All facets come from one
 * statement over one materialised scan of the matching products, each row carrying one boolean per filter.
 * Category, text query and the page cursor narrow everything.
 */
@ApplicationScoped
public class ProductListing {

    private final AgroalDataSource db;
    private final TextSearch textSearch;
    private final Categories categories;
    private final ProductStore store;
    private final CatalogConfig config;

    ProductListing(
            AgroalDataSource db,
            TextSearch textSearch,
            Categories categories,
            ProductStore store,
            CatalogConfig config) {
        this.db = db;
        this.textSearch = textSearch;
        this.categories = categories;
        this.store = store;
        this.config = config;
    }

    public enum Sort {
        RELEVANCE(true, new String[] {"score"}, new String[] {"float8"}),
        PRICE_ASC(false, new String[] {"min_price_minor"}, new String[] {"bigint"}),
        PRICE_DESC(true, new String[] {"min_price_minor"}, new String[] {"bigint"}),
        NEWEST(true, new String[] {"created_at"}, new String[] {"timestamptz"}),
        RATING(true, new String[] {"rating_avg", "rating_count"}, new String[] {"numeric", "int"}),
        BEST_SELLING(true, new String[] {"sold_count"}, new String[] {"bigint"});

        private final boolean descending;
        private final String[] columns;
        private final String[] types;

        Sort(boolean descending, String[] columns, String[] types) {
            this.descending = descending;
            this.columns = columns;
            this.types = types;
        }

        public String apiName() {
            return name().toLowerCase();
        }

        public static Sort parse(String value) {
            for (Sort sort : values()) {
                if (sort.apiName().equals(value)) {
                    return sort;
                }
            }
            throw ProblemException.invalidField(
                    "sort", "must be one of relevance, price_asc, price_desc, newest, rating, best_selling");
        }
    }

    /** A listing request, validated. {@code sort} null means relevance with a query and newest without. */
    public record Request(
            String q,
            String category,
            List<String> brands,
            Long minPrice,
            Long maxPrice,
            BigDecimal minRating,
            boolean inStock,
            SortedMap<String, List<String>> attributes,
            Sort sort,
            int limit,
            String cursor) {

        public boolean isSearch() {
            return q != null && !q.isBlank();
        }

        public Sort effectiveSort() {
            if (sort == null || sort == Sort.RELEVANCE && !isSearch()) {
                return isSearch() ? Sort.RELEVANCE : Sort.NEWEST;
            }
            return sort;
        }

        /** Everything the response depends on, in a fixed order: the cache key. */
        public String cacheKey() {
            return String.join(
                    "\u0001",
                    String.valueOf(q),
                    String.valueOf(category),
                    String.valueOf(brands.stream().sorted().toList()),
                    String.valueOf(minPrice),
                    String.valueOf(maxPrice),
                    String.valueOf(minRating),
                    String.valueOf(inStock),
                    String.valueOf(attributes),
                    effectiveSort().name(),
                    String.valueOf(limit),
                    String.valueOf(cursor));
        }

        /** The filters as an analytics event states them. */
        public Map<String, String> describeFilters() {
            var filters = new TreeMap<String, String>();
            if (category != null) filters.put("category", category);
            if (!brands.isEmpty()) filters.put("brand", String.join(",", brands));
            if (minPrice != null) filters.put("minPrice", minPrice.toString());
            if (maxPrice != null) filters.put("maxPrice", maxPrice.toString());
            if (minRating != null) filters.put("rating", minRating.toPlainString());
            if (inStock) filters.put("inStock", "true");
            attributes.forEach((k, v) -> filters.put("attr." + k, String.join(",", v)));
            return filters;
        }
    }

    public record Item(
            UUID id,
            String slug,
            String name,
            BrandRef brand,
            Long priceMinor,
            Long maxPriceMinor,
            Long compareAtPriceMinor,
            String currency,
            Rating rating,
            boolean inStock,
            String imageUrl) {}

    public record CategoryCount(UUID id, UUID parentId, String slug, String name, long count) {}

    public record BrandCount(UUID id, String slug, String name, long count) {}

    /** Products whose lowest price is in [minPriceMinor, maxPriceMinor); a null bound is open. */
    public record PriceRange(Long minPriceMinor, Long maxPriceMinor, long count) {}

    /** Products rated minRating or better. */
    public record RatingCount(int minRating, long count) {}

    public record Availability(long inStock, long outOfStock) {}

    public record ValueCount(String value, long count) {}

    public record AttributeFacet(String name, List<ValueCount> values) {}

    public record Facets(
            List<CategoryCount> categories,
            List<BrandCount> brands,
            List<PriceRange> priceRanges,
            List<RatingCount> ratings,
            Availability availability,
            List<AttributeFacet> attributes) {}

    /**
     * One page. {@code total} and {@code facets} describe the whole result and come with the first page only
     * (no cursor): later pages of the same result would repeat them. {@code approximate} says that similar
     * names (typo tolerance) joined the full-text matches.
     */
    public record Page(
            List<Item> items, String nextCursor, String sort, boolean approximate, Long total, Facets facets) {}

    public Page list(Request request) {
        Sort sort = request.effectiveSort();
        Cursor after = request.cursor() == null ? null : Cursor.decode(request.cursor(), sort);
        try (var connection = db.getConnection()) {
            TextSearch.Match match = request.isSearch() ? textSearch.match(connection, request.q()) : null;
            List<SqlFragment> scope = new ArrayList<>();
            // A product without an active variant has no price and cannot be bought: it is not listed (and its
            // missing sort key could not be part of a price cursor). Admin writes never leave one ACTIVE.
            scope.add(SqlFragment.of("p.status = 'ACTIVE' and p.min_price_minor is not null"));
            if (match != null) {
                scope.add(match.condition());
            }
            if (request.category() != null) {
                var category = categories
                        .resolve(request.category())
                        .orElseThrow(() -> ProblemException.notFound("CATEGORY_NOT_FOUND", "No such category."));
                scope.add(SqlFragment.of("p.category_ancestors @> array[?::uuid]", category.id()));
            }
            Map<String, SqlFragment> flags = flags(request);
            List<Item> items = new ArrayList<>();
            String next = page(connection, scope, flags, match, sort, after, request.limit(), items);
            Facets facets = null;
            Long total = null;
            if (after == null) {
                var counted = facets(connection, scope, flags);
                total = counted.total();
                facets = counted.facets();
            }
            return new Page(items, next, sort.apiName(), match != null && match.fuzzy(), total, facets);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The toggleable filters, by facet name; absent filters are absent. */
    private Map<String, SqlFragment> flags(Request request) {
        var flags = new LinkedHashMap<String, SqlFragment>();
        if (!request.brands().isEmpty()) {
            String[] brands = request.brands().toArray(String[]::new);
            flags.put(
                    "brand",
                    SqlFragment.of(
                            "p.brand_id in (select b.id from brand b where b.slug = any(?) or b.id::text = any(?))",
                            brands,
                            brands));
        }
        if (request.minPrice() != null || request.maxPrice() != null) {
            flags.put(
                    "price",
                    SqlFragment.of(
                            "(p.min_price_minor >= coalesce(?::bigint, 0)"
                                    + " and p.min_price_minor <= coalesce(?::bigint, 9223372036854775807))",
                            request.minPrice(),
                            request.maxPrice()));
        }
        if (request.minRating() != null) {
            flags.put("rating", SqlFragment.of("p.rating_avg >= ?", request.minRating()));
        }
        if (request.inStock()) {
            flags.put("stock", SqlFragment.of(ProductStore.IN_STOCK));
        }
        int i = 0;
        for (var attribute : request.attributes().entrySet()) {
            // attribute_values holds "name=value" texts (V3 migration); any of the chosen values matches.
            String[] values = attribute.getValue().stream()
                    .map(value -> attribute.getKey() + "=" + value)
                    .toArray(String[]::new);
            flags.put("a" + i++ + ":" + attribute.getKey(), SqlFragment.of("p.attribute_values && ?::text[]", (Object)
                    values));
        }
        return flags;
    }

    private String page(
            Connection connection,
            List<SqlFragment> scope,
            Map<String, SqlFragment> flags,
            TextSearch.Match match,
            Sort sort,
            Cursor after,
            int limit,
            List<Item> items)
            throws SQLException {
        var sql = new SqlBuilder()
                .add("select * from (select p.id, p.slug, p.name, p.brand_id, b.slug brand_slug, b.name brand_name,"
                        + " p.min_price_minor, p.max_price_minor, p.currency, p.rating_avg, p.rating_count,"
                        + " p.sold_count, p.created_at, ")
                .add(ProductStore.IN_STOCK + " in_stock,")
                .add(" (select i.storage_key from product_image i where i.product_id = p.id"
                        + " order by i.position, i.created_at, i.id limit 1) image_key,")
                // The compare-at price shown is the one of the variant that gives the "from" price.
                .add(" (select max(v.compare_at_price_minor) from variant v where v.product_id = p.id and v.active"
                        + " and v.price_minor = p.min_price_minor) compare_at,");
        sql.add(match == null ? SqlFragment.of("0::float8") : match.score()).add(" score");
        sql.add(" from product p left join brand b on b.id = p.brand_id where ");
        where(sql, scope, flags.values());
        sql.add(") x");
        String direction = sort.descending ? " desc" : "";
        if (after != null) {
            sql.add(" where (");
            for (String column : sort.columns) {
                sql.add("x." + column + ", ");
            }
            sql.add("x.id) " + (sort.descending ? "<" : ">") + " (");
            for (int i = 0; i < sort.columns.length; i++) {
                sql.add("cast(? as " + sort.types[i] + "), ", after.keys().get(i));
            }
            sql.add("?::uuid)", after.id());
        }
        sql.add(" order by ");
        for (String column : sort.columns) {
            sql.add("x." + column + direction + ", ");
        }
        sql.add("x.id" + direction + " limit ?", limit + 1);
        try (var select = connection.prepareStatement(sql.sql())) {
            Jdbc.bind(select, sql.params());
            String next = null;
            List<String> lastKeys = null;
            try (var rows = select.executeQuery()) {
                while (rows.next()) {
                    if (items.size() == limit) {
                        next = new Cursor(sort, lastKeys, items.getLast().id()).encode();
                        break;
                    }
                    items.add(new Item(
                            rows.getObject("id", UUID.class),
                            rows.getString("slug"),
                            rows.getString("name"),
                            ProductStore.brand(rows),
                            (Long) rows.getObject("min_price_minor"),
                            (Long) rows.getObject("max_price_minor"),
                            (Long) rows.getObject("compare_at"),
                            rows.getString("currency"),
                            new Rating(rows.getBigDecimal("rating_avg"), rows.getInt("rating_count")),
                            rows.getBoolean("in_stock"),
                            store.imageUrl(rows.getString("image_key"))));
                    lastKeys = new ArrayList<>();
                    for (String column : sort.columns) {
                        // Text round-trips every key exactly (float8 prints shortest-exact since PostgreSQL 12).
                        lastKeys.add(rows.getString(column));
                    }
                }
            }
            return next;
        }
    }

    private static void where(SqlBuilder sql, List<SqlFragment> scope, java.util.Collection<SqlFragment> filters) {
        boolean first = true;
        for (SqlFragment condition : scope) {
            sql.add(first ? "" : " and ").add(condition);
            first = false;
        }
        for (SqlFragment condition : filters) {
            sql.add(" and ").add(condition);
        }
    }

    private record Counted(long total, Facets facets) {}

    private Counted facets(Connection connection, List<SqlFragment> scope, Map<String, SqlFragment> flags)
            throws SQLException {
        List<String> names = new ArrayList<>(List.of("brand", "price", "rating", "stock"));
        Map<String, String> columns = new LinkedHashMap<>();
        var sql = new SqlBuilder()
                .add("with base as materialized (select p.id, p.brand_id, p.min_price_minor, p.rating_avg,"
                        + " p.attribute_values, p.category_ancestors, ")
                .add(ProductStore.IN_STOCK + " in_stock");
        for (String name : names) {
            columns.put(name, "f_" + name);
        }
        int a = 0;
        for (String name : flags.keySet()) {
            if (name.startsWith("a")) {
                columns.put(name, "f_a" + a++);
            }
        }
        for (var column : columns.entrySet()) {
            SqlFragment flag = flags.get(column.getKey());
            sql.add(", (").add(flag == null ? SqlFragment.of("true") : flag).add(") " + column.getValue());
        }
        sql.add(" from product p where ");
        where(sql, scope, List.of());
        sql.add(") ");
        String all = String.join(" and ", columns.values());
        sql.add("select 'total' facet, null::text val, count(*) n from base where " + all);
        sql.add(" union all select 'brand', brand_id::text, count(*) from base where " + allBut(columns, "brand")
                + " and brand_id is not null group by brand_id");
        sql.add(
                " union all select 'price', width_bucket(min_price_minor, ?::bigint[])::text, count(*) from base"
                        + " where " + allBut(columns, "price") + " and min_price_minor is not null group by 2",
                (Object) config.priceFacetBoundaries().toArray(Long[]::new));
        sql.add(" union all select 'rating', floor(rating_avg)::int::text, count(*) from base where "
                + allBut(columns, "rating") + " group by 2");
        sql.add(" union all select 'stock', in_stock::text, count(*) from base where " + allBut(columns, "stock")
                + " group by 2");
        sql.add(" union all select 'attr', kv, count(*) from base cross join lateral unnest(base.attribute_values) kv"
                + " where ");
        // Attribute filters are disjunctive per attribute: the colour facet ignores the colour filter only.
        var nonAttribute = new ArrayList<String>();
        for (var column : columns.entrySet()) {
            if (column.getKey().startsWith("a")) {
                String key = column.getKey().substring(column.getKey().indexOf(':') + 1);
                sql.add("(split_part(kv, '=', 1) = ? or " + column.getValue() + ") and ", key);
            } else {
                nonAttribute.add(column.getValue());
            }
        }
        sql.add(String.join(" and ", nonAttribute) + " group by kv");
        sql.add(" union all select 'category', ancestor::text, count(*) from base"
                + " cross join lateral unnest(base.category_ancestors) ancestor where " + all + " group by ancestor");

        long total = 0;
        Map<String, Long> brandCounts = new HashMap<>();
        Map<Integer, Long> priceBuckets = new TreeMap<>();
        Map<Integer, Long> ratingFloors = new HashMap<>();
        long inStock = 0;
        long outOfStock = 0;
        Map<String, List<ValueCount>> attributeValues = new TreeMap<>();
        Map<String, Long> categoryCounts = new HashMap<>();
        try (var select = connection.prepareStatement(sql.sql())) {
            Jdbc.bind(select, sql.params());
            try (var rows = select.executeQuery()) {
                while (rows.next()) {
                    String facet = rows.getString(1);
                    String value = rows.getString(2);
                    long n = rows.getLong(3);
                    switch (facet) {
                        case "total" -> total = n;
                        case "brand" -> brandCounts.put(value, n);
                        case "price" -> priceBuckets.put(Integer.parseInt(value), n);
                        case "rating" -> ratingFloors.put(Integer.parseInt(value), n);
                        case "stock" -> {
                            if (Boolean.parseBoolean(value) || "t".equals(value)) inStock = n;
                            else outOfStock = n;
                        }
                        case "category" -> categoryCounts.put(value, n);
                        default -> {
                            int equals = value.indexOf('=');
                            attributeValues
                                    .computeIfAbsent(value.substring(0, equals), k -> new ArrayList<>())
                                    .add(new ValueCount(value.substring(equals + 1), n));
                        }
                    }
                }
            }
        }
        return new Counted(
                total,
                new Facets(
                        categoryFacet(connection, categoryCounts),
                        brandFacet(connection, brandCounts),
                        priceFacet(priceBuckets),
                        ratingFacet(ratingFloors),
                        new Availability(inStock, outOfStock),
                        attributeFacet(attributeValues)));
    }

    private static String allBut(Map<String, String> columns, String excluded) {
        return columns.entrySet().stream()
                .filter(c -> !c.getKey().equals(excluded))
                .map(Map.Entry::getValue)
                .reduce((x, y) -> x + " and " + y)
                .orElse("true");
    }

    private static List<CategoryCount> categoryFacet(Connection connection, Map<String, Long> counts)
            throws SQLException {
        if (counts.isEmpty()) {
            return List.of();
        }
        try (var select = connection.prepareStatement(
                "select id, parent_id, slug, name from category" + " where id = any(?::uuid[]) order by path")) {
            select.setArray(1, connection.createArrayOf("text", counts.keySet().toArray()));
            var facet = new ArrayList<CategoryCount>();
            try (var rows = select.executeQuery()) {
                while (rows.next()) {
                    UUID id = rows.getObject(1, UUID.class);
                    facet.add(new CategoryCount(
                            id,
                            rows.getObject(2, UUID.class),
                            rows.getString(3),
                            rows.getString(4),
                            counts.get(id.toString())));
                }
            }
            return facet;
        }
    }

    private static List<BrandCount> brandFacet(Connection connection, Map<String, Long> counts) throws SQLException {
        if (counts.isEmpty()) {
            return List.of();
        }
        try (var select = connection.prepareStatement("select id, slug, name from brand where id = any(?::uuid[])")) {
            select.setArray(1, connection.createArrayOf("text", counts.keySet().toArray()));
            var facet = new ArrayList<BrandCount>();
            try (var rows = select.executeQuery()) {
                while (rows.next()) {
                    UUID id = rows.getObject(1, UUID.class);
                    facet.add(new BrandCount(id, rows.getString(2), rows.getString(3), counts.get(id.toString())));
                }
            }
            facet.sort(Comparator.comparingLong(BrandCount::count).reversed().thenComparing(BrandCount::name));
            return facet;
        }
    }

    /** width_bucket numbers ranges from 0 (below the first boundary) to n (at or above the last). */
    private List<PriceRange> priceFacet(Map<Integer, Long> buckets) {
        List<Long> bounds = config.priceFacetBoundaries();
        var facet = new ArrayList<PriceRange>();
        buckets.forEach((bucket, n) -> facet.add(new PriceRange(
                bucket == 0 ? 0L : bounds.get(bucket - 1), bucket == bounds.size() ? null : bounds.get(bucket), n)));
        return facet;
    }

    /** "4 and up", "3 and up"...: cumulative counts from the per-floor counts. */
    private static List<RatingCount> ratingFacet(Map<Integer, Long> floors) {
        var facet = new ArrayList<RatingCount>();
        long atLeast = floors.getOrDefault(5, 0L);
        for (int stars = 4; stars >= 1; stars--) {
            atLeast += floors.getOrDefault(stars, 0L);
            facet.add(new RatingCount(stars, atLeast));
        }
        return facet;
    }

    private List<AttributeFacet> attributeFacet(Map<String, List<ValueCount>> values) {
        var facet = new ArrayList<AttributeFacet>();
        values.forEach((name, counts) -> facet.add(new AttributeFacet(
                name,
                counts.stream()
                        .sorted(Comparator.comparingLong(ValueCount::count)
                                .reversed()
                                .thenComparing(ValueCount::value))
                        .limit(config.attributeFacetValues())
                        .toList())));
        return facet;
    }

    /** Opaque to clients: the sort it belongs to, the sort keys of the last row shown, and its id. */
    record Cursor(Sort sort, List<String> keys, UUID id) {

        String encode() {
            String raw = sort.name() + "\n" + String.join("\n", keys) + "\n" + id;
            return Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.UTF_8));
        }

        static Cursor decode(String cursor, Sort expected) {
            try {
                String raw = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
                List<String> parts = Arrays.asList(raw.split("\n", -1));
                Sort sort = Sort.valueOf(parts.getFirst());
                if (sort != expected || parts.size() != sort.columns.length + 2) {
                    throw ProblemException.invalidField("cursor", "belongs to another sort order");
                }
                return new Cursor(sort, parts.subList(1, parts.size() - 1), UUID.fromString(parts.getLast()));
            } catch (ProblemException e) {
                throw e;
            } catch (RuntimeException e) {
                throw ProblemException.invalidField("cursor", "is not a cursor this API returned");
            }
        }
    }
}
