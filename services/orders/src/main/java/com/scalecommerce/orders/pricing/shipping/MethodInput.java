package com.scalecommerce.orders.pricing.shipping;

import com.scalecommerce.orders.pricing.Fields;
import java.util.List;
import java.util.Locale;
import java.util.Set;

record MethodInput(
        String name,
        String kind,
        String currency,
        Long rateMinor,
        Long freeOverMinor,
        List<ShippingMethod.WeightBand> weightBands,
        Integer minDays,
        Integer maxDays,
        Boolean active) {

    private static final Set<String> KINDS = Set.of("FLAT", "WEIGHT", "FREE_OVER", "EXPRESS");

    MethodInput normalized() {
        var fields = new Fields();
        String k = kind == null ? null : kind.trim().toUpperCase(Locale.ROOT);
        String c = currency == null ? null : currency.trim().toUpperCase(Locale.ROOT);
        fields.require(
                name != null && !name.isBlank() && name.length() <= 200, "name", "is required (up to 200 characters)");
        fields.require(k != null && KINDS.contains(k), "kind", "must be one of FLAT, WEIGHT, FREE_OVER, EXPRESS");
        fields.require(Fields.isCurrency(c), "currency", "must be an ISO 4217 code");
        fields.require(minDays != null && minDays >= 0, "minDays", "is required and must not be negative");
        fields.require(
                maxDays != null && minDays != null && maxDays >= minDays,
                "maxDays",
                "is required and must be >= minDays");
        List<ShippingMethod.WeightBand> bands = List.of();
        if ("WEIGHT".equals(k)) {
            fields.require(weightBands != null && !weightBands.isEmpty(), "weightBands", "are required for WEIGHT");
            if (weightBands != null) {
                long previous = -1;
                for (int i = 0; i < weightBands.size(); i++) {
                    var band = weightBands.get(i);
                    boolean valid = band != null
                            && band.upToGrams() != null
                            && band.upToGrams() > previous
                            && band.rateMinor() != null
                            && band.rateMinor() >= 0;
                    fields.require(
                            valid,
                            "weightBands[" + i + "]",
                            "needs upToGrams (ascending) and a non-negative rateMinor");
                    if (valid) {
                        previous = band.upToGrams();
                    }
                }
                bands = List.copyOf(weightBands);
            }
        } else if (k != null) {
            fields.require(rateMinor != null && rateMinor >= 0, "rateMinor", "is required and must not be negative");
            fields.require(weightBands == null || weightBands.isEmpty(), "weightBands", "apply only to WEIGHT");
        }
        if ("FREE_OVER".equals(k)) {
            fields.require(freeOverMinor != null && freeOverMinor >= 0, "freeOverMinor", "is required for FREE_OVER");
        } else {
            fields.require(freeOverMinor == null, "freeOverMinor", "applies only to FREE_OVER");
        }
        fields.throwIfAny();
        return new MethodInput(
                name.trim(),
                k,
                c,
                "WEIGHT".equals(k) ? null : rateMinor,
                freeOverMinor,
                bands,
                minDays,
                maxDays,
                active == null || active);
    }
}
