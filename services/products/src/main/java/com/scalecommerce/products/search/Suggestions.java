package com.scalecommerce.products.search;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Autocomplete: active products, categories and brands whose name, or a word in it, starts with what was typed.
 * Served by the trigram indexes on folded names (LIKE 'prefix%'); names that start with the text rank before
 * names with a later word that does. When no product name matches, similar names stand in (typos while typing).
 */
@ApplicationScoped
public class Suggestions {

    private final AgroalDataSource db;
    private final TextSearch search;

    Suggestions(AgroalDataSource db, TextSearch search) {
        this.db = db;
        this.search = search;
    }

    public record Suggestion(UUID id, String slug, String name) {}

    public record Suggested(
            String query, List<Suggestion> products, List<Suggestion> categories, List<Suggestion> brands) {}

    public Suggested suggest(String rawQuery, int limit) {
        String q = search.normalise(rawQuery);
        if (q.isEmpty()) {
            return new Suggested(q, List.of(), List.of(), List.of());
        }
        String prefix = TextSearch.escapeLike(q);
        try (var connection = db.getConnection()) {
            List<Suggestion> products = prefixed(
                    connection,
                    "select p.id, p.slug, p.name from product p where p.status = 'ACTIVE' and (%s)"
                            + " order by products_fold(p.name) like products_fold(?) || '%%' desc, p.sold_count desc,"
                            + " p.name, p.id limit ?",
                    "p.name",
                    prefix,
                    limit);
            if (products.isEmpty() && q.length() >= 3) {
                products = similar(connection, q, limit);
            }
            List<Suggestion> categories = prefixed(
                    connection,
                    "select c.id, c.slug, c.name from category c where %s"
                            + " order by products_fold(c.name) like products_fold(?) || '%%' desc, c.name, c.id limit ?",
                    "c.name",
                    prefix,
                    limit);
            List<Suggestion> brands = prefixed(
                    connection,
                    "select b.id, b.slug, b.name from brand b where %s"
                            + " order by products_fold(b.name) like products_fold(?) || '%%' desc, b.name, b.id limit ?",
                    "b.name",
                    prefix,
                    limit);
            return new Suggested(q, products, categories, brands);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<Suggestion> prefixed(
            Connection connection, String template, String column, String prefix, int limit) throws SQLException {
        String startsWith = "products_fold(" + column + ") like products_fold(?) || '%'";
        String wordStartsWith = "products_fold(" + column + ") like '% ' || products_fold(?) || '%'";
        String sql =
                String.format(template, startsWith.replace("%", "%%") + " or " + wordStartsWith.replace("%", "%%"));
        try (var select = connection.prepareStatement(sql)) {
            select.setString(1, prefix);
            select.setString(2, prefix);
            select.setString(3, prefix);
            select.setInt(4, limit);
            return read(select.executeQuery());
        }
    }

    private List<Suggestion> similar(Connection connection, String q, int limit) throws SQLException {
        search.useSimilarityThreshold(connection);
        try (var select = connection.prepareStatement("select p.id, p.slug, p.name from product p"
                + " where p.status = 'ACTIVE' and products_fold(?) <% products_fold(p.name)"
                + " order by word_similarity(products_fold(?), products_fold(p.name)) desc, p.sold_count desc, p.id"
                + " limit ?")) {
            select.setString(1, q);
            select.setString(2, q);
            select.setInt(3, limit);
            return read(select.executeQuery());
        }
    }

    private static List<Suggestion> read(java.sql.ResultSet rows) throws SQLException {
        try (rows) {
            var found = new ArrayList<Suggestion>();
            while (rows.next()) {
                found.add(new Suggestion(rows.getObject(1, UUID.class), rows.getString(2), rows.getString(3)));
            }
            return found;
        }
    }
}
