package dev.trent.server.crypto;

import java.security.GeneralSecurityException;
import org.bouncycastle.crypto.AsymmetricBlockCipher;
import org.bouncycastle.crypto.InvalidCipherTextException;
import org.bouncycastle.crypto.encodings.PKCS1Encoding;
import org.bouncycastle.crypto.engines.RSABlindedEngine;

/**
 * RSAES-PKCS1-v1_5 decryption (RFC 8017 section 7.2.2), only for unwrapping key material imported with the
 * RSAES_PKCS1_V1_5 wrapping algorithm. The padding is malleable and open to padding oracles (Bleichenbacher);
 * every failure is reported the same way, and nothing else in Trent uses it.
 */
public final class RsaPkcs1Decryption {

    private RsaPkcs1Decryption() {
    }

    public static byte[] decrypt(RsaKeyPair key, byte[] ciphertext) throws GeneralSecurityException {
        if (ciphertext.length != (key.bits() + 7) / 8) {
            throw new GeneralSecurityException("RSA ciphertext has the wrong length");
        }
        AsymmetricBlockCipher cipher = new PKCS1Encoding(new RSABlindedEngine());
        cipher.init(false, key.privateKey());
        try {
            return cipher.processBlock(ciphertext, 0, ciphertext.length);
        } catch (InvalidCipherTextException | RuntimeException e) {
            throw new GeneralSecurityException("RSAES-PKCS1-v1_5 decryption failed", e);
        }
    }
}
