package com.scalecommerce.web.admin.forms;

import com.scalecommerce.web.http.Refused.FieldError;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns what an admin typed into the values the services' APIs take, collecting one message per field that does
 * not parse, so the form comes back with every problem at once and nothing is sent. People type prices as
 * "19.99", the APIs take integer minor units; people pick times in a {@code datetime-local} input, read as UTC.
 */
public final class FormValues {

    private static final DateTimeFormatter LOCAL_MINUTES = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm");

    private final List<FieldError> errors = new ArrayList<>();

    public List<FieldError> errors() {
        return List.copyOf(errors);
    }

    public boolean valid() {
        return errors.isEmpty();
    }

    public void reject(String field, String message) {
        errors.add(new FieldError(field, message));
    }

    /** Stripped text, or null when blank. */
    public static String text(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    public String required(String field, String value) {
        String text = text(value);
        if (text == null) {
            reject(field, "is required");
        }
        return text;
    }

    /** "19.99" in {@code currency} as minor units (1999); blank is null. */
    public Long money(String field, String value, String currency) {
        String text = text(value);
        if (text == null) {
            return null;
        }
        int digits = fractionDigits(currency);
        try {
            BigDecimal amount = new BigDecimal(text.replace(",", ""));
            if (amount.signum() < 0) {
                reject(field, "must not be negative");
                return null;
            }
            if (amount.stripTrailingZeros().scale() > digits) {
                reject(field, "has more than " + digits + " decimals");
                return null;
            }
            return amount.movePointRight(digits).longValueExact();
        } catch (NumberFormatException | ArithmeticException e) {
            reject(field, "must be an amount such as 19.99");
            return null;
        }
    }

    public Integer integer(String field, String value) {
        String text = text(value);
        if (text == null) {
            return null;
        }
        try {
            return Integer.valueOf(text);
        } catch (NumberFormatException e) {
            reject(field, "must be a whole number");
            return null;
        }
    }

    public Long wholeNumber(String field, String value) {
        String text = text(value);
        if (text == null) {
            return null;
        }
        try {
            return Long.valueOf(text);
        } catch (NumberFormatException e) {
            reject(field, "must be a whole number");
            return null;
        }
    }

    public BigDecimal decimal(String field, String value) {
        String text = text(value);
        if (text == null) {
            return null;
        }
        try {
            return new BigDecimal(text);
        } catch (NumberFormatException e) {
            reject(field, "must be a number such as 7.5");
            return null;
        }
    }

    /** A {@code datetime-local} value ("2026-05-01T09:30"), read as UTC; blank is null. */
    public Instant utcTime(String field, String value) {
        String text = text(value);
        if (text == null) {
            return null;
        }
        try {
            String minutes = text.length() > 16 ? text.substring(0, 16) : text;
            return LocalDateTime.parse(minutes, LOCAL_MINUTES).toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException e) {
            reject(field, "must be a date and time such as 2026-05-01T09:30");
            return null;
        }
    }

    /**
     * "name: value" lines (blank lines skipped) as an ordered map; a line without a colon is a problem of
     * {@code field}.
     */
    public Map<String, String> pairs(String field, String value) {
        var pairs = new LinkedHashMap<String, String>();
        if (value == null) {
            return pairs;
        }
        for (String line : value.split("\\R")) {
            if (line.isBlank()) {
                continue;
            }
            int colon = line.indexOf(':');
            if (colon <= 0) {
                reject(field, "write one \"name: value\" per line (\"" + line.strip() + "\" has no name)");
                continue;
            }
            pairs.put(
                    line.substring(0, colon).strip(), line.substring(colon + 1).strip());
        }
        return pairs;
    }

    /** Minor units back into what the admin would type ("19.99"); empty for null. */
    public static String amount(Long minor, String currency) {
        if (minor == null) {
            return "";
        }
        return BigDecimal.valueOf(minor, fractionDigits(currency)).toPlainString();
    }

    /** An instant as a {@code datetime-local} value in UTC; empty for null. */
    public static String utcInput(Instant at) {
        return at == null
                ? ""
                : LOCAL_MINUTES.format(at.atOffset(ZoneOffset.UTC).truncatedTo(ChronoUnit.MINUTES));
    }

    /** "name: value" lines for a textarea. */
    public static String lines(Map<String, ?> pairs) {
        if (pairs == null || pairs.isEmpty()) {
            return "";
        }
        var text = new StringBuilder();
        pairs.forEach((name, value) ->
                text.append(name).append(": ").append(display(value)).append('\n'));
        return text.toString();
    }

    private static String display(Object value) {
        if (value instanceof List<?> list) {
            return String.join(", ", list.stream().map(String::valueOf).toList());
        }
        return String.valueOf(value);
    }

    private static int fractionDigits(String currency) {
        try {
            return Math.max(
                    Currency.getInstance(currency == null ? "USD" : currency).getDefaultFractionDigits(), 0);
        } catch (IllegalArgumentException e) {
            return 2;
        }
    }
}
