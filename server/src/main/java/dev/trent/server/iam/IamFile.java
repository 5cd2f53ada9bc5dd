package dev.trent.server.iam;

import dev.trent.server.query.Patterns;
import dev.trent.server.query.QueryException;
import dev.trent.server.seed.SeedException;
import dev.trent.server.seed.SeedFile;
import dev.trent.server.seed.SeedNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads an IAM file ({@code serve --iam}): YAML, or JSON when the name ends in {@code .json}. Everything is
 * checked before the server opens its data directory, with IAM's own rules (names, paths, policy documents,
 * session durations, two access keys per user), and every problem names the file, line and column.
 *
 * <pre>
 * accounts:
 *   "111122223333":
 *     rootAccessKeys: [{accessKeyId: AKIAROOT..., secretAccessKey: ...}]
 *     policies:   [{name: signing, path: /, description: ..., document: {Version: ..., Statement: ...}}]
 *     users:      [{name: bot, path: /, tags: {team: ci}, accessKeys: [{accessKeyId: ..., secretAccessKey: ...}],
 *                   policies: {inline-name: {...}}, attachedPolicies: [signing]}]
 *     roles:      [{name: signer, trustPolicy: {...}, maxSessionDuration: 3600, description: ..., tags: {...},
 *                   policies: {...}, attachedPolicies: [...]}]
 * </pre>
 */
public final class IamFile {

    private static final Pattern ACCOUNT = Pattern.compile("\\d{12}");
    private static final Pattern ACCESS_KEY_ID = Pattern.compile("\\w{16,128}");

    private IamFile() {
    }

    public static IamSeed read(Path file) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new SeedException("IAM file " + file + " does not exist", e);
        } catch (IOException e) {
            throw new SeedException("cannot read IAM file " + file + ": " + e.getMessage(), e);
        }
        return parse(file, text);
    }

    public static IamSeed parse(Path file, String text) {
        try {
            return parseTree(file, text);
        } catch (SeedException e) {
            String message = e.getMessage().startsWith("seed file ")
                    ? "IAM file " + e.getMessage().substring("seed file ".length()) : e.getMessage();
            throw new SeedException(message, e.getCause());
        }
    }

    private static IamSeed parseTree(Path file, String text) {
        SeedNode root = SeedFile.tree(file, text);
        if (root == null || root.isNull()) {
            return new IamSeed(file, List.of());
        }
        root.allowOnly("an IAM file", Set.of("accounts"));
        SeedNode accounts = root.fields("an IAM file").get("accounts");
        if (accounts == null || accounts.isNull()) {
            return new IamSeed(file, List.of());
        }
        List<IamSeed.AccountSeed> out = new ArrayList<>();
        Set<String> keyIds = new HashSet<>();
        for (Map.Entry<String, SeedNode> entry : accounts.fields("accounts").entrySet()) {
            if (!ACCOUNT.matcher(entry.getKey()).matches()) {
                throw entry.getValue().error("an account id is 12 digits, not '" + entry.getKey() + "'");
            }
            out.add(account(entry.getKey(), entry.getValue(), keyIds));
        }
        return new IamSeed(file, out);
    }

    private static IamSeed.AccountSeed account(String account, SeedNode node, Set<String> keyIds) {
        String what = "account " + account;
        node.allowOnly(what, Set.of("rootAccessKeys", "users", "roles", "policies"));
        Map<String, SeedNode> fields = node.fields(what);
        List<IamSeed.KeySeed> roots = keys(fields.get("rootAccessKeys"), keyIds, Integer.MAX_VALUE);
        List<IamSeed.PolicySeed> policies = new ArrayList<>();
        Set<String> policyNames = new HashSet<>();
        for (SeedNode p : items(fields.get("policies"))) {
            p.allowOnly("a managed policy", Set.of("name", "path", "description", "document"));
            Map<String, SeedNode> f = p.fields("a managed policy");
            String name = name(p, f, "a managed policy", 128);
            if (!policyNames.add(IamAccount.key(name))) {
                throw p.error("managed policy '" + name + "' is given twice");
            }
            String path = optional(f, "path", "/", Patterns.POLICY_PATH);
            SeedNode document = required(p, f, "document", "a managed policy");
            policies.add(new IamSeed.PolicySeed(name, path, identityPolicy(document),
                    f.containsKey("description") ? f.get("description").text("description") : null));
        }
        List<IamSeed.UserSeed> users = new ArrayList<>();
        Set<String> userNames = new HashSet<>();
        for (SeedNode u : items(fields.get("users"))) {
            u.allowOnly("a user", Set.of("name", "path", "tags", "accessKeys", "policies", "attachedPolicies"));
            Map<String, SeedNode> f = u.fields("a user");
            String name = name(u, f, "a user", 64);
            if (!userNames.add(IamAccount.key(name))) {
                throw u.error("user '" + name + "' is given twice");
            }
            users.add(new IamSeed.UserSeed(name, optional(f, "path", "/", Patterns.PATH), tags(f.get("tags")),
                    keys(f.get("accessKeys"), keyIds, 2), inline(f.get("policies")),
                    attached(f.get("attachedPolicies"), policyNames)));
        }
        List<IamSeed.RoleSeed> roles = new ArrayList<>();
        Set<String> roleNames = new HashSet<>();
        for (SeedNode r : items(fields.get("roles"))) {
            r.allowOnly("a role", Set.of("name", "path", "trustPolicy", "description", "maxSessionDuration", "tags",
                    "policies", "attachedPolicies"));
            Map<String, SeedNode> f = r.fields("a role");
            String name = name(r, f, "a role", 64);
            if (!roleNames.add(IamAccount.key(name))) {
                throw r.error("role '" + name + "' is given twice");
            }
            SeedNode trust = required(r, f, "trustPolicy", "a role");
            String trustText = document(trust);
            try {
                IamPolicies.trustPolicy(trustText);
            } catch (QueryException e) {
                throw trust.error("trustPolicy: " + e.getMessage());
            }
            int maxSession = f.containsKey("maxSessionDuration")
                    ? f.get("maxSessionDuration").integer("maxSessionDuration", 3600, 43200) : 3600;
            roles.add(new IamSeed.RoleSeed(name, optional(f, "path", "/", Patterns.PATH), trustText,
                    f.containsKey("description") ? f.get("description").text("description") : null, maxSession,
                    tags(f.get("tags")), inline(f.get("policies")), attached(f.get("attachedPolicies"), policyNames)));
        }
        return new IamSeed.AccountSeed(account, roots, users, roles, policies);
    }

    private static List<SeedNode> items(SeedNode node) {
        return node == null ? List.of() : node.items();
    }

    private static SeedNode required(SeedNode owner, Map<String, SeedNode> fields, String field, String what) {
        SeedNode value = fields.get(field);
        if (value == null || value.isNull()) {
            throw owner.error(what + " needs '" + field + "'");
        }
        return value;
    }

    private static String name(SeedNode owner, Map<String, SeedNode> fields, String what, int max) {
        SeedNode node = required(owner, fields, "name", what);
        String name = node.text("name");
        if (name.isEmpty() || name.length() > max || !Patterns.NAME.matcher(name).matches()) {
            throw node.error("name '" + name + "' must be 1 to " + max + " characters from letters, digits and"
                    + " +=,.@_-");
        }
        return name;
    }

    private static String optional(Map<String, SeedNode> fields, String field, String otherwise, Pattern pattern) {
        SeedNode node = fields.get(field);
        if (node == null || node.isNull()) {
            return otherwise;
        }
        String value = node.text(field);
        if (!pattern.matcher(value).matches()) {
            throw node.error(field + " '" + value + "' must begin and end with '/'");
        }
        return value;
    }

    private static List<IamSeed.KeySeed> keys(SeedNode node, Set<String> keyIds, int max) {
        List<IamSeed.KeySeed> keys = new ArrayList<>();
        for (SeedNode k : items(node)) {
            k.allowOnly("an access key", Set.of("accessKeyId", "secretAccessKey"));
            Map<String, SeedNode> f = k.fields("an access key");
            SeedNode idNode = required(k, f, "accessKeyId", "an access key");
            String id = idNode.text("accessKeyId");
            if (!ACCESS_KEY_ID.matcher(id).matches()) {
                throw idNode.error("accessKeyId '" + id + "' must be 16 to 128 letters, digits or '_'");
            }
            if (id.startsWith("ASIA")) {
                throw idNode.error("accessKeyId '" + id + "' starts with ASIA, which marks temporary credentials");
            }
            if (!keyIds.add(id)) {
                throw idNode.error("access key " + id + " is given twice");
            }
            String secret = required(k, f, "secretAccessKey", "an access key").text("secretAccessKey");
            if (secret.isEmpty()) {
                throw f.get("secretAccessKey").error("secretAccessKey must not be empty");
            }
            keys.add(new IamSeed.KeySeed(id, secret));
        }
        if (keys.size() > max) {
            throw node.error("a user has at most " + max + " access keys");
        }
        return keys;
    }

    private static Map<String, String> tags(SeedNode node) {
        Map<String, String> tags = new LinkedHashMap<>();
        if (node == null || node.isNull()) {
            return tags;
        }
        for (Map.Entry<String, SeedNode> tag : node.fields("tags").entrySet()) {
            tags.put(tag.getKey(), tag.getValue().isNull() ? "" : tag.getValue().text("a tag value"));
        }
        if (tags.size() > 50) {
            throw node.error("at most 50 tags");
        }
        return tags;
    }

    private static Map<String, String> inline(SeedNode node) {
        Map<String, String> policies = new LinkedHashMap<>();
        if (node == null || node.isNull()) {
            return policies;
        }
        for (Map.Entry<String, SeedNode> policy : node.fields("policies").entrySet()) {
            if (!Patterns.NAME.matcher(policy.getKey()).matches()) {
                throw policy.getValue().error("policy name '" + policy.getKey() + "' must be letters, digits and"
                        + " +=,.@_-");
            }
            policies.put(policy.getKey(), identityPolicy(policy.getValue()));
        }
        return policies;
    }

    private static List<String> attached(SeedNode node, Set<String> policyNames) {
        List<String> names = new ArrayList<>();
        for (SeedNode item : items(node)) {
            String name = item.text("an attached policy");
            if (!policyNames.contains(IamAccount.key(name))) {
                throw item.error("no managed policy '" + name + "' in this account's 'policies'");
            }
            names.add(name);
        }
        return names;
    }

    /** A policy given as a mapping (written as JSON) or as a string holding the JSON. */
    private static String document(SeedNode node) {
        return node.isMap() ? node.toJson() : node.text("a policy document");
    }

    private static String identityPolicy(SeedNode node) {
        String text = document(node);
        try {
            IamPolicies.identityPolicy(text);
        } catch (QueryException e) {
            throw node.error("policy: " + e.getMessage());
        }
        return text;
    }
}
