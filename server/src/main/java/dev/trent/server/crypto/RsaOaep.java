package dev.trent.server.crypto;

import java.security.GeneralSecurityException;
import org.bouncycastle.crypto.AsymmetricBlockCipher;
import org.bouncycastle.crypto.InvalidCipherTextException;
import org.bouncycastle.crypto.encodings.OAEPEncoding;
import org.bouncycastle.crypto.engines.RSABlindedEngine;
import org.bouncycastle.crypto.params.ParametersWithRandom;

/**
 * RSAES-OAEP (RFC 8017 section 7.1) with MGF1 over the same hash and an empty label, as AWS KMS uses it
 * for RSAES_OAEP_SHA_1 and RSAES_OAEP_SHA_256.
 */
public final class RsaOaep {

    private final HashAlgorithm hash;

    public RsaOaep(HashAlgorithm hash) {
        this.hash = hash;
    }

    /** The largest plaintext for a key of this size: k - 2*hLen - 2 bytes. */
    public int maxPlaintextLength(int modulusBits) {
        return modulusBits / 8 - 2 * hash.length() - 2;
    }

    public byte[] encrypt(RsaKeyPair key, byte[] plaintext) {
        if (plaintext.length > maxPlaintextLength(key.bits())) {
            throw new IllegalArgumentException("plaintext too long for RSA-OAEP with this key");
        }
        AsymmetricBlockCipher cipher = newCipher();
        cipher.init(true, new ParametersWithRandom(key.publicKey(), Random.secureRandom()));
        try {
            return cipher.processBlock(plaintext, 0, plaintext.length);
        } catch (InvalidCipherTextException e) {
            throw new IllegalArgumentException("plaintext too long for RSA-OAEP", e);
        }
    }

    public byte[] decrypt(RsaKeyPair key, byte[] ciphertext) throws GeneralSecurityException {
        AsymmetricBlockCipher cipher = newCipher();
        cipher.init(false, key.privateKey());
        if (ciphertext.length != (key.bits() + 7) / 8) {
            throw new GeneralSecurityException("RSA-OAEP ciphertext has the wrong length");
        }
        try {
            return cipher.processBlock(ciphertext, 0, ciphertext.length);
        } catch (InvalidCipherTextException | RuntimeException e) {
            throw new GeneralSecurityException("RSA-OAEP decryption failed", e);
        }
    }

    private AsymmetricBlockCipher newCipher() {
        return new OAEPEncoding(new RSABlindedEngine(), hash.newDigest(), hash.newDigest(), null);
    }
}
