package com.scalecommerce.orders.pricing;

import com.scalecommerce.orders.pricing.discount.AppliedDiscount;
import com.scalecommerce.orders.pricing.shipping.ShippingOption;
import java.math.BigDecimal;
import java.util.List;

/**
 * A priced cart. With prices excluding tax, total = subtotal - discount + shipping + tax; with prices
 * including tax, total = subtotal - discount + shipping and {@code taxMinor} is the part of it that is tax.
 * {@code discount} and {@code shipping} are null when none applies.
 */
public record Quote(
        String currency,
        long subtotalMinor,
        long discountMinor,
        long shippingMinor,
        long taxMinor,
        long totalMinor,
        boolean pricesIncludeTax,
        BigDecimal taxRatePercent,
        long shippingTaxMinor,
        AppliedDiscount discount,
        ShippingOption shipping,
        List<Line> lines) {

    /** {@code amountMinor} = unit price x quantity; its share of the discount; tax on what remains. */
    public record Line(
            String sku, int quantity, long unitPriceMinor, long amountMinor, long discountMinor, long taxMinor) {}
}
