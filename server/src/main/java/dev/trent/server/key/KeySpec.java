package dev.trent.server.key;

import static dev.trent.server.key.KeyUsage.ENCRYPT_DECRYPT;
import static dev.trent.server.key.KeyUsage.SIGN_VERIFY;

import java.util.List;
import java.util.Map;

/**
 * AWS KMS KeySpec, each with the usages AWS allows and the algorithm lists DescribeKey reports per usage
 * (AWS KMS Developer Guide, "Key spec reference"). Specs whose cryptography Trent does not have yet say so
 * through {@link #supported()}.
 */
public enum KeySpec {
    RSA_2048(2048, Map.of(ENCRYPT_DECRYPT, Algorithms.RSA_ENCRYPTION, SIGN_VERIFY, Algorithms.RSA_SIGNING)),
    RSA_3072(3072, Map.of(ENCRYPT_DECRYPT, Algorithms.RSA_ENCRYPTION, SIGN_VERIFY, Algorithms.RSA_SIGNING)),
    RSA_4096(4096, Map.of(ENCRYPT_DECRYPT, Algorithms.RSA_ENCRYPTION, SIGN_VERIFY, Algorithms.RSA_SIGNING)),
    ECC_NIST_P256(0, Map.of()),
    ECC_NIST_P384(0, Map.of()),
    ECC_NIST_P521(0, Map.of()),
    ECC_SECG_P256K1(0, Map.of()),
    SYMMETRIC_DEFAULT(256, Map.of(ENCRYPT_DECRYPT, Algorithms.SYMMETRIC)),
    HMAC_224(0, Map.of()),
    HMAC_256(0, Map.of()),
    HMAC_384(0, Map.of()),
    HMAC_512(0, Map.of()),
    SM2(0, Map.of()),
    ML_DSA_44(0, Map.of()),
    ML_DSA_65(0, Map.of()),
    ML_DSA_87(0, Map.of()),
    ECC_NIST_EDWARDS25519(0, Map.of());

    private final int bits;
    private final Map<KeyUsage, Algorithms> usages;

    KeySpec(int bits, Map<KeyUsage, Algorithms> usages) {
        this.bits = bits;
        this.usages = usages;
    }

    /** True when Trent can create keys of this spec. */
    public boolean supported() {
        return !usages.isEmpty();
    }

    public boolean isRsa() {
        return name().startsWith("RSA_");
    }

    public int bits() {
        return bits;
    }

    public boolean allows(KeyUsage usage) {
        return usages.containsKey(usage);
    }

    /** True where the deprecated CustomerMasterKeySpec enum has the same name. */
    public boolean hasCustomerMasterKeySpec() {
        return !name().startsWith("ML_DSA") && this != ECC_NIST_EDWARDS25519;
    }

    public List<EncryptionAlgorithm> encryptionAlgorithms(KeyUsage usage) {
        Algorithms a = usages.get(usage);
        return a == null ? List.of() : a.encryption();
    }

    public List<SigningAlgorithm> signingAlgorithms(KeyUsage usage) {
        Algorithms a = usages.get(usage);
        return a == null ? List.of() : a.signing();
    }

    private record Algorithms(List<EncryptionAlgorithm> encryption, List<SigningAlgorithm> signing) {
        static final Algorithms SYMMETRIC = new Algorithms(List.of(EncryptionAlgorithm.SYMMETRIC_DEFAULT), List.of());
        static final Algorithms RSA_ENCRYPTION = new Algorithms(
                List.of(EncryptionAlgorithm.RSAES_OAEP_SHA_1, EncryptionAlgorithm.RSAES_OAEP_SHA_256), List.of());
        static final Algorithms RSA_SIGNING = new Algorithms(List.of(), List.of(
                SigningAlgorithm.RSASSA_PKCS1_V1_5_SHA_256, SigningAlgorithm.RSASSA_PKCS1_V1_5_SHA_384,
                SigningAlgorithm.RSASSA_PKCS1_V1_5_SHA_512, SigningAlgorithm.RSASSA_PSS_SHA_256,
                SigningAlgorithm.RSASSA_PSS_SHA_384, SigningAlgorithm.RSASSA_PSS_SHA_512));
    }
}
