package com.scalecommerce.analytics.report;

import com.scalecommerce.platform.web.problem.ProblemException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import java.util.Locale;

/**
 * JSON or CSV. {@code ?format=csv} wins over the Accept header because a download link in a browser cannot set
 * headers; a wildcard Accept ({@code *}{@code /*}, what browsers and curl send) means JSON.
 */
public final class ReportFormat {

    private static final MediaType CSV = MediaType.valueOf(Csv.MEDIA_TYPE);

    private ReportFormat() {}

    /**
     * CSV when {@code ?format=csv} or when the client accepts {@code text/csv} (a spreadsheet download link cannot
     * set headers, an API client can); JSON otherwise. An explicit {@code format} wins over the Accept header.
     */
    public static boolean csv(String format, HttpHeaders headers) {
        if (format != null && !format.isBlank()) {
            return switch (format.trim().toLowerCase(Locale.ROOT)) {
                case "csv" -> true;
                case "json" -> false;
                default -> throw ProblemException.invalidField("format", "must be json or csv");
            };
        }
        return headers.getAcceptableMediaTypes().stream()
                .anyMatch(type -> !type.isWildcardType() && !type.isWildcardSubtype() && type.isCompatible(CSV));
    }

    /** A ratio rounded to four places for stable figures in JSON and CSV, or null when there is nothing to divide by. */
    public static Double ratio(long numerator, long denominator) {
        if (denominator == 0) {
            return null;
        }
        return Math.round(10_000.0 * numerator / denominator) / 10_000.0;
    }

    /** Parses an optional {@code limit}: a 400 naming it when it is not a whole number in 1..max. */
    public static int limit(String value, int defaultLimit, int max) {
        if (value == null || value.isBlank()) {
            return defaultLimit;
        }
        try {
            int limit = Integer.parseInt(value.trim());
            if (limit >= 1 && limit <= max) {
                return limit;
            }
        } catch (NumberFormatException notANumber) {
            // answered below
        }
        throw ProblemException.invalidField("limit", "must be a whole number from 1 to " + max);
    }
}
