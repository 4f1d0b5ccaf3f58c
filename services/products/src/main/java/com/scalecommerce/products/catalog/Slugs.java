package com.scalecommerce.products.catalog;

import com.scalecommerce.platform.web.problem.ProblemException;
import java.sql.Connection;
import java.sql.SQLException;
import java.text.Normalizer;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * URL names for products, categories and brands. An explicit slug that is taken is refused (SLUG_TAKEN): the
 * admin asked for that URL. A slug derived from a name gets the first free "-2", "-3"... instead: the admin
 * asked for none in particular.
 */
public final class Slugs {

    public static final String PATTERN = "^[a-z0-9]+(-[a-z0-9]+)*$";
    private static final Pattern VALID = Pattern.compile(PATTERN);
    private static final int MAX_LENGTH = 80;

    private Slugs() {}

    public static boolean isValid(String slug) {
        return slug != null && slug.length() <= 120 && VALID.matcher(slug).matches();
    }

    /** "Crème Brûlée — 500 g" becomes "creme-brulee-500-g". */
    public static String fromName(String name) {
        String ascii = Normalizer.normalize(name, Normalizer.Form.NFKD).replaceAll("\\p{M}", "");
        String slug =
                ascii.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
        if (slug.length() > MAX_LENGTH) {
            slug = slug.substring(0, MAX_LENGTH).replaceAll("-+$", "");
        }
        return slug.isEmpty() ? "item" : slug;
    }

    /**
     * @param table product, category or brand (never user input)
     * @param explicit the slug the admin asked for, or null to derive one from {@code name}
     * @param self the row being renamed (its own slug is not a conflict), or null
     */
    public static String choose(Connection connection, String table, String explicit, String name, Object self)
            throws SQLException {
        if (explicit != null) {
            if (taken(connection, table, explicit, self)) {
                throw ProblemException.conflict("SLUG_TAKEN", "The slug '" + explicit + "' is already in use.");
            }
            return explicit;
        }
        String base = fromName(name);
        Set<String> used = new HashSet<>();
        try (var select = connection.prepareStatement("select slug from " + table
                + " where (slug = ? or slug like ? escape '\\') and (?::uuid is null or id <> ?::uuid)")) {
            select.setString(1, base);
            select.setString(2, base.replace("_", "\\_") + "-%");
            select.setObject(3, self);
            select.setObject(4, self);
            try (var rows = select.executeQuery()) {
                while (rows.next()) {
                    used.add(rows.getString(1));
                }
            }
        }
        if (!used.contains(base)) {
            return base;
        }
        for (int n = 2; ; n++) {
            String candidate = base + "-" + n;
            if (!used.contains(candidate)) {
                return candidate;
            }
        }
    }

    private static boolean taken(Connection connection, String table, String slug, Object self) throws SQLException {
        try (var select = connection.prepareStatement(
                "select 1 from " + table + " where slug = ? and (?::uuid is null or id <> ?::uuid)")) {
            select.setString(1, slug);
            select.setObject(2, self);
            select.setObject(3, self);
            try (var rows = select.executeQuery()) {
                return rows.next();
            }
        }
    }
}
