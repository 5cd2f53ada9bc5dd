package dev.trent.storage;

import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * AES-256-GCM (NIST SP 800-38D) with a random 96-bit nonce and a 128-bit tag; output is nonce || ciphertext || tag.
 * Random nonces are safe here because every key seals few values (control-plane writes) and barrier keys can be
 * rotated long before the 2^32-messages-per-key bound is approached.
 */
final class AesGcm {

    static final int KEY_BYTES = 32;
    static final int NONCE_BYTES = 12;
    static final int TAG_BYTES = 16;
    private static final int TAG_BITS = TAG_BYTES * 8;
    private static final String TRANSFORMATION = "AES/GCM/NoPadding";
    private static final SecureRandom RANDOM = new SecureRandom();

    private AesGcm() {}

    static SecureRandom random() {
        return RANDOM;
    }

    /** A fresh random AES-256 key. */
    static SecretKeySpec newKey() {
        byte[] bytes = new byte[KEY_BYTES];
        RANDOM.nextBytes(bytes);
        try {
            return new SecretKeySpec(bytes, "AES");
        } finally {
            Arrays.fill(bytes, (byte) 0);
        }
    }

    static byte[] seal(SecretKeySpec key, byte[] plaintext, byte[] aad) {
        byte[] nonce = new byte[NONCE_BYTES];
        RANDOM.nextBytes(nonce);
        try {
            Cipher cipher = Cipher.getInstance(TRANSFORMATION);
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(aad);
            byte[] out = new byte[NONCE_BYTES + cipher.getOutputSize(plaintext.length)];
            System.arraycopy(nonce, 0, out, 0, NONCE_BYTES);
            cipher.doFinal(plaintext, 0, plaintext.length, out, NONCE_BYTES);
            return out;
        } catch (GeneralSecurityException e) {
            throw new StorageException("AES-GCM is not available in this JVM", e);
        }
    }

    /**
     * Opens {@code sealed[offset..]} (nonce || ciphertext || tag).
     *
     * @throws AEADBadTagException if the input is too short or does not authenticate under key and aad
     */
    static byte[] open(SecretKeySpec key, byte[] sealed, int offset, byte[] aad) throws AEADBadTagException {
        if (sealed.length - offset < NONCE_BYTES + TAG_BYTES) {
            throw new AEADBadTagException("sealed value is too short");
        }
        try {
            Cipher cipher = Cipher.getInstance(TRANSFORMATION);
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, sealed, offset, NONCE_BYTES));
            cipher.updateAAD(aad);
            int start = offset + NONCE_BYTES;
            return cipher.doFinal(sealed, start, sealed.length - start);
        } catch (AEADBadTagException e) {
            throw e;
        } catch (GeneralSecurityException e) {
            throw new StorageException("AES-GCM is not available in this JVM", e);
        }
    }
}
