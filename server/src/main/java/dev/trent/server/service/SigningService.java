package dev.trent.server.service;

import dev.trent.server.error.DryRunOperationException;
import dev.trent.server.error.KMSInvalidSignatureException;
import dev.trent.server.error.UnsupportedOperationException;
import dev.trent.server.key.KeyUsage;
import dev.trent.server.key.KmsKey;
import dev.trent.server.key.MessageType;
import dev.trent.server.key.Scope;
import dev.trent.server.key.SigningAlgorithm;
import dev.trent.server.key.StoredKey;
import dev.trent.server.key.lifecycle.KeyOperation;
import dev.trent.server.service.KeyLookup.Aliases;
import dev.trent.server.service.Results.PublicKey;
import dev.trent.server.service.Results.Signed;

/** Sign, Verify and GetPublicKey, on keys held in memory only. */
public final class SigningService {

    private final KeyLookup lookup;

    public SigningService(KeyLookup lookup) {
        this.lookup = lookup;
    }

    public Signed sign(Scope scope, String keyId, byte[] message, MessageType type, SigningAlgorithm algorithm,
                       boolean dryRun) {
        StoredKey stored = lookup.forOperation(scope, keyId, KeyOperation.Sign, Aliases.ACCEPTED);
        check(stored.metadata(), message, type, algorithm, "Sign");
        if (dryRun) {
            throw DryRunOperationException.wouldHaveSucceeded();
        }
        return new Signed(stored.metadata(), Signatures.sign(stored.currentMaterial(), algorithm, type, message), algorithm);
    }

    /** Returns normally only for a valid signature; AWS never answers SignatureValid false. */
    public KmsKey verify(Scope scope, String keyId, byte[] message, MessageType type, byte[] signatureBytes,
                         SigningAlgorithm algorithm, boolean dryRun) {
        StoredKey stored = lookup.forOperation(scope, keyId, KeyOperation.Verify, Aliases.ACCEPTED);
        check(stored.metadata(), message, type, algorithm, "Verify");
        if (dryRun) {
            throw DryRunOperationException.wouldHaveSucceeded();
        }
        if (!Signatures.verify(stored.currentMaterial(), algorithm, type, message, signatureBytes)) {
            throw new KMSInvalidSignatureException();
        }
        return stored.metadata();
    }

    public PublicKey publicKey(Scope scope, String keyId) {
        StoredKey stored = lookup.forOperation(scope, keyId, KeyOperation.GetPublicKey, Aliases.ACCEPTED);
        KmsKey key = stored.metadata();
        if (!key.spec().isAsymmetric()) {
            throw new UnsupportedOperationException(
                    key.arn() + " key spec is " + key.spec() + " which is not valid for GetPublicKey.");
        }
        return new PublicKey(key, stored.currentMaterial().subjectPublicKeyInfo());
    }

    private static void check(KmsKey key, byte[] message, MessageType type, SigningAlgorithm algorithm,
                              String operation) {
        KeyUsageRules.requireUsage(key, KeyUsage.SIGN_VERIFY, operation);
        if (!key.spec().signingAlgorithms(key.usage()).contains(algorithm)) {
            throw KeyUsageRules.incompatible(algorithm, key);
        }
        Signatures.checkInput(algorithm, type, message);
    }
}
