package dev.trent.server.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.trent.server.time.Housekeeping;
import dev.trent.server.time.MovableClock;
import dev.trent.server.time.TimeTravel;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The health and clock endpoints through the routes the server registers. */
class ClockEndpointsTest {

    private static final Instant START = Instant.parse("2026-01-01T00:00:00Z");

    private final MovableClock clock = new MovableClock(Clock.fixed(START, ZoneOffset.UTC));
    private final List<Instant> deletions = new ArrayList<>(List.of(START.plus(Duration.ofDays(7))));
    private final AdminRouter router = AdminRoutes.create(new TimeTravel(clock, new Housekeeping()
            .add("keysDeleted", this::deleteDue, () -> deletions.stream().findFirst())
            .add("rotations", () -> 0, Optional::empty)), "1.2.3",
            InMemoryServices.over(clock).lifecycle(), "111122223333", "us-east-1");

    private int deleteDue() {
        int before = deletions.size();
        deletions.removeIf(due -> !due.isAfter(clock.instant()));
        return before - deletions.size();
    }

    private AdminResponse call(String method, String uri, String body) {
        return router.handle(method, uri, body.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void health_saysOk_withVersionAndTheMovedNow() {
        clock.advance(Duration.ofDays(1));

        JsonNode body = call("GET", "/_trent/health", "").body();

        assertEquals("ok", body.get("status").asText());
        assertEquals("1.2.3", body.get("version").asText());
        assertEquals("2026-01-02T00:00:00Z", body.get("now").asText());
    }

    @Test
    void get_showsNowAndTheOffset() {
        AdminResponse response = call("GET", "/_trent/clock", "");

        assertEquals(200, response.status());
        assertEquals("2026-01-01T00:00:00Z", response.body().get("now").asText());
        assertEquals(0, response.body().get("offsetSeconds").asLong());
    }

    @Test
    void post_advances_andReportsWhatFired() {
        AdminResponse response = call("POST", "/_trent/clock", "{\"advanceSeconds\": 691200}");

        assertEquals(200, response.status());
        JsonNode body = response.body();
        assertEquals("2026-01-09T00:00:00Z", body.get("now").asText());
        assertEquals(691200, body.get("offsetSeconds").asLong());
        assertEquals(1, body.get("fired").get("keysDeleted").asInt());
        assertEquals(0, body.get("fired").get("rotations").asInt());
        assertEquals(List.of(), deletions);
    }

    @Test
    void delete_resetsToRealTime_andAnswersTheGetShape() {
        call("POST", "/_trent/clock", "{\"advanceSeconds\": 60}");

        JsonNode body = call("DELETE", "/_trent/clock", "").body();

        assertEquals("2026-01-01T00:00:00Z", body.get("now").asText());
        assertEquals(0, body.get("offsetSeconds").asLong());
        assertEquals(2, body.size());
    }

    @Test
    void post_withABadAmount_is400_andMovesNothing() {
        for (String body : new String[] {"{}", "{\"advanceSeconds\": 0}", "{\"advanceSeconds\": -5}",
                "{\"advanceSeconds\": 1.5}", "{\"advanceSeconds\": \"60\"}", "{\"advanceSeconds\": null}",
                "{\"advanceSeconds\": 3153600001}", "{\"advanceSeconds\": 99999999999999999999999}",
                "{\"advanceSeconds\": 60, \"extra\": 1}", "[60]", "60", ""}) {
            AdminResponse response = call("POST", "/_trent/clock", body);
            assertEquals(400, response.status(), body);
            assertEquals("BadRequest", response.body().get("error").asText(), body);
            assertTrue(response.body().get("message").asText().contains("advanceSeconds")
                    || response.body().get("message").asText().contains("JSON object"), body);
        }
        assertEquals(Duration.ZERO, clock.offset());
    }

    @Test
    void post_upToAHundredYears_isAccepted() {
        AdminResponse response = call("POST", "/_trent/clock", "{\"advanceSeconds\": 3153600000}");

        assertEquals(200, response.status());
        assertEquals(Duration.ofDays(36500), clock.offset());
    }
}
