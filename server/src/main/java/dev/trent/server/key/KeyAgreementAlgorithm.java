package dev.trent.server.key;

/** AWS KMS KeyAgreementAlgorithmSpec. */
public enum KeyAgreementAlgorithm {
    ECDH
}
