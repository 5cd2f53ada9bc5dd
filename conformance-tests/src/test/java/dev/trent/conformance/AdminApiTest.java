package dev.trent.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.trent.conformance.AdminApi.Answer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The admin API beside KMS on one port: JSON answers, JSON errors for bad requests (never a stack trace), and
 * KMS untouched.
 */
class AdminApiTest extends TrentTestBase {

    private AdminApi admin;

    @BeforeEach
    void client() {
        admin = new AdminApi(server.endpoint());
    }

    @Test
    void health_saysOk_withTheVersionAndTheServersTime() {
        Answer answer = admin.send("GET", "/_trent/health", null);

        assertEquals(200, answer.status());
        assertTrue(answer.contentType().startsWith("application/json"), answer.contentType());
        assertEquals("ok", answer.body().get("status").asText());
        assertFalse(answer.body().get("version").asText().isEmpty());
        AdminApi.now(answer.body());
    }

    @Test
    void unknownPath_is404Json() {
        Answer answer = admin.send("GET", "/_trent/no-such-thing", null);

        assertEquals(404, answer.status());
        assertEquals("NotFound", answer.body().get("error").asText());
        assertTrue(answer.body().get("message").asText().contains("/_trent/no-such-thing"));
    }

    @Test
    void wrongMethod_is405_withAllow() {
        Answer answer = admin.send("PATCH", "/_trent/clock", "{}");

        assertEquals(405, answer.status());
        assertEquals("MethodNotAllowed", answer.body().get("error").asText());
        assertEquals("GET, POST, DELETE", answer.allow());
    }

    @Test
    void malformedJson_andBadValues_are400Json_andMoveNothing() {
        Answer malformed = admin.send("POST", "/_trent/clock", "{\"advanceSeconds\": 8");
        assertEquals(400, malformed.status());
        assertEquals("InvalidJson", malformed.body().get("error").asText());
        assertEquals(2, malformed.body().size(), "error and message only: " + malformed.body());

        for (String body : new String[] {"{\"advanceSeconds\": 0}", "{\"advanceSeconds\": -60}",
                "{\"advanceSeconds\": \"8d\"}", "{\"advanceSeconds\": 3153600001}", "{}"}) {
            Answer bad = admin.send("POST", "/_trent/clock", body);
            assertEquals(400, bad.status(), body);
            assertEquals("BadRequest", bad.body().get("error").asText(), body);
        }
        assertEquals(0, admin.clock().get("offsetSeconds").asLong());
    }

    @Test
    void kms_stillAnswersOnTheSamePort() {
        assertEquals(16, kms.generateRandom(b -> b.numberOfBytes(16)).plaintext().asByteArray().length);
    }
}
