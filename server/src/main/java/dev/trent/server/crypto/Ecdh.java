package dev.trent.server.crypto;

import java.security.GeneralSecurityException;
import java.security.PublicKey;
import javax.crypto.KeyAgreement;

/**
 * Elliptic-curve Diffie-Hellman (NIST SP 800-56A rev. 3, section 5.7.1.2): the raw shared secret, the
 * x-coordinate of the shared point, as AWS KMS DeriveSharedSecret returns it (no key derivation applied).
 */
public final class Ecdh {

    private Ecdh() {
    }

    /** @throws GeneralSecurityException when the peer key is not a point of the same curve */
    public static byte[] sharedSecret(AsymmetricKeyPair key, byte[] peerSubjectPublicKeyInfo) throws GeneralSecurityException {
        PublicKey peer = AsymmetricKeyPair.publicKeyFrom(key.type(), peerSubjectPublicKeyInfo);
        KeyAgreement agreement = KeyAgreement.getInstance("ECDH", Providers.BC);
        agreement.init(key.privateKey());
        try {
            agreement.doPhase(peer, true);
        } catch (IllegalStateException | IllegalArgumentException e) {
            throw new GeneralSecurityException("peer key does not fit this key", e);
        }
        return agreement.generateSecret();
    }
}
