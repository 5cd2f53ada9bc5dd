package dev.trent.server.crypto;

import java.security.GeneralSecurityException;
import java.security.Signature;
import java.security.SignatureException;

/**
 * ECDSA (FIPS 186-5 section 6) with DER-encoded signatures (RFC 3279 section 2.2.3), over the message (hashed
 * here) or over a digest the caller computed. BouncyCastle's "NONEwithECDSA" takes the digest as the value
 * the signature is computed on, so both inputs give signatures that verify over the same message.
 */
public final class EcdsaSignature {

    private final HashAlgorithm hash;

    public EcdsaSignature(HashAlgorithm hash) {
        this.hash = hash;
    }

    public byte[] sign(AsymmetricKeyPair key, byte[] input, boolean inputIsDigest) {
        try {
            Signature signature = newSignature(inputIsDigest);
            signature.initSign(key.privateKey(), Random.secureRandom());
            signature.update(input);
            return signature.sign();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("ECDSA signing failed", e);
        }
    }

    public boolean verify(AsymmetricKeyPair key, byte[] input, boolean inputIsDigest, byte[] signatureBytes) {
        try {
            Signature signature = newSignature(inputIsDigest);
            signature.initVerify(key.publicKey());
            signature.update(input);
            return signature.verify(signatureBytes);
        } catch (SignatureException e) {
            return false;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("ECDSA verification failed", e);
        }
    }

    private Signature newSignature(boolean inputIsDigest) throws GeneralSecurityException {
        return Signature.getInstance(inputIsDigest ? "NONEwithECDSA" : hash.jcaName() + "withECDSA", Providers.BC);
    }
}
