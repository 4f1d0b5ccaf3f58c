package com.scalecommerce.products.catalog;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** The shapes the catalog answers with, for admins and shoppers. */
public final class CatalogViews {

    private CatalogViews() {}

    public record BrandRef(UUID id, String slug, String name) {}

    public record CategoryRef(UUID id, UUID parentId, String slug, String name) {}

    public record Image(UUID id, UUID variantId, String url, String alt, Integer width, Integer height) {}

    public record Rating(BigDecimal average, int count) {}

    public record AdminVariant(
            UUID id,
            String sku,
            Map<String, String> options,
            long priceMinor,
            Long compareAtPriceMinor,
            Integer weightGrams,
            int position,
            boolean active,
            int onHand,
            int reserved) {}

    public record AdminProduct(
            UUID id,
            String slug,
            String name,
            String description,
            BrandRef brand,
            String status,
            Map<String, Object> attributes,
            String seoTitle,
            String seoDescription,
            String currency,
            Long minPriceMinor,
            Long maxPriceMinor,
            Rating rating,
            long soldCount,
            List<CategoryRef> categories,
            List<AdminVariant> variants,
            List<Image> images,
            Instant createdAt,
            Instant updatedAt,
            Instant publishedAt) {}

    public record AdminProductSummary(
            UUID id,
            String slug,
            String name,
            String status,
            String brandName,
            Long minPriceMinor,
            Long maxPriceMinor,
            String currency,
            int variantCount,
            Instant updatedAt) {}

    /** Shoppers see whether a variant can be bought now, not how many units are left. */
    public record Variant(
            UUID id,
            String sku,
            Map<String, String> options,
            long priceMinor,
            Long compareAtPriceMinor,
            Integer weightGrams,
            boolean available) {}

    public record ProductDetail(
            UUID id,
            String slug,
            String name,
            String description,
            BrandRef brand,
            Map<String, Object> attributes,
            String seoTitle,
            String seoDescription,
            String currency,
            Long priceMinor,
            Long maxPriceMinor,
            Rating rating,
            boolean inStock,
            List<CategoryRef> categories,
            List<Variant> variants,
            List<Image> images,
            Instant publishedAt) {}
}
