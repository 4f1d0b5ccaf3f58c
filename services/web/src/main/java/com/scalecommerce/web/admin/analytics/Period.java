package com.scalecommerce.web.admin.analytics;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;

/**
 * The days a dashboard covers, both ends included as people read a date range ("1 to 7 March"), and how finely a
 * series is bucketed. Analytics takes {@code to} exclusive, so {@link #analyticsTo()} is the day after
 * {@code through}. Dates are UTC days, as analytics buckets them.
 */
public record Period(LocalDate from, LocalDate through, String granularity) {

    public static final List<String> GRANULARITIES = List.of("hour", "day", "week", "month");

    /** Analytics refuses a series of more buckets than this; said here first, in the form's words. */
    static final int MAX_BUCKETS = 2_000;

    /** Nobody reads a report of decades; this also keeps a typo (year 20026) from reaching analytics. */
    static final int MAX_DAYS = 3 * 366;

    /** The last {@code days} days, today included. */
    public static Period lastDays(int days, LocalDate today, String granularity) {
        return new Period(today.minusDays(days - 1L), today, granularity);
    }

    /**
     * A period from a GET form: blank fields fall back to the last 30 days, by day. Answers what is wrong with
     * the input instead, in words for the form.
     */
    public static Parsed parse(String from, String through, String granularity, LocalDate today) {
        LocalDate end = today;
        LocalDate start = today.minusDays(29);
        String unit = "day";
        try {
            if (through != null && !through.isBlank()) {
                end = LocalDate.parse(through.strip());
            }
            if (from != null && !from.isBlank()) {
                start = LocalDate.parse(from.strip());
            } else {
                start = end.minusDays(29);
            }
        } catch (DateTimeParseException e) {
            return Parsed.invalid("Dates must look like 2026-03-01.");
        }
        if (granularity != null && !granularity.isBlank()) {
            unit = granularity.strip();
            if (!GRANULARITIES.contains(unit)) {
                return Parsed.invalid("Group by must be hour, day, week or month.");
            }
        }
        if (start.isAfter(end)) {
            return Parsed.invalid("The start date must not be after the end date.");
        }
        Period period = new Period(start, end, unit);
        if (period.days() > MAX_DAYS) {
            return Parsed.invalid("Choose at most three years.");
        }
        if ("hour".equals(unit) && period.days() * 24 > MAX_BUCKETS) {
            return Parsed.invalid("Hourly figures are available for up to 83 days; group by day instead.");
        }
        return new Parsed(Optional.of(period), null);
    }

    public long days() {
        return ChronoUnit.DAYS.between(from, through) + 1;
    }

    public String analyticsFrom() {
        return from.toString();
    }

    public String analyticsTo() {
        return through.plusDays(1).toString();
    }

    /** The query string of this period in the admin pages' own parameters (from, to inclusive, granularity). */
    public String query() {
        return "from=" + from + "&to=" + through + "&granularity=" + granularity;
    }

    /** A parsed period, or the reason the form's input is not one. */
    public record Parsed(Optional<Period> period, String problem) {
        static Parsed invalid(String problem) {
            return new Parsed(Optional.empty(), problem);
        }
    }
}
