package dev.trent.server.service;

import dev.trent.server.key.EncryptionAlgorithm;
import dev.trent.server.key.KmsKey;
import dev.trent.server.key.SigningAlgorithm;

/** What the cryptographic use cases return to the operations. */
public final class Results {

    private Results() {
    }

    public record Encrypted(KmsKey key, byte[] ciphertext, EncryptionAlgorithm algorithm) {
    }

    /** {@code materialId} is null for asymmetric keys, which AWS reports without one. */
    public record Decrypted(KmsKey key, byte[] plaintext, EncryptionAlgorithm algorithm, String materialId) {
    }

    public record ReEncrypted(Decrypted source, Encrypted destination, String destinationMaterialId) {
    }

    public record DataKey(KmsKey key, byte[] plaintext, byte[] ciphertext, String materialId) {
    }

    public record Signed(KmsKey key, byte[] signature, SigningAlgorithm algorithm) {
    }

    public record Mac(KmsKey key, byte[] mac) {
    }

    public record SharedSecret(KmsKey key, byte[] secret) {
    }

    /** {@code privateKeyPlaintext} is null for the WithoutPlaintext variant. */
    public record DataKeyPair(KmsKey key, byte[] privateKeyPlaintext, byte[] privateKeyCiphertext, byte[] publicKey,
                              String materialId) {
    }

    public record PublicKey(KmsKey key, byte[] subjectPublicKeyInfo) {
    }
}
