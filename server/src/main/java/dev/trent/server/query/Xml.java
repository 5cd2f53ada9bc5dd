package dev.trent.server.query;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * Writes the XML of a query-protocol answer, element by element, escaping every text. Open elements are closed
 * in order by {@link #end()}; dates are ISO-8601 in UTC, as IAM and STS write them.
 */
public final class Xml {

    private final StringBuilder out = new StringBuilder(512);
    private final java.util.ArrayDeque<String> open = new java.util.ArrayDeque<>();

    public Xml start(String name) {
        out.append('<').append(name).append('>');
        open.push(name);
        return this;
    }

    /** Opens an element with an xmlns attribute. */
    Xml start(String name, String namespace) {
        out.append('<').append(name).append(" xmlns=\"").append(namespace).append("\">");
        open.push(name);
        return this;
    }

    /** Content another writer produced (and escaped). */
    Xml raw(String content) {
        out.append(content);
        return this;
    }

    public Xml end() {
        out.append("</").append(open.pop()).append('>');
        return this;
    }

    /** A text element; nothing when {@code value} is null, as the protocol leaves absent members out. */
    public Xml element(String name, Object value) {
        if (value == null) {
            return this;
        }
        String text = value instanceof Instant instant ? date(instant) : value.toString();
        out.append('<').append(name).append('>');
        escape(text);
        out.append("</").append(name).append('>');
        return this;
    }

    /** A list of {@code Key}/{@code Value} members under {@code name}, as IAM and STS write tags. */
    public Xml tags(String name, java.util.Map<String, String> tags) {
        start(name);
        tags.forEach((key, value) -> start("member").element("Key", key).element("Value", value).end());
        return end();
    }

    public static String date(Instant instant) {
        return instant.truncatedTo(ChronoUnit.SECONDS).toString();
    }

    private void escape(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '\r' -> out.append("&#xD;");
                default -> out.append(c);
            }
        }
    }

    @Override
    public String toString() {
        if (!open.isEmpty()) {
            throw new IllegalStateException("unclosed elements " + open);
        }
        return out.toString();
    }
}
