package com.scalecommerce.web.catalog;

import com.scalecommerce.platform.web.problem.ProblemException;
import com.scalecommerce.web.WebConfig;
import com.scalecommerce.web.catalog.CatalogModels.CategoryNode;
import com.scalecommerce.web.catalog.CatalogModels.HomePage;
import com.scalecommerce.web.catalog.CatalogModels.ListingPage;
import com.scalecommerce.web.catalog.CatalogModels.ProductDetail;
import com.scalecommerce.web.catalog.CatalogModels.ReviewPage;
import com.scalecommerce.web.catalog.CatalogModels.Suggested;
import io.quarkus.cache.Cache;
import io.quarkus.cache.CacheName;
import io.quarkus.cache.CacheResult;
import io.quarkus.cache.CompositeCacheKey;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Optional;
import java.util.SortedMap;
import java.util.UUID;
import java.util.function.Supplier;
import org.jboss.logging.Logger;

/**
 * The catalog as the storefront reads it from products. Every read is cached for a few seconds (see
 * application.properties): the home page and the category tree are the same for all shoppers, and a listing or
 * product page under load is asked for by many at once. Failures are not cached. Products unreachable becomes a
 * 503 PRODUCTS_UNAVAILABLE; reviews and suggestions failing become "none".
 */
@ApplicationScoped
public class Catalog {

    private static final Logger LOG = Logger.getLogger(Catalog.class);

    private final ProductsCalls calls;
    private final WebConfig config;
    private final Cache homes;
    private final Cache listings;
    private final Cache products;
    private final Cache reviews;

    Catalog(
            ProductsCalls calls,
            WebConfig config,
            @CacheName("home") Cache homes,
            @CacheName("listing") Cache listings,
            @CacheName("product") Cache products,
            @CacheName("reviews") Cache reviews) {
        this.calls = calls;
        this.config = config;
        this.homes = homes;
        this.listings = listings;
        this.products = products;
        this.reviews = reviews;
    }

    /** {@link #home} if the cache holds it now: no call, no waiting (the cache's default key: no argument). */
    public Optional<HomePage> cachedHome() {
        return CachePeek.now(homes, homes.getDefaultKey(), HomePage.class);
    }

    @CacheResult(cacheName = "home")
    public HomePage home() {
        return reach(calls::home);
    }

    @CacheResult(cacheName = "categories")
    public List<CategoryNode> categories() {
        var tree = reach(calls::categories).items();
        return tree == null ? List.of() : tree;
    }

    /** {@link #products} if the cache holds this listing now: no call, no waiting. */
    public Optional<ListingPage> cachedProducts(SortedMap<String, List<String>> filters) {
        return CachePeek.now(listings, filters, ListingPage.class);
    }

    /** {@code filters} is sorted so equal searches share one cache entry (the argument is the cache key). */
    @CacheResult(cacheName = "listing")
    public ListingPage products(SortedMap<String, List<String>> filters) {
        return reach(() -> calls.products(filters));
    }

    /**
     * A shopper's search, not cached here: products emits search.performed for each one it answers (from its own
     * cache too), with the shopper's anonymous {@code sessionId} (null without a session).
     */
    public ListingPage search(SortedMap<String, List<String>> filters, String sessionId) {
        return reach(() -> calls.search(filters, sessionId));
    }

    /** {@link #product} if the cache holds it now. */
    public Optional<ProductDetail> cachedProduct(String slug) {
        return CachePeek.now(products, slug, ProductDetail.class);
    }

    @CacheResult(cacheName = "product")
    public ProductDetail product(String slug) {
        return reach(() -> calls.product(slug));
    }

    /**
     * {@link #reviews} if the cache holds them now; empty when they must be asked for (a failed read is not cached,
     * so a product whose reviews fail is asked each time, as before). The key is the one {@code @CacheResult} makes
     * of {@link ProductsCalls#reviews}' two arguments.
     */
    public Optional<ReviewPage> cachedReviews(UUID productId, int limit) {
        return CachePeek.now(reviews, new CompositeCacheKey(productId, limit), ReviewPage.class);
    }

    public Optional<ReviewPage> reviews(UUID productId, int limit) {
        try {
            return Optional.ofNullable(calls.reviews(productId, limit));
        } catch (RuntimeException e) {
            LOG.debugf(e, "reviews of %s unavailable", productId);
            return Optional.empty();
        }
    }

    public Suggested suggest(String q, int limit) {
        try {
            return calls.suggest(q, limit);
        } catch (RuntimeException e) {
            LOG.debugf(e, "suggestions for %s unavailable", q);
            return new Suggested(q, List.of(), List.of(), List.of());
        }
    }

    private <T> T reach(Supplier<T> call) {
        try {
            return call.get();
        } catch (ProblemException e) {
            throw e;
        } catch (RuntimeException e) {
            // Timeouts, an open breaker, refused connections and 5xx all mean the same to a shopper.
            LOG.debugf(e, "products unreachable");
            throw ProblemException.unavailable(
                    "PRODUCTS_UNAVAILABLE",
                    "The shop cannot reach its catalog right now. Try again in a moment.",
                    config.retryAfterSeconds());
        }
    }
}
