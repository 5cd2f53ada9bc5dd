package dev.trent.server.service;

import dev.trent.server.crypto.EcdsaSignature;
import dev.trent.server.crypto.Ed25519Signature;
import dev.trent.server.crypto.MlDsaSignature;
import dev.trent.server.crypto.RsaSignature;
import dev.trent.server.crypto.Sm2Signature;
import dev.trent.server.error.ValidationException;
import dev.trent.server.key.KeyMaterial;
import dev.trent.server.key.MessageType;
import dev.trent.server.key.SigningAlgorithm;

/**
 * Which primitive each signing algorithm uses, and which MessageType it accepts: RSA, ECDSA and SM2DSA take
 * RAW or a digest of the algorithm's hash (for SM2DSA e = SM3(Z_A || M)); ED25519_SHA_512 only RAW and
 * ED25519_PH_SHA_512 only a 64-byte DIGEST; ML-DSA RAW or a 64-byte EXTERNAL_MU (AWS KMS API reference, Sign,
 * MessageType).
 */
final class Signatures {

    private Signatures() {
    }

    /** Throws AWS's ValidationException when the message does not fit the algorithm and message type. */
    static void checkInput(SigningAlgorithm algorithm, MessageType type, byte[] message) {
        switch (algorithm) {
            case ED25519_SHA_512 -> require(type == MessageType.RAW,
                    "The ED25519_SHA_512 signing algorithm requires MessageType RAW.");
            case ED25519_PH_SHA_512 -> require(type == MessageType.DIGEST,
                    "The ED25519_PH_SHA_512 signing algorithm requires MessageType DIGEST.");
            case ML_DSA_SHAKE_256 -> require(type != MessageType.DIGEST,
                    "MessageType DIGEST is not valid for ML_DSA_SHAKE_256; use RAW or EXTERNAL_MU.");
            default -> require(type != MessageType.EXTERNAL_MU,
                    "MessageType EXTERNAL_MU is only valid for ML_DSA key specs.");
        }
        int expected = type == MessageType.DIGEST ? algorithm.hash().length()
                : type == MessageType.EXTERNAL_MU ? MlDsaSignature.MU_LENGTH : -1;
        if (expected >= 0 && message.length != expected) {
            throw new ValidationException("Digest is invalid length for algorithm " + algorithm + ".");
        }
    }

    static byte[] sign(KeyMaterial material, SigningAlgorithm algorithm, MessageType type, byte[] message) {
        boolean digest = type == MessageType.DIGEST;
        if (algorithm.rsaPadding() != null) {
            return new RsaSignature(algorithm.rsaPadding(), algorithm.hash()).sign(rsa(material), message, digest);
        }
        return switch (algorithm) {
            case ECDSA_SHA_256, ECDSA_SHA_384, ECDSA_SHA_512 ->
                    new EcdsaSignature(algorithm.hash()).sign(pair(material), message, digest);
            case ED25519_SHA_512 -> new Ed25519Signature(false).sign(pair(material), message);
            case ED25519_PH_SHA_512 -> new Ed25519Signature(true).sign(pair(material), message);
            case ML_DSA_SHAKE_256 -> new MlDsaSignature(type == MessageType.EXTERNAL_MU).sign(pair(material), message);
            case SM2DSA -> new Sm2Signature().sign(pair(material), message, digest);
            default -> throw new IllegalStateException("no signer for " + algorithm);
        };
    }

    static boolean verify(KeyMaterial material, SigningAlgorithm algorithm, MessageType type, byte[] message,
                          byte[] signature) {
        boolean digest = type == MessageType.DIGEST;
        if (algorithm.rsaPadding() != null) {
            return new RsaSignature(algorithm.rsaPadding(), algorithm.hash()).verify(rsa(material), message, digest, signature);
        }
        return switch (algorithm) {
            case ECDSA_SHA_256, ECDSA_SHA_384, ECDSA_SHA_512 ->
                    new EcdsaSignature(algorithm.hash()).verify(pair(material), message, digest, signature);
            case ED25519_SHA_512 -> new Ed25519Signature(false).verify(pair(material), message, signature);
            case ED25519_PH_SHA_512 -> new Ed25519Signature(true).verify(pair(material), message, signature);
            case ML_DSA_SHAKE_256 ->
                    new MlDsaSignature(type == MessageType.EXTERNAL_MU).verify(pair(material), message, signature);
            case SM2DSA -> new Sm2Signature().verify(pair(material), message, digest, signature);
            default -> throw new IllegalStateException("no verifier for " + algorithm);
        };
    }

    private static void require(boolean condition, String message) {
        if (!condition) {
            throw new ValidationException(message);
        }
    }

    private static dev.trent.server.crypto.RsaKeyPair rsa(KeyMaterial material) {
        return ((KeyMaterial.Rsa) material).pair();
    }

    private static dev.trent.server.crypto.AsymmetricKeyPair pair(KeyMaterial material) {
        return ((KeyMaterial.Pair) material).pair();
    }
}
