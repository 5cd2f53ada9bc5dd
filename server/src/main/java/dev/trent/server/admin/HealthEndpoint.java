package dev.trent.server.admin;

import java.time.Clock;

/**
 * {@code GET /_trent/health}: {@code {"status":"ok","version":...,"now":...}}, where {@code now} is the server's
 * (possibly moved) clock, for scripts that wait for Trent or check which time it is living in.
 */
final class HealthEndpoint {

    private final Clock clock;
    private final String version;

    HealthEndpoint(Clock clock, String version) {
        this.clock = clock;
        this.version = version;
    }

    AdminResponse get(AdminRequest request) {
        return AdminResponse.ok(AdminResponse.object()
                .put("status", "ok")
                .put("version", version)
                .put("now", clock.instant().toString()));
    }
}
