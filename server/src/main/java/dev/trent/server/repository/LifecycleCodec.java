package dev.trent.server.repository;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.trent.server.key.KeyId;
import dev.trent.server.key.Scope;
import dev.trent.server.key.lifecycle.Compromise;
import dev.trent.server.key.lifecycle.Cryptoperiods;
import dev.trent.server.key.lifecycle.KeyLifecycle;
import dev.trent.server.key.lifecycle.KeyState;
import dev.trent.server.key.lifecycle.LifecycleEvent;
import dev.trent.server.key.lifecycle.NistPhase;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** A key's lifecycle record to and from the JSON that the barrier seals. Field names are a storage format. */
final class LifecycleCodec {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** The record's key reference and its content. */
    record Stored(Scope scope, KeyId id, KeyLifecycle lifecycle) {
    }

    private LifecycleCodec() {
    }

    static byte[] encode(Scope scope, KeyId id, KeyLifecycle lifecycle) {
        ObjectNode n = JSON.createObjectNode();
        n.put("format", 1);
        n.put("account", scope.account());
        n.put("region", scope.region());
        n.put("id", id.value());
        lifecycle.periods().ifPresent(p -> {
            ObjectNode periods = n.putObject("cryptoperiods");
            if (p.originatorUsage() != null) {
                periods.put("originatorUsage", p.originatorUsage().toString());
            }
            if (p.recipientUsage() != null) {
                periods.put("recipientUsage", p.recipientUsage().toString());
            }
        });
        Compromise c = lifecycle.compromise();
        if (c != null) {
            n.putObject("compromise").put("at", c.at().toString()).put("reason", c.reason())
                    .put("processingAllowed", c.processingAllowed());
        }
        if (lifecycle.destroyedAt() != null) {
            n.put("destroyedAt", lifecycle.destroyedAt().toString());
        }
        n.put("recipientEndRecorded", lifecycle.recipientEndRecorded());
        ArrayNode history = n.putArray("history");
        for (LifecycleEvent e : lifecycle.history()) {
            ObjectNode event = history.addObject()
                    .put("at", e.at().toString()).put("trigger", e.trigger()).put("caller", e.caller());
            putIfPresent(event, "reason", e.reason());
            putIfPresent(event, "awsFrom", e.awsFrom());
            putIfPresent(event, "awsTo", e.awsTo());
            putIfPresent(event, "phaseFrom", e.phaseFrom());
            event.put("phaseTo", e.phaseTo().name());
        }
        try {
            return JSON.writeValueAsBytes(n);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Stored decode(byte[] bytes) {
        JsonNode n;
        try {
            n = JSON.readTree(bytes);
        } catch (IOException e) {
            throw new UncheckedIOException("unreadable lifecycle record", e);
        }
        Cryptoperiods periods = null;
        if (n.has("cryptoperiods")) {
            JsonNode p = n.get("cryptoperiods");
            periods = new Cryptoperiods(duration(p, "originatorUsage"), duration(p, "recipientUsage"));
        }
        Compromise compromise = null;
        if (n.has("compromise")) {
            JsonNode c = n.get("compromise");
            compromise = new Compromise(Instant.parse(c.get("at").asText()), c.get("reason").asText(),
                    c.get("processingAllowed").asBoolean());
        }
        List<LifecycleEvent> history = new ArrayList<>();
        for (JsonNode e : n.get("history")) {
            history.add(new LifecycleEvent(Instant.parse(e.get("at").asText()), e.get("trigger").asText(),
                    e.get("caller").asText(), text(e, "reason"),
                    e.has("awsFrom") ? KeyState.valueOf(e.get("awsFrom").asText()) : null,
                    e.has("awsTo") ? KeyState.valueOf(e.get("awsTo").asText()) : null,
                    e.has("phaseFrom") ? NistPhase.valueOf(e.get("phaseFrom").asText()) : null,
                    NistPhase.valueOf(e.get("phaseTo").asText())));
        }
        Instant destroyedAt = n.has("destroyedAt") ? Instant.parse(n.get("destroyedAt").asText()) : null;
        return new Stored(new Scope(n.get("account").asText(), n.get("region").asText()), new KeyId(n.get("id").asText()),
                new KeyLifecycle(periods, compromise, history, destroyedAt, n.get("recipientEndRecorded").asBoolean()));
    }

    private static Duration duration(JsonNode n, String field) {
        return n.has(field) ? Duration.parse(n.get(field).asText()) : null;
    }

    private static String text(JsonNode n, String field) {
        return n.has(field) ? n.get(field).asText() : null;
    }

    private static void putIfPresent(ObjectNode n, String field, Object value) {
        if (value != null) {
            n.put(field, value instanceof Enum<?> e ? e.name() : value.toString());
        }
    }
}
