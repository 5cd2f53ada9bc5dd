package dev.trent.server.key;

import dev.trent.server.crypto.HashAlgorithm;

/** AWS KMS MacAlgorithmSpec. */
public enum MacAlgorithm {
    HMAC_SHA_224(HashAlgorithm.SHA_224),
    HMAC_SHA_256(HashAlgorithm.SHA_256),
    HMAC_SHA_384(HashAlgorithm.SHA_384),
    HMAC_SHA_512(HashAlgorithm.SHA_512);

    private final HashAlgorithm hash;

    MacAlgorithm(HashAlgorithm hash) {
        this.hash = hash;
    }

    public HashAlgorithm hash() {
        return hash;
    }
}
