package com.scalecommerce.products.merchandising;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** What the storefront's home page shows. Products are active ones only. */
public record HomePage(
        List<HomeBanner> banners,
        List<ProductCard> featured,
        List<ProductCard> newArrivals,
        List<ProductCard> bestSellers) {

    public record HomeBanner(
            UUID id, String headline, String text, String imageUrl, String link, Instant startsAt, Instant endsAt) {}

    public record ProductCard(
            UUID id,
            String name,
            String slug,
            String currency,
            Long minPriceMinor,
            Long maxPriceMinor,
            String imageUrl,
            BigDecimal ratingAvg,
            int ratingCount) {}
}
