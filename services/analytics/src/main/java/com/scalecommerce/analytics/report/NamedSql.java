package com.scalecommerce.analytics.report;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * A report query with named parameters ({@code :from}), because a report's SQL uses the same bounds in several
 * places and counting question marks is how a bucket ends up filtered by the wrong date. Casts ({@code ::int})
 * are left alone. Instants are bound as {@code timestamptz} in UTC so the JVM's time zone never matters.
 */
public final class NamedSql {

    private static final Pattern NAME = Pattern.compile("(?<![:\\w]):([a-zA-Z]\\w*)");

    private final String sql;
    private final List<String> names = new ArrayList<>();

    public NamedSql(String sql) {
        var matcher = NAME.matcher(sql);
        var out = new StringBuilder();
        while (matcher.find()) {
            names.add(matcher.group(1));
            matcher.appendReplacement(out, "?");
        }
        matcher.appendTail(out);
        this.sql = out.toString();
    }

    public PreparedStatement prepare(Connection connection, Map<String, ?> values) throws SQLException {
        var statement = connection.prepareStatement(sql);
        for (int i = 0; i < names.size(); i++) {
            String name = names.get(i);
            if (!values.containsKey(name)) {
                statement.close();
                throw new IllegalArgumentException("no value for :" + name);
            }
            Object value = values.get(name);
            statement.setObject(i + 1, value instanceof Instant at ? at.atOffset(ZoneOffset.UTC) : value);
        }
        return statement;
    }
}
