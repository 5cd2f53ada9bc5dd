package dev.trent.server.seed;

import dev.trent.server.crypto.SecretBytes;
import dev.trent.server.error.KmsException;
import dev.trent.server.key.GrantOperation;
import dev.trent.server.key.KeyId;
import dev.trent.server.key.KeySpec;
import dev.trent.server.key.KeyUsage;
import dev.trent.server.key.Origin;
import dev.trent.server.key.lifecycle.KeyState;
import dev.trent.server.service.GrantService;
import dev.trent.server.service.NewKey;
import dev.trent.server.service.PresetKey;
import dev.trent.server.service.Tags;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Trent's own seed format: optional top-level {@code account} and {@code region}, and a list of {@code keys}, each
 * with its {@code id} and whatever else it wants (see the README's "Seed files").
 */
final class TrentSeedFormat {

    private static final Set<String> TOP_LEVEL = Set.of("account", "region", "keys");
    private static final Set<String> KEY_FIELDS = Set.of("id", "account", "region", "description", "spec", "usage",
            "origin", "material", "aliases", "tags", "policy", "grants", "state", "pendingWindowInDays",
            "rotationPeriodInDays");
    private static final Set<String> GRANT_FIELDS = Set.of("name", "granteePrincipal", "retiringPrincipal",
            "operations");

    private TrentSeedFormat() {
    }

    static Seed read(SeedNode root) {
        root.allowOnly("the seed file", TOP_LEVEL);
        Map<String, SeedNode> top = root.fields("the seed file");
        String account = top.containsKey("account") ? SeedValues.account(top.get("account")) : null;
        String region = top.containsKey("region") ? SeedValues.region(top.get("region")) : null;
        List<Seed.Key> keys = new ArrayList<>();
        List<Seed.Alias> aliases = new ArrayList<>();
        SeedNode keyList = top.get("keys");
        for (SeedNode node : keyList == null ? List.<SeedNode>of() : keyList.items()) {
            Seed.Key key = key(node, account, region);
            keys.add(key);
            SeedNode names = node.fields("a key").get("aliases");
            for (SeedNode name : names == null ? List.<SeedNode>of() : names.items()) {
                aliases.add(new Seed.Alias(name.at(), key.account(), key.region(), SeedValues.alias(name),
                        key.preset().id()));
            }
        }
        return new Seed(root.at().file(), keys, aliases);
    }

    private static Seed.Key key(SeedNode node, String account, String region) {
        node.allowOnly("a key", KEY_FIELDS);
        Map<String, SeedNode> f = node.fields("a key");
        if (!f.containsKey("id")) {
            throw node.error("a key needs an 'id'");
        }
        KeyId id = SeedValues.keyId(f.get("id"));
        KeySpec spec = f.containsKey("spec") ? SeedValues.spec(f.get("spec")) : KeySpec.SYMMETRIC_DEFAULT;
        KeyUsage usage = SeedValues.usage(f.get("usage"), spec, node);
        Origin origin = f.containsKey("origin") ? SeedValues.named(f.get("origin"), Origin.class, "origin")
                : Origin.AWS_KMS;
        if (origin != Origin.AWS_KMS && origin != Origin.EXTERNAL) {
            throw f.get("origin").error("a seeded key's origin is AWS_KMS or EXTERNAL");
        }
        String description = f.containsKey("description") ? f.get("description").text("description") : "";
        List<SecretBytes> materials = materials(f.get("material"), spec);
        KeyState state = f.containsKey("state") ? SeedValues.named(f.get("state"), KeyState.class, "key state")
                : KeyState.Enabled;
        if (state != KeyState.Enabled && state != KeyState.Disabled && state != KeyState.PendingDeletion) {
            throw f.get("state").error("a seeded key's state is Enabled, Disabled or PendingDeletion");
        }
        Integer window = f.containsKey("pendingWindowInDays")
                ? f.get("pendingWindowInDays").integer("pendingWindowInDays", 7, 30) : null;
        if (window != null && state != KeyState.PendingDeletion) {
            throw f.get("pendingWindowInDays").error("pendingWindowInDays is for keys in state PendingDeletion");
        }
        Integer rotation = f.containsKey("rotationPeriodInDays")
                ? f.get("rotationPeriodInDays").integer("rotationPeriodInDays", 90, 2560) : null;
        NewKey request = new NewKey(description, spec, usage, origin, tags(f.get("tags")), id.multiRegion());
        PresetKey preset = new PresetKey(id, request, materials, state, window, rotation, null,
                grants(f.get("grants")));
        String policy = f.containsKey("policy") ? policy(f.get("policy")) : null;
        return new Seed.Key(node.at(), f.containsKey("account") ? SeedValues.account(f.get("account")) : account,
                f.containsKey("region") ? SeedValues.region(f.get("region")) : region, preset, policy);
    }

    private static List<SecretBytes> materials(SeedNode node, KeySpec spec) {
        if (node == null) {
            return List.of();
        }
        List<SeedNode> items = node.items();
        if (items.size() > 1 && spec != KeySpec.SYMMETRIC_DEFAULT) {
            throw node.error("only SYMMETRIC_DEFAULT keys rotate, so only they can list several materials");
        }
        List<SecretBytes> out = new ArrayList<>();
        for (SeedNode item : items) {
            out.add(spec.isAsymmetric() ? SeedMaterial.pem(item, spec) : SeedMaterial.base64(item, spec));
        }
        return out;
    }

    private static Map<String, String> tags(SeedNode node) {
        if (node == null) {
            return Map.of();
        }
        List<Tags.Tag> tags = new ArrayList<>();
        for (Map.Entry<String, SeedNode> tag : node.fields("tags").entrySet()) {
            tags.add(new Tags.Tag(tag.getKey(), tag.getValue().isNull() ? "" : tag.getValue().text("a tag value")));
        }
        try {
            return Tags.merge(Map.of(), Tags.validate(tags));
        } catch (KmsException e) {
            throw node.error(e.getMessage());
        }
    }

    private static String policy(SeedNode node) {
        return node.isMap() ? node.toJson() : node.text("policy");
    }

    private static List<GrantService.NewGrant> grants(SeedNode node) {
        if (node == null) {
            return List.of();
        }
        List<GrantService.NewGrant> out = new ArrayList<>();
        for (SeedNode grant : node.items()) {
            grant.allowOnly("a grant", GRANT_FIELDS);
            Map<String, SeedNode> f = grant.fields("a grant");
            if (!f.containsKey("granteePrincipal") || !f.containsKey("operations")) {
                throw grant.error("a grant needs 'granteePrincipal' and 'operations'");
            }
            List<GrantOperation> operations = new ArrayList<>();
            for (SeedNode operation : f.get("operations").items()) {
                operations.add(SeedValues.named(operation, GrantOperation.class, "grant operation"));
            }
            out.add(new GrantService.NewGrant(null, f.get("granteePrincipal").text("granteePrincipal"), null,
                    f.containsKey("retiringPrincipal") ? f.get("retiringPrincipal").text("retiringPrincipal") : null,
                    null, operations, null, f.containsKey("name") ? f.get("name").text("name") : null));
        }
        return out;
    }
}
