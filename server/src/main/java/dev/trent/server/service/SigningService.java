package dev.trent.server.service;

import dev.trent.server.crypto.RsaSignature;
import dev.trent.server.error.DryRunOperationException;
import dev.trent.server.error.KMSInvalidSignatureException;
import dev.trent.server.error.UnsupportedOperationException;
import dev.trent.server.error.ValidationException;
import dev.trent.server.key.KeyMaterial;
import dev.trent.server.key.KeySpec;
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
        RsaSignature signature = checked(stored.metadata(), message, type, algorithm, "Sign");
        if (dryRun) {
            throw new DryRunOperationException(EncryptionService.DRY_RUN_MESSAGE);
        }
        KeyMaterial.Rsa rsa = (KeyMaterial.Rsa) stored.currentMaterial();
        return new Signed(stored.metadata(), signature.sign(rsa.pair(), message, type == MessageType.DIGEST), algorithm);
    }

    /** Returns normally only for a valid signature; AWS never answers SignatureValid false. */
    public KmsKey verify(Scope scope, String keyId, byte[] message, MessageType type, byte[] signatureBytes,
                         SigningAlgorithm algorithm, boolean dryRun) {
        StoredKey stored = lookup.forOperation(scope, keyId, KeyOperation.Verify, Aliases.ACCEPTED);
        RsaSignature signature = checked(stored.metadata(), message, type, algorithm, "Verify");
        if (dryRun) {
            throw new DryRunOperationException(EncryptionService.DRY_RUN_MESSAGE);
        }
        KeyMaterial.Rsa rsa = (KeyMaterial.Rsa) stored.currentMaterial();
        if (!signature.verify(rsa.pair(), message, type == MessageType.DIGEST, signatureBytes)) {
            throw new KMSInvalidSignatureException();
        }
        return stored.metadata();
    }

    public PublicKey publicKey(Scope scope, String keyId) {
        StoredKey stored = lookup.forOperation(scope, keyId, KeyOperation.GetPublicKey, Aliases.ACCEPTED);
        KmsKey key = stored.metadata();
        if (key.spec() == KeySpec.SYMMETRIC_DEFAULT) {
            throw new UnsupportedOperationException(
                    key.arn() + " key spec is SYMMETRIC_DEFAULT which is not valid for GetPublicKey.");
        }
        KeyMaterial.Rsa rsa = (KeyMaterial.Rsa) stored.currentMaterial();
        return new PublicKey(key, rsa.pair().subjectPublicKeyInfo());
    }

    private static RsaSignature checked(KmsKey key, byte[] message, MessageType type, SigningAlgorithm algorithm,
                                        String operation) {
        KeyUsageRules.requireUsage(key, KeyUsage.SIGN_VERIFY, operation);
        if (!key.spec().signingAlgorithms(key.usage()).contains(algorithm)) {
            throw KeyUsageRules.incompatible(algorithm, key);
        }
        if (type == MessageType.EXTERNAL_MU) {
            throw new ValidationException("MessageType EXTERNAL_MU is only valid for ML_DSA key specs.");
        }
        if (type == MessageType.DIGEST && message.length != algorithm.hash().length()) {
            throw new ValidationException("Digest is invalid length for algorithm " + algorithm + ".");
        }
        return new RsaSignature(algorithm.rsaPadding(), algorithm.hash());
    }
}
