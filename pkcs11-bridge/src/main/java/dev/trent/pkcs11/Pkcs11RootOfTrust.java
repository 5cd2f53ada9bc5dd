package dev.trent.pkcs11;

import dev.trent.storage.RootKinds;
import dev.trent.storage.RootOfTrust;
import dev.trent.storage.WrongRootOfTrustException;
import java.nio.file.Path;
import javax.crypto.AEADBadTagException;

/**
 * A root of trust that is an AES-256 key inside a PKCS#11 token (an HSM, or SoftHSM2): the key is made on the
 * token as sensitive and non-extractable, and the keyring is wrapped and unwrapped by AES-GCM inside the token, so
 * the root itself never exists in Trent's memory or on its disk. Whoever holds the data dir still needs the token
 * and its PIN.
 *
 * <p>Wrapped form: version (1 byte) || IV (12) || ciphertext || tag (16); the version byte is authenticated
 * through the AAD. {@link #parameters()} names the token and the key by label, nothing more. Closing the root
 * logs out of the token.
 */
public final class Pkcs11RootOfTrust implements RootOfTrust, AutoCloseable {

    /** The label Trent gives its root key when the operator names none. */
    public static final String DEFAULT_KEY_LABEL = "trent-root-of-trust";

    private static final byte FORMAT_VERSION = 1;

    private final Pkcs11Token token;
    private final TokenKey key;

    Pkcs11RootOfTrust(Pkcs11Token token, TokenKey key) {
        this.token = token;
        this.key = key;
    }

    /**
     * A provider for the key labelled {@code keyLabel} in the token labelled {@code tokenLabel}, reached through
     * {@code library} and logged in with {@code pin} (copied; the caller may clear its array). Nothing is opened
     * until the provider is asked for a root; {@link Pkcs11RootOfTrustProvider#close()} logs out again.
     *
     * @throws IllegalArgumentException if a label cannot be a token or key label
     */
    public static Pkcs11RootOfTrustProvider provider(Path library, String tokenLabel, char[] pin, String keyLabel) {
        return new Pkcs11RootOfTrustProvider(library, tokenLabel, pin, keyLabel);
    }

    @Override
    public String kind() {
        return RootKinds.PKCS11;
    }

    /** The encoded token and key labels (see {@link RootParameters}). */
    @Override
    public byte[] parameters() {
        return new RootParameters(token.label(), key.label()).encode();
    }

    @Override
    public byte[] wrap(byte[] plaintext, byte[] aad) {
        byte[] sealed = key.encrypt(plaintext, versionedAad(aad));
        byte[] out = new byte[1 + sealed.length];
        out[0] = FORMAT_VERSION;
        System.arraycopy(sealed, 0, out, 1, sealed.length);
        return out;
    }

    @Override
    public byte[] unwrap(byte[] wrapped, byte[] aad) {
        if (wrapped.length < 1 || wrapped[0] != FORMAT_VERSION) {
            throw new WrongRootOfTrustException(mismatch() + " (unknown wrapped-keyring format)");
        }
        byte[] sealed = new byte[wrapped.length - 1];
        System.arraycopy(wrapped, 1, sealed, 0, sealed.length);
        try {
            return key.decrypt(sealed, versionedAad(aad));
        } catch (AEADBadTagException e) {
            throw new WrongRootOfTrustException(mismatch(), e);
        }
    }

    /** The key that wraps the keyring. */
    public TokenKey key() {
        return key;
    }

    /** Logs out of the token; the root stops working. */
    @Override
    public void close() {
        token.close();
    }

    @Override
    public String toString() {
        return "Pkcs11RootOfTrust[key '" + key.label() + "' in token '" + token.label() + "']";
    }

    private String mismatch() {
        return "the key '" + key.label() + "' in PKCS#11 token '" + token.label() + "' does not open this data dir's "
                + "keyring: it is not the key the data dir was sealed with (or the stored keyring is damaged)";
    }

    private static byte[] versionedAad(byte[] aad) {
        byte[] out = new byte[aad.length + 1];
        out[0] = FORMAT_VERSION;
        System.arraycopy(aad, 0, out, 1, aad.length);
        return out;
    }
}
