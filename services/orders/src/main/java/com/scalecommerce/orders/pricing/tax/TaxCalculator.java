package com.scalecommerce.orders.pricing.tax;

import com.scalecommerce.orders.pricing.PricingConfig;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;

/**
 * Tax for the lines and the shipping of one order. Each line is rounded on its own, half-up to the minor
 * unit (the rule EU VAT and most US states publish), and the total is the sum of the rounded lines, so the
 * invoice lines always add up. Arithmetic is exact decimal on minor units; no floating point.
 */
@ApplicationScoped
public class TaxCalculator {

    static final RoundingMode ROUNDING = RoundingMode.HALF_UP;
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private final TaxRateStore rates;
    private final PricingConfig config;

    TaxCalculator(TaxRateStore rates, PricingConfig config) {
        this.rates = rates;
        this.config = config;
    }

    /**
     * @param ratePercent the rate applied, 0 where no rate is set
     * @param pricesIncludeTax whether the amounts already contained the tax (then the total does not grow)
     */
    public record TaxBreakdown(
            BigDecimal ratePercent,
            boolean pricesIncludeTax,
            List<Long> lineTaxMinor,
            long shippingTaxMinor,
            long totalMinor) {}

    /** Line amounts are what the customer pays for each line after discounts, in minor units. */
    public TaxBreakdown calculate(List<Long> lineAmountsMinor, long shippingMinor, String country, String region) {
        var rate = rates.rateFor(country, region);
        BigDecimal percent = rate.map(TaxRate::ratePercent).orElse(BigDecimal.ZERO);
        boolean shippingTaxable = rate.map(TaxRate::shippingTaxable).orElse(false);
        return calculate(lineAmountsMinor, shippingMinor, percent, shippingTaxable, config.pricesIncludeTax());
    }

    static TaxBreakdown calculate(
            List<Long> lineAmountsMinor,
            long shippingMinor,
            BigDecimal ratePercent,
            boolean shippingTaxable,
            boolean pricesIncludeTax) {
        List<Long> lines = lineAmountsMinor.stream()
                .map(amount -> taxOf(amount, ratePercent, pricesIncludeTax))
                .toList();
        long shipping = shippingTaxable ? taxOf(shippingMinor, ratePercent, pricesIncludeTax) : 0;
        long total = shipping + lines.stream().mapToLong(Long::longValue).sum();
        return new TaxBreakdown(ratePercent, pricesIncludeTax, lines, shipping, total);
    }

    /** Exclusive: amount x rate. Inclusive: the tax inside a gross amount is amount x rate / (100 + rate). */
    static long taxOf(long amountMinor, BigDecimal ratePercent, boolean pricesIncludeTax) {
        BigDecimal amount = BigDecimal.valueOf(amountMinor);
        BigDecimal divisor = pricesIncludeTax ? HUNDRED.add(ratePercent) : HUNDRED;
        return amount.multiply(ratePercent).divide(divisor, 0, ROUNDING).longValueExact();
    }
}
