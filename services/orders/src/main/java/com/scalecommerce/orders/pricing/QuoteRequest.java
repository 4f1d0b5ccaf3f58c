package com.scalecommerce.orders.pricing;

import com.scalecommerce.orders.pricing.discount.DiscountCustomer;
import java.util.List;
import java.util.UUID;

/**
 * What to price. Unit prices must come from the products service, never from a shopper. Without a destination
 * the quote has no shipping and no tax yet; with a destination but no method, the cheapest method is the
 * estimate. {@code customer} (optional) makes the per-customer limit of a discount code count.
 */
public record QuoteRequest(
        String currency,
        List<Line> lines,
        Destination destination,
        UUID shippingMethodId,
        String discountCode,
        DiscountCustomer customer) {

    /** {@code weightGrams} is per unit; a line without it weighs nothing. */
    public record Line(String sku, Long unitPriceMinor, Integer quantity, Long weightGrams) {}

    public record Destination(String country, String region) {}
}
