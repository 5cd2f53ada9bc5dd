package dev.trent.server.crypto;

import java.security.GeneralSecurityException;

/**
 * Authenticated encryption with associated data. Guarantee: without the key, a ciphertext reveals nothing
 * but its length, and any change to the ciphertext or the associated data makes {@link #decrypt} fail.
 */
public interface Aead {

    /**
     * Encrypts under the given 96-bit nonce; returns ciphertext followed by the 128-bit tag. A device that must
     * choose its IVs itself (a token in a custom key store) ignores the nonce and puts its IV first instead.
     */
    byte[] encrypt(byte[] nonce, byte[] plaintext, byte[] associatedData);

    /** Reverses {@link #encrypt}; throws when the tag does not verify. */
    byte[] decrypt(byte[] nonce, byte[] ciphertextAndTag, byte[] associatedData) throws GeneralSecurityException;
}
