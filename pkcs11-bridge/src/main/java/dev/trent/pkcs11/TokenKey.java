package dev.trent.pkcs11;

import dev.trent.pkcs11.Pkcs11Exception.Reason;
import java.security.GeneralSecurityException;
import java.util.Arrays;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;

/**
 * An AES-256 key that lives in a {@link Pkcs11Token} and cannot leave it. Encryption is AES-GCM (NIST SP 800-38D)
 * computed by the token, with a 96-bit IV from the token's random generator and a 128-bit tag; the output is
 * {@code IV || ciphertext || tag}. Random IVs keep a key safe for up to 2^32 encryptions (SP 800-38D section
 * 8.3), far more than a root of trust or a key store ever asks of one key.
 *
 * <p>Works while its token is open. Thread-safe: every call uses a cipher of its own.
 */
public final class TokenKey {

    public static final int IV_BYTES = 12;
    public static final int TAG_BYTES = 16;
    private static final String TRANSFORMATION = "AES/GCM/NoPadding";

    private final Pkcs11Token token;
    private final String label;
    private final SecretKey key;

    TokenKey(Pkcs11Token token, String label, SecretKey key) {
        this.token = token;
        this.label = label;
        this.key = key;
    }

    /** The key's label in its token. */
    public String label() {
        return label;
    }

    /** The key's attributes, read from the token now. */
    public KeyAttributes attributes() {
        return token.keyAttributes(label);
    }

    /** Encrypts and authenticates {@code plaintext} with {@code aad} inside the token: IV || ciphertext || tag. */
    public byte[] encrypt(byte[] plaintext, byte[] aad) {
        byte[] iv = token.randomBytes(IV_BYTES);
        try {
            Cipher cipher = cipher(Cipher.ENCRYPT_MODE, iv);
            cipher.updateAAD(aad);
            byte[] sealed = cipher.doFinal(plaintext);
            byte[] out = new byte[IV_BYTES + sealed.length];
            System.arraycopy(iv, 0, out, 0, IV_BYTES);
            System.arraycopy(sealed, 0, out, IV_BYTES, sealed.length);
            return out;
        } catch (GeneralSecurityException e) {
            throw failure("encrypt", e);
        }
    }

    /**
     * Reverses {@link #encrypt} inside the token.
     *
     * @throws AEADBadTagException if {@code sealed} was not made by this key with this {@code aad}, or is damaged
     */
    public byte[] decrypt(byte[] sealed, byte[] aad) throws AEADBadTagException {
        if (sealed.length < IV_BYTES + TAG_BYTES) {
            throw new AEADBadTagException("too short to be AES-GCM output: " + sealed.length + " bytes");
        }
        try {
            Cipher cipher = cipher(Cipher.DECRYPT_MODE, Arrays.copyOf(sealed, IV_BYTES));
            cipher.updateAAD(aad);
            return cipher.doFinal(sealed, IV_BYTES, sealed.length - IV_BYTES);
        } catch (AEADBadTagException e) {
            throw e;
        } catch (GeneralSecurityException e) {
            throw failure("decrypt", e);
        }
    }

    @Override
    public String toString() {
        return "TokenKey['" + label + "' in " + token + "]";
    }

    /** The SunPKCS11 handle of the key, for tests that try to get its value out. */
    SecretKey jcaKey() {
        return key;
    }

    private Cipher cipher(int mode, byte[] iv) throws GeneralSecurityException {
        token.ensureOpen();
        Cipher cipher = Cipher.getInstance(TRANSFORMATION, token.provider());
        cipher.init(mode, key, new GCMParameterSpec(TAG_BYTES * 8, iv));
        return cipher;
    }

    private Pkcs11Exception failure(String operation, Exception cause) {
        return new Pkcs11Exception(Reason.TOKEN_FAILURE, "cannot " + operation + " with the key '" + label
                + "' in PKCS#11 token '" + token.label() + "': " + Cryptoki.describe(cause), cause);
    }
}
