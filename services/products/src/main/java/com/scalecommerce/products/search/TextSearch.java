package com.scalecommerce.products.search;

import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.SQLException;

/**
 * Full-text search on PostgreSQL alone. The weighted document (name A, brand/categories B, description C) is kept
 * in {@code product.search_vector} by triggers (V2 migration); queries use web-search syntax ("quoted phrases",
 * -exclusions, or) with accents removed. When full text finds little, trigram word similarity on names blends in
 * for typo tolerance; full-text hits always rank above similarity-only hits.
 *
 * <p>Fragments refer to the product table as {@code p}.
 */
@ApplicationScoped
public class TextSearch {

    private static final String TSQUERY = "websearch_to_tsquery('english', products_unaccent(?))";

    private final SearchConfig config;

    TextSearch(SearchConfig config) {
        this.config = config;
    }

    /** Which products match and how relevant each one is. */
    public record Match(String query, SqlFragment condition, SqlFragment score, boolean fuzzy) {}

    /** The query as searched: trimmed, inner whitespace collapsed, cut to the maximum length. */
    public String normalise(String raw) {
        if (raw == null) {
            return "";
        }
        String q = raw.strip().replaceAll("\\s+", " ");
        return q.length() > config.maxQueryLength() ? q.substring(0, config.maxQueryLength()) : q;
    }

    public Match match(Connection connection, String rawQuery) throws SQLException {
        String q = normalise(rawQuery);
        boolean fuzzy = fullTextHits(connection, q) < config.fuzzyFallbackBelow();
        SqlFragment score = SqlFragment.of(
                "((case when p.search_vector @@ " + TSQUERY + " then 1 + ts_rank(p.search_vector, " + TSQUERY
                        + ") else 0 end) + word_similarity(products_fold(?), products_fold(p.name)))::float8",
                q,
                q,
                q);
        if (!fuzzy) {
            return new Match(q, SqlFragment.of("p.search_vector @@ " + TSQUERY, q), score, false);
        }
        useSimilarityThreshold(connection);
        return new Match(
                q,
                SqlFragment.of(
                        "(p.search_vector @@ " + TSQUERY + " or products_fold(?) <% products_fold(p.name))", q, q),
                score,
                true);
    }

    private int fullTextHits(Connection connection, String q) throws SQLException {
        try (var count = connection.prepareStatement("select count(*) from (select 1 from product p"
                + " where p.status = 'ACTIVE' and p.search_vector @@ " + TSQUERY + " limit ?) hits")) {
            count.setString(1, q);
            count.setInt(2, config.fuzzyFallbackBelow());
            try (var rows = count.executeQuery()) {
                rows.next();
                return rows.getInt(1);
            }
        }
    }

    /**
     * The "<%" operator (which the trigram index serves) compares against a session setting, not an argument.
     * Every caller sets the same value, so leaving it on the pooled connection is harmless.
     */
    void useSimilarityThreshold(Connection connection) throws SQLException {
        try (var set =
                connection.prepareStatement("select set_config('pg_trgm.word_similarity_threshold', ?, false)")) {
            set.setString(1, Double.toString(config.wordSimilarityThreshold()));
            set.execute();
        }
    }

    /** Escapes LIKE wildcards so user input only ever matches literally. */
    public static String escapeLike(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}
