package dev.trent.server.repository;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.trent.server.key.Alias;
import dev.trent.server.key.AliasName;
import dev.trent.server.key.ExpirationModel;
import dev.trent.server.key.Grant;
import dev.trent.server.key.GrantOperation;
import dev.trent.server.key.ImportedMaterial;
import dev.trent.server.key.KeyId;
import dev.trent.server.key.KeyManager;
import dev.trent.server.key.KeySpec;
import dev.trent.server.key.KeyUsage;
import dev.trent.server.key.LastUsage;
import dev.trent.server.key.KmsKey;
import dev.trent.server.key.MaterialVersion;
import dev.trent.server.key.Origin;
import dev.trent.server.key.Rotation;
import dev.trent.server.key.RotationType;
import dev.trent.server.key.Scope;
import dev.trent.server.key.lifecycle.KeyState;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Key and alias metadata to and from the JSON that the barrier seals. Field names are a storage format. */
final class KeyCodec {

    private static final ObjectMapper JSON = new ObjectMapper();

    private KeyCodec() {
    }

    static byte[] encode(KmsKey key) {
        ObjectNode n = JSON.createObjectNode();
        n.put("format", 1);
        n.put("account", key.scope().account());
        n.put("region", key.scope().region());
        n.put("id", key.id().value());
        n.put("description", key.description());
        n.put("spec", key.spec().name());
        n.put("usage", key.usage().name());
        n.put("origin", key.origin().name());
        n.put("state", key.state().name());
        n.put("created", key.creationDate().toString());
        if (key.deletionDate() != null) {
            n.put("deletionDate", key.deletionDate().toString());
        }
        // A primary key pending replica deletion has its waiting period but no deletion date yet.
        if (key.pendingWindowInDays() != null) {
            n.put("pendingWindowInDays", key.pendingWindowInDays());
        }
        ArrayNode materials = n.putArray("materials");
        for (MaterialVersion m : key.materials()) {
            putVersion(materials.addObject(), m);
        }
        ArrayNode tags = n.putArray("tags");
        key.tags().forEach((k, v) -> tags.addObject().put("key", k).put("value", v));
        if (!key.imports().isEmpty()) {
            ArrayNode imports = n.putArray("imports");
            for (ImportedMaterial imported : key.imports()) {
                ObjectNode i = imports.addObject();
                putVersion(i, imported.version());
                i.put("expirationModel", imported.expirationModel().name());
                if (imported.validTo() != null) {
                    i.put("validTo", imported.validTo().toString());
                }
                putIfPresent(i, "description", imported.description());
                if (imported.pendingRotation()) {
                    i.put("pendingRotation", true);
                }
            }
        }
        Rotation rotation = key.rotation();
        if (rotation.automatic() || rotation.onDemandRotations() > 0) {
            ObjectNode r = n.putObject("rotation");
            r.put("onDemandRotations", rotation.onDemandRotations());
            if (rotation.automatic()) {
                r.put("periodInDays", rotation.periodInDays()).put("next", rotation.nextRotationDate().toString());
            }
        }
        if (key.primaryRegion() != null) {
            n.put("primaryRegion", key.primaryRegion());
        }
        n.put("keyManager", key.keyManager().name());
        return bytes(n);
    }

    static KmsKey decodeKey(byte[] bytes) {
        JsonNode n = tree(bytes);
        List<MaterialVersion> materials = new ArrayList<>();
        n.get("materials").forEach(m -> materials.add(decodeVersion(m)));
        Map<String, String> tags = new LinkedHashMap<>();
        n.get("tags").forEach(t -> tags.put(t.get("key").asText(), t.get("value").asText()));
        return new KmsKey(
                new Scope(n.get("account").asText(), n.get("region").asText()),
                new KeyId(n.get("id").asText()),
                n.get("description").asText(),
                KeySpec.valueOf(n.get("spec").asText()),
                KeyUsage.valueOf(n.get("usage").asText()),
                Origin.valueOf(n.get("origin").asText()),
                KeyState.valueOf(n.get("state").asText()),
                Instant.parse(n.get("created").asText()),
                n.has("deletionDate") ? Instant.parse(n.get("deletionDate").asText()) : null,
                n.has("pendingWindowInDays") ? n.get("pendingWindowInDays").asInt() : null,
                materials,
                tags,
                decodeImports(n),
                n.has("rotation") ? decodeRotation(n.get("rotation")) : Rotation.NONE,
                n.has("primaryRegion") ? n.get("primaryRegion").asText() : null,
                // Records written before Trent had AWS managed keys carry no key manager: all were the caller's.
                n.has("keyManager") ? KeyManager.valueOf(n.get("keyManager").asText()) : KeyManager.CUSTOMER);
    }

    private static Rotation decodeRotation(JsonNode r) {
        return new Rotation(r.has("periodInDays") ? r.get("periodInDays").asInt() : null,
                r.has("next") ? Instant.parse(r.get("next").asText()) : null,
                r.get("onDemandRotations").asInt());
    }

    private static void putVersion(ObjectNode node, MaterialVersion m) {
        node.put("number", m.number()).put("id", m.materialId()).put("created", m.created().toString());
        if (m.rotationType() != null) {
            node.put("rotationType", m.rotationType().name());
        }
    }

    private static MaterialVersion decodeVersion(JsonNode m) {
        return new MaterialVersion(m.get("number").asInt(), m.get("id").asText(),
                Instant.parse(m.get("created").asText()),
                m.has("rotationType") ? RotationType.valueOf(m.get("rotationType").asText()) : null);
    }

    /**
     * Every imported material of the key. Records written before imported material could be rotated carry one
     * "imported" object (the key's only material, permanently associated) instead of the "imports" array.
     */
    private static List<ImportedMaterial> decodeImports(JsonNode n) {
        List<ImportedMaterial> out = new ArrayList<>();
        if (n.has("imports")) {
            n.get("imports").forEach(i -> out.add(decodeImported(i)));
        } else if (n.has("imported")) {
            out.add(decodeImported(n.get("imported")));
        }
        return out;
    }

    private static ImportedMaterial decodeImported(JsonNode i) {
        return new ImportedMaterial(decodeVersion(i),
                ExpirationModel.valueOf(i.get("expirationModel").asText()),
                i.has("validTo") ? Instant.parse(i.get("validTo").asText()) : null,
                text(i, "description"),
                i.has("pendingRotation") && i.get("pendingRotation").asBoolean());
    }

    static byte[] encode(Scope scope, KeyId id, LastUsage usage) {
        ObjectNode n = JSON.createObjectNode();
        n.put("format", 1);
        n.put("account", scope.account());
        n.put("region", scope.region());
        n.put("id", id.value());
        n.put("operation", usage.operation());
        n.put("timestamp", usage.timestamp().toString());
        n.put("requestId", usage.requestId());
        return bytes(n);
    }

    /** The usage record's key reference (scope and id) and its content. */
    record StoredUsage(Scope scope, KeyId id, LastUsage usage) {
    }

    static StoredUsage decodeUsage(byte[] bytes) {
        JsonNode n = tree(bytes);
        return new StoredUsage(new Scope(n.get("account").asText(), n.get("region").asText()),
                new KeyId(n.get("id").asText()),
                new LastUsage(n.get("operation").asText(), Instant.parse(n.get("timestamp").asText()),
                        n.get("requestId").asText()));
    }

    /** A key's policy document, kept verbatim (its exact text is what GetKeyPolicy returns). */
    static byte[] encodePolicy(Scope scope, KeyId id, String name, String policy) {
        ObjectNode n = JSON.createObjectNode();
        n.put("format", 1);
        n.put("account", scope.account());
        n.put("region", scope.region());
        n.put("id", id.value());
        n.put("name", name);
        n.put("policy", policy);
        return bytes(n);
    }

    /** The policy record's key reference (scope and id), policy name and document. */
    record StoredPolicy(Scope scope, KeyId id, String name, String policy) {
    }

    static StoredPolicy decodePolicy(byte[] bytes) {
        JsonNode n = tree(bytes);
        return new StoredPolicy(new Scope(n.get("account").asText(), n.get("region").asText()),
                new KeyId(n.get("id").asText()), n.get("name").asText(), n.get("policy").asText());
    }

    /** A grant on one key. */
    static byte[] encode(Grant grant) {
        ObjectNode n = JSON.createObjectNode();
        n.put("format", 1);
        n.put("account", grant.scope().account());
        n.put("region", grant.scope().region());
        n.put("keyId", grant.keyId().value());
        n.put("grantId", grant.grantId());
        putIfPresent(n, "name", grant.name());
        n.put("created", grant.creationDate().toString());
        putIfPresent(n, "grantee", grant.granteePrincipal());
        putIfPresent(n, "granteeService", grant.granteeServicePrincipal());
        putIfPresent(n, "retiring", grant.retiringPrincipal());
        putIfPresent(n, "retiringService", grant.retiringServicePrincipal());
        ArrayNode operations = n.putArray("operations");
        grant.operations().forEach(o -> operations.add(o.name()));
        Grant.Constraints c = grant.constraints();
        if (c != null) {
            ObjectNode constraints = n.putObject("constraints");
            if (c.encryptionContextSubset() != null) {
                ObjectNode subset = constraints.putObject("subset");
                c.encryptionContextSubset().forEach(subset::put);
            }
            if (c.encryptionContextEquals() != null) {
                ObjectNode equals = constraints.putObject("equals");
                c.encryptionContextEquals().forEach(equals::put);
            }
            putIfPresent(constraints, "sourceArn", c.sourceArn());
        }
        return bytes(n);
    }

    static Grant decodeGrant(byte[] bytes) {
        JsonNode n = tree(bytes);
        List<GrantOperation> operations = new ArrayList<>();
        n.get("operations").forEach(o -> operations.add(GrantOperation.valueOf(o.asText())));
        Grant.Constraints constraints = null;
        if (n.has("constraints")) {
            JsonNode c = n.get("constraints");
            constraints = new Grant.Constraints(c.has("subset") ? stringMap(c.get("subset")) : null,
                    c.has("equals") ? stringMap(c.get("equals")) : null, text(c, "sourceArn"));
        }
        return new Grant(new Scope(n.get("account").asText(), n.get("region").asText()),
                new KeyId(n.get("keyId").asText()), n.get("grantId").asText(), text(n, "name"),
                Instant.parse(n.get("created").asText()), text(n, "grantee"), text(n, "granteeService"),
                text(n, "retiring"), text(n, "retiringService"), operations, constraints);
    }

    private static void putIfPresent(ObjectNode n, String field, String value) {
        if (value != null) {
            n.put(field, value);
        }
    }

    private static String text(JsonNode n, String field) {
        return n.has(field) ? n.get(field).asText() : null;
    }

    private static Map<String, String> stringMap(JsonNode n) {
        Map<String, String> out = new LinkedHashMap<>();
        n.fields().forEachRemaining(e -> out.put(e.getKey(), e.getValue().asText()));
        return out;
    }

    static byte[] encode(Alias alias) {
        ObjectNode n = JSON.createObjectNode();
        n.put("format", 1);
        n.put("account", alias.scope().account());
        n.put("region", alias.scope().region());
        n.put("name", alias.name().value());
        n.put("target", alias.target().value());
        n.put("created", alias.created().toString());
        n.put("updated", alias.lastUpdated().toString());
        return bytes(n);
    }

    static Alias decodeAlias(byte[] bytes) {
        JsonNode n = tree(bytes);
        return new Alias(
                new Scope(n.get("account").asText(), n.get("region").asText()),
                new AliasName(n.get("name").asText()),
                new KeyId(n.get("target").asText()),
                Instant.parse(n.get("created").asText()),
                Instant.parse(n.get("updated").asText()));
    }

    private static byte[] bytes(ObjectNode n) {
        try {
            return JSON.writeValueAsBytes(n);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static JsonNode tree(byte[] bytes) {
        try {
            return JSON.readTree(bytes);
        } catch (IOException e) {
            throw new UncheckedIOException("unreadable record", e);
        }
    }
}
