package dev.trent.server.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.trent.server.error.InvalidMarkerException;
import dev.trent.server.error.ValidationException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** Limit and Marker: every item exactly once across pages, and markers Trent did not issue refused. */
class PagingTest {

    private static final List<Integer> FIVE = List.of(1, 2, 3, 4, 5);

    private static JsonRequest request(String json) {
        return JsonRequest.parse(json.getBytes(StandardCharsets.UTF_8));
    }

    private static JsonRequest withMarker(String marker, int limit) {
        return request("{\"Limit\":" + limit + ",\"Marker\":\"" + marker + "\"}");
    }

    @Test
    void markers_roundTrip_untilTheLastPage() {
        Paging.Page<Integer> first = Paging.page(request("{\"Limit\":2}"), FIVE, 100, 1000);
        assertEquals(List.of(1, 2), first.items());
        assertTrue(first.truncated());
        Paging.Page<Integer> second = Paging.page(withMarker(first.nextMarker(), 2), FIVE, 100, 1000);
        assertEquals(List.of(3, 4), second.items());
        Paging.Page<Integer> last = Paging.page(withMarker(second.nextMarker(), 2), FIVE, 100, 1000);
        assertEquals(List.of(5), last.items());
        assertFalse(last.truncated());
        assertNull(last.nextMarker());
    }

    @Test
    void walkingEveryPage_yieldsEveryItemOnce_forEveryLimit() {
        List<Integer> all = IntStream.rangeClosed(1, 23).boxed().toList();
        for (int limit = 1; limit <= 25; limit++) {
            List<Integer> seen = new ArrayList<>();
            String marker = null;
            do {
                JsonRequest request = marker == null ? request("{\"Limit\":" + limit + "}") : withMarker(marker, limit);
                Paging.Page<Integer> page = Paging.page(request, all, 100, 1000);
                assertTrue(page.items().size() <= limit);
                seen.addAll(page.items());
                marker = page.nextMarker();
            } while (marker != null);
            assertEquals(all, seen, "limit " + limit);
        }
    }

    @Test
    void limit_defaultsAndIsCappedAtTheOperationsMaximum() {
        List<Integer> many = IntStream.range(0, 150).boxed().toList();
        assertEquals(100, Paging.page(request("{}"), many, 100, 1000).items().size());
        assertEquals(50, Paging.page(request("{\"Limit\":1000}"), many, 50, 50).items().size());
        assertEquals(FIVE, Paging.page(request("{}"), FIVE, 100, 1000).items());
        assertFalse(Paging.page(request("{}"), FIVE, 100, 1000).truncated());
    }

    @Test
    void limitOutsideTheModelsRange_isAValidationError() {
        ValidationException low = assertThrows(ValidationException.class,
                () -> Paging.page(request("{\"Limit\":0}"), FIVE, 100, 1000));
        assertEquals("1 validation error detected: Value '0' at 'limit' failed to satisfy constraint: "
                + "Member must have value greater than or equal to 1", low.getMessage());
        ValidationException high = assertThrows(ValidationException.class,
                () -> Paging.page(request("{\"Limit\":1001}"), FIVE, 100, 1000));
        assertEquals("1 validation error detected: Value '1001' at 'limit' failed to satisfy constraint: "
                + "Member must have value less than or equal to 1000", high.getMessage());
    }

    @Test
    void markersTrentDidNotIssue_areInvalidMarkerException() {
        List<String> accepted = new ArrayList<>();
        for (String marker : List.of("garbage", "!!!", "AAAA", base64("trent-page:"), base64("trent-page:x"),
                base64("trent-page:-1"), base64("trent-page:6"), base64("other-page:2"), base64("trent-page:99999999999"))) {
            try {
                Paging.page(withMarker(marker, 2), FIVE, 100, 1000);
                accepted.add(marker);
            } catch (InvalidMarkerException expected) {
                // as it must
            }
        }
        assertEquals(List.of(), accepted);
    }

    @Test
    void emptyMarker_isAValidationError_notAnInvalidMarker() {
        ValidationException e = assertThrows(ValidationException.class, () -> Paging.page(withMarker("", 2), FIVE, 100, 1000));
        assertEquals("1 validation error detected: Value '' at 'marker' failed to satisfy constraint: "
                + "Member must have length greater than or equal to 1", e.getMessage());
    }

    @Test
    void describe_addsNextMarkerOnlyWhenTruncated() {
        Paging.Page<Integer> first = Paging.page(request("{\"Limit\":4}"), FIVE, 100, 1000);
        assertEquals("{\"NextMarker\":\"" + first.nextMarker() + "\",\"Truncated\":true}",
                first.describe(JsonResponse.create()).node().toString());
        Paging.Page<Integer> whole = Paging.page(request("{}"), FIVE, 100, 1000);
        assertEquals("{\"Truncated\":false}", whole.describe(JsonResponse.create()).node().toString());
    }

    private static String base64(String text) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.US_ASCII));
    }
}
