package com.scalecommerce.products.cache;

import com.scalecommerce.platform.web.http.ConditionalGet;
import io.quarkus.redis.datasource.RedisDataSource;
import io.quarkus.redis.datasource.value.ValueCommands;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.jboss.logging.Logger;

/**
 * Cache-aside for shopper reads, in Redis under {@code products:}. Every key embeds the catalog generation, a
 * counter that every catalog write increments after its commit; so one INCR invalidates every detail, listing and
 * tree at once, and a reader that computed a response from data older than the write stores it under the old
 * generation, where nobody looks any more. Old keys simply expire.
 *
 * <p>Redis is an accelerator, not a dependency: when it fails, reads are computed from PostgreSQL, the outage is
 * logged once, and Redis is left alone for a short while. A write that could not invalidate is remembered and the
 * generation is bumped as soon as Redis answers again, so the cache never serves what was true before the outage.
 *
 * <p>Other features call {@link #invalidateAfterCommit()} when they change what shoppers see (ratings, sold
 * counts, a SKU going in or out of stock).
 */
@ApplicationScoped
public class CatalogCache {

    private static final Logger LOG = Logger.getLogger(CatalogCache.class);
    private static final String PREFIX = "products:";
    private static final String GENERATION = PREFIX + "catalog-generation";
    private static final Object INVALIDATION_REGISTERED = new Object();

    private final ValueCommands<String, String> values;
    private final TransactionSynchronizationRegistry transactions;
    private final CacheConfig config;

    private final ConcurrentHashMap<String, CompletableFuture<CachedJson>> loading = new ConcurrentHashMap<>();

    private volatile long skipRedisUntil;
    private volatile boolean redisDown;
    private volatile boolean invalidationPending;

    CatalogCache(RedisDataSource redis, TransactionSynchronizationRegistry transactions, CacheConfig config) {
        this.values = redis.value(String.class);
        this.transactions = transactions;
        this.config = config;
    }

    /**
     * The cached response for {@code kind} + {@code key}, or the loader's, which is then cached.
     *
     * @param key everything the response depends on, in a canonical order
     */
    public CachedJson getOrLoad(String kind, String key, Supplier<Rendered> loader) {
        if (!config.enabled() || !redisUsable()) {
            return render(loader.get());
        }
        String redisKey;
        try {
            redisKey = PREFIX + kind + ":" + generation() + ":" + digestHex(key);
            String stored = values.get(redisKey);
            if (stored != null) {
                CachedJson hit = CachedJson.deserialise(stored);
                if (hit != null) {
                    redisRecovered();
                    return hit;
                }
            }
        } catch (RuntimeException e) {
            redisFailed(e);
            return render(loader.get());
        }
        // Single flight per key: concurrent misses for the same response wait for one computation instead of
        // all running the same facet query (a cold popular listing would otherwise stampede PostgreSQL).
        var mine = new CompletableFuture<CachedJson>();
        var running = loading.putIfAbsent(redisKey, mine);
        if (running != null) {
            try {
                return running.join();
            } catch (CompletionException e) {
                throw e.getCause() instanceof RuntimeException cause ? cause : e;
            }
        }
        try {
            CachedJson fresh = render(loader.get());
            mine.complete(fresh);
            try {
                values.psetex(redisKey, config.ttl().toMillis(), fresh.serialise());
                redisRecovered();
            } catch (RuntimeException e) {
                redisFailed(e);
            }
            return fresh;
        } catch (RuntimeException e) {
            mine.completeExceptionally(e);
            throw e;
        } finally {
            loading.remove(redisKey, mine);
        }
    }

    /** Invalidates every cached shopper read once the current transaction commits (at once without one). */
    public void invalidateAfterCommit() {
        if (transactions.getTransactionStatus() == Status.STATUS_NO_TRANSACTION) {
            invalidateNow();
            return;
        }
        if (transactions.getResource(INVALIDATION_REGISTERED) != null) {
            return;
        }
        transactions.putResource(INVALIDATION_REGISTERED, Boolean.TRUE);
        transactions.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {}

            @Override
            public void afterCompletion(int status) {
                if (status == Status.STATUS_COMMITTED) {
                    invalidateNow();
                }
            }
        });
    }

    public void invalidateNow() {
        try {
            values.incr(GENERATION);
            invalidationPending = false;
            redisRecovered();
        } catch (RuntimeException e) {
            invalidationPending = true;
            redisFailed(e);
        }
    }

    private static CachedJson render(Rendered rendered) {
        return new CachedJson(rendered.json(), ConditionalGet.etagOf(rendered.json()), rendered.resultCount());
    }

    private String generation() {
        if (invalidationPending) {
            values.incr(GENERATION);
            invalidationPending = false;
        }
        String generation = values.get(GENERATION);
        return generation == null ? "0" : generation;
    }

    private boolean redisUsable() {
        return !redisDown || System.currentTimeMillis() >= skipRedisUntil;
    }

    private void redisFailed(RuntimeException e) {
        skipRedisUntil = System.currentTimeMillis() + config.redisRetryAfter().toMillis();
        if (!redisDown) {
            redisDown = true;
            LOG.warnf("Redis read cache unavailable, serving from PostgreSQL: %s", e.toString());
        }
    }

    private void redisRecovered() {
        if (redisDown) {
            redisDown = false;
            LOG.info("Redis read cache available again");
        }
    }

    private static String digestHex(String key) {
        return HexFormat.of().formatHex(sha256(key), 0, 16);
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** What a loader produces: the JSON and its result count (0 when counting makes no sense). */
    public record Rendered(String json, long resultCount) {}
}
