package dev.trent.server.auth;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;

/**
 * The canonical request of SigV4 as AWS specifies it for every service but S3: method, normalised and encoded
 * path, sorted query, the signed headers with their values trimmed and inner spaces collapsed, the signed header
 * list and the payload hash, one per line.
 */
final class CanonicalRequest {

    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    private CanonicalRequest() {
    }

    static String of(SignedRequest request, List<String> signedHeaders, String payloadHash) {
        return request.method() + "\n"
                + uri(request.rawPath()) + "\n"
                + query(request.rawQuery()) + "\n"
                + headers(request, signedHeaders) + "\n"
                + String.join(";", signedHeaders) + "\n"
                + payloadHash;
    }

    /**
     * Removes empty, {@code .} and {@code ..} segments (keeping a trailing slash), then encodes the path once
     * more: a client encodes the path it sends and SigV4 encodes that again, so a space arrives as {@code %20}
     * and is signed as {@code %2520}.
     */
    static String uri(String rawPath) {
        if (rawPath.isEmpty()) {
            return "/";
        }
        Deque<String> segments = new ArrayDeque<>();
        for (String segment : rawPath.split("/")) {
            if (segment.isEmpty() || segment.equals(".")) {
                continue;
            }
            if (segment.equals("..")) {
                segments.pollLast();
            } else {
                segments.addLast(segment);
            }
        }
        StringBuilder path = new StringBuilder();
        for (String segment : segments) {
            path.append('/').append(encode(segment.getBytes(StandardCharsets.UTF_8)));
        }
        boolean trailingSlash = rawPath.endsWith("/") && !segments.isEmpty();
        if (path.length() == 0 || trailingSlash) {
            path.append('/');
        }
        return path.toString();
    }

    /** Each name and value decoded, then strictly encoded; pairs sorted by name, then by value. */
    static String query(String rawQuery) {
        if (rawQuery.isEmpty()) {
            return "";
        }
        List<String[]> pairs = new ArrayList<>();
        for (String parameter : rawQuery.split("&")) {
            if (parameter.isEmpty()) {
                continue;
            }
            int equals = parameter.indexOf('=');
            String name = equals < 0 ? parameter : parameter.substring(0, equals);
            String value = equals < 0 ? "" : parameter.substring(equals + 1);
            pairs.add(new String[] {encode(decode(name)), encode(decode(value))});
        }
        pairs.sort((a, b) -> {
            int byName = a[0].compareTo(b[0]);
            return byName != 0 ? byName : a[1].compareTo(b[1]);
        });
        StringBuilder query = new StringBuilder();
        for (String[] pair : pairs) {
            if (query.length() > 0) {
                query.append('&');
            }
            query.append(pair[0]).append('=').append(pair[1]);
        }
        return query.toString();
    }

    /** {@code name:value\n} per signed header, repeated headers joined with commas in arrival order. */
    static String headers(SignedRequest request, List<String> signedHeaders) {
        List<Map.Entry<String, String>> all = request.headers();
        String[] lowered = new String[all.size()];
        for (int i = 0; i < lowered.length; i++) {
            lowered[i] = SignedRequest.lower(all.get(i).getKey());
        }
        StringBuilder canonical = new StringBuilder(256);
        for (String name : signedHeaders) {
            canonical.append(name).append(':');
            boolean first = true;
            for (int i = 0; i < lowered.length; i++) {
                if (lowered[i].equals(name)) {
                    if (!first) {
                        canonical.append(',');
                    }
                    appendTrimmed(canonical, all.get(i).getValue());
                    first = false;
                }
            }
            canonical.append('\n');
        }
        return canonical.toString();
    }

    /** The value stripped, each run of whitespace inside it (as {@code \\s} counts it) made one space. */
    static void appendTrimmed(StringBuilder out, String value) {
        String stripped = value.strip();
        boolean inRun = false;
        for (int i = 0; i < stripped.length(); i++) {
            char c = stripped.charAt(i);
            if (c == ' ' || c == '\t' || c == '\n' || c == 0x0B || c == '\f' || c == '\r') {
                inRun = true;
            } else {
                if (inRun) {
                    out.append(' ');
                    inRun = false;
                }
                out.append(c);
            }
        }
    }

    /** RFC 3986 encoding: unreserved characters as they are, every other byte as {@code %XX} in upper case. */
    static String encode(byte[] bytes) {
        StringBuilder encoded = new StringBuilder(bytes.length);
        for (byte b : bytes) {
            char c = (char) (b & 0xFF);
            if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')
                    || c == '-' || c == '_' || c == '.' || c == '~') {
                encoded.append(c);
            } else {
                encoded.append('%').append(HEX[(b >> 4) & 0xF]).append(HEX[b & 0xF]);
            }
        }
        return encoded.toString();
    }

    private static String encode(String text) {
        return encode(text.getBytes(StandardCharsets.UTF_8));
    }

    /** Percent-decoding only ({@code +} stays a plus): what a query component means, as UTF-8 text. */
    private static String decode(String component) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        byte[] raw = component.getBytes(StandardCharsets.UTF_8);
        for (int i = 0; i < raw.length; i++) {
            if (raw[i] == '%' && i + 2 < raw.length && isHex(raw[i + 1]) && isHex(raw[i + 2])) {
                bytes.write(Character.digit(raw[i + 1], 16) << 4 | Character.digit(raw[i + 2], 16));
                i += 2;
            } else {
                bytes.write(raw[i]);
            }
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }

    private static boolean isHex(byte b) {
        return Character.digit(b, 16) >= 0;
    }
}
