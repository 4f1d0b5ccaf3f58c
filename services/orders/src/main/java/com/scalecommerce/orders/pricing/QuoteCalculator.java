package com.scalecommerce.orders.pricing;

import com.scalecommerce.orders.pricing.discount.AppliedDiscount;
import com.scalecommerce.orders.pricing.discount.Discounts;
import com.scalecommerce.orders.pricing.shipping.ShippingOption;
import com.scalecommerce.orders.pricing.shipping.ShippingRates;
import com.scalecommerce.orders.pricing.tax.TaxCalculator;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.IntStream;

/**
 * Prices a cart: subtotal, the discount code's share of each line, shipping, tax per line and the total. The
 * cart view and checkout both call it, so the shopper sees the amount that will be charged.
 *
 * <p>Order of rules: the code's minimum subtotal is checked against the undiscounted subtotal; free-shipping
 * thresholds against the discounted one (a code must not also buy free shipping); tax is on the discounted
 * line amounts, so the discount is spread over the lines in proportion to their amounts (largest remainder,
 * so the shares add up to the discount exactly).
 */
@ApplicationScoped
public class QuoteCalculator {

    private static final int MAX_LINES = 500;
    // Bounds keep every sum inside a long: 500 lines x 10,000 units x 10^12 stays below 2^63.
    private static final long MAX_UNIT_PRICE_MINOR = 1_000_000_000_000L;
    private static final long MAX_UNIT_WEIGHT_GRAMS = 1_000_000_000L;

    private final ShippingRates shipping;
    private final TaxCalculator tax;
    private final Discounts discounts;

    QuoteCalculator(ShippingRates shipping, TaxCalculator tax, Discounts discounts) {
        this.shipping = shipping;
        this.tax = tax;
        this.discounts = discounts;
    }

    public Quote quote(QuoteRequest request) {
        String currency =
                request.currency() == null ? null : request.currency().trim().toUpperCase(Locale.ROOT);
        String country = request.destination() == null
                ? null
                : Fields.country(request.destination().country());
        String region = request.destination() == null
                ? ""
                : Fields.region(request.destination().region());
        validate(request, currency, country);

        List<QuoteRequest.Line> lines = request.lines();
        long[] amounts = new long[lines.size()];
        long subtotal = 0;
        long weight = 0;
        for (int i = 0; i < lines.size(); i++) {
            var line = lines.get(i);
            amounts[i] = Math.multiplyExact(line.unitPriceMinor(), (long) line.quantity());
            subtotal = Math.addExact(subtotal, amounts[i]);
            if (line.weightGrams() != null) {
                weight = Math.addExact(weight, Math.multiplyExact(line.weightGrams(), (long) line.quantity()));
            }
        }

        AppliedDiscount discount =
                request.discountCode() == null || request.discountCode().isBlank()
                        ? null
                        : discounts.validate(request.discountCode(), request.customer(), subtotal, currency);
        long discountTotal = discount == null ? 0 : discount.amountMinor();
        long[] lineDiscounts = spread(discountTotal, amounts, subtotal);

        ShippingOption option = null;
        if (country != null) {
            var parcel = new ShippingRates.Parcel(currency, subtotal - discountTotal, weight);
            option = request.shippingMethodId() != null
                    ? shipping.option(request.shippingMethodId(), country, region, parcel)
                    : shipping.options(country, region, parcel).stream()
                            .findFirst()
                            .orElse(null);
        }
        long shippingMinor = option == null ? 0 : option.priceMinor();

        List<Long> taxable = IntStream.range(0, amounts.length)
                .mapToObj(i -> amounts[i] - lineDiscounts[i])
                .toList();
        TaxCalculator.TaxBreakdown taxes = country == null
                ? new TaxCalculator.TaxBreakdown(
                        BigDecimal.ZERO, false, taxable.stream().map(a -> 0L).toList(), 0, 0)
                : tax.calculate(taxable, shippingMinor, country, region);

        var quoted = new ArrayList<Quote.Line>(lines.size());
        for (int i = 0; i < lines.size(); i++) {
            var line = lines.get(i);
            quoted.add(new Quote.Line(
                    line.sku(),
                    line.quantity(),
                    line.unitPriceMinor(),
                    amounts[i],
                    lineDiscounts[i],
                    taxes.lineTaxMinor().get(i)));
        }
        long total = subtotal - discountTotal + shippingMinor + (taxes.pricesIncludeTax() ? 0 : taxes.totalMinor());
        return new Quote(
                currency,
                subtotal,
                discountTotal,
                shippingMinor,
                taxes.totalMinor(),
                total,
                taxes.pricesIncludeTax(),
                taxes.ratePercent(),
                taxes.shippingTaxMinor(),
                discount,
                option,
                quoted);
    }

    /** Shares of {@code total} proportional to {@code amounts}, summing to {@code total} exactly. */
    static long[] spread(long total, long[] amounts, long sum) {
        long[] shares = new long[amounts.length];
        if (total == 0 || sum == 0) {
            return shares;
        }
        long[] remainders = new long[amounts.length];
        long given = 0;
        for (int i = 0; i < amounts.length; i++) {
            var exact = BigDecimal.valueOf(amounts[i]).multiply(BigDecimal.valueOf(total));
            var divided = exact.divideAndRemainder(BigDecimal.valueOf(sum));
            shares[i] = divided[0].longValueExact();
            remainders[i] = divided[1].longValueExact();
            given += shares[i];
        }
        long left = total - given;
        Integer[] order = IntStream.range(0, amounts.length).boxed().toArray(Integer[]::new);
        java.util.Arrays.sort(
                order, Comparator.comparingLong((Integer i) -> -remainders[i]).thenComparingInt(i -> i));
        for (int k = 0; k < left; k++) {
            shares[order[k]]++;
        }
        return shares;
    }

    private static void validate(QuoteRequest request, String currency, String country) {
        var fields = new Fields();
        fields.require(Fields.isCurrency(currency), "currency", "must be an ISO 4217 code");
        var lines = request.lines();
        fields.require(
                lines != null && !lines.isEmpty() && lines.size() <= MAX_LINES, "lines", "must hold 1 to 500 lines");
        if (lines != null) {
            for (int i = 0; i < lines.size(); i++) {
                var line = lines.get(i);
                String at = "lines[" + i + "]";
                if (line == null) {
                    fields.reject(at, "is required");
                    continue;
                }
                fields.require(line.sku() != null && !line.sku().isBlank(), at + ".sku", "is required");
                fields.require(
                        line.unitPriceMinor() != null
                                && line.unitPriceMinor() >= 0
                                && line.unitPriceMinor() <= MAX_UNIT_PRICE_MINOR,
                        at + ".unitPriceMinor",
                        "is required, from 0 to 10^12");
                fields.require(
                        line.quantity() != null && line.quantity() > 0 && line.quantity() <= 10_000,
                        at + ".quantity",
                        "must be between 1 and 10000");
                fields.require(
                        line.weightGrams() == null
                                || (line.weightGrams() >= 0 && line.weightGrams() <= MAX_UNIT_WEIGHT_GRAMS),
                        at + ".weightGrams",
                        "must be from 0 to 10^9");
            }
        }
        if (request.destination() != null) {
            fields.require(Fields.isCountry(country), "destination.country", "must be an ISO 3166-1 alpha-2 code");
        }
        fields.require(
                request.shippingMethodId() == null || request.destination() != null,
                "destination",
                "is required to choose a shipping method");
        fields.throwIfAny();
    }
}
