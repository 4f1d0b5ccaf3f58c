package com.scalecommerce.web.storefront;

import io.quarkus.qute.TemplateExtension;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Currency;
import java.util.Locale;

/** Formatting the templates share: {@code {fmt:money(minor, currency)}}, {@code {fmt:stars(avg)}}. */
@TemplateExtension(namespace = "fmt")
public class Formats {

    private Formats() {}

    /** Minor units as the currency's symbol and its decimals, e.g. 1999 EUR -> €19.99, -700 EUR -> -€7.00. */
    public static String money(Long minor, String currency) {
        if (minor == null || currency == null) {
            return "";
        }
        Currency unit = Currency.getInstance(currency);
        int digits = Math.max(unit.getDefaultFractionDigits(), 0);
        return (minor < 0 ? "-" : "")
                + unit.getSymbol(Locale.US)
                + String.format(Locale.US, "%,." + digits + "f", BigDecimal.valueOf(Math.abs(minor), digits));
    }

    /** A price range for a card: one price, or "from" the lowest when variants differ. */
    static String priceRange(Long min, Long max, String currency) {
        if (max != null && min != null && max > min) {
            return "from " + money(min, currency);
        }
        return money(min, currency);
    }

    static String stars(BigDecimal average) {
        return average == null
                ? "0.0"
                : average.setScale(1, RoundingMode.HALF_UP).toPlainString();
    }
}
