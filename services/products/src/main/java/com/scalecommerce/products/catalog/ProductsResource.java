package com.scalecommerce.products.catalog;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.scalecommerce.platform.web.problem.Problem;
import com.scalecommerce.platform.web.problem.ProblemException;
import com.scalecommerce.products.cache.CatalogCache;
import com.scalecommerce.products.cache.HttpCaching;
import com.scalecommerce.products.search.SearchEvents;
import io.smallrye.common.annotation.RunOnVirtualThread;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.TreeMap;

/** Public catalog reads: no token needed, cached in Redis and by HTTP caches. */
@Path("/api/products")
@RunOnVirtualThread
public class ProductsResource {

    private final ProductListing listing;
    private final ProductDetails details;
    private final CatalogCache cache;
    private final HttpCaching http;
    private final SearchEvents searches;
    private final CatalogConfig config;
    private final ObjectMapper json;

    ProductsResource(
            ProductListing listing,
            ProductDetails details,
            CatalogCache cache,
            HttpCaching http,
            SearchEvents searches,
            CatalogConfig config,
            ObjectMapper json) {
        this.listing = listing;
        this.details = details;
        this.cache = cache;
        this.http = http;
        this.searches = searches;
        this.config = config;
        this.json = json;
    }

    /**
     * Query: q, category (slug or id, subtree included), brand (slugs or ids, comma-separated or repeated),
     * minPrice, maxPrice (minor units), rating (minimum average), inStock, attr.NAME=value[,value], sort, limit,
     * cursor. A search (q, first page) emits search.performed, from the cache too.
     */
    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public Response list(
            @Context UriInfo uri,
            @HeaderParam("If-None-Match") String ifNoneMatch,
            @HeaderParam("X-Session-Id") String sessionId) {
        ProductListing.Request request = parse(uri.getQueryParameters());
        var body = cache.getOrLoad("list", request.cacheKey(), () -> {
            var page = listing.list(request);
            return new CatalogCache.Rendered(write(page), page.total() == null ? 0 : page.total());
        });
        if (request.isSearch() && request.cursor() == null) {
            searches.performed(
                    request.q().strip(),
                    body.resultCount(),
                    sessionId,
                    request.effectiveSort().apiName(),
                    request.describeFilters());
        }
        return http.respond(body, ifNoneMatch);
    }

    @GET
    @Path("/{idOrSlug}")
    @Produces(MediaType.APPLICATION_JSON)
    public Response detail(@PathParam("idOrSlug") String idOrSlug, @HeaderParam("If-None-Match") String ifNoneMatch) {
        var body = cache.getOrLoad("detail", idOrSlug, () -> {
            var product = details.find(idOrSlug)
                    .orElseThrow(() -> ProblemException.notFound("PRODUCT_NOT_FOUND", "No such product."));
            return new CatalogCache.Rendered(write(product), 1);
        });
        return http.respond(body, ifNoneMatch);
    }

    private ProductListing.Request parse(MultivaluedMap<String, String> query) {
        var errors = new ArrayList<Problem.FieldError>();
        String q = single(query, "q");
        if (q != null && q.isBlank()) {
            q = null;
        }
        Long minPrice = number(query, "minPrice", errors);
        Long maxPrice = number(query, "maxPrice", errors);
        BigDecimal rating = null;
        String ratingText = single(query, "rating");
        if (ratingText != null) {
            try {
                rating = new BigDecimal(ratingText);
                if (rating.signum() < 0 || rating.compareTo(BigDecimal.valueOf(5)) > 0) {
                    errors.add(new Problem.FieldError("rating", "must be between 0 and 5"));
                }
            } catch (NumberFormatException e) {
                errors.add(new Problem.FieldError("rating", "must be a number"));
            }
        }
        String inStock = single(query, "inStock");
        if (inStock != null && !inStock.equals("true") && !inStock.equals("false")) {
            errors.add(new Problem.FieldError("inStock", "must be true or false"));
        }
        ProductListing.Sort sort = null;
        String sortText = single(query, "sort");
        if (sortText != null) {
            try {
                sort = ProductListing.Sort.parse(sortText);
            } catch (ProblemException e) {
                errors.addAll(e.errors());
            }
        }
        Long limit = number(query, "limit", errors);
        if (limit != null && (limit < 1 || limit > config.maxPageSize())) {
            errors.add(new Problem.FieldError("limit", "must be between 1 and " + config.maxPageSize()));
        }
        var attributes = new TreeMap<String, List<String>>();
        for (var entry : query.entrySet()) {
            if (entry.getKey().startsWith("attr.")) {
                String name = entry.getKey().substring("attr.".length());
                if (!ProductInputs.ATTRIBUTE_NAME.matcher(name).matches()) {
                    errors.add(new Problem.FieldError(entry.getKey(), "is not an attribute name"));
                    continue;
                }
                List<String> values = split(entry.getValue());
                if (!values.isEmpty()) {
                    attributes.put(name, values);
                }
            }
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalidFields(errors);
        }
        String category = single(query, "category");
        String cursor = single(query, "cursor");
        return new ProductListing.Request(
                q,
                category == null || category.isBlank() ? null : category,
                split(query.getOrDefault("brand", List.of())),
                minPrice,
                maxPrice,
                rating,
                "true".equals(inStock),
                attributes,
                sort,
                limit == null ? config.defaultPageSize() : limit.intValue(),
                cursor == null || cursor.isBlank() ? null : cursor);
    }

    private static String single(MultivaluedMap<String, String> query, String name) {
        return query.getFirst(name);
    }

    private static Long number(MultivaluedMap<String, String> query, String name, List<Problem.FieldError> errors) {
        String text = query.getFirst(name);
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            long value = Long.parseLong(text.strip());
            if (value < 0) {
                errors.add(new Problem.FieldError(name, "must not be negative"));
            }
            return value;
        } catch (NumberFormatException e) {
            errors.add(new Problem.FieldError(name, "must be a whole number"));
            return null;
        }
    }

    /** Repeated parameters and comma-separated values mean the same: any of them. */
    private static List<String> split(List<String> values) {
        return values.stream()
                .flatMap(v -> Arrays.stream(v.split(",")))
                .map(String::strip)
                .filter(v -> !v.isEmpty())
                .distinct()
                .sorted()
                .limit(50)
                .toList();
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
