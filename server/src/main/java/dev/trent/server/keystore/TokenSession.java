package dev.trent.server.keystore;

import dev.trent.server.crypto.Aead;

/**
 * A logged-in session on one token. Keys are AES-256, generated inside the token, non-extractable, and named by
 * a label; nothing here ever returns key material. Implementations are thread-safe.
 */
public interface TokenSession extends AutoCloseable {

    /** Generates a new non-extractable AES-256 key under {@code label}. */
    void generateKey(String label) throws TokenException;

    /** Whether the token holds a key under {@code label}. */
    boolean hasKey(String label) throws TokenException;

    /**
     * AES-GCM with the token's key {@code label}, run inside the token. The token chooses each IV from its own
     * generator, as a FIPS module must (SP 800-38D 8.2.2), so {@code encrypt} ignores the nonce it is given and
     * returns IV, ciphertext and tag; {@code decrypt} takes that back (the caller's nonce stays authenticated as
     * part of its associated data). Failures of the token itself surface as {@link IllegalStateException}; a
     * ciphertext that does not verify as {@code GeneralSecurityException}.
     */
    Aead aead(String label);

    /** {@code count} random bytes from the token's generator. */
    byte[] random(int count) throws TokenException;

    /** Destroys the key under {@code label}; nothing happens when there is none. */
    void deleteKey(String label) throws TokenException;

    /** Logs out and ends the session. */
    @Override
    void close();
}
