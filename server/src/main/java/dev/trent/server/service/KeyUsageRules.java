package dev.trent.server.service;

import dev.trent.server.error.InvalidKeyUsageException;
import dev.trent.server.key.KeyUsage;
import dev.trent.server.key.KmsKey;

/** The checks that a key may serve an operation at all, with AWS's messages. */
final class KeyUsageRules {

    private KeyUsageRules() {
    }

    /** "&lt;key ARN&gt; key usage is SIGN_VERIFY which is not valid for Encrypt." */
    static void requireUsage(KmsKey key, KeyUsage usage, String operation) {
        if (key.usage() != usage) {
            throw new InvalidKeyUsageException(
                    key.arn() + " key usage is " + key.usage() + " which is not valid for " + operation + ".");
        }
    }

    /** Operations that only symmetric encryption keys serve (data keys). */
    static void requireSymmetric(KmsKey key, String operation) {
        requireUsage(key, KeyUsage.ENCRYPT_DECRYPT, operation);
        if (key.spec() != dev.trent.server.key.KeySpec.SYMMETRIC_DEFAULT) {
            throw new InvalidKeyUsageException(
                    key.arn() + " key spec is " + key.spec() + " which is not valid for " + operation + ".");
        }
    }

    /** "Algorithm HMAC_SHA_256 is incompatible with key spec HMAC_224." */
    static InvalidKeyUsageException incompatible(Enum<?> algorithm, KmsKey key) {
        return new InvalidKeyUsageException("Algorithm " + algorithm + " is incompatible with key spec " + key.spec() + ".");
    }
}
