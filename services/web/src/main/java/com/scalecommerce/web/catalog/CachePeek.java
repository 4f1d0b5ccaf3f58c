package com.scalecommerce.web.catalog;

import io.quarkus.cache.Cache;
import io.quarkus.cache.CaffeineCache;
import java.util.Optional;

/**
 * What a {@code @CacheResult} cache holds for a key right now, without calling the cached method or waiting for a
 * load in flight: lets a page take data already at hand without starting a thread to read it.
 */
final class CachePeek {

    private CachePeek() {}

    /**
     * The value, if a load for the key has completed normally with a {@code type}; a failed or unfinished load is no
     * value.
     */
    static <T> Optional<T> now(Cache cache, Object key, Class<T> type) {
        var cached = cache.as(CaffeineCache.class).getIfPresent(key);
        if (cached == null || !cached.isDone() || cached.isCompletedExceptionally()) {
            return Optional.empty();
        }
        return Optional.ofNullable(cached.join()).filter(type::isInstance).map(type::cast);
    }
}
