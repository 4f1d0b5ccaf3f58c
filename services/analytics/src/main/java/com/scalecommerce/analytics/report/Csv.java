package com.scalecommerce.analytics.report;

import jakarta.ws.rs.core.Response;
import java.util.List;

/**
 * CSV export of a report table (RFC 4180: quoted when needed, CRLF). A cell that a spreadsheet would run as a
 * formula (=, +, -, @ at the start of a text cell) is prefixed with a quote, as products' catalog export does.
 */
public final class Csv {

    public static final String MEDIA_TYPE = "text/csv";

    private Csv() {}

    public static String of(List<String> header, List<List<Object>> rows) {
        var out = new StringBuilder();
        line(out, header.stream().map(h -> (Object) h).toList());
        for (List<Object> row : rows) {
            line(out, row);
        }
        return out.toString();
    }

    /** A download named {@code <name>.csv}. */
    public static Response attachment(String name, List<String> header, List<List<Object>> rows) {
        return Response.ok(of(header, rows), MEDIA_TYPE + "; charset=utf-8")
                .header("Content-Disposition", "attachment; filename=\"" + name + ".csv\"")
                .header("Cache-Control", "no-store")
                .build();
    }

    private static void line(StringBuilder out, List<Object> cells) {
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                out.append(',');
            }
            out.append(cell(cells.get(i)));
        }
        out.append("\r\n");
    }

    private static String cell(Object value) {
        if (value == null) {
            return "";
        }
        if (value instanceof Number) {
            return value.toString();
        }
        String text = value.toString();
        if (!text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0) {
            text = "'" + text;
        }
        if (text.contains(",") || text.contains("\"") || text.contains("\n") || text.contains("\r")) {
            text = '"' + text.replace("\"", "\"\"") + '"';
        }
        return text;
    }
}
