package com.scalecommerce.web.cart;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.quarkus.qute.TemplateData;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The web app's reading of orders' cart view (orders' CartView) and the request bodies it sends. Only what the
 * cart page shows; unknown fields ignored so orders can grow. Orders never receives a price from here.
 */
final class CartModels {

    private CartModels() {}

    @TemplateData
    @JsonIgnoreProperties(ignoreUnknown = true)
    record CartView(
            List<Line> lines,
            String currency,
            long subtotalMinor,
            int itemCount,
            List<Adjustment> adjustments,
            long totalMinor,
            boolean needsAttention,
            String discountCode,
            DiscountProblem discountProblem,
            Destination destination) {

        static CartView empty() {
            return new CartView(List.of(), null, 0, 0, List.of(), 0, false, null, null, null);
        }
    }

    @TemplateData
    @JsonIgnoreProperties(ignoreUnknown = true)
    record Line(
            String sku,
            UUID productId,
            String name,
            Map<String, String> options,
            String image,
            Long unitPriceMinor,
            int quantity,
            long lineTotalMinor,
            boolean available,
            boolean priceChanged,
            Long previousUnitPriceMinor) {}

    /** {@code kind} DISCOUNT, SHIPPING or TAX; {@code included}: tax already inside the prices, not added. */
    @TemplateData
    @JsonIgnoreProperties(ignoreUnknown = true)
    record Adjustment(String kind, String code, String label, long amountMinor, boolean included) {}

    @TemplateData
    @JsonIgnoreProperties(ignoreUnknown = true)
    record DiscountProblem(String code, String detail) {}

    @TemplateData
    @JsonIgnoreProperties(ignoreUnknown = true)
    record Destination(String country, String region, String source) {}

    record AddItem(UUID productId, String sku, int quantity) {}

    record Quantity(int quantity) {}

    record Code(String code) {}

    record Where(String country, String region) {}
}
