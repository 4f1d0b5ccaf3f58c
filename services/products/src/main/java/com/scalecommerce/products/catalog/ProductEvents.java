package com.scalecommerce.products.catalog;

import com.scalecommerce.platform.events.Outbox;
import com.scalecommerce.products.cache.CatalogCache;
import com.scalecommerce.products.catalog.CatalogViews.AdminProduct;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;

/**
 * product.created / product.updated / product.deleted, written to the outbox in the transaction of the change,
 * and the read cache invalidated once it commits. The data carries what consumers (orders pricing, analytics,
 * the storefront) need without calling back: ids, status, prices, SKUs.
 */
@ApplicationScoped
class ProductEvents {

    static final String CREATED = "product.created";
    static final String UPDATED = "product.updated";
    static final String DELETED = "product.deleted";

    record VariantFacts(UUID variantId, String sku, long priceMinor, Long compareAtPriceMinor, boolean active) {}

    record ProductFacts(
            UUID productId,
            String slug,
            String name,
            String status,
            UUID brandId,
            List<UUID> categoryIds,
            String currency,
            Long minPriceMinor,
            Long maxPriceMinor,
            List<VariantFacts> variants) {}

    record ProductDeleted(UUID productId, String slug, List<String> skus) {}

    private final Outbox outbox;
    private final CatalogCache cache;

    ProductEvents(Outbox outbox, CatalogCache cache) {
        this.outbox = outbox;
        this.cache = cache;
    }

    void changed(String type, AdminProduct product) {
        outbox.append(type, product.id().toString(), facts(product));
        cache.invalidateAfterCommit();
    }

    void deleted(AdminProduct product) {
        outbox.append(
                DELETED,
                product.id().toString(),
                new ProductDeleted(
                        product.id(),
                        product.slug(),
                        product.variants().stream()
                                .map(CatalogViews.AdminVariant::sku)
                                .toList()));
        cache.invalidateAfterCommit();
    }

    static ProductFacts facts(AdminProduct p) {
        return new ProductFacts(
                p.id(),
                p.slug(),
                p.name(),
                p.status(),
                p.brand() == null ? null : p.brand().id(),
                p.categories().stream().map(CatalogViews.CategoryRef::id).toList(),
                p.currency(),
                p.minPriceMinor(),
                p.maxPriceMinor(),
                p.variants().stream()
                        .map(v ->
                                new VariantFacts(v.id(), v.sku(), v.priceMinor(), v.compareAtPriceMinor(), v.active()))
                        .toList());
    }
}
