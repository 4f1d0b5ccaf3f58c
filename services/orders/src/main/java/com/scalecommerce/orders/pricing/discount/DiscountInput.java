package com.scalecommerce.orders.pricing.discount;

import com.scalecommerce.orders.pricing.Fields;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.Locale;
import java.util.regex.Pattern;

record DiscountInput(
        String code,
        String kind,
        BigDecimal percentOff,
        Long amountOffMinor,
        String currency,
        Long minSubtotalMinor,
        OffsetDateTime startsAt,
        OffsetDateTime endsAt,
        Integer usageLimit,
        Integer perCustomerLimit,
        Boolean active) {

    private static final Pattern CODE = Pattern.compile("[A-Za-z0-9_-]{3,64}");
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    DiscountInput normalized() {
        var fields = new Fields();
        String k = kind == null ? null : kind.trim().toUpperCase(Locale.ROOT);
        String c = currency == null ? null : currency.trim().toUpperCase(Locale.ROOT);
        fields.require(
                code != null && CODE.matcher(code.trim()).matches(), "code", "must be 3 to 64 letters, digits, _ or -");
        fields.require("PERCENTAGE".equals(k) || "FIXED".equals(k), "kind", "must be PERCENTAGE or FIXED");
        if ("PERCENTAGE".equals(k)) {
            fields.require(
                    percentOff != null
                            && percentOff.signum() > 0
                            && percentOff.compareTo(HUNDRED) <= 0
                            && percentOff.stripTrailingZeros().scale() <= 2,
                    "percentOff",
                    "must be above 0 and at most 100, with at most 2 decimals");
            fields.require(amountOffMinor == null, "amountOffMinor", "applies only to FIXED");
        }
        if ("FIXED".equals(k)) {
            fields.require(amountOffMinor != null && amountOffMinor > 0, "amountOffMinor", "must be positive");
            fields.require(percentOff == null, "percentOff", "applies only to PERCENTAGE");
            fields.require(c != null, "currency", "is required for FIXED");
        }
        fields.require(c == null || Fields.isCurrency(c), "currency", "must be an ISO 4217 code");
        fields.require(minSubtotalMinor == null || minSubtotalMinor >= 0, "minSubtotalMinor", "must not be negative");
        fields.require(minSubtotalMinor == null || c != null, "currency", "is required with minSubtotalMinor");
        fields.require(
                startsAt == null || endsAt == null || endsAt.isAfter(startsAt), "endsAt", "must be after startsAt");
        fields.require(usageLimit == null || usageLimit > 0, "usageLimit", "must be positive");
        fields.require(perCustomerLimit == null || perCustomerLimit > 0, "perCustomerLimit", "must be positive");
        fields.throwIfAny();
        return new DiscountInput(
                code.trim(),
                k,
                percentOff,
                amountOffMinor,
                c,
                minSubtotalMinor,
                startsAt,
                endsAt,
                usageLimit,
                perCustomerLimit,
                active == null || active);
    }
}
