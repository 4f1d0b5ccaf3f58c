package com.scalecommerce.products.demo;

import java.io.IOException;
import java.io.StringReader;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;
import org.postgresql.copy.CopyManager;

/** Rows in PostgreSQL's COPY text format, sent in one COPY ... FROM STDIN. */
final class CopyRows {

    private final String table;
    private final String columns;
    private final StringBuilder text = new StringBuilder(1 << 16);
    private long rows;

    CopyRows(String table, String columns) {
        this.table = table;
        this.columns = columns;
    }

    void row(Object... values) {
        for (int i = 0; i < values.length; i++) {
            if (i > 0) {
                text.append('\t');
            }
            append(values[i]);
        }
        text.append('\n');
        rows++;
    }

    long send(CopyManager copy) throws SQLException {
        if (rows == 0) {
            return 0;
        }
        try {
            long copied =
                    copy.copyIn("copy " + table + " (" + columns + ") from stdin", new StringReader(text.toString()));
            text.setLength(0);
            rows = 0;
            return copied;
        } catch (IOException e) {
            throw new SQLException("copy into " + table + " failed", e);
        }
    }

    private void append(Object value) {
        switch (value) {
            case null -> text.append("\\N");
            case Boolean flag -> text.append(flag ? 't' : 'f');
            case Instant instant -> text.append(instant);
            case Map<?, ?> map -> escape(json(map));
            default -> escape(value.toString());
        }
    }

    private void escape(String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '\\' -> text.append("\\\\");
                case '\t' -> text.append("\\t");
                case '\n' -> text.append("\\n");
                case '\r' -> text.append("\\r");
                default -> text.append(c);
            }
        }
    }

    /** A flat JSON object of strings, keys sorted so the text never depends on map iteration order. */
    private static String json(Map<?, ?> map) {
        StringBuilder json = new StringBuilder("{");
        new TreeMap<>(map).forEach((key, value) -> {
            if (json.length() > 1) {
                json.append(',');
            }
            json.append(quote(key.toString())).append(':').append(quote(value.toString()));
        });
        return json.append('}').toString();
    }

    private static String quote(String value) {
        StringBuilder quoted = new StringBuilder("\"");
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '"' || c == '\\') {
                quoted.append('\\').append(c);
            } else if (c < 0x20) {
                quoted.append(String.format("\\u%04x", (int) c));
            } else {
                quoted.append(c);
            }
        }
        return quoted.append('"').toString();
    }
}
