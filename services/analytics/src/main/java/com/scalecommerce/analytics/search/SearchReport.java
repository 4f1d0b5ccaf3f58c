package com.scalecommerce.analytics.search;

import static com.scalecommerce.analytics.report.ReportFormat.ratio;

import com.scalecommerce.analytics.report.BucketSeries;
import com.scalecommerce.analytics.report.ReportRange;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * What shoppers look for: the most frequent queries, and the ones that found nothing (the catalog's gaps, or
 * synonyms search lacks). Queries are grouped as ingest normalised them (trimmed, lower case). One query: both
 * rankings and the totals are window functions over the same per-query aggregate.
 */
@ApplicationScoped
class SearchReport {

    private static final String SQL = "with q as (select query, count(*) as searches,"
            + " round(avg(result_count), 2) as average_results,"
            + " count(*) filter (where result_count = 0) as zero_results"
            + " from fact_search where at >= ? and at < ? group by query), ranked as ("
            + " select q.*, row_number() over (order by searches desc, query) as top_rank,"
            + " row_number() over (order by zero_results desc, query) as zero_rank,"
            + " sum(searches) over () as total_searches, sum(zero_results) over () as total_zero,"
            + " count(*) over () as distinct_queries from q)"
            + " select * from ranked where top_rank <= ? or (zero_results > 0 and zero_rank <= ?)";

    private final AgroalDataSource db;

    SearchReport(AgroalDataSource db) {
        this.db = db;
    }

    record TopQuery(String query, long searches, double averageResults) {}

    record ZeroResultQuery(String query, long searches) {}

    record Searches(
            Instant from,
            Instant to,
            long searches,
            long zeroResultSearches,
            Double zeroResultRate,
            long distinctQueries,
            List<TopQuery> topQueries,
            List<ZeroResultQuery> zeroResultQueries) {}

    Searches run(ReportRange range, int limit) {
        try (var connection = db.getConnection();
                var query = connection.prepareStatement(SQL)) {
            query.setObject(1, BucketSeries.utc(range.from()));
            query.setObject(2, BucketSeries.utc(range.to()));
            query.setInt(3, limit);
            query.setInt(4, limit);
            var top = new ArrayList<Ranked<TopQuery>>();
            var zero = new ArrayList<Ranked<ZeroResultQuery>>();
            long searches = 0, zeroResults = 0, distinct = 0;
            try (var rows = query.executeQuery()) {
                while (rows.next()) {
                    searches = rows.getLong("total_searches");
                    zeroResults = rows.getLong("total_zero");
                    distinct = rows.getLong("distinct_queries");
                    String text = rows.getString("query");
                    if (rows.getLong("top_rank") <= limit) {
                        top.add(new Ranked<>(
                                rows.getLong("top_rank"),
                                new TopQuery(text, rows.getLong("searches"), rows.getDouble("average_results"))));
                    }
                    long zeroCount = rows.getLong("zero_results");
                    if (zeroCount > 0 && rows.getLong("zero_rank") <= limit) {
                        zero.add(new Ranked<>(rows.getLong("zero_rank"), new ZeroResultQuery(text, zeroCount)));
                    }
                }
            }
            return new Searches(
                    range.from(),
                    range.to(),
                    searches,
                    zeroResults,
                    ratio(zeroResults, searches),
                    distinct,
                    Ranked.sorted(top),
                    Ranked.sorted(zero));
        } catch (SQLException e) {
            throw new IllegalStateException("search report failed", e);
        }
    }

    private record Ranked<T>(long rank, T row) {
        static <T> List<T> sorted(List<Ranked<T>> rows) {
            return rows.stream()
                    .sorted(java.util.Comparator.comparingLong(Ranked::rank))
                    .map(Ranked::row)
                    .toList();
        }
    }
}
