package com.scalecommerce.orders.catalog;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** A product as the cart and checkout see it: authoritative prices and availability, per SKU. */
public record Product(UUID id, String slug, String name, String currency, List<Sku> skus) {

    /** {@code weightGrams}: one unit's shipping weight as products knows it, or null when products has none. */
    public record Sku(
            String sku,
            Map<String, String> options,
            long priceMinor,
            boolean available,
            String imageUrl,
            Integer weightGrams) {}

    public Optional<Sku> sku(String sku) {
        return skus.stream().filter(s -> s.sku().equals(sku)).findFirst();
    }

    static Product from(ProductDto dto) {
        var images = dto.images() == null ? List.<ProductDto.ImageDto>of() : dto.images();
        String productImage = images.stream()
                .filter(i -> i.variantId() == null)
                .map(ProductDto.ImageDto::url)
                .findFirst()
                .orElse(images.isEmpty() ? null : images.getFirst().url());
        var variants = dto.variants() == null ? List.<ProductDto.VariantDto>of() : dto.variants();
        return new Product(
                dto.id(),
                dto.slug(),
                dto.name(),
                dto.currency(),
                variants.stream()
                        .map(v -> new Sku(
                                v.sku(),
                                v.options() == null ? Map.of() : Map.copyOf(v.options()),
                                v.priceMinor(),
                                v.available(),
                                images.stream()
                                        .filter(i -> v.id() != null && v.id().equals(i.variantId()))
                                        .map(ProductDto.ImageDto::url)
                                        .findFirst()
                                        .orElse(productImage),
                                v.weightGrams()))
                        .toList());
    }
}
