package dev.trent.server.service;

import dev.trent.server.crypto.RsaOaep;
import dev.trent.server.crypto.Sm2Encryption;
import dev.trent.server.key.EncryptionAlgorithm;
import dev.trent.server.key.KeyMaterial;
import dev.trent.server.key.KeySpec;
import dev.trent.server.key.KeyUsage;
import java.security.GeneralSecurityException;

/** The public-key encryption algorithms: RSAES-OAEP for RSA keys, SM2PKE for SM2 keys. */
final class AsymmetricEncryption {

    private AsymmetricEncryption() {
    }

    /** True for the specs whose keys encrypt with a public key (and so decrypt blobs they did not frame). */
    static boolean encrypts(KeySpec spec) {
        return spec.isAsymmetric() && !spec.encryptionAlgorithms(KeyUsage.ENCRYPT_DECRYPT).isEmpty();
    }

    /** The largest plaintext AWS accepts for this key and algorithm. */
    static int maxPlaintext(KeySpec spec, EncryptionAlgorithm algorithm) {
        return algorithm == EncryptionAlgorithm.SM2PKE ? Sm2Encryption.MAX_PLAINTEXT
                : new RsaOaep(algorithm.oaepHash()).maxPlaintextLength(spec.bits());
    }

    static byte[] encrypt(KeyMaterial material, EncryptionAlgorithm algorithm, byte[] plaintext) {
        if (algorithm == EncryptionAlgorithm.SM2PKE) {
            return new Sm2Encryption().encrypt(((KeyMaterial.Pair) material).pair(), plaintext);
        }
        return new RsaOaep(algorithm.oaepHash()).encrypt(((KeyMaterial.Rsa) material).pair(), plaintext);
    }

    static byte[] decrypt(KeyMaterial material, EncryptionAlgorithm algorithm, byte[] ciphertext)
            throws GeneralSecurityException {
        if (algorithm == EncryptionAlgorithm.SM2PKE) {
            return new Sm2Encryption().decrypt(((KeyMaterial.Pair) material).pair(), ciphertext);
        }
        return new RsaOaep(algorithm.oaepHash()).decrypt(((KeyMaterial.Rsa) material).pair(), ciphertext);
    }
}
