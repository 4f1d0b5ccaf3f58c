package com.scalecommerce.orders.catalog;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Our reading of products' product page; fields we do not use are ignored so products can add more. */
@JsonIgnoreProperties(ignoreUnknown = true)
record ProductDto(
        UUID id, String slug, String name, String currency, List<VariantDto> variants, List<ImageDto> images) {

    /** {@code weightGrams} is products' shipping weight of one unit; null when the variant has none. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record VariantDto(
            UUID id,
            String sku,
            Map<String, String> options,
            long priceMinor,
            Integer weightGrams,
            boolean available) {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    record ImageDto(UUID variantId, String url, String alt) {}
}
