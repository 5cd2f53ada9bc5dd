package dev.trent.server.admin;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.trent.server.time.MovableClock;
import dev.trent.server.time.TimeTravel;
import java.time.Duration;
import java.util.Iterator;
import java.util.Map;

/**
 * {@code /_trent/clock}: read the server's clock ({@code GET}), move it forward and fire what falls due on the
 * way ({@code POST {"advanceSeconds": N}}), and take it back to real time ({@code DELETE}). Every answer has
 * {@code now} (ISO-8601) and {@code offsetSeconds}; an advance also says what fired.
 */
final class ClockEndpoints {

    static final String ADVANCE_SECONDS = "advanceSeconds";
    /** A hundred years of 365 days: far enough for any key's timeline, and far from overflowing an Instant. */
    static final long MAX_ADVANCE_SECONDS = 100L * 365 * 24 * 60 * 60;

    private final TimeTravel time;

    ClockEndpoints(TimeTravel time) {
        this.time = time;
    }

    AdminResponse show(AdminRequest request) {
        return AdminResponse.ok(state());
    }

    AdminResponse advance(AdminRequest request) {
        Duration amount = Duration.ofSeconds(advanceSeconds(request.jsonObject()));
        Map<String, Integer> fired = time.advance(amount);
        ObjectNode body = state();
        ObjectNode counts = body.putObject("fired");
        fired.forEach(counts::put);
        return AdminResponse.ok(body);
    }

    AdminResponse reset(AdminRequest request) {
        time.reset();
        return AdminResponse.ok(state());
    }

    private ObjectNode state() {
        MovableClock clock = time.clock();
        return AdminResponse.object()
                .put("now", clock.instant().toString())
                .put("offsetSeconds", clock.offset().getSeconds());
    }

    private static long advanceSeconds(ObjectNode body) {
        for (Iterator<String> names = body.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!name.equals(ADVANCE_SECONDS)) {
                throw AdminException.badRequest("Unknown field '" + name + "'; the only field is "
                        + ADVANCE_SECONDS + ".");
            }
        }
        JsonNode value = body.get(ADVANCE_SECONDS);
        String expected = ADVANCE_SECONDS + " must be a whole number of seconds from 1 to " + MAX_ADVANCE_SECONDS
                + " (100 years)";
        if (value == null) {
            throw AdminException.badRequest(ADVANCE_SECONDS + " is required: how many seconds to move the clock"
                    + " forward.");
        }
        if (!value.isIntegralNumber() || !value.canConvertToLong()) {
            throw AdminException.badRequest(expected + ", got " + value + ".");
        }
        long seconds = value.longValue();
        if (seconds < 1 || seconds > MAX_ADVANCE_SECONDS) {
            throw AdminException.badRequest(expected + ", got " + seconds + ".");
        }
        return seconds;
    }
}
