package dev.trent.server.key;

import dev.trent.server.crypto.HashAlgorithm;

/** AWS KMS EncryptionAlgorithmSpec. */
public enum EncryptionAlgorithm {
    SYMMETRIC_DEFAULT(null),
    RSAES_OAEP_SHA_1(HashAlgorithm.SHA_1),
    RSAES_OAEP_SHA_256(HashAlgorithm.SHA_256),
    SM2PKE(null);

    private final HashAlgorithm oaepHash;

    EncryptionAlgorithm(HashAlgorithm oaepHash) {
        this.oaepHash = oaepHash;
    }

    /** The OAEP hash (also the MGF1 hash) of the RSA algorithms; null for the others. */
    public HashAlgorithm oaepHash() {
        return oaepHash;
    }
}
