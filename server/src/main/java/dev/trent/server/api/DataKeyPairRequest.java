package dev.trent.server.api;

import dev.trent.server.key.KeySpec;
import java.util.Map;

/** The members GenerateDataKeyPair and GenerateDataKeyPairWithoutPlaintext share. */
public record DataKeyPairRequest(String keyId, KeySpec pairSpec, Map<String, String> encryptionContext, boolean dryRun) {

    /** AWS KMS DataKeyPairSpec; each name is also a KeySpec. */
    private enum DataKeyPairSpec {
        RSA_2048, RSA_3072, RSA_4096, ECC_NIST_P256, ECC_NIST_P384, ECC_NIST_P521, ECC_SECG_P256K1, SM2,
        ECC_NIST_EDWARDS25519
    }

    /** GenerateDataKeyPair's members, in its model order. */
    public static DataKeyPairRequest read(JsonRequest request) {
        return read(request, true);
    }

    /** GenerateDataKeyPairWithoutPlaintext's members: the same, without Recipient. */
    public static DataKeyPairRequest readWithoutPlaintext(JsonRequest request) {
        return read(request, false);
    }

    private static DataKeyPairRequest read(JsonRequest request, boolean withPlaintext) {
        Map<String, String> context = Members.encryptionContext(request, "EncryptionContext");
        String keyId = Members.keyId(request);
        request.required("KeyPairSpec");
        KeySpec spec = request.enumValue("KeyPairSpec", DataKeyPairSpec.class)
                .map(s -> KeySpec.valueOf(s.name())).orElse(null);
        Members.grantTokens(request);
        boolean recipient = withPlaintext && Recipients.read(request);
        boolean dryRun = request.bool("DryRun");
        request.validate();
        Recipients.refuse(recipient);
        return new DataKeyPairRequest(keyId, spec, context, dryRun);
    }
}
