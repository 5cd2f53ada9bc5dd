package dev.trent.server.seed;

import dev.trent.server.crypto.PrivateKeyEncodings;
import dev.trent.server.crypto.SecretBytes;
import dev.trent.server.key.KeyId;
import dev.trent.server.key.KeyMaterial;
import dev.trent.server.key.KeySpec;
import dev.trent.server.key.KeyUsage;
import dev.trent.server.key.MaterialVersion;
import dev.trent.server.key.Origin;
import dev.trent.server.key.lifecycle.KeyState;
import dev.trent.server.service.NewKey;
import dev.trent.server.service.PresetKey;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * local-kms's {@code seed.yaml}, so its users can switch with the files they have: {@code Keys} with
 * {@code Symmetric: {Aes, Hmac}} entries holding hex {@code BackingKeys} (several simulate rotations, the last is
 * current) and {@code Asymmetric: {Rsa, Ecc}} entries holding a {@code PrivateKeyPem}, each with a
 * {@code Metadata} mapping ({@code KeyId}, and optionally {@code Description}, {@code KeyUsage}, {@code KeySpec},
 * {@code Origin}); {@code NextKeyRotation} turns on yearly rotation from that date; and {@code Aliases} with
 * {@code AliasName} and {@code TargetKeyId}. Keys live in the server's account and Region, as in local-kms.
 * Fields Trent has no use for (local-kms also reads ARNs and dates in Metadata) are ignored.
 */
final class LocalKmsSeedFormat {

    /** local-kms rotates a key with NextKeyRotation yearly. */
    private static final int ROTATION_DAYS = 365;

    private LocalKmsSeedFormat() {
    }

    /** Whether {@code root} looks like a local-kms seed: its top level has {@code Keys} or {@code Aliases}. */
    static boolean recognises(SeedNode root) {
        if (!root.isMap()) {
            return false;
        }
        Map<String, SeedNode> top = root.fields("the seed file");
        return top.containsKey("Keys") || top.containsKey("Aliases");
    }

    static Seed read(SeedNode root) {
        Map<String, SeedNode> top = root.fields("the seed file");
        List<Seed.Key> keys = new ArrayList<>();
        SeedNode keyGroups = top.get("Keys");
        if (keyGroups != null && !keyGroups.isNull()) {
            Map<String, SeedNode> groups = keyGroups.fields("Keys");
            for (Map.Entry<String, SeedNode> group : groups.entrySet()) {
                if (group.getValue().isNull()) {
                    continue;
                }
                Map<String, SeedNode> kinds = group.getValue().fields(group.getKey());
                for (Map.Entry<String, SeedNode> kind : kinds.entrySet()) {
                    for (SeedNode entry : kind.getValue().items()) {
                        keys.add(key(group.getKey(), kind.getKey(), kind.getValue(), entry));
                    }
                }
            }
        }
        List<Seed.Alias> aliases = new ArrayList<>();
        SeedNode aliasList = top.get("Aliases");
        for (SeedNode alias : aliasList == null ? List.<SeedNode>of() : aliasList.items()) {
            Map<String, SeedNode> f = alias.fields("an alias");
            if (!f.containsKey("AliasName") || !f.containsKey("TargetKeyId")) {
                throw alias.error("an alias needs 'AliasName' and 'TargetKeyId'");
            }
            aliases.add(new Seed.Alias(alias.at(), null, null, SeedValues.alias(f.get("AliasName")),
                    SeedValues.keyId(f.get("TargetKeyId"))));
        }
        return new Seed(root.at().file(), keys, aliases);
    }

    private static Seed.Key key(String group, String kind, SeedNode kindNode, SeedNode entry) {
        Map<String, SeedNode> f = entry.fields("a key");
        SeedNode metadataNode = f.get("Metadata");
        if (metadataNode == null) {
            throw entry.error("a key needs 'Metadata' with its 'KeyId'");
        }
        Map<String, SeedNode> metadata = metadataNode.fields("Metadata");
        if (!metadata.containsKey("KeyId")) {
            throw metadataNode.error("Metadata needs a 'KeyId'");
        }
        KeyId id = SeedValues.keyId(metadata.get("KeyId"));
        Origin origin = metadata.containsKey("Origin")
                ? SeedValues.named(metadata.get("Origin"), Origin.class, "origin") : Origin.AWS_KMS;
        if (origin != Origin.AWS_KMS && origin != Origin.EXTERNAL) {
            throw metadata.get("Origin").error("a seeded key's origin is AWS_KMS or EXTERNAL");
        }
        String description = metadata.containsKey("Description")
                ? metadata.get("Description").text("Description") : "";
        KeySpec spec;
        List<SecretBytes> materials;
        if ("Symmetric".equals(group) && ("Aes".equals(kind) || "Hmac".equals(kind))) {
            spec = "Aes".equals(kind) ? KeySpec.SYMMETRIC_DEFAULT
                    : metadata.containsKey("KeySpec") ? SeedValues.spec(metadata.get("KeySpec")) : KeySpec.HMAC_256;
            if (spec.family() != ("Aes".equals(kind) ? KeySpec.Family.SYMMETRIC : KeySpec.Family.HMAC)) {
                throw metadata.get("KeySpec").error("key spec " + spec + " is not a " + kind + " key spec");
            }
            materials = backingKeys(f.get("BackingKeys"), spec, origin, entry);
        } else if ("Asymmetric".equals(group) && ("Rsa".equals(kind) || "Ecc".equals(kind))) {
            SeedNode pem = f.get("PrivateKeyPem");
            if (pem == null) {
                throw entry.error("an asymmetric key needs a 'PrivateKeyPem'");
            }
            spec = asymmetricSpec(pem, kind, metadata.get("KeySpec"));
            materials = List.of(SeedMaterial.pem(pem, spec));
        } else {
            throw kindNode.error("local-kms seeds have Keys: Symmetric: Aes/Hmac and Asymmetric: Rsa/Ecc, not "
                    + group + ": " + kind);
        }
        // local-kms's ECC keys only sign, so their KeyUsage may be left out.
        KeyUsage usage = "Ecc".equals(kind) && !metadata.containsKey("KeyUsage") ? KeyUsage.SIGN_VERIFY
                : SeedValues.usage(metadata.get("KeyUsage"), spec, metadataNode);
        Integer rotation = null;
        Instant next = null;
        if (f.containsKey("NextKeyRotation") && !f.get("NextKeyRotation").isNull()) {
            if (spec != KeySpec.SYMMETRIC_DEFAULT || origin != Origin.AWS_KMS) {
                throw f.get("NextKeyRotation").error("only AES keys with origin AWS_KMS rotate");
            }
            rotation = ROTATION_DAYS;
            next = SeedValues.instant(f.get("NextKeyRotation"));
        }
        NewKey request = new NewKey(description, spec, usage, origin, Map.of(), id.multiRegion());
        PresetKey preset = new PresetKey(id, request, materials, KeyState.Enabled, null, rotation, next, List.of());
        return new Seed.Key(entry.at(), null, null, preset, null);
    }

    private static List<SecretBytes> backingKeys(SeedNode node, KeySpec spec, Origin origin, SeedNode entry) {
        List<SeedNode> items = node == null ? List.of() : node.items();
        if (items.isEmpty() && origin != Origin.EXTERNAL) {
            throw entry.error("a key needs at least one entry in 'BackingKeys' (hex, e.g. from openssl rand -hex 32)");
        }
        if (items.size() > 1 && (spec != KeySpec.SYMMETRIC_DEFAULT || origin != Origin.AWS_KMS)) {
            throw node.error("only AES keys with origin AWS_KMS can have several backing keys");
        }
        List<SecretBytes> out = new ArrayList<>();
        for (SeedNode item : items) {
            out.add(SeedMaterial.hex(item, spec));
        }
        return out;
    }

    /** The spec the PEM key is: RSA by its modulus size, ECC by its curve; a given KeySpec must agree. */
    private static KeySpec asymmetricSpec(SeedNode pem, String kind, SeedNode given) {
        SecretBytes pkcs8;
        try {
            pkcs8 = PrivateKeyEncodings.pkcs8FromPem(pem.text("PrivateKeyPem"));
        } catch (IllegalArgumentException e) {
            throw pem.error("PrivateKeyPem is not a PEM private key: " + e.getMessage());
        }
        List<KeySpec> candidates = "Rsa".equals(kind)
                ? List.of(KeySpec.RSA_2048, KeySpec.RSA_3072, KeySpec.RSA_4096)
                : List.of(KeySpec.ECC_NIST_P256, KeySpec.ECC_NIST_P384, KeySpec.ECC_NIST_P521, KeySpec.ECC_SECG_P256K1);
        for (KeySpec spec : candidates) {
            if (fits(spec, pkcs8)) {
                if (given != null && SeedValues.spec(given) != spec) {
                    throw given.error("KeySpec " + SeedValues.spec(given) + " does not match the private key, which is "
                            + spec);
                }
                return spec;
            }
        }
        throw pem.error("PrivateKeyPem is not " + ("Rsa".equals(kind) ? "a 2048-, 3072- or 4096-bit RSA key"
                : "an EC key on P-256, P-384, P-521 or secp256k1"));
    }

    private static boolean fits(KeySpec spec, SecretBytes pkcs8) {
        try {
            KeyMaterial.imported(spec, new MaterialVersion(1, "0".repeat(64), Instant.EPOCH), pkcs8);
            return true;
        } catch (RuntimeException e) {
            return false;
        }
    }
}
