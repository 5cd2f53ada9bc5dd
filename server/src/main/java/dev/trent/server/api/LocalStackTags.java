package dev.trent.server.api;

import dev.trent.server.crypto.PrivateKeyEncodings;
import dev.trent.server.crypto.SecretBytes;
import dev.trent.server.error.ValidationException;
import dev.trent.server.key.KeyId;
import dev.trent.server.key.KeySpec;
import dev.trent.server.service.Tags;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

/**
 * LocalStack's reserved CreateKey tags, so scripts written for LocalStack create the same keys here:
 * {@code _custom_id_} chooses the key id and {@code _custom_key_material_} the key material, base64-encoded
 * (the raw key for symmetric and HMAC keys; for key pairs a DER private key, PKCS#8, PKCS#1 or SEC1, or the
 * same as PEM). Neither is stored as a tag.
 */
public final class LocalStackTags {

    public static final String CUSTOM_ID = "_custom_id_";
    public static final String CUSTOM_KEY_MATERIAL = "_custom_key_material_";
    /** A PKCS#8 RSA-4096 key is about 3,200 base64 characters; tag values are otherwise at most 256. */
    static final int MAX_MATERIAL_LENGTH = 16384;

    /** A CreateKey request's tags with the reserved ones taken out. */
    public record Split(List<Tags.Tag> tags, Optional<String> customId, Optional<String> customMaterial) {

        public boolean anyReserved() {
            return customId.isPresent() || customMaterial.isPresent();
        }
    }

    private LocalStackTags() {
    }

    /** CreateKey's Tags, where only {@code _custom_key_material_} may have a value longer than 256 characters. */
    public static List<Tags.Tag> read(JsonRequest request) {
        return request.list("Tags", Integer.MAX_VALUE, (node, path, r) -> {
            String key = r.elementString(node, "TagKey", path, 1, 128);
            int maxValue = CUSTOM_KEY_MATERIAL.equals(key) ? MAX_MATERIAL_LENGTH : 256;
            return new Tags.Tag(key, r.elementString(node, "TagValue", path, 0, maxValue));
        });
    }

    public static Split split(List<Tags.Tag> tags) {
        List<Tags.Tag> ordinary = new ArrayList<>();
        String id = null;
        String material = null;
        for (Tags.Tag tag : tags) {
            if (CUSTOM_ID.equals(tag.key())) {
                id = tag.value();
            } else if (CUSTOM_KEY_MATERIAL.equals(tag.key())) {
                material = tag.value();
            } else {
                ordinary.add(tag);
            }
        }
        return new Split(ordinary, Optional.ofNullable(id), Optional.ofNullable(material));
    }

    /** The key id a {@code _custom_id_} value names; surrounding spaces are ignored, as LocalStack does. */
    public static KeyId keyId(String value) {
        return KeyId.parse(value.strip()).orElseThrow(() -> new ValidationException("The " + CUSTOM_ID + " tag must "
                + "be a key id: a UUID such as 1234abcd-12ab-34cd-56ef-1234567890ab, or mrk- and 32 hex digits for a "
                + "multi-Region key; '" + value + "' is neither."));
    }

    /** The material a {@code _custom_key_material_} value holds, encoded as {@code KeyMaterial.imported} takes it. */
    public static SecretBytes material(String value, KeySpec spec) {
        byte[] decoded;
        try {
            decoded = Base64.getMimeDecoder().decode(value.strip());
        } catch (IllegalArgumentException e) {
            throw new ValidationException("The " + CUSTOM_KEY_MATERIAL + " tag must be base64-encoded.");
        }
        try {
            if (!spec.isAsymmetric()) {
                return SecretBytes.copyOf(decoded);
            }
            String text = new String(decoded, StandardCharsets.US_ASCII);
            return text.startsWith("-----BEGIN") ? PrivateKeyEncodings.pkcs8FromPem(text)
                    : PrivateKeyEncodings.pkcs8FromDer(decoded);
        } catch (IllegalArgumentException e) {
            throw new ValidationException("The " + CUSTOM_KEY_MATERIAL + " tag is not valid for a KMS key with key "
                    + "spec " + spec + ": " + e.getMessage());
        } finally {
            Arrays.fill(decoded, (byte) 0);
        }
    }
}
