package com.scalecommerce.orders.catalog;

import com.scalecommerce.platform.web.problem.ProblemException;
import io.quarkus.virtual.threads.VirtualThreads;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import org.jboss.logging.Logger;

/**
 * Products as orders sees them, read from the products service. Lookups are cached for a few seconds so a cart
 * view with many lines costs one call per product at most once per TTL; any failure to reach products becomes a
 * 503 PRODUCTS_UNAVAILABLE with Retry-After.
 */
@ApplicationScoped
public class Catalog {

    private static final Logger LOG = Logger.getLogger(Catalog.class);

    private record Cached(CompletableFuture<Optional<Product>> product, long expiresAtNanos) {}

    private final ProductLookup lookup;
    private final CatalogConfig config;
    private final ExecutorService virtualThreads;
    private final ConcurrentHashMap<UUID, Cached> cache = new ConcurrentHashMap<>();

    Catalog(ProductLookup lookup, CatalogConfig config, @VirtualThreads ExecutorService virtualThreads) {
        this.lookup = lookup;
        this.config = config;
        this.virtualThreads = virtualThreads;
    }

    /**
     * {@link #product} for a caller on the event loop, which must not block: a fresh cached copy is answered at
     * once, on the caller's thread; anything else (a miss, an expired entry, a load in flight) waits for
     * {@link #product} on a virtual thread, and what follows the answer runs there.
     */
    public Uni<Optional<Product>> productSoon(UUID productId) {
        Cached cached = cache.get(productId);
        if (fresh(cached, System.nanoTime()) && cached.product.isDone() && !cached.product.isCompletedExceptionally()) {
            return Uni.createFrom().item(cached.product.join());
        }
        return Uni.createFrom().item(() -> product(productId)).runSubscriptionOn(virtualThreads);
    }

    /**
     * The ACTIVE product with this id, or empty when products does not know it (or no longer sells it). When an
     * entry expires under load, one request reloads it and the others wait for that load (single flight), so a
     * popular product costs products one call per TTL, not one per concurrent cart request.
     */
    public Optional<Product> product(UUID productId) {
        long now = System.nanoTime();
        Cached cached = cache.get(productId);
        if (!fresh(cached, now)) {
            var mine = new Cached(
                    new CompletableFuture<>(), now + config.cacheTtl().toNanos());
            boolean won = cached == null
                    ? cache.putIfAbsent(productId, mine) == null
                    : cache.replace(productId, cached, mine);
            if (won) {
                if (cache.size() > config.cacheSize()) {
                    cache.clear();
                }
                load(productId, mine);
            }
            cached = won ? mine : cache.getOrDefault(productId, mine);
            if (!won && cached == mine) {
                load(productId, mine);
            }
        }
        try {
            return cached.product.join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof ProblemException problem ? problem : e;
        }
    }

    private static boolean fresh(Cached cached, long now) {
        return cached != null && cached.expiresAtNanos - now > 0;
    }

    private void load(UUID productId, Cached entry) {
        try {
            entry.product.complete(fetch(productId));
        } catch (RuntimeException e) {
            // A failure is not cached: the next request tries again (the breaker decides how hard).
            cache.remove(productId, entry);
            entry.product.completeExceptionally(e);
        }
    }

    private Optional<Product> fetch(UUID productId) {
        try {
            return lookup.find(productId.toString()).map(Product::from);
        } catch (RuntimeException e) {
            // Timeouts, an open breaker, refused connections and 5xx all mean the same to a shopper.
            LOG.debugf(e, "products lookup of %s failed", productId);
            throw ProblemException.unavailable(
                    "PRODUCTS_UNAVAILABLE",
                    "The product catalog cannot be reached right now. Try again shortly.",
                    config.retryAfterSeconds());
        }
    }

    /** Drops cached products; tests use it to see a price change at once. */
    public void forgetAll() {
        cache.clear();
    }
}
