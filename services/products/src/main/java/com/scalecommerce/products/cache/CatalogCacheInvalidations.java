package com.scalecommerce.products.cache;

import com.scalecommerce.products.review.ProductRatingChanged;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/** Facts other features own that cached catalog pages show: when they change, cached pages go. */
@ApplicationScoped
class CatalogCacheInvalidations {

    private final CatalogCache cache;

    CatalogCacheInvalidations(CatalogCache cache) {
        this.cache = cache;
    }

    // Fired inside the review's transaction; the cache drops its pages only once that commits.
    void onRatingChanged(@Observes ProductRatingChanged change) {
        cache.invalidateAfterCommit();
    }
}
