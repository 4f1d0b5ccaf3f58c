package com.scalecommerce.web.catalog;

import com.scalecommerce.web.catalog.CatalogModels.CategoryNode;
import io.quarkus.cache.Cache;
import io.quarkus.cache.CacheName;
import io.quarkus.virtual.threads.VirtualThreads;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Optional;
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
     * The category tree if the cache holds it now: no call, no waiting. The key is the cache's default key because
     * {@link Catalog#categories} takes no argument.
     */
    @SuppressWarnings("unchecked") // what Catalog#categories cached: a List<CategoryNode>
    public Optional<List<CategoryNode>> cached() {
        return CachePeek.now(categories, categories.getDefaultKey(), List.class).map(tree -> (List<CategoryNode>) tree);
    }

    /**
     * {@link #orEmpty} for a page on the event loop: the cached tree at once, or, when it must be read from products
     * first, read on a virtual thread (what follows then runs there).
     */
    public Uni<List<CategoryNode>> soon() {
        Optional<List<CategoryNode>> tree = cached();
        if (tree.isPresent()) {
            return Uni.createFrom().item(tree.get());
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
