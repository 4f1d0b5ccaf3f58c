package com.scalecommerce.orders.pricing;

import com.scalecommerce.platform.web.problem.Problem;
import com.scalecommerce.platform.web.problem.ProblemException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/** Collects every field error of one request, so a client learns all of them in one answer. */
public final class Fields {

    private static final Pattern COUNTRY = Pattern.compile("[A-Z]{2}");
    private static final Pattern CURRENCY = Pattern.compile("[A-Z]{3}");

    private final List<Problem.FieldError> errors = new ArrayList<>();

    public Fields reject(String field, String message) {
        errors.add(new Problem.FieldError(field, message));
        return this;
    }

    public Fields require(boolean condition, String field, String message) {
        if (!condition) {
            reject(field, message);
        }
        return this;
    }

    public void throwIfAny() {
        if (!errors.isEmpty()) {
            throw ProblemException.invalidFields(errors);
        }
    }

    public static String country(String value) {
        return value == null ? null : value.trim().toUpperCase(Locale.ROOT);
    }

    /** Regions are stored upper-case and blank for "the whole country". */
    public static String region(String value) {
        return value == null ? "" : value.trim().toUpperCase(Locale.ROOT);
    }

    /** 20.0000 reads as 20, not 2E+1: stripTrailingZeros alone turns whole tens into exponent notation. */
    public static BigDecimal plain(BigDecimal value) {
        if (value == null) {
            return null;
        }
        BigDecimal stripped = value.stripTrailingZeros();
        return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
    }

    public static boolean isCountry(String value) {
        return value != null && COUNTRY.matcher(value).matches();
    }

    public static boolean isCurrency(String value) {
        return value != null && CURRENCY.matcher(value).matches();
    }
}
