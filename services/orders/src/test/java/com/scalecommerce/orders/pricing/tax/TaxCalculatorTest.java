package com.scalecommerce.orders.pricing.tax;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Known baskets worked out by hand; every amount in minor units. */
class TaxCalculatorTest {

    @Test
    void addsTaxOnTopPerLineRoundedHalfUpWhenPricesExcludeTax() {
        // 1999 x 8.875% = 177.41 -> 177; 698 x 8.875% = 61.9475 -> 62; 200 x 7.25%-style halves are below.
        var taxes = TaxCalculator.calculate(List.of(1999L, 698L), 500, new BigDecimal("8.875"), true, false);

        assertThat(taxes.lineTaxMinor()).containsExactly(177L, 62L);
        assertThat(taxes.shippingTaxMinor()).isEqualTo(44); // 500 x 8.875% = 44.375
        assertThat(taxes.totalMinor()).isEqualTo(177 + 62 + 44);
    }

    @Test
    void roundsAnExactHalfUpNotToEven() {
        // 200 x 7.25% = 14.5: half-up gives 15 (half-even would give 14); 100 x 2.5% = 2.5 -> 3 (half-even: 2).
        var taxes = TaxCalculator.calculate(List.of(200L, 100L), 0, new BigDecimal("7.25"), true, false);
        assertThat(taxes.lineTaxMinor().getFirst()).isEqualTo(15);
        assertThat(TaxCalculator.taxOf(100, new BigDecimal("2.5"), false)).isEqualTo(3);
    }

    @Test
    void extractsTheTaxContainedInGrossPricesWhenPricesIncludeTax() {
        // 20% VAT: 1000 gross holds 1000 x 20/120 = 166.67 -> 167; 1250 holds 208.33 -> 208; 990 holds 165 exactly.
        var taxes = TaxCalculator.calculate(List.of(1000L, 1250L), 990, new BigDecimal("20"), true, true);

        assertThat(taxes.lineTaxMinor()).containsExactly(167L, 208L);
        assertThat(taxes.shippingTaxMinor()).isEqualTo(165);
        assertThat(taxes.totalMinor()).isEqualTo(167 + 208 + 165);
        assertThat(taxes.pricesIncludeTax()).isTrue();
    }

    @Test
    void leavesShippingUntaxedWhereTheRateSaysSo() {
        var taxes = TaxCalculator.calculate(List.of(1000L), 500, new BigDecimal("10"), false, false);
        assertThat(taxes.shippingTaxMinor()).isZero();
        assertThat(taxes.totalMinor()).isEqualTo(100);
    }

    @Test
    void aZeroRateChargesNothing() {
        var taxes = TaxCalculator.calculate(List.of(12345L), 999, BigDecimal.ZERO, true, false);
        assertThat(taxes.totalMinor()).isZero();
    }
}
