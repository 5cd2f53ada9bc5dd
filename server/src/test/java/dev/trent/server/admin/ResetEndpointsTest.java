package dev.trent.server.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.trent.server.time.Housekeeping;
import dev.trent.server.time.MovableClock;
import dev.trent.server.time.TimeTravel;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The reset endpoints through the routes the server registers: each wipes once, in its original's shape. */
class ResetEndpointsTest {

    private static final Instant START = Instant.parse("2026-01-01T00:00:00Z");
    private static final StateWipe.Removed REMOVED = new StateWipe.Removed(5, 1, 3, 2, 5, 4, 6, 1, 1, 2);

    private final MovableClock clock = new MovableClock(Clock.fixed(START, ZoneOffset.UTC));
    private final List<String> wipes = new ArrayList<>();
    private final AdminRouter router = router(() -> {
        wipes.add("wiped");
        return REMOVED;
    });

    private AdminRouter router(StateWipe wipe) {
        return AdminRoutes.create(new TimeTravel(clock, new Housekeeping()), "1.2.3",
                InMemoryServices.over(clock).lifecycle(), "111122223333", "us-east-1", InitScriptStatus.NONE, wipe);
    }

    private AdminResponse call(String method, String uri) {
        return router.handle(method, uri, "".getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void trentsReset_saysWhatWasRemoved_andTheClock() {
        AdminResponse response = call("POST", "/_trent/reset");

        assertEquals(200, response.status());
        assertEquals(1, wipes.size());
        JsonNode body = response.body();
        assertEquals("ok", body.get("status").asText());
        JsonNode removed = body.get("removed");
        List<String> names = new ArrayList<>();
        removed.fieldNames().forEachRemaining(names::add);
        assertEquals(List.of("keys", "awsManagedKeys", "aliases", "grants", "keyPolicies", "tags",
                "lifecycleRecords", "customKeyStores", "customKeyStoresDisconnected", "importTokens"), names);
        assertEquals(5, removed.get("keys").asInt());
        assertEquals(1, removed.get("awsManagedKeys").asInt());
        assertEquals(3, removed.get("aliases").asInt());
        assertEquals(2, removed.get("grants").asInt());
        assertEquals(6, removed.get("lifecycleRecords").asInt());
        assertEquals(2, removed.get("importTokens").asInt());
        assertEquals("2026-01-01T00:00:00Z", body.get("now").asText());
        assertEquals(0, body.get("offsetSeconds").asLong());
    }

    @Test
    void motosReset_answersAsMotoDoes() {
        AdminResponse response = call("POST", "/moto-api/reset");

        assertEquals(200, response.status());
        assertEquals("{\"status\":\"ok\"}", new String(response.bodyBytes(), StandardCharsets.UTF_8));
        assertEquals(1, wipes.size());
    }

    @Test
    void localStacksReset_answersAsLocalStackDoes_withAnEmptyBody() {
        AdminResponse response = call("POST", "/_localstack/state/reset");

        assertEquals(200, response.status());
        assertEquals(0, response.bodyBytes().length);
        assertEquals(1, wipes.size());
    }

    @Test
    void localStacksServiceReset_wipesForKms_andDoesNothingForOtherServices() {
        AdminResponse kms = call("POST", "/_localstack/state/kms/reset");
        assertEquals(200, kms.status());
        assertEquals(0, kms.bodyBytes().length);
        assertEquals(1, wipes.size());

        AdminResponse s3 = call("POST", "/_localstack/state/s3/reset");
        assertEquals(200, s3.status());
        assertEquals(0, s3.bodyBytes().length);
        assertEquals(1, wipes.size(), "LocalStack ignores a service it does not run; Trent runs only KMS");
    }

    @Test
    void everyResetIsAPost() {
        for (String path : List.of("/_trent/reset", "/moto-api/reset", "/_localstack/state/reset",
                "/_localstack/state/kms/reset")) {
            AdminResponse response = call("GET", path);
            assertEquals(405, response.status(), path);
            assertEquals("POST", response.headers().get("Allow"), path);
        }
        assertTrue(wipes.isEmpty());
    }

    @Test
    void aRouterWithoutAServerBehindIt_refusesToReset() {
        AdminResponse response = AdminRoutes.create(new TimeTravel(clock, new Housekeeping()), "1.2.3",
                InMemoryServices.over(clock).lifecycle(), "111122223333", "us-east-1")
                .handle("POST", "/_trent/reset", new byte[0]);

        assertEquals(501, response.status());
        assertEquals("NotImplemented", response.body().get("error").asText());
    }
}
