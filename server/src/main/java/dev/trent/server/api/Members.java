package dev.trent.server.api;

import dev.trent.server.service.Tags;
import java.util.List;
import java.util.Map;

/** Members that many operations share, read with the model's constraints. */
public final class Members {

    /** KeyIdType: 1 to 2048 characters. */
    public static final int KEY_ID_MAX = 2048;
    /** PlaintextType: 1 to 4096 bytes. */
    public static final int PLAINTEXT_MAX = 4096;
    /** CiphertextType: 1 to 6144 bytes. */
    public static final int CIPHERTEXT_MAX = 6144;

    /** KeySpec in the order AWS prints its value set (recorded against AWS; newer specs appended). */
    public static final List<String> KEY_SPEC_ORDER = List.of("RSA_2048", "ECC_NIST_P384", "ECC_NIST_P256",
            "ECC_NIST_P521", "HMAC_384", "RSA_3072", "ECC_SECG_P256K1", "RSA_4096", "SYMMETRIC_DEFAULT", "HMAC_256",
            "HMAC_224", "HMAC_512", "SM2", "ML_DSA_44", "ML_DSA_65", "ML_DSA_87", "ECC_NIST_EDWARDS25519");
    /** KeyUsageType in the order AWS prints it (recorded; KEY_AGREEMENT appended). */
    public static final List<String> KEY_USAGE_ORDER =
            List.of("ENCRYPT_DECRYPT", "SIGN_VERIFY", "GENERATE_VERIFY_MAC", "KEY_AGREEMENT");

    /** MacAlgorithmSpec in the order AWS prints it (recorded against AWS). */
    public static final List<String> MAC_ALGORITHM_ORDER =
            List.of("HMAC_SHA_384", "HMAC_SHA_256", "HMAC_SHA_224", "HMAC_SHA_512");

    private Members() {
    }

    public static String keyId(JsonRequest request) {
        return request.requiredString("KeyId", 1, KEY_ID_MAX);
    }

    public static Map<String, String> encryptionContext(JsonRequest request, String member) {
        return request.stringMap(member);
    }

    /**
     * GrantTokens: up to 10 tokens of 1 to 8192 characters. Once the request's constraints hold, its
     * {@link JsonRequest#validate()} refuses any token that was not minted here.
     */
    public static List<String> grantTokens(JsonRequest request) {
        List<String> tokens = request.list("GrantTokens", 10, (node, path, r) -> r.elementText(node, path, 1, 8192));
        request.addGrantTokens(tokens);
        return tokens;
    }

    public static List<Tags.Tag> tags(JsonRequest request) {
        return request.list("Tags", Integer.MAX_VALUE, (node, path, r) -> new Tags.Tag(
                r.elementString(node, "TagKey", path, 1, 128),
                r.elementString(node, "TagValue", path, 0, 256)));
    }
}
