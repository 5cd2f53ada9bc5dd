package dev.trent.server.seed;

import dev.trent.server.crypto.PrivateKeyEncodings;
import dev.trent.server.crypto.SecretBytes;
import dev.trent.server.key.KeyMaterial;
import dev.trent.server.key.KeySpec;
import dev.trent.server.key.MaterialVersion;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;

/**
 * Key material written in a seed file, decoded and checked against its key spec while the file is read, so a
 * wrong length or curve is reported with its line before anything is stored.
 */
final class SeedMaterial {

    private SeedMaterial() {
    }

    static SecretBytes base64(SeedNode node, KeySpec spec) {
        byte[] raw;
        try {
            raw = Base64.getMimeDecoder().decode(node.text("material").strip());
        } catch (IllegalArgumentException e) {
            throw node.error("material for a " + spec + " key must be base64");
        }
        return checked(node, spec, raw);
    }

    static SecretBytes hex(SeedNode node, KeySpec spec) {
        byte[] raw;
        try {
            raw = HexFormat.of().parseHex(node.text("BackingKeys entry").strip());
        } catch (IllegalArgumentException e) {
            throw node.error("a backing key must be hex");
        }
        return checked(node, spec, raw);
    }

    static SecretBytes pem(SeedNode node, KeySpec spec) {
        SecretBytes pkcs8;
        try {
            pkcs8 = PrivateKeyEncodings.pkcs8FromPem(node.text("private key"));
        } catch (IllegalArgumentException e) {
            throw node.error("material for a " + spec + " key must be a PEM private key: " + e.getMessage());
        }
        check(node, spec, pkcs8);
        return pkcs8;
    }

    private static SecretBytes checked(SeedNode node, KeySpec spec, byte[] raw) {
        try {
            SecretBytes material = SecretBytes.copyOf(raw);
            check(node, spec, material);
            return material;
        } finally {
            Arrays.fill(raw, (byte) 0);
        }
    }

    private static void check(SeedNode node, KeySpec spec, SecretBytes material) {
        try {
            KeyMaterial.imported(spec, new MaterialVersion(1, "0".repeat(64), Instant.EPOCH), material);
        } catch (RuntimeException e) {
            // Parsers report bad input by several runtime types; their messages never hold the material.
            throw node.error("material is not valid for a " + spec + " key: " + e.getMessage());
        }
    }
}
