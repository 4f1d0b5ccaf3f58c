package com.scalecommerce.analytics.report;

import com.scalecommerce.platform.web.problem.Problem;
import com.scalecommerce.platform.web.problem.ProblemException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The period a report covers and how finely it is bucketed. {@code from} is inclusive, {@code to} exclusive;
 * both accept a date ({@code 2026-11-01}, midnight UTC) or an instant. Defaults: the last 30 days, by day.
 * Buckets are PostgreSQL {@code date_trunc} units in UTC; a range may hold at most {@link #MAX_BUCKETS} of them
 * so that no request can ask for a million hourly rows.
 */
public record ReportRange(Instant from, Instant to, Granularity granularity) {

    public static final int MAX_BUCKETS = 2_000;

    public enum Granularity {
        HOUR(Duration.ofHours(1)),
        DAY(Duration.ofDays(1)),
        WEEK(Duration.ofDays(7)),
        MONTH(Duration.ofDays(28));

        private final Duration shortest;

        Granularity(Duration shortest) {
            this.shortest = shortest;
        }

        /** The date_trunc unit. */
        public String unit() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** Parses query parameters; every problem is a 400 naming its parameter. */
    public static ReportRange parse(String from, String to, String granularity) {
        var errors = new ArrayList<Problem.FieldError>();
        Instant end = to == null || to.isBlank() ? tomorrow() : instant("to", to, errors);
        Instant start = from == null || from.isBlank()
                ? (end == null ? null : end.minus(Duration.ofDays(30)))
                : instant("from", from, errors);
        Granularity unit = Granularity.DAY;
        if (granularity != null && !granularity.isBlank()) {
            try {
                unit = Granularity.valueOf(granularity.trim().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                errors.add(new Problem.FieldError("granularity", "must be one of hour, day, week, month"));
            }
        }
        if (start != null && end != null) {
            if (!start.isBefore(end)) {
                errors.add(new Problem.FieldError("from", "must be before to"));
            } else if (Duration.between(start, end).dividedBy(unit.shortest) > MAX_BUCKETS) {
                errors.add(new Problem.FieldError(
                        "granularity", "is too fine for this range (at most " + MAX_BUCKETS + " buckets)"));
            }
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalidFields(errors);
        }
        return new ReportRange(start, end, unit);
    }

    /** The range of the same length just before this one, for "compared with the previous period". */
    public ReportRange previous() {
        Duration length = Duration.between(from, to);
        return new ReportRange(from.minus(length), from, granularity);
    }

    private static Instant instant(String field, String value, List<Problem.FieldError> errors) {
        try {
            if (value.length() == 10) {
                return LocalDate.parse(value).atStartOfDay(ZoneOffset.UTC).toInstant();
            }
            return Instant.parse(value);
        } catch (DateTimeParseException e) {
            errors.add(
                    new Problem.FieldError(field, "must be a date (2026-11-01) or an instant (2026-11-01T00:00:00Z)"));
            return null;
        }
    }

    private static Instant tomorrow() {
        return LocalDate.now(ZoneOffset.UTC)
                .plusDays(1)
                .atStartOfDay(ZoneOffset.UTC)
                .toInstant();
    }
}
