package dev.trent.server.service;

import dev.trent.server.crypto.Hmac;
import dev.trent.server.error.DryRunOperationException;
import dev.trent.server.error.KMSInvalidMacException;
import dev.trent.server.key.KeyMaterial;
import dev.trent.server.key.KeyUsage;
import dev.trent.server.key.KmsKey;
import dev.trent.server.key.MacAlgorithm;
import dev.trent.server.key.Scope;
import dev.trent.server.key.StoredKey;
import dev.trent.server.key.lifecycle.KeyOperation;
import dev.trent.server.service.KeyLookup.Aliases;

/** GenerateMac and VerifyMac with HMAC keys, from memory only. */
public final class MacService {

    private final KeyLookup lookup;

    public MacService(KeyLookup lookup) {
        this.lookup = lookup;
    }

    public Results.Mac generate(Scope scope, String keyId, byte[] message, MacAlgorithm algorithm, boolean dryRun) {
        StoredKey key = checked(scope, keyId, algorithm, KeyOperation.GenerateMac, dryRun);
        return new Results.Mac(key.metadata(),
                new Hmac(algorithm.hash()).compute(((KeyMaterial.Hmac) key.currentMaterial()).key(), message));
    }

    /** Returns the key when the MAC matches; AWS never answers MacValid false. */
    public KmsKey verify(Scope scope, String keyId, byte[] message, MacAlgorithm algorithm, byte[] mac, boolean dryRun) {
        StoredKey key = checked(scope, keyId, algorithm, KeyOperation.VerifyMac, dryRun);
        if (!new Hmac(algorithm.hash()).verify(((KeyMaterial.Hmac) key.currentMaterial()).key(), message, mac)) {
            throw new KMSInvalidMacException();
        }
        return key.metadata();
    }

    private StoredKey checked(Scope scope, String keyId, MacAlgorithm algorithm, KeyOperation operation, boolean dryRun) {
        StoredKey key = lookup.forOperation(scope, keyId, operation, Aliases.REJECTED);
        KeyUsageRules.requireUsage(key.metadata(), KeyUsage.GENERATE_VERIFY_MAC, operation.name());
        if (!key.metadata().spec().macAlgorithms(key.metadata().usage()).contains(algorithm)) {
            throw KeyUsageRules.incompatible(algorithm, key.metadata());
        }
        if (dryRun) {
            throw DryRunOperationException.wouldHaveSucceeded();
        }
        return key;
    }
}
