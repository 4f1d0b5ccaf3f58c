package com.scalecommerce.analytics.report;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/**
 * Every bucket of a range as SQL, so a series has a row for an hour or day with no events (charts without gaps).
 * Buckets are UTC wall-clock {@code timestamp}s ({@code date_trunc(unit, ts at time zone 'UTC')}): stepping
 * a month or a day there never shifts with a session time zone's daylight saving.
 */
public final class BucketSeries {

    /** A CTE body yielding column {@code bucket}; bind with {@link #bind}, 5 parameters. */
    public static final String SQL = "select generate_series(date_trunc(?, ?::timestamptz at time zone 'UTC'),"
            + " date_trunc(?, (?::timestamptz - interval '1 microsecond') at time zone 'UTC'), ?::interval) as bucket";

    /** The bucket expression of a timestamptz column; bind the unit with {@link ReportRange.Granularity#unit()}. */
    public static String of(String column) {
        return "date_trunc(?, " + column + " at time zone 'UTC')";
    }

    private BucketSeries() {}

    /** Binds {@link #SQL} from parameter {@code index}; answers the next free index. */
    public static int bind(PreparedStatement statement, int index, ReportRange range) throws SQLException {
        String unit = range.granularity().unit();
        statement.setString(index, unit);
        statement.setObject(index + 1, utc(range.from()));
        statement.setString(index + 2, unit);
        statement.setObject(index + 3, utc(range.to()));
        statement.setString(index + 4, "1 " + unit);
        return index + 5;
    }

    public static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }

    public static Instant bucket(ResultSet rows, String column) throws SQLException {
        LocalDateTime bucket = rows.getObject(column, LocalDateTime.class);
        return bucket == null ? null : bucket.toInstant(ZoneOffset.UTC);
    }
}
