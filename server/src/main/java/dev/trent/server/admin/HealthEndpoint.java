package dev.trent.server.admin;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Clock;

/**
 * {@code GET /_trent/health}: {@code {"status":"ok","version":...,"now":...,"integrity":"sound"}}, where
 * {@code now} is the server's (possibly moved) clock, for scripts that wait for Trent or check which time it is
 * living in. {@code integrity} is {@code damaged} when the store was found damaged at start; the keys that are
 * therefore not served and the problems found are listed beside it. {@code status} stays {@code ok}: the server
 * answers, and scripts that wait for it must not wait forever.
 */
final class HealthEndpoint {

    private final Clock clock;
    private final String version;
    private final IntegrityStatus integrity;

    HealthEndpoint(Clock clock, String version, IntegrityStatus integrity) {
        this.clock = clock;
        this.version = version;
        this.integrity = integrity;
    }

    AdminResponse get(AdminRequest request) {
        ObjectNode body = AdminResponse.object()
                .put("status", "ok")
                .put("version", version)
                .put("now", clock.instant().toString());
        IntegrityStatus.Damage damage = integrity.now();
        body.put("integrity", damage.isNone() ? "sound" : "damaged");
        if (!damage.isNone()) {
            ArrayNode problems = body.putArray("integrityProblems");
            damage.problems().forEach(problems::add);
            ArrayNode keys = body.putArray("damagedKeys");
            for (IntegrityStatus.DamagedKey key : damage.keys()) {
                ObjectNode entry = keys.addObject().put("keyArn", key.arn());
                key.reasons().forEach(entry.putArray("reasons")::add);
            }
            ArrayNode others = body.putArray("damagedRecords");
            damage.otherRecords().forEach(others::add);
        }
        return AdminResponse.ok(body);
    }
}
