package dev.trent.storage;

import javax.crypto.AEADBadTagException;
import javax.crypto.spec.SecretKeySpec;

/**
 * The AES-256-GCM key inside a root of trust, shared by every kind. Wrapped form: version (1 byte) || nonce ||
 * ciphertext || tag. The version byte is authenticated through the AAD so it cannot be swapped.
 */
final class RootKey {

    private static final byte FORMAT_VERSION = 1;

    private final SecretKeySpec key;

    /** Copies {@code keyBytes}; the caller should zero its array afterwards. */
    RootKey(byte[] keyBytes) {
        if (keyBytes.length != AesGcm.KEY_BYTES) {
            throw new IllegalArgumentException("a root key is " + AesGcm.KEY_BYTES + " bytes");
        }
        this.key = new SecretKeySpec(keyBytes, "AES");
    }

    private RootKey(SecretKeySpec key) {
        this.key = key;
    }

    static RootKey random() {
        return new RootKey(AesGcm.newKey());
    }

    byte[] wrap(byte[] plaintext, byte[] aad) {
        byte[] sealed = AesGcm.seal(key, plaintext, versionedAad(aad));
        byte[] out = new byte[1 + sealed.length];
        out[0] = FORMAT_VERSION;
        System.arraycopy(sealed, 0, out, 1, sealed.length);
        return out;
    }

    /** @param mismatch the operator-facing explanation used when the bytes do not open */
    byte[] unwrap(byte[] wrapped, byte[] aad, String mismatch) {
        if (wrapped.length < 1 || wrapped[0] != FORMAT_VERSION) {
            throw new WrongRootOfTrustException(mismatch + " (unknown wrapped-keyring format)");
        }
        try {
            return AesGcm.open(key, wrapped, 1, versionedAad(aad));
        } catch (AEADBadTagException e) {
            throw new WrongRootOfTrustException(mismatch, e);
        }
    }

    private static byte[] versionedAad(byte[] aad) {
        byte[] out = new byte[aad.length + 1];
        out[0] = FORMAT_VERSION;
        System.arraycopy(aad, 0, out, 1, aad.length);
        return out;
    }

    @Override
    public String toString() {
        return "RootKey[AES-256, redacted]";
    }
}
