package dev.trent.server.admin;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.trent.server.audit.AuditLog;
import dev.trent.server.audit.AuditSigningKey;
import java.util.Optional;
import java.util.TreeMap;
import java.util.Base64;
import java.util.Map;
import java.util.SortedMap;
import java.util.function.Supplier;

/**
 * {@code GET /_trent/audit/public-key}: the key the trail's digests are signed with, as PEM; and
 * {@code GET /_trent/audit/log}: every stored link, digest and the head as base64 of their exact bytes, so a
 * client can check the chain itself ({@code trent audit verify --endpoint}).
 */
public final class AuditEndpoints {

    private final Supplier<String> publicKeyPem;
    private final Supplier<AuditLog> log;

    public AuditEndpoints(Supplier<String> publicKeyPem, Supplier<AuditLog> log) {
        this.publicKeyPem = publicKeyPem;
        this.log = log;
    }

    /** Adds the audit routes to {@code router}. */
    public AdminRouter addTo(AdminRouter router) {
        return router.route("GET", "/_trent/audit/public-key", this::publicKey)
                .route("GET", "/_trent/audit/log", this::log);
    }

    AdminResponse publicKey(AdminRequest request) {
        return AdminResponse.text("application/x-pem-file", publicKeyPem.get());
    }

    AdminResponse log(AdminRequest request) {
        AuditLog trail = log.get();
        ObjectNode body = AdminResponse.object();
        body.put("publicKey", publicKeyPem.get());
        trail.head().ifPresent(head -> body.set("head", reading(head)));
        body.set("events", readings(trail.events()));
        body.set("digests", readings(trail.digests()));
        return AdminResponse.ok(body);
    }

    /** The trail as {@link #log} wrote it, checked with the public key the answer names. */
    public static AuditLog parse(JsonNode body) {
        SortedMap<Long, AuditLog.Reading> events = new TreeMap<>();
        SortedMap<Long, AuditLog.Reading> digests = new TreeMap<>();
        body.path("events").fields().forEachRemaining(e -> events.put(Long.parseLong(e.getKey()), reading(e.getValue())));
        body.path("digests").fields().forEachRemaining(e -> digests.put(Long.parseLong(e.getKey()),
                reading(e.getValue())));
        Optional<AuditLog.Reading> head = body.has("head") ? Optional.of(reading(body.path("head"))) : Optional.empty();
        return new AuditLog(events, digests, head, AuditSigningKey.parsePem(body.path("publicKey").asText()));
    }

    private static AuditLog.Reading reading(JsonNode node) {
        return node.has("bytes") ? AuditLog.Reading.of(Base64.getDecoder().decode(node.path("bytes").asText()))
                : AuditLog.Reading.failed(node.path("failure").asText("unreadable"));
    }

    private static ObjectNode readings(SortedMap<Long, AuditLog.Reading> readings) {
        ObjectNode node = AdminResponse.object();
        for (Map.Entry<Long, AuditLog.Reading> entry : readings.entrySet()) {
            node.set(String.valueOf(entry.getKey()), reading(entry.getValue()));
        }
        return node;
    }

    private static ObjectNode reading(AuditLog.Reading reading) {
        return reading.ok() ? AdminResponse.object().put("bytes", Base64.getEncoder().encodeToString(reading.bytes()))
                : AdminResponse.object().put("failure", reading.failure());
    }
}
