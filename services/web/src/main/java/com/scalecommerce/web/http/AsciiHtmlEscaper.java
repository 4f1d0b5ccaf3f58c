package com.scalecommerce.web.http;

import io.quarkus.qute.EngineBuilder;
import io.quarkus.qute.Expression;
import io.quarkus.qute.RawString;
import io.quarkus.qute.ResultMapper;
import io.quarkus.qute.TemplateNode.Origin;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;

/**
 * Escapes what an HTML template prints, as Qute's own escaper does ({@code < > & " '}), and also writes every
 * character beyond ASCII as a numeric character reference ({@code –} becomes {@code &#8211;}), so a page is ASCII
 * whatever the catalog holds. The templates' own text is ASCII too ({@code CompactTemplatesTest}).
 *
 * <p>Why: the JDK encodes an ASCII-only string to UTF-8 as one array copy ({@link Utf8Pages}). A single other
 * Latin-1 character (the footer's middle dot) made that a loop over every character of every page, 5 % of web's
 * CPU samples in the browse journey. A character beyond Latin-1 (an en dash in a price facet, the euro sign of
 * {@code Formats.money}, a product name in Greek) was worse: Java then holds the whole page at two bytes per
 * character, from Qute's buffer through the encoding. A browser shows a reference exactly as the character, in
 * text and in attribute values; templates print no value inside a script or style element, where references are
 * not decoded.
 */
@Singleton // no client proxy: Qute calls it for every value a page prints
public class AsciiHtmlEscaper implements ResultMapper {

    /** Ahead of Qute's escaper (priority 1): the first mapper that applies is the one used. */
    static final int PRIORITY = 10;

    private static final String[] ASCII_REPLACEMENTS = new String[128];

    static {
        ASCII_REPLACEMENTS['"'] = "&quot;";
        ASCII_REPLACEMENTS['\''] = "&#39;";
        ASCII_REPLACEMENTS['&'] = "&amp;";
        ASCII_REPLACEMENTS['<'] = "&lt;";
        ASCII_REPLACEMENTS['>'] = "&gt;";
    }

    void register(@Observes EngineBuilder engine) {
        engine.addResultMapper(this);
    }

    @Override
    public int getPriority() {
        return PRIORITY;
    }

    @Override
    public boolean appliesTo(Origin origin, Object result) {
        return !(result instanceof RawString)
                && origin.getVariant()
                        .map(variant -> variant.getContentType().startsWith("text/html"))
                        .orElse(false);
    }

    @Override
    public String map(Object result, Expression expression) {
        return escape(result.toString());
    }

    static String escape(String text) {
        int length = text.length();
        for (int i = 0; i < length; i++) {
            char c = text.charAt(i);
            if (c >= 0x80 || ASCII_REPLACEMENTS[c] != null) {
                return escapeFrom(text, i);
            }
        }
        return text;
    }

    private static String escapeFrom(String text, int first) {
        int length = text.length();
        var out = new StringBuilder(length + 16).append(text, 0, first);
        for (int i = first; i < length; i++) {
            char c = text.charAt(i);
            if (c < 0x80) {
                String replacement = ASCII_REPLACEMENTS[c];
                if (replacement == null) {
                    out.append(c);
                } else {
                    out.append(replacement);
                }
            } else if (Character.isHighSurrogate(c) && i + 1 < length && Character.isLowSurrogate(text.charAt(i + 1))) {
                // One reference for the pair: a reference to either half alone is not a character.
                out.append("&#")
                        .append(Character.toCodePoint(c, text.charAt(++i)))
                        .append(';');
            } else if (Character.isSurrogate(c)) {
                out.append("&#65533;"); // a lone half: the replacement character, as a UTF-8 encoder would write
            } else {
                out.append("&#").append((int) c).append(';');
            }
        }
        return out.toString();
    }
}
