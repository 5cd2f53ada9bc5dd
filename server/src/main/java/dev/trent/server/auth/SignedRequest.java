package dev.trent.server.auth;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What SigV4 covers of an HTTP request, free of any HTTP library: the method, the path and query exactly as
 * they arrived on the request line, every header in arrival order (repeats included) and the body.
 *
 * @param rawPath  the path as sent, still percent-encoded, e.g. {@code /} or {@code /_trent/keys/abc}
 * @param rawQuery the query as sent without the {@code ?}, or empty
 */
public record SignedRequest(String method, String rawPath, String rawQuery, List<Map.Entry<String, String>> headers,
                            byte[] body) {

    public SignedRequest {
        Objects.requireNonNull(method);
        Objects.requireNonNull(rawPath);
        rawQuery = rawQuery == null ? "" : rawQuery;
        headers = List.copyOf(headers);
        body = body == null ? new byte[0] : body;
    }

    /** Splits a request-target ({@code /path?query}) into its path and query. */
    public static SignedRequest of(String method, String requestTarget, List<Map.Entry<String, String>> headers,
                                   byte[] body) {
        int question = requestTarget.indexOf('?');
        String path = question < 0 ? requestTarget : requestTarget.substring(0, question);
        String query = question < 0 ? "" : requestTarget.substring(question + 1);
        return new SignedRequest(method, path, query, headers, body);
    }

    /** Every value of the header {@code name} (any case), in arrival order. */
    public List<String> all(String name) {
        List<String> values = new ArrayList<>();
        for (Map.Entry<String, String> header : headers) {
            if (header.getKey().equalsIgnoreCase(name)) {
                values.add(header.getValue());
            }
        }
        return values;
    }

    /** The first value of the header {@code name}, if any. */
    public Optional<String> first(String name) {
        for (Map.Entry<String, String> header : headers) {
            if (header.getKey().equalsIgnoreCase(name)) {
                return Optional.of(header.getValue());
            }
        }
        return Optional.empty();
    }

    static String lower(String name) {
        return name.toLowerCase(Locale.ROOT);
    }
}
