package com.scalecommerce.analytics.report;

import com.scalecommerce.platform.web.problem.ProblemException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import java.util.Locale;

/** The request parameters every report shares beyond its range: the output format and the length of a top list. */
public final class ReportOutput {

    private ReportOutput() {}

    /**
     * CSV when {@code ?format=csv} or when the client accepts {@code text/csv} (a spreadsheet download link cannot
     * set headers, an API client can); JSON otherwise. An explicit {@code format} wins over the Accept header.
     */
    public static boolean csv(HttpHeaders headers, String format) {
        if (format != null && !format.isBlank()) {
            return switch (format.trim().toLowerCase(Locale.ROOT)) {
                case "csv" -> true;
                case "json" -> false;
                default -> throw ProblemException.invalidField("format", "must be json or csv");
            };
        }
        return headers.getAcceptableMediaTypes().stream()
                .anyMatch(type -> !type.isWildcardType() && type.isCompatible(MediaType.valueOf(Csv.MEDIA_TYPE)));
    }

    /** A top-N length: {@code fallback} when absent, otherwise 1 to {@code max}; anything else is a 400. */
    public static int limit(String value, int fallback, int max) {
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            int limit = Integer.parseInt(value.trim());
            if (limit >= 1 && limit <= max) {
                return limit;
            }
        } catch (NumberFormatException notANumber) {
            // answered below like an out-of-range number
        }
        throw ProblemException.invalidField("limit", "must be a whole number from 1 to " + max);
    }
}
