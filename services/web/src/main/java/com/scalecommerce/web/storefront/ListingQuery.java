package com.scalecommerce.web.storefront;

import com.scalecommerce.web.catalog.CatalogModels.Facets;
import com.scalecommerce.web.catalog.CatalogModels.ListingPage;
import com.scalecommerce.web.storefront.ListingView.FacetGroup;
import com.scalecommerce.web.storefront.ListingView.Link;
import com.scalecommerce.web.storefront.ListingView.Option;
import jakarta.ws.rs.core.MultivaluedMap;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * A category or search page's query string, read leniently: a shopper's hand-edited URL drops what it cannot use
 * instead of failing. The page's own parameters ({@code price=min-max}, {@code brand}, {@code attr.NAME},
 * {@code rating}, {@code inStock}, {@code sort}, {@code cursor}) become products' listing filters.
 */
final class ListingQuery {

    static final Map<String, String> SORTS = sorts();
    private static final int MAX_VALUE_LENGTH = 200;
    private static final int MAX_VALUES = 20;

    private final Map<String, List<String>> params = new LinkedHashMap<>();

    private ListingQuery() {}

    static ListingQuery from(MultivaluedMap<String, String> query) {
        var parsed = new ListingQuery();
        query.forEach((key, values) -> {
            boolean known = Set.of("q", "brand", "price", "rating", "inStock", "sort", "cursor")
                            .contains(key)
                    || key.startsWith("attr.") && key.length() <= 64;
            if (!known || values == null) {
                return;
            }
            List<String> kept = values.stream()
                    .filter(v -> v != null && !v.isBlank() && v.length() <= MAX_VALUE_LENGTH)
                    .map(String::strip)
                    .distinct()
                    .limit(MAX_VALUES)
                    .toList();
            if (!kept.isEmpty()) {
                parsed.params.put(key, kept);
            }
        });
        String sort = parsed.first("sort");
        if (sort != null && !SORTS.containsKey(sort)) {
            parsed.params.remove("sort");
        }
        String rating = parsed.first("rating");
        if (rating != null && !rating.matches("[1-5]")) {
            parsed.params.remove("rating");
        }
        String price = parsed.first("price");
        if (price != null && !price.matches("\\d{0,12}-\\d{0,12}")) {
            parsed.params.remove("price");
        }
        return parsed;
    }

    String q() {
        return first("q");
    }

    String first(String key) {
        var values = params.get(key);
        return values == null ? null : values.getFirst();
    }

    /** What products is asked: sorted so that equal pages share one cache entry. */
    SortedMap<String, List<String>> filters(String categorySlug, int pageSize) {
        var filters = new TreeMap<String, List<String>>();
        params.forEach((key, values) -> {
            switch (key) {
                case "price" -> {
                    String[] bounds = values.getFirst().split("-", -1);
                    if (!bounds[0].isEmpty()) filters.put("minPrice", List.of(bounds[0]));
                    if (!bounds[1].isEmpty()) filters.put("maxPrice", List.of(bounds[1]));
                }
                case "inStock" -> filters.put("inStock", List.of("true"));
                case "q", "rating", "sort", "cursor" -> filters.put(key, List.of(values.getFirst()));
                default -> filters.put(key, values);
            }
        });
        if (categorySlug != null) {
            filters.put("category", List.of(categorySlug));
        }
        filters.put("limit", List.of(String.valueOf(pageSize)));
        return filters;
    }

    ListingView view(String heading, String action, ListingPage page, List<Link> didYouMean) {
        var withoutCursor = new LinkedHashMap<>(params);
        withoutCursor.remove("cursor");
        String nextUrl = null;
        if (page.nextCursor() != null) {
            var next = new LinkedHashMap<>(withoutCursor);
            next.put("cursor", List.of(page.nextCursor()));
            nextUrl = Urls.withQuery(action, next);
        }
        String currentSort = first("sort") != null ? first("sort") : q() != null ? "relevance" : "newest";
        List<Option> sorts = SORTS.entrySet().stream()
                .filter(e -> q() != null || !e.getKey().equals("relevance"))
                .map(e -> new Option(e.getKey(), e.getValue(), 0, e.getKey().equals(currentSort)))
                .toList();
        String currency = page.items() == null || page.items().isEmpty()
                ? null
                : page.items().getFirst().currency();
        return new ListingView(
                heading,
                action,
                q() == null ? action : action + "?q=" + Urls.encode(q()),
                q(),
                page.items() == null ? List.of() : page.items(),
                page.total(),
                facets(page.facets(), currency),
                page.facets() == null || page.facets().categories() == null
                        ? List.of()
                        : page.facets().categories(),
                sorts,
                nextUrl,
                page.approximate(),
                didYouMean);
    }

    private List<FacetGroup> facets(Facets facets, String currency) {
        if (facets == null) {
            return List.of();
        }
        List<FacetGroup> groups = new ArrayList<>();
        if (facets.brands() != null && !facets.brands().isEmpty()) {
            groups.add(new FacetGroup(
                    "Brand",
                    "brand",
                    "checkbox",
                    facets.brands().stream()
                            .map(b -> new Option(b.slug(), b.name(), b.count(), selected("brand", b.slug())))
                            .toList()));
        }
        if (facets.priceRanges() != null && !facets.priceRanges().isEmpty()) {
            groups.add(new FacetGroup(
                    "Price",
                    "price",
                    "radio",
                    facets.priceRanges().stream()
                            .map(r -> {
                                String value = (r.minPriceMinor() == null ? "" : r.minPriceMinor()) + "-"
                                        + (r.maxPriceMinor() == null ? "" : r.maxPriceMinor());
                                return new Option(
                                        value,
                                        priceLabel(r.minPriceMinor(), r.maxPriceMinor(), currency),
                                        r.count(),
                                        selected("price", value));
                            })
                            .toList()));
        }
        if (facets.ratings() != null && !facets.ratings().isEmpty()) {
            groups.add(new FacetGroup(
                    "Rating",
                    "rating",
                    "radio",
                    facets.ratings().stream()
                            .map(r -> new Option(
                                    String.valueOf(r.minRating()),
                                    r.minRating() + " stars & up",
                                    r.count(),
                                    selected("rating", String.valueOf(r.minRating()))))
                            .toList()));
        }
        if (facets.availability() != null) {
            groups.add(new FacetGroup(
                    "Availability",
                    "inStock",
                    "checkbox",
                    List.of(new Option(
                            "true", "In stock only", facets.availability().inStock(), params.containsKey("inStock")))));
        }
        if (facets.attributes() != null) {
            facets.attributes()
                    .forEach(a -> groups.add(new FacetGroup(
                            capitalised(a.name()),
                            "attr." + a.name(),
                            "checkbox",
                            a.values().stream()
                                    .map(v -> new Option(
                                            v.value(), v.value(), v.count(), selected("attr." + a.name(), v.value())))
                                    .toList())));
        }
        return groups;
    }

    private boolean selected(String name, String value) {
        var values = params.get(name);
        return values != null && values.contains(value);
    }

    private static String priceLabel(Long min, Long max, String currency) {
        if (currency == null) {
            return (min == null ? "0" : min) + " – " + (max == null ? "" : max);
        }
        if (min == null) return "Under " + Formats.money(max, currency);
        if (max == null) return Formats.money(min, currency) + " and above";
        return Formats.money(min, currency) + " – " + Formats.money(max, currency);
    }

    private static String capitalised(String name) {
        return name.isEmpty() ? name : Character.toUpperCase(name.charAt(0)) + name.substring(1);
    }

    private static Map<String, String> sorts() {
        var sorts = new LinkedHashMap<String, String>();
        sorts.put("relevance", "Best match");
        sorts.put("newest", "Newest");
        sorts.put("price_asc", "Price: low to high");
        sorts.put("price_desc", "Price: high to low");
        sorts.put("rating", "Top rated");
        sorts.put("best_selling", "Best selling");
        return java.util.Collections.unmodifiableMap(sorts);
    }
}
