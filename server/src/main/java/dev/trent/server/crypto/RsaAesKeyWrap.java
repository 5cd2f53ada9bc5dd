package dev.trent.server.crypto;

import java.security.GeneralSecurityException;
import java.util.Arrays;
import org.bouncycastle.crypto.InvalidCipherTextException;
import org.bouncycastle.crypto.Wrapper;
import org.bouncycastle.crypto.engines.AESWrapPadEngine;
import org.bouncycastle.crypto.params.KeyParameter;

/**
 * The RSA_AES_KEY_WRAP_SHA_1 and RSA_AES_KEY_WRAP_SHA_256 import wrapping of AWS KMS (the same construction as
 * PKCS#11 CKM_RSA_AES_KEY_WRAP): the first modulus-length bytes are a 256-bit AES key encrypted with RSAES-OAEP
 * (MGF1 and label as {@link RsaOaep}), the rest is the key material wrapped under that AES key with AES Key Wrap
 * with Padding (RFC 5649).
 */
public final class RsaAesKeyWrap {

    /** AWS generates, and expects, a 256-bit ephemeral AES key. */
    private static final int AES_KEY_LENGTH = 32;

    private final HashAlgorithm hash;

    public RsaAesKeyWrap(HashAlgorithm hash) {
        this.hash = hash;
    }

    public byte[] unwrap(RsaKeyPair key, byte[] wrapped) throws GeneralSecurityException {
        int modulusLength = (key.bits() + 7) / 8;
        if (wrapped.length <= modulusLength) {
            throw new GeneralSecurityException("no wrapped key material after the RSA block");
        }
        byte[] aesKey = new RsaOaep(hash).decrypt(key, Arrays.copyOfRange(wrapped, 0, modulusLength));
        try {
            if (aesKey.length != AES_KEY_LENGTH) {
                throw new GeneralSecurityException("the ephemeral AES key is not 256 bits");
            }
            Wrapper wrapper = new AESWrapPadEngine();
            wrapper.init(false, new KeyParameter(aesKey));
            return wrapper.unwrap(wrapped, modulusLength, wrapped.length - modulusLength);
        } catch (InvalidCipherTextException | RuntimeException e) {
            throw new GeneralSecurityException("AES key unwrap failed", e);
        } finally {
            Arrays.fill(aesKey, (byte) 0);
        }
    }
}
