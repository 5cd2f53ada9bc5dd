package dev.trent.server.api;

import dev.trent.server.error.InvalidMarkerException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

/**
 * Limit/Marker paging. A marker is an opaque token naming the offset of the next page; a marker Trent did not
 * issue is refused with InvalidMarkerException.
 */
public final class Paging {

    /** One page and the marker of the next, if any. */
    public record Page<T>(List<T> items, String nextMarker) {
        public boolean truncated() {
            return nextMarker != null;
        }

        /** Adds NextMarker (when truncated) and Truncated, as AWS does. */
        public JsonResponse describe(JsonResponse json) {
            return json.string("NextMarker", nextMarker).bool("Truncated", truncated());
        }
    }

    private static final String PREFIX = "trent-page:";

    private Paging() {
    }

    /** The Limit and Marker a request asked for, read with the model's constraints before any service call. */
    public record Request(Integer limit, String marker) {

        /** Cuts the page: Limit (absent: {@code defaultLimit}) is capped at {@code max}. */
        public <T> Page<T> page(List<T> all, int defaultLimit, int max) {
            int size = Math.min(limit == null ? defaultLimit : limit, max);
            int offset = marker == null ? 0 : offset(marker);
            if (offset > all.size()) {
                throw invalid();
            }
            int end = Math.min(all.size(), offset + size);
            String next = end < all.size() ? encode(end) : null;
            return new Page<>(all.subList(offset, end), next);
        }
    }

    /** Reads Limit and Marker, checks the request, and cuts the page: for requests with no other members. */
    public static <T> Page<T> page(JsonRequest request, List<T> all, int defaultLimit, int max) {
        Request paging = read(request);
        request.validate();
        return paging.page(all, defaultLimit, max);
    }

    /** Limit (model range 1..1000) and Marker (MarkerType); their violations join the request's. */
    public static Request read(JsonRequest request) {
        Integer limit = request.integer("Limit", 1, 1000).orElse(null);
        String marker = request.string("Marker", 1, 1024, ModelPatterns.MARKER).orElse(null);
        return new Request(limit, marker);
    }

    private static String encode(int offset) {
        return Base64.getUrlEncoder().withoutPadding()
                .encodeToString((PREFIX + offset).getBytes(StandardCharsets.US_ASCII));
    }

    private static int offset(String marker) {
        try {
            String text = new String(Base64.getUrlDecoder().decode(marker), StandardCharsets.US_ASCII);
            if (!text.startsWith(PREFIX)) {
                throw invalid();
            }
            int offset = Integer.parseInt(text.substring(PREFIX.length()));
            if (offset < 0) {
                throw invalid();
            }
            return offset;
        } catch (IllegalArgumentException e) {
            throw invalid();
        }
    }

    private static InvalidMarkerException invalid() {
        return new InvalidMarkerException("Invalid marker");
    }
}
