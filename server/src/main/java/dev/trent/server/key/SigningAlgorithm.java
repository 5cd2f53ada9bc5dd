package dev.trent.server.key;

import dev.trent.server.crypto.HashAlgorithm;
import dev.trent.server.crypto.RsaSignature.Padding;

/** AWS KMS SigningAlgorithmSpec; the RSA ones carry their padding and hash. */
public enum SigningAlgorithm {
    RSASSA_PSS_SHA_256(Padding.PSS, HashAlgorithm.SHA_256),
    RSASSA_PSS_SHA_384(Padding.PSS, HashAlgorithm.SHA_384),
    RSASSA_PSS_SHA_512(Padding.PSS, HashAlgorithm.SHA_512),
    RSASSA_PKCS1_V1_5_SHA_256(Padding.PKCS1_V1_5, HashAlgorithm.SHA_256),
    RSASSA_PKCS1_V1_5_SHA_384(Padding.PKCS1_V1_5, HashAlgorithm.SHA_384),
    RSASSA_PKCS1_V1_5_SHA_512(Padding.PKCS1_V1_5, HashAlgorithm.SHA_512),
    ECDSA_SHA_256(null, HashAlgorithm.SHA_256),
    ECDSA_SHA_384(null, HashAlgorithm.SHA_384),
    ECDSA_SHA_512(null, HashAlgorithm.SHA_512),
    SM2DSA(null, HashAlgorithm.SM3),
    ML_DSA_SHAKE_256(null, null),
    ED25519_SHA_512(null, HashAlgorithm.SHA_512),
    ED25519_PH_SHA_512(null, HashAlgorithm.SHA_512);

    private final Padding rsaPadding;
    private final HashAlgorithm hash;

    SigningAlgorithm(Padding rsaPadding, HashAlgorithm hash) {
        this.rsaPadding = rsaPadding;
        this.hash = hash;
    }

    /** The RSA padding, or null for a non-RSA algorithm. */
    public Padding rsaPadding() {
        return rsaPadding;
    }

    public HashAlgorithm hash() {
        return hash;
    }
}
