package com.scalecommerce.orders.pricing.shipping;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.OptionalLong;
import java.util.UUID;

/**
 * A way to ship into a zone and how it is priced: FLAT and EXPRESS charge their rate, FREE_OVER charges its
 * rate below the threshold and nothing from it on, WEIGHT charges the first band the parcel fits in.
 */
public record ShippingMethod(
        UUID id,
        UUID zoneId,
        String name,
        String kind,
        String currency,
        Long rateMinor,
        Long freeOverMinor,
        List<WeightBand> weightBands,
        int minDays,
        int maxDays,
        boolean active,
        OffsetDateTime createdAt,
        OffsetDateTime updatedAt) {

    public record WeightBand(Long upToGrams, Long rateMinor) {}

    /** Empty when the method cannot carry this parcel (heavier than its last weight band). */
    OptionalLong priceFor(Long subtotalMinor, long weightGrams) {
        return switch (kind) {
            case "FREE_OVER" ->
                OptionalLong.of(subtotalMinor != null && subtotalMinor >= freeOverMinor ? 0 : rateMinor);
            case "WEIGHT" -> {
                for (WeightBand band : weightBands) {
                    if (weightGrams <= band.upToGrams()) {
                        yield OptionalLong.of(band.rateMinor());
                    }
                }
                yield OptionalLong.empty();
            }
            default -> OptionalLong.of(rateMinor);
        };
    }
}
