package com.scalecommerce.web.catalog;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.quarkus.qute.TemplateData;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The web app's own reading of products' JSON: only the fields the pages use, unknown ones ignored so products can
 * grow. Never products' classes: the services share contracts, not code.
 */
public final class CatalogModels {

    private CatalogModels() {}

    @TemplateData
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record HomePage(List<Banner> banners, List<Card> featured, List<Card> newArrivals, List<Card> bestSellers) {}

    @TemplateData
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Banner(UUID id, String headline, String text, String imageUrl, String link) {}

    @TemplateData
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Card(
            UUID id,
            String name,
            String slug,
            String currency,
            Long minPriceMinor,
            Long maxPriceMinor,
            String imageUrl,
            BigDecimal ratingAvg,
            int ratingCount) {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record CategoryTree(List<CategoryNode> items) {}

    @TemplateData
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record CategoryNode(
            UUID id,
            UUID parentId,
            String slug,
            String name,
            String description,
            long productCount,
            List<CategoryNode> children) {}

    @TemplateData
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record ListingPage(
            List<Item> items, String nextCursor, String sort, boolean approximate, Long total, Facets facets) {}

    @TemplateData
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Item(
            UUID id,
            String slug,
            String name,
            BrandRef brand,
            Long priceMinor,
            Long maxPriceMinor,
            Long compareAtPriceMinor,
            String currency,
            Rating rating,
            boolean inStock,
            String imageUrl) {}

    @TemplateData
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record BrandRef(UUID id, String slug, String name) {}

    @TemplateData
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record CategoryRef(UUID id, UUID parentId, String slug, String name) {}

    @TemplateData
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Rating(BigDecimal average, int count) {}

    @TemplateData
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Facets(
            List<CategoryCount> categories,
            List<BrandCount> brands,
            List<PriceRange> priceRanges,
            List<RatingCount> ratings,
            Availability availability,
            List<AttributeFacet> attributes) {}

    @TemplateData
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record CategoryCount(UUID id, UUID parentId, String slug, String name, long count) {}

    @TemplateData
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record BrandCount(UUID id, String slug, String name, long count) {}

    @TemplateData
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record PriceRange(Long minPriceMinor, Long maxPriceMinor, long count) {}

    @TemplateData
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record RatingCount(int minRating, long count) {}

    @TemplateData
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Availability(long inStock, long outOfStock) {}

    @TemplateData
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record ValueCount(String value, long count) {}

    @TemplateData
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record AttributeFacet(String name, List<ValueCount> values) {}

    @TemplateData
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record ProductDetail(
            UUID id,
            String slug,
            String name,
            String description,
            BrandRef brand,
            String currency,
            Long priceMinor,
            Long maxPriceMinor,
            Rating rating,
            boolean inStock,
            List<CategoryRef> categories,
            List<Variant> variants,
            List<Image> images) {}

    @TemplateData
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Variant(
            UUID id,
            String sku,
            Map<String, String> options,
            long priceMinor,
            Long compareAtPriceMinor,
            boolean available) {}

    @TemplateData
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Image(UUID id, UUID variantId, String url, String alt, Integer width, Integer height) {}

    @TemplateData
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record ReviewPage(List<Review> items, String nextCursor, RatingSummary summary) {}

    @TemplateData
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Review(
            UUID id,
            String authorName,
            int rating,
            String title,
            String text,
            boolean verifiedPurchase,
            int helpfulCount,
            Instant createdAt) {}

    @TemplateData
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record RatingSummary(BigDecimal ratingAvg, int ratingCount, Map<Integer, Integer> histogram) {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Suggested(
            String query, List<Suggestion> products, List<Suggestion> categories, List<Suggestion> brands) {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Suggestion(UUID id, String slug, String name) {}
}
