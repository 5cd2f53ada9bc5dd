package dev.trent.server.key;

import static dev.trent.server.key.KeyUsage.ENCRYPT_DECRYPT;
import static dev.trent.server.key.KeyUsage.GENERATE_VERIFY_MAC;
import static dev.trent.server.key.KeyUsage.KEY_AGREEMENT;
import static dev.trent.server.key.KeyUsage.SIGN_VERIFY;

import dev.trent.server.crypto.AsymmetricKeyPair;
import java.util.List;
import java.util.Map;

/**
 * AWS KMS KeySpec, each with the usages AWS allows and the algorithm lists DescribeKey reports per usage
 * (AWS KMS Developer Guide, "Key spec reference"). Specs whose cryptography Trent does not have yet say so
 * through {@link #supported()}.
 */
public enum KeySpec {
    RSA_2048(Family.RSA, 2048, null, Map.of(ENCRYPT_DECRYPT, Algorithms.RSA_ENCRYPTION, SIGN_VERIFY, Algorithms.RSA_SIGNING)),
    RSA_3072(Family.RSA, 3072, null, Map.of(ENCRYPT_DECRYPT, Algorithms.RSA_ENCRYPTION, SIGN_VERIFY, Algorithms.RSA_SIGNING)),
    RSA_4096(Family.RSA, 4096, null, Map.of(ENCRYPT_DECRYPT, Algorithms.RSA_ENCRYPTION, SIGN_VERIFY, Algorithms.RSA_SIGNING)),
    ECC_NIST_P256(Family.PAIR, 256, AsymmetricKeyPair.Type.NIST_P256,
            Map.of(SIGN_VERIFY, Algorithms.signing(SigningAlgorithm.ECDSA_SHA_256), KEY_AGREEMENT, Algorithms.ECDH)),
    ECC_NIST_P384(Family.PAIR, 384, AsymmetricKeyPair.Type.NIST_P384,
            Map.of(SIGN_VERIFY, Algorithms.signing(SigningAlgorithm.ECDSA_SHA_384), KEY_AGREEMENT, Algorithms.ECDH)),
    ECC_NIST_P521(Family.PAIR, 521, AsymmetricKeyPair.Type.NIST_P521,
            Map.of(SIGN_VERIFY, Algorithms.signing(SigningAlgorithm.ECDSA_SHA_512), KEY_AGREEMENT, Algorithms.ECDH)),
    ECC_SECG_P256K1(Family.PAIR, 256, AsymmetricKeyPair.Type.SECP256K1,
            Map.of(SIGN_VERIFY, Algorithms.signing(SigningAlgorithm.ECDSA_SHA_256))),
    SYMMETRIC_DEFAULT(Family.SYMMETRIC, 256, null, Map.of(ENCRYPT_DECRYPT, Algorithms.SYMMETRIC)),
    HMAC_224(Family.HMAC, 224, null, Map.of(GENERATE_VERIFY_MAC, Algorithms.mac(MacAlgorithm.HMAC_SHA_224))),
    HMAC_256(Family.HMAC, 256, null, Map.of(GENERATE_VERIFY_MAC, Algorithms.mac(MacAlgorithm.HMAC_SHA_256))),
    HMAC_384(Family.HMAC, 384, null, Map.of(GENERATE_VERIFY_MAC, Algorithms.mac(MacAlgorithm.HMAC_SHA_384))),
    HMAC_512(Family.HMAC, 512, null, Map.of(GENERATE_VERIFY_MAC, Algorithms.mac(MacAlgorithm.HMAC_SHA_512))),
    SM2(Family.PAIR, 256, AsymmetricKeyPair.Type.SM2, Map.of(
            ENCRYPT_DECRYPT, Algorithms.SM2_ENCRYPTION,
            SIGN_VERIFY, Algorithms.signing(SigningAlgorithm.SM2DSA),
            KEY_AGREEMENT, Algorithms.ECDH)),
    ML_DSA_44(Family.PAIR, 0, AsymmetricKeyPair.Type.ML_DSA_44,
            Map.of(SIGN_VERIFY, Algorithms.signing(SigningAlgorithm.ML_DSA_SHAKE_256))),
    ML_DSA_65(Family.PAIR, 0, AsymmetricKeyPair.Type.ML_DSA_65,
            Map.of(SIGN_VERIFY, Algorithms.signing(SigningAlgorithm.ML_DSA_SHAKE_256))),
    ML_DSA_87(Family.PAIR, 0, AsymmetricKeyPair.Type.ML_DSA_87,
            Map.of(SIGN_VERIFY, Algorithms.signing(SigningAlgorithm.ML_DSA_SHAKE_256))),
    ECC_NIST_EDWARDS25519(Family.PAIR, 256, AsymmetricKeyPair.Type.ED25519,
            Map.of(SIGN_VERIFY, Algorithms.signing(SigningAlgorithm.ED25519_SHA_512, SigningAlgorithm.ED25519_PH_SHA_512)));

    /** How the material of a spec is made and held. */
    public enum Family {
        SYMMETRIC, HMAC, RSA,
        /** Key pairs other than RSA (elliptic and Edwards curves, ML-DSA), held as {@link AsymmetricKeyPair}. */
        PAIR,
        UNSUPPORTED
    }

    private final Family family;
    private final int bits;
    private final AsymmetricKeyPair.Type pairType;
    private final Map<KeyUsage, Algorithms> usages;

    KeySpec(Family family, int bits, AsymmetricKeyPair.Type pairType, Map<KeyUsage, Algorithms> usages) {
        this.family = family;
        this.bits = bits;
        this.pairType = pairType;
        this.usages = usages;
    }

    /** True when Trent can create keys of this spec. */
    public boolean supported() {
        return family != Family.UNSUPPORTED;
    }

    public Family family() {
        return family;
    }

    public boolean isRsa() {
        return family == Family.RSA;
    }

    /** True for every spec with a public key. */
    public boolean isAsymmetric() {
        return family == Family.RSA || family == Family.PAIR;
    }

    /** Key size in bits (RSA modulus, HMAC key, curve size). */
    public int bits() {
        return bits;
    }

    /** The key pair type of a {@link Family#PAIR} spec. */
    public AsymmetricKeyPair.Type pairType() {
        return pairType;
    }

    public boolean allows(KeyUsage usage) {
        return usages.containsKey(usage);
    }

    /** True where the deprecated CustomerMasterKeySpec enum has the same name. */
    public boolean hasCustomerMasterKeySpec() {
        return !name().startsWith("ML_DSA") && this != ECC_NIST_EDWARDS25519;
    }

    public List<EncryptionAlgorithm> encryptionAlgorithms(KeyUsage usage) {
        return algorithms(usage).encryption();
    }

    public List<SigningAlgorithm> signingAlgorithms(KeyUsage usage) {
        return algorithms(usage).signing();
    }

    public List<MacAlgorithm> macAlgorithms(KeyUsage usage) {
        return algorithms(usage).mac();
    }

    public List<KeyAgreementAlgorithm> keyAgreementAlgorithms(KeyUsage usage) {
        return algorithms(usage).keyAgreement();
    }

    private Algorithms algorithms(KeyUsage usage) {
        return usages.getOrDefault(usage, Algorithms.NONE);
    }

    private record Algorithms(List<EncryptionAlgorithm> encryption, List<SigningAlgorithm> signing,
                              List<MacAlgorithm> mac, List<KeyAgreementAlgorithm> keyAgreement) {
        static final Algorithms NONE = new Algorithms(List.of(), List.of(), List.of(), List.of());
        static final Algorithms SYMMETRIC = new Algorithms(
                List.of(EncryptionAlgorithm.SYMMETRIC_DEFAULT), List.of(), List.of(), List.of());
        static final Algorithms RSA_ENCRYPTION = new Algorithms(
                List.of(EncryptionAlgorithm.RSAES_OAEP_SHA_1, EncryptionAlgorithm.RSAES_OAEP_SHA_256),
                List.of(), List.of(), List.of());
        static final Algorithms RSA_SIGNING = signing(
                SigningAlgorithm.RSASSA_PKCS1_V1_5_SHA_256, SigningAlgorithm.RSASSA_PKCS1_V1_5_SHA_384,
                SigningAlgorithm.RSASSA_PKCS1_V1_5_SHA_512, SigningAlgorithm.RSASSA_PSS_SHA_256,
                SigningAlgorithm.RSASSA_PSS_SHA_384, SigningAlgorithm.RSASSA_PSS_SHA_512);
        static final Algorithms SM2_ENCRYPTION = new Algorithms(
                List.of(EncryptionAlgorithm.SM2PKE), List.of(), List.of(), List.of());
        static final Algorithms ECDH = new Algorithms(List.of(), List.of(), List.of(), List.of(KeyAgreementAlgorithm.ECDH));

        static Algorithms signing(SigningAlgorithm... algorithms) {
            return new Algorithms(List.of(), List.of(algorithms), List.of(), List.of());
        }

        static Algorithms mac(MacAlgorithm algorithm) {
            return new Algorithms(List.of(), List.of(), List.of(algorithm), List.of());
        }
    }
}
