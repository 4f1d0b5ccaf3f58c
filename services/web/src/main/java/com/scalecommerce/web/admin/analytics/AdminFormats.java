package com.scalecommerce.web.admin.analytics;

import io.quarkus.qute.TemplateExtension;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * Formatting the admin dashboard's pages share: {@code {adminfmt:percent(rate)}} and the like. Times are shown
 * in UTC, the zone analytics buckets in, so a day on a chart and a day in a table are the same day.
 */
@TemplateExtension(namespace = "adminfmt")
public class AdminFormats {

    private static final DateTimeFormatter DATE_TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'", Locale.ROOT).withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter DAY =
            DateTimeFormatter.ofPattern("yyyy-MM-dd", Locale.ROOT).withZone(ZoneOffset.UTC);

    private AdminFormats() {}

    static String dateTime(OffsetDateTime at) {
        return at == null ? "" : DATE_TIME.format(at);
    }

    static String instant(Instant at) {
        return at == null ? "" : DATE_TIME.format(at);
    }

    static String day(Instant at) {
        return at == null ? "" : DAY.format(at);
    }

    /** A fraction (0.1234, as analytics answers rates) as a percentage with one decimal; a dash when none. */
    static String rate(Double fraction) {
        return fraction == null ? "–" : String.format(Locale.ROOT, "%.1f%%", fraction * 100);
    }

    /** A percentage analytics already computed (12.5); a dash when none. */
    static String percent(BigDecimal percent) {
        return percent == null ? "–" : percent.toPlainString() + "%";
    }

    /** A change against the previous period: "+12.5%", "-3.0%", or a note that there is no earlier figure. */
    static String change(BigDecimal percent) {
        if (percent == null) {
            return "no earlier figure";
        }
        return (percent.signum() > 0 ? "+" : "") + percent.toPlainString() + "%";
    }

    static String count(long value) {
        return String.format(Locale.ROOT, "%,d", value);
    }

    /** {@code PARTIALLY_REFUNDED} as "Partially refunded". */
    static String status(String status) {
        if (status == null || status.isEmpty()) {
            return "";
        }
        String words = status.toLowerCase(Locale.ROOT).replace('_', ' ');
        return Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }
}
