package dev.trent.storage;

/**
 * The one secret that wraps the keyring. Everything else at rest is sealed by barrier keys held in that
 * keyring, so whoever holds the root of trust (and the data dir) holds every stored secret.
 *
 * <p>Implementations wrap with an authenticated cipher: {@link #unwrap} either returns exactly what was wrapped
 * with the same {@code aad}, or throws.
 */
public interface RootOfTrust {

    /**
     * What kind of root this is: {@code "key-file"}, {@code "passphrase"}, {@code "ephemeral"}, or {@code "pkcs11"}
     * (made by the pkcs11-bridge module); see {@link RootKinds}.
     */
    String kind();

    /**
     * Public, non-secret parameters stored beside the wrapped keyring so a later start can rebuild the same root
     * (the KDF salt and costs for a passphrase; empty for the other kinds). Returns a copy.
     */
    byte[] parameters();

    /** Encrypts and authenticates {@code plaintext}, binding it to {@code aad}. */
    byte[] wrap(byte[] plaintext, byte[] aad);

    /**
     * Reverses {@link #wrap}.
     *
     * @throws WrongRootOfTrustException if {@code wrapped} was not made by this root with this {@code aad}
     *     (a different key file or passphrase, or damaged bytes)
     */
    byte[] unwrap(byte[] wrapped, byte[] aad) throws WrongRootOfTrustException;
}
