package dev.trent.server.crypto;

import java.security.GeneralSecurityException;
import java.security.Signature;
import java.security.SignatureException;

/**
 * ML-DSA (FIPS 204), pure with an empty context, over the message or over a caller's 64-byte mu (FIPS 204
 * section 6.2, "external mu"). Both give signatures that verify over the same message.
 */
public final class MlDsaSignature {

    /** The length of mu in bytes. */
    public static final int MU_LENGTH = 64;

    private final boolean externalMu;

    public MlDsaSignature(boolean externalMu) {
        this.externalMu = externalMu;
    }

    public byte[] sign(AsymmetricKeyPair key, byte[] input) {
        try {
            Signature signature = newSignature();
            signature.initSign(key.privateKey(), Random.secureRandom());
            signature.update(input);
            return signature.sign();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("ML-DSA signing failed", e);
        }
    }

    public boolean verify(AsymmetricKeyPair key, byte[] input, byte[] signatureBytes) {
        try {
            Signature signature = newSignature();
            signature.initVerify(key.publicKey());
            signature.update(input);
            return signature.verify(signatureBytes);
        } catch (SignatureException | RuntimeException e) {
            return false;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("ML-DSA verification failed", e);
        }
    }

    private Signature newSignature() throws GeneralSecurityException {
        return Signature.getInstance(externalMu ? "ML-DSA-EXTERNAL-MU" : "ML-DSA", Providers.BC);
    }
}
