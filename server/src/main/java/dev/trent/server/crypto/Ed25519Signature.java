package dev.trent.server.crypto;

import java.security.GeneralSecurityException;
import java.security.Signature;
import java.security.SignatureException;
import org.bouncycastle.crypto.params.Ed25519PrivateKeyParameters;
import org.bouncycastle.crypto.params.Ed25519PublicKeyParameters;
import org.bouncycastle.crypto.signers.Ed25519phSigner;
import org.bouncycastle.crypto.util.PrivateKeyFactory;
import org.bouncycastle.crypto.util.PublicKeyFactory;

/**
 * Ed25519 (RFC 8032 section 5.1): pure, over the message, or Ed25519ph with an empty context. For Ed25519ph
 * the input is treated as the message, so its SHA-512 prehash is still applied: AWS KMS documents exactly
 * that for ED25519_PH_SHA_512 with a caller's digest ("the input is hashed twice").
 */
public final class Ed25519Signature {

    private static final byte[] NO_CONTEXT = new byte[0];

    private final boolean prehash;

    public Ed25519Signature(boolean prehash) {
        this.prehash = prehash;
    }

    public byte[] sign(AsymmetricKeyPair key, byte[] input) {
        try {
            if (prehash) {
                Ed25519phSigner signer = new Ed25519phSigner(NO_CONTEXT);
                signer.init(true, privateParameters(key));
                signer.update(input, 0, input.length);
                return signer.generateSignature();
            }
            Signature signature = Signature.getInstance("Ed25519", Providers.BC);
            signature.initSign(key.privateKey());
            signature.update(input);
            return signature.sign();
        } catch (GeneralSecurityException | java.io.IOException e) {
            throw new IllegalStateException("Ed25519 signing failed", e);
        }
    }

    public boolean verify(AsymmetricKeyPair key, byte[] input, byte[] signatureBytes) {
        try {
            if (prehash) {
                Ed25519phSigner verifier = new Ed25519phSigner(NO_CONTEXT);
                verifier.init(false, (Ed25519PublicKeyParameters) PublicKeyFactory.createKey(key.subjectPublicKeyInfo()));
                verifier.update(input, 0, input.length);
                return verifier.verifySignature(signatureBytes);
            }
            Signature signature = Signature.getInstance("Ed25519", Providers.BC);
            signature.initVerify(key.publicKey());
            signature.update(input);
            return signature.verify(signatureBytes);
        } catch (SignatureException | RuntimeException e) {
            return false;
        } catch (GeneralSecurityException | java.io.IOException e) {
            throw new IllegalStateException("Ed25519 verification failed", e);
        }
    }

    private static Ed25519PrivateKeyParameters privateParameters(AsymmetricKeyPair key) throws java.io.IOException {
        byte[] encoded = key.pkcs8().reveal(SecretAccess.INSTANCE);
        try {
            return (Ed25519PrivateKeyParameters) PrivateKeyFactory.createKey(encoded);
        } finally {
            java.util.Arrays.fill(encoded, (byte) 0);
        }
    }
}
