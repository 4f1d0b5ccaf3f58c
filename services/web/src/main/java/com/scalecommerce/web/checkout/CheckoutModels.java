package com.scalecommerce.web.checkout;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.qute.TemplateData;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The checkout's reading of the services' answers (orders' cart view, quote, shipping options, checkout result and
 * order; users' address book; products' variant weights) and the bodies it sends. Only what the pages use; unknown
 * fields are ignored so the services can grow. Orders never receives a price from here.
 */
final class CheckoutModels {

    private CheckoutModels() {}

    // --- orders: the cart -----------------------------------------------------------------------------------

    @TemplateData
    @JsonIgnoreProperties(ignoreUnknown = true)
    record Cart(
            List<CartLine> lines,
            String currency,
            long subtotalMinor,
            long totalMinor,
            String discountCode,
            DiscountProblem discountProblem) {

        boolean empty() {
            return lines == null || lines.isEmpty();
        }

        List<CartLine> unavailable() {
            return lines == null
                    ? List.of()
                    : lines.stream().filter(l -> !l.available()).toList();
        }
    }

    @TemplateData
    @JsonIgnoreProperties(ignoreUnknown = true)
    record CartLine(
            String sku,
            UUID productId,
            String name,
            Map<String, String> options,
            String image,
            Long unitPriceMinor,
            int quantity,
            long lineTotalMinor,
            boolean available) {}

    @TemplateData
    @JsonIgnoreProperties(ignoreUnknown = true)
    record DiscountProblem(String code, String detail) {}

    // --- orders: pricing ------------------------------------------------------------------------------------

    @JsonIgnoreProperties(ignoreUnknown = true)
    record ShippingOptions(String country, String region, String currency, List<ShippingOption> options) {}

    @TemplateData
    @JsonIgnoreProperties(ignoreUnknown = true)
    record ShippingOption(
            UUID methodId, String name, String kind, long priceMinor, String currency, Estimate deliveryEstimate) {}

    @TemplateData
    @JsonIgnoreProperties(ignoreUnknown = true)
    record Estimate(int minDays, int maxDays) {}

    /** {@code POST /api/checkout/quote}: prices are the cart's (orders' own, read from products), never ours. */
    record QuoteRequest(
            String currency,
            List<QuoteLine> lines,
            Destination destination,
            UUID shippingMethodId,
            String discountCode) {}

    record QuoteLine(String sku, Long unitPriceMinor, Integer quantity, Long weightGrams) {}

    record Destination(String country, String region) {}

    @TemplateData
    @JsonIgnoreProperties(ignoreUnknown = true)
    record Quote(
            String currency,
            long subtotalMinor,
            long discountMinor,
            long shippingMinor,
            long taxMinor,
            long totalMinor,
            boolean pricesIncludeTax,
            java.math.BigDecimal taxRatePercent,
            AppliedDiscount discount,
            ShippingOption shipping) {}

    @TemplateData
    @JsonIgnoreProperties(ignoreUnknown = true)
    record AppliedDiscount(String code) {}

    // --- orders: placing the order --------------------------------------------------------------------------

    /** The body of {@code POST /api/checkout}; null members are left out (orders then uses its defaults). */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record PlaceOrder(
            String email,
            UUID shippingAddressId,
            AddressBody shippingAddress,
            UUID shippingMethodId,
            String discountCode,
            String paymentMethod,
            Long expectedTotalMinor) {}

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record AddressBody(
            String recipientName,
            String company,
            String line1,
            String line2,
            String city,
            String region,
            String postalCode,
            String country,
            String phone) {}

    /** 201 (paid) or 202 (the payment awaits 3-D Secure). */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record CheckoutResult(Order order, Payment payment) {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Payment(
            String status, String declineCode, String clientSecret, String nextActionType, String nextActionUrl) {}

    @TemplateData
    @JsonIgnoreProperties(ignoreUnknown = true)
    record Order(
            UUID id,
            long number,
            String email,
            String status,
            String currency,
            long subtotalMinor,
            long discountMinor,
            long shippingMinor,
            long taxMinor,
            long totalMinor,
            JsonNode shippingAddress,
            String shippingMethod,
            List<OrderLine> lines) {}

    @TemplateData
    @JsonIgnoreProperties(ignoreUnknown = true)
    record OrderLine(String sku, String name, int quantity, long unitPriceMinor, long lineTotalMinor) {}

    /** The sandbox gateway's 3-D Secure page. */
    record Challenge(String clientSecret, boolean approve) {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    record ChallengeOutcome(String id, String status) {}

    // --- users: the address book ----------------------------------------------------------------------------

    @TemplateData
    @JsonIgnoreProperties(ignoreUnknown = true)
    record BookAddress(
            UUID id,
            String label,
            String recipientName,
            String company,
            String line1,
            String line2,
            String city,
            String region,
            String postalCode,
            String country,
            String phone,
            boolean defaultShipping) {}

    // --- products: weights for weight-based shipping --------------------------------------------------------

    @JsonIgnoreProperties(ignoreUnknown = true)
    record ProductWeights(UUID id, List<VariantWeight> variants) {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    record VariantWeight(String sku, Integer weightGrams) {}

    /** A problem+json answer, with orders' checkout extensions (the order, the decline, the shortages). */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record CheckoutProblem(
            String code,
            String title,
            String detail,
            UUID orderId,
            String declineCode,
            List<Shortage> shortages,
            List<com.scalecommerce.web.http.Refused.FieldError> errors) {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Shortage(String sku, int requested, int available) {}
}
