package dev.trent.server.iam;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An account's IAM state as the bytes of one sealed record (JSON inside the barrier, so secrets are only ever
 * written encrypted), and back. A format version leads, so a later layout can still read this one.
 */
final class IamCodec {

    private static final int FORMAT = 1;
    private static final ObjectMapper JSON = new ObjectMapper();

    private IamCodec() {
    }

    static byte[] encode(IamAccount account) {
        ObjectNode root = JSON.createObjectNode().put("format", FORMAT).put("account", account.account());
        ArrayNode users = root.putArray("users");
        for (IamUser u : account.users().values()) {
            ObjectNode n = users.addObject().put("name", u.name()).put("path", u.path()).put("id", u.id())
                    .put("arn", u.arn()).put("created", u.created().toString());
            putMap(n, "tags", u.tags());
            putMap(n, "inline", u.inlinePolicies());
            putList(n, "attached", u.attached());
        }
        ArrayNode roles = root.putArray("roles");
        for (IamRole r : account.roles().values()) {
            ObjectNode n = roles.addObject().put("name", r.name()).put("path", r.path()).put("id", r.id())
                    .put("arn", r.arn()).put("created", r.created().toString()).put("trust", r.trustPolicy())
                    .put("description", r.description()).put("maxSession", r.maxSessionDuration());
            putMap(n, "tags", r.tags());
            putMap(n, "inline", r.inlinePolicies());
            putList(n, "attached", r.attached());
        }
        ArrayNode policies = root.putArray("policies");
        for (ManagedPolicy p : account.policies().values()) {
            ObjectNode n = policies.addObject().put("name", p.name()).put("path", p.path()).put("id", p.id())
                    .put("arn", p.arn()).put("created", p.created().toString()).put("document", p.document())
                    .put("description", p.description());
            putMap(n, "tags", p.tags());
        }
        ArrayNode keys = root.putArray("accessKeys");
        for (AccessKey k : account.accessKeys().values()) {
            keys.addObject().put("id", k.id()).put("user", k.userName()).put("secret", k.secret())
                    .put("active", k.active()).put("created", k.created().toString());
        }
        try {
            return JSON.writeValueAsBytes(root);
        } catch (IOException e) {
            throw new IllegalStateException("a tree of strings always serialises", e);
        }
    }

    static IamAccount decode(byte[] record) {
        JsonNode root;
        try {
            root = JSON.readTree(record);
        } catch (IOException e) {
            throw new IllegalStateException("an IAM record is not JSON", e);
        }
        if (root.path("format").asInt() != FORMAT) {
            throw new IllegalStateException("unknown IAM record format " + root.path("format"));
        }
        IamAccount account = IamAccount.empty(root.path("account").asText());
        for (JsonNode n : root.path("users")) {
            account = account.withUser(new IamUser(n.path("name").asText(), n.path("path").asText(),
                    n.path("id").asText(), n.path("arn").asText(), Instant.parse(n.path("created").asText()),
                    map(n.path("tags")), map(n.path("inline")), list(n.path("attached"))));
        }
        for (JsonNode n : root.path("roles")) {
            account = account.withRole(new IamRole(n.path("name").asText(), n.path("path").asText(),
                    n.path("id").asText(), n.path("arn").asText(), Instant.parse(n.path("created").asText()),
                    n.path("trust").asText(), text(n.path("description")), n.path("maxSession").asInt(),
                    map(n.path("tags")), map(n.path("inline")), list(n.path("attached"))));
        }
        for (JsonNode n : root.path("policies")) {
            account = account.withPolicy(new ManagedPolicy(n.path("name").asText(), n.path("path").asText(),
                    n.path("id").asText(), n.path("arn").asText(), Instant.parse(n.path("created").asText()),
                    n.path("document").asText(), text(n.path("description")), map(n.path("tags"))));
        }
        for (JsonNode n : root.path("accessKeys")) {
            account = account.withAccessKey(new AccessKey(n.path("id").asText(), n.path("user").asText(),
                    n.path("secret").asText(), n.path("active").asBoolean(),
                    Instant.parse(n.path("created").asText())));
        }
        return account;
    }

    private static String text(JsonNode node) {
        return node.isNull() || node.isMissingNode() ? null : node.asText();
    }

    private static void putMap(ObjectNode node, String field, Map<String, String> map) {
        ObjectNode out = node.putObject(field);
        map.forEach(out::put);
    }

    private static void putList(ObjectNode node, String field, List<String> list) {
        ArrayNode out = node.putArray(field);
        list.forEach(out::add);
    }

    private static Map<String, String> map(JsonNode node) {
        Map<String, String> out = new LinkedHashMap<>();
        node.fields().forEachRemaining(e -> out.put(e.getKey(), e.getValue().asText()));
        return out;
    }

    private static List<String> list(JsonNode node) {
        List<String> out = new ArrayList<>();
        node.forEach(n -> out.add(n.asText()));
        return out;
    }
}
