package dev.trent.server.crypto;

import org.bouncycastle.crypto.CryptoException;
import org.bouncycastle.crypto.Signer;
import org.bouncycastle.crypto.digests.Prehash;
import org.bouncycastle.crypto.engines.RSABlindedEngine;
import org.bouncycastle.crypto.params.ParametersWithRandom;
import org.bouncycastle.crypto.signers.PSSSigner;
import org.bouncycastle.crypto.signers.RSADigestSigner;

/**
 * RSA signatures of RFC 8017: RSASSA-PKCS1-v1_5 and RSASSA-PSS (MGF1 over the same hash, salt as long as
 * the digest, trailer 0xBC). The input is either the message, hashed here, or a digest the caller computed
 * (KMS MessageType DIGEST); both give the same signature for the same message.
 */
public final class RsaSignature {

    /** The two encodings AWS KMS offers. */
    public enum Padding { PKCS1_V1_5, PSS }

    private final Padding padding;
    private final HashAlgorithm hash;

    public RsaSignature(Padding padding, HashAlgorithm hash) {
        this.padding = padding;
        this.hash = hash;
    }

    public byte[] sign(RsaKeyPair key, byte[] input, boolean inputIsDigest) {
        Signer signer = newSigner(inputIsDigest);
        signer.init(true, new ParametersWithRandom(key.privateKey(), Random.secureRandom()));
        signer.update(input, 0, input.length);
        try {
            return signer.generateSignature();
        } catch (CryptoException e) {
            throw new IllegalStateException("RSA signing failed", e);
        }
    }

    public boolean verify(RsaKeyPair key, byte[] input, boolean inputIsDigest, byte[] signature) {
        Signer signer = newSigner(inputIsDigest);
        signer.init(false, key.publicKey());
        signer.update(input, 0, input.length);
        try {
            return signer.verifySignature(signature);
        } catch (RuntimeException e) {
            return false;
        }
    }

    private Signer newSigner(boolean inputIsDigest) {
        if (padding == Padding.PSS) {
            // PSS hashes twice (the message, then M' = padding || mHash || salt); the raw signer takes mHash
            // from the caller and still uses the real hash for M' and MGF1.
            return inputIsDigest
                    ? PSSSigner.createRawSigner(new RSABlindedEngine(), hash.newDigest(), hash.newDigest(),
                            hash.length(), PSSSigner.TRAILER_IMPLICIT)
                    : new PSSSigner(new RSABlindedEngine(), hash.newDigest(), hash.newDigest(), hash.length());
        }
        // Prehash passes a caller's digest through unchanged while reporting the real hash's name and size,
        // which the DigestInfo encoding of PKCS#1 v1.5 needs.
        return new RSADigestSigner(inputIsDigest ? Prehash.forDigest(hash.newDigest()) : hash.newDigest());
    }
}
