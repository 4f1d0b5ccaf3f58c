package com.scalecommerce.web.catalog;

import com.scalecommerce.web.catalog.CatalogModels.CategoryNode;
import io.quarkus.cache.Cache;
import io.quarkus.cache.CacheName;
import io.quarkus.cache.CaffeineCache;
import io.quarkus.virtual.threads.VirtualThreads;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.concurrent.ExecutorService;

/**
 * The category bar for pages that are not about the catalog (cart, account, checkout): a nicety, so those pages
 * render without it when products is down.
 */
@ApplicationScoped
public class Navigation {

    private final Catalog catalog;
    private final Cache categories;
    private final ExecutorService virtualThreads;

    Navigation(
            Catalog catalog,
            @CacheName("categories") Cache categories,
            @VirtualThreads ExecutorService virtualThreads) {
        this.catalog = catalog;
        this.categories = categories;
        this.virtualThreads = virtualThreads;
    }

    /**
     * {@link #orEmpty} for a page on the event loop: the cached tree at once, or, when it must be read from products
     * first, read on a virtual thread (what follows then runs there). The key is the cache's default key because
     * {@link Catalog#categories} takes no argument.
     */
    @SuppressWarnings("unchecked")
    public Uni<List<CategoryNode>> soon() {
        var cached = categories.as(CaffeineCache.class).getIfPresent(categories.getDefaultKey());
        if (cached != null && cached.isDone() && !cached.isCompletedExceptionally()) {
            return Uni.createFrom().item((List<CategoryNode>) cached.join());
        }
        return Uni.createFrom().item(this::orEmpty).runSubscriptionOn(virtualThreads);
    }

    public List<CategoryNode> orEmpty() {
        try {
            return catalog.categories();
        } catch (RuntimeException e) {
            return List.of();
        }
    }
}
