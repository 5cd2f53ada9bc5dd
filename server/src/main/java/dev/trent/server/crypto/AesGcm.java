package dev.trent.server.crypto;

import java.security.GeneralSecurityException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/** AES-GCM (NIST SP 800-38D) with 96-bit nonces and 128-bit tags. */
public final class AesGcm implements Aead {

    public static final int NONCE_LENGTH = 12;
    public static final int TAG_LENGTH = 16;

    /** Read at each use rather than copied once, so destroying it leaves no copy of the key behind here. */
    private final SecretBytes key;

    public AesGcm(SecretBytes key) {
        if (key.length() != 16 && key.length() != 32) {
            throw new IllegalArgumentException("AES-GCM takes a 128- or 256-bit key");
        }
        this.key = key;
    }

    @Override
    public byte[] encrypt(byte[] nonce, byte[] plaintext, byte[] associatedData) {
        try {
            return cipher(Cipher.ENCRYPT_MODE, nonce, associatedData).doFinal(plaintext);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM encryption failed", e);
        }
    }

    @Override
    public byte[] decrypt(byte[] nonce, byte[] ciphertextAndTag, byte[] associatedData) throws GeneralSecurityException {
        if (ciphertextAndTag.length < TAG_LENGTH) {
            throw new GeneralSecurityException("ciphertext shorter than the tag");
        }
        return cipher(Cipher.DECRYPT_MODE, nonce, associatedData).doFinal(ciphertextAndTag);
    }

    private Cipher cipher(int mode, byte[] nonce, byte[] associatedData) throws GeneralSecurityException {
        if (nonce.length != NONCE_LENGTH) {
            throw new GeneralSecurityException("AES-GCM nonce must be 12 bytes");
        }
        Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
        byte[] raw = key.reveal(SecretAccess.INSTANCE);
        try {
            cipher.init(mode, new SecretKeySpec(raw, "AES"), new GCMParameterSpec(TAG_LENGTH * 8, nonce));
        } finally {
            java.util.Arrays.fill(raw, (byte) 0);
        }
        cipher.updateAAD(associatedData);
        return cipher;
    }
}
