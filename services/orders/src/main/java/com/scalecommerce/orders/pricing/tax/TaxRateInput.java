package com.scalecommerce.orders.pricing.tax;

import com.scalecommerce.orders.pricing.Fields;
import java.math.BigDecimal;

record TaxRateInput(String country, String region, String name, BigDecimal ratePercent, Boolean shippingTaxable) {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    TaxRateInput normalized() {
        String c = Fields.country(country);
        String r = Fields.region(region);
        new Fields()
                .require(Fields.isCountry(c), "country", "must be an ISO 3166-1 alpha-2 code")
                .require(r.length() <= 100, "region", "is too long")
                .require(
                        name != null && !name.isBlank() && name.length() <= 200,
                        "name",
                        "is required (up to 200 characters)")
                .require(
                        ratePercent != null
                                && ratePercent.signum() >= 0
                                && ratePercent.compareTo(HUNDRED) <= 0
                                && ratePercent.stripTrailingZeros().scale() <= 4,
                        "ratePercent",
                        "must be between 0 and 100 with at most 4 decimals")
                .throwIfAny();
        return new TaxRateInput(c, r, name.trim(), ratePercent, shippingTaxable == null || shippingTaxable);
    }
}
