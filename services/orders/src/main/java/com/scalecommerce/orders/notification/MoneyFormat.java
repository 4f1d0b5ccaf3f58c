package com.scalecommerce.orders.notification;

import java.math.BigDecimal;
import java.text.NumberFormat;
import java.util.Currency;
import java.util.Locale;

/**
 * Minor units as a customer reads them: {@code €12.34}, {@code $1,234.50}, {@code ¥500}, {@code BHD 1.250}. The
 * currency decides the number of decimals; symbols and digit grouping are US English, the language of the mails.
 */
final class MoneyFormat {

    private MoneyFormat() {}

    static String format(long minor, String currencyCode) {
        Currency currency = currencyOrNull(currencyCode);
        // Pseudo-currencies (XAU...) report -1 fraction digits; an unknown code cannot say, so show the minor
        // units as they are rather than guess a scale.
        int digits = currency == null ? 0 : Math.max(0, currency.getDefaultFractionDigits());
        BigDecimal amount = BigDecimal.valueOf(minor, digits);
        NumberFormat number = NumberFormat.getNumberInstance(Locale.US);
        number.setMinimumFractionDigits(digits);
        number.setMaximumFractionDigits(digits);
        String symbol = currency == null ? String.valueOf(currencyCode) : currency.getSymbol(Locale.US);
        // A code standing in for a symbol ("CHF") reads better apart from the number.
        String prefix = symbol.chars().allMatch(Character::isLetter) ? symbol + " " : symbol;
        return (amount.signum() < 0 ? "-" : "") + prefix + number.format(amount.abs());
    }

    private static Currency currencyOrNull(String code) {
        if (code == null) {
            return null;
        }
        try {
            return Currency.getInstance(code);
        } catch (IllegalArgumentException unknown) {
            return null;
        }
    }
}
