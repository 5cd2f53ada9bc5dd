package dev.trent.server.service;

import dev.trent.server.crypto.Ecdh;
import dev.trent.server.error.DryRunOperationException;
import dev.trent.server.error.ValidationException;
import dev.trent.server.key.KeyAgreementAlgorithm;
import dev.trent.server.key.KeyMaterial;
import dev.trent.server.key.KeyUsage;
import dev.trent.server.key.Scope;
import dev.trent.server.key.StoredKey;
import dev.trent.server.key.lifecycle.KeyOperation;
import dev.trent.server.service.KeyLookup.Aliases;
import dev.trent.server.service.Results.SharedSecret;
import java.security.GeneralSecurityException;

/** DeriveSharedSecret: ECDH between a KEY_AGREEMENT key and a peer's public key, from memory only. */
public final class KeyAgreementService {

    private final KeyLookup lookup;

    public KeyAgreementService(KeyLookup lookup) {
        this.lookup = lookup;
    }

    public SharedSecret derive(Scope scope, String keyId, KeyAgreementAlgorithm algorithm, byte[] peerPublicKey,
                               boolean dryRun) {
        StoredKey key = lookup.forOperation(scope, keyId, KeyOperation.DeriveSharedSecret, Aliases.ACCEPTED);
        KeyUsageRules.requireUsage(key.metadata(), KeyUsage.KEY_AGREEMENT, "DeriveSharedSecret");
        if (!key.metadata().spec().keyAgreementAlgorithms(key.metadata().usage()).contains(algorithm)) {
            throw KeyUsageRules.incompatible(algorithm, key.metadata());
        }
        KeyMaterial.Pair material = (KeyMaterial.Pair) key.currentMaterial();
        byte[] secret;
        try {
            secret = Ecdh.sharedSecret(material.pair(), peerPublicKey);
        } catch (GeneralSecurityException e) {
            // AWS answers a public key it cannot use with a ValidationException that carries no message.
            throw new ValidationException(null);
        }
        if (dryRun) {
            throw DryRunOperationException.wouldHaveSucceeded();
        }
        return new SharedSecret(key.metadata(), secret);
    }
}
