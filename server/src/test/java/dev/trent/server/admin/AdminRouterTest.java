package dev.trent.server.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** Routing by method and pattern, and the router's own answers: 404, 405, 400 for bad JSON, 500 for bugs. */
class AdminRouterTest {

    private final AtomicReference<AdminRequest> seen = new AtomicReference<>();
    private final AdminRouter router = new AdminRouter()
            .route("GET", "/_trent/things/{id}/history", this::echo)
            .route("POST", "/_trent/things/{id}", this::echo)
            .route("DELETE", "/_trent/things/{id}", this::echo)
            .route("GET", "/_trent/fail", request -> {
                throw new IllegalStateException("secret internals");
            })
            .route("GET", "/_trent/refuse", request -> {
                throw AdminException.notFound("No such thing.");
            });

    private AdminResponse echo(AdminRequest request) {
        seen.set(request);
        return AdminResponse.ok(AdminResponse.object().put("ok", true));
    }

    private AdminResponse handle(String method, String uri, String body) {
        return router.handle(method, uri, body.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void pathParameters_andQuery_reachTheHandler_decoded() {
        AdminResponse response = handle("GET", "/_trent/things/arn%3Aaws%3Akms%2Fkey+1/history?limit=5&x=a%20b&limit=9",
                "");

        assertEquals(200, response.status());
        AdminRequest request = seen.get();
        assertEquals("GET", request.method());
        assertEquals("arn:aws:kms/key+1", request.pathParam("id"));
        assertEquals(Map.of("limit", "5", "x", "a b"), request.query(), "the first value of each");
        assertTrue(request.body().isMissingNode());
    }

    @Test
    void aJsonBody_isParsedForTheHandler() {
        handle("POST", "/_trent/things/k1", "{\"a\": [1, 2]}");

        assertEquals(2, seen.get().jsonObject().get("a").size());
    }

    @Test
    void unknownPath_is404_asJson() {
        for (String uri : new String[] {"/_trent/nothing", "/_trent/things", "/_trent/things/a/b/c", "/_trent/",
                "/_trent", "/_trent//things/x/history"}) {
            AdminResponse response = handle("GET", uri, "");
            assertEquals(404, response.status(), uri);
            assertEquals("NotFound", response.body().get("error").asText(), uri);
            assertTrue(response.body().get("message").asText().startsWith("There is no admin endpoint at "), uri);
        }
    }

    @Test
    void knownPath_wrongMethod_is405_withAllow() {
        AdminResponse response = handle("PUT", "/_trent/things/k1", "{}");

        assertEquals(405, response.status());
        assertEquals("MethodNotAllowed", response.body().get("error").asText());
        assertEquals("POST, DELETE", response.headers().get("Allow"));
        assertEquals(null, seen.get());
    }

    @Test
    void malformedJson_is400_beforeTheHandlerRuns() {
        for (String body : new String[] {"{", "{\"a\": }", "not json", "{} {}", "{\"a\":1,\"a\":2}"}) {
            AdminResponse response = handle("POST", "/_trent/things/k1", body);
            assertEquals(400, response.status(), body);
            assertEquals("InvalidJson", response.body().get("error").asText(), body);
        }
        assertEquals(null, seen.get());
    }

    @Test
    void aBodyThatIsNotAnObject_isRefusedByHandlersThatWantOne() {
        AdminRouter strict = new AdminRouter().route("POST", "/_trent/x", r -> {
            r.jsonObject();
            return AdminResponse.ok(null);
        });
        assertEquals(400, strict.handle("POST", "/_trent/x", "[1]".getBytes(StandardCharsets.UTF_8)).status());
        assertEquals(400, strict.handle("POST", "/_trent/x", new byte[0]).status());
    }

    @Test
    void badPercentEncoding_is400() {
        AdminResponse response = handle("GET", "/_trent/things/%zz/history", "");

        assertEquals(400, response.status());
        assertEquals("BadRequest", response.body().get("error").asText());
    }

    @Test
    void adminException_keepsItsStatus_andABug_is500WithoutDetails() {
        AdminResponse refused = handle("GET", "/_trent/refuse", "");
        assertEquals(404, refused.status());
        assertEquals("No such thing.", refused.body().get("message").asText());

        AdminResponse bug = handle("GET", "/_trent/fail", "");
        assertEquals(500, bug.status());
        assertEquals("InternalError", bug.body().get("error").asText());
        assertFalse(new String(bug.bodyBytes(), StandardCharsets.UTF_8).contains("secret"));
    }

    @Test
    void registering_rejectsBadAndDuplicatePatterns() {
        AdminRouter.Handler any = r -> AdminResponse.ok(null);
        assertThrows(IllegalArgumentException.class, () -> new AdminRouter().route("GET", "/elsewhere", any));
        assertThrows(IllegalArgumentException.class, () -> new AdminRouter().route("GET", "/_trent/a//b", any));
        assertThrows(IllegalArgumentException.class, () -> new AdminRouter().route("GET", "/_trent/{a}/{a}", any));
        assertThrows(IllegalArgumentException.class, () -> new AdminRouter().route("GET", "/_trent/x{a}", any));
        assertThrows(IllegalArgumentException.class,
                () -> new AdminRouter().route("GET", "/_trent/a", any).route("get", "/_trent/a", any));
    }
}
