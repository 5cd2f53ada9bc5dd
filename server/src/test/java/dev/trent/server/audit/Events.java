package dev.trent.server.audit;

import dev.trent.server.auth.Principal;
import java.time.Instant;
import java.util.List;

/** Events for tests: a KMS call by the root of account 111122223333. */
final class Events {

    private Events() {
    }

    static ApiCall call(String operation, String body) {
        return KmsCalls.describe("TrentService." + operation, body.getBytes(java.nio.charset.StandardCharsets.UTF_8),
                "eu-west-1", new UserIdentity(Principal.root("111122223333"), "AKIAEXAMPLE"), "192.0.2.1",
                "test-agent", "request-" + operation);
    }

    static AuditEvent event(String operation) {
        return call(operation, "{}").event(Instant.parse("2026-01-02T03:04:05Z"),
                ApiCall.Outcome.succeeded(null, List.of()));
    }
}
