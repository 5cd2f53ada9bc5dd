package dev.trent.server.service;

import dev.trent.server.ciphertext.EncryptionContext;
import dev.trent.server.ciphertext.SymmetricCiphertext;
import dev.trent.server.crypto.Aead;
import dev.trent.server.crypto.AsymmetricKeyPair;
import dev.trent.server.crypto.Random;
import dev.trent.server.crypto.RsaKeyPair;
import dev.trent.server.crypto.SecretAccess;
import dev.trent.server.crypto.SecretBytes;
import dev.trent.server.error.AccessDeniedException;
import dev.trent.server.error.DryRunOperationException;
import dev.trent.server.error.IncorrectKeyException;
import dev.trent.server.error.InvalidCiphertextException;
import dev.trent.server.error.ValidationException;
import dev.trent.server.key.EncryptionAlgorithm;
import dev.trent.server.key.KeyMaterial;
import dev.trent.server.key.KeySpec;
import dev.trent.server.key.KeyUsage;
import dev.trent.server.key.KmsKey;
import dev.trent.server.key.Scope;
import dev.trent.server.key.StoredKey;
import dev.trent.server.key.lifecycle.KeyOperation;
import dev.trent.server.policy.PermissionTarget;
import dev.trent.server.service.KeyLookup.Aliases;
import dev.trent.server.service.Results.DataKey;
import dev.trent.server.service.Results.Decrypted;
import dev.trent.server.service.Results.Encrypted;
import dev.trent.server.service.Results.ReEncrypted;
import java.security.GeneralSecurityException;
import java.util.Map;
import java.util.Optional;

/**
 * Encrypt, Decrypt, ReEncrypt and data keys. Works on keys held in memory only: nothing here touches
 * storage, so the data plane never waits on SQLite.
 */
public final class EncryptionService {

    private static final String UNKNOWN_KEY_MESSAGE = "The ciphertext refers to a customer master key that does not "
            + "exist, does not exist in this region, or you are not allowed to access.";
    private static final String INCORRECT_KEY_MESSAGE =
            "The key ID in the request does not identify a CMK that can perform this operation.";

    private final KeyLookup lookup;

    public EncryptionService(KeyLookup lookup) {
        this.lookup = lookup;
    }

    public Encrypted encrypt(Scope scope, String keyId, byte[] plaintext, Map<String, String> context,
                             EncryptionAlgorithm algorithm, boolean dryRun) {
        StoredKey key = lookup.forOperation(scope, keyId, KeyOperation.Encrypt, Aliases.ACCEPTED);
        return encryptWith(key, plaintext, context, algorithm, "Encrypt", dryRun);
    }

    public Decrypted decrypt(Scope scope, byte[] blob, String keyId, Map<String, String> context,
                             EncryptionAlgorithm algorithm, boolean dryRun) {
        return decryptWith(scope, blob, keyId, context, algorithm, KeyOperation.Decrypt, "Decrypt", dryRun);
    }

    public ReEncrypted reEncrypt(Scope scope, byte[] blob, String sourceKeyId, Map<String, String> sourceContext,
                                 EncryptionAlgorithm sourceAlgorithm, String destinationKeyId,
                                 Map<String, String> destinationContext, EncryptionAlgorithm destinationAlgorithm,
                                 boolean dryRun) {
        StoredKey destination = lookup.forOperation(scope, destinationKeyId, KeyOperation.ReEncryptTo, Aliases.ACCEPTED);
        Decrypted source = decryptWith(scope, blob, sourceKeyId, sourceContext, sourceAlgorithm,
                KeyOperation.ReEncryptFrom, "ReEncrypt", false);
        Encrypted encrypted = encryptWith(destination, source.plaintext(), destinationContext, destinationAlgorithm,
                "ReEncrypt", dryRun);
        java.util.Arrays.fill(source.plaintext(), (byte) 0);
        String destinationMaterialId = destination.metadata().spec() == KeySpec.SYMMETRIC_DEFAULT
                ? destination.metadata().currentMaterial().materialId() : null;
        return new ReEncrypted(source, encrypted, destinationMaterialId);
    }

    /**
     * For a DryRun with the IGNORE_CIPHERTEXT modifier: checks only that the named key exists, is in a state
     * that allows {@code operation} and is an encryption key.
     */
    public void checkUsableWithoutCiphertext(Scope scope, String keyId, KeyOperation operation, String operationName) {
        StoredKey key = lookup.forOperation(scope, keyId, operation, Aliases.ACCEPTED);
        KeyUsageRules.requireUsage(key.metadata(), KeyUsage.ENCRYPT_DECRYPT, operationName);
    }

    /** GenerateDataKey and GenerateDataKeyWithoutPlaintext: fresh random bytes, encrypted under the key. */
    public DataKey generateDataKey(Scope scope, String keyId, int length, Map<String, String> context,
                                   KeyOperation operation, boolean dryRun) {
        StoredKey key = lookup.forOperation(scope, keyId, operation, Aliases.ACCEPTED);
        KeyUsageRules.requireSymmetric(key.metadata(), operation.name());
        if (dryRun) {
            throw DryRunOperationException.wouldHaveSucceeded();
        }
        byte[] plaintext = Random.bytes(length);
        byte[] ciphertext = sealSymmetric(key, plaintext, context);
        return new DataKey(key.metadata(), plaintext, ciphertext, key.metadata().currentMaterial().materialId());
    }

    /**
     * GenerateDataKeyPair and its WithoutPlaintext variant: a fresh key pair whose PKCS#8 private key is
     * encrypted under a symmetric KMS key, exactly as Encrypt would, so Decrypt opens it.
     */
    public Results.DataKeyPair generateDataKeyPair(Scope scope, String keyId, KeySpec pairSpec,
                                                   Map<String, String> context, KeyOperation operation,
                                                   boolean dryRun) {
        StoredKey key = lookup.forOperation(scope, keyId, operation, Aliases.ACCEPTED);
        KeyUsageRules.requireSymmetric(key.metadata(), operation.name());
        if (!pairSpec.isAsymmetric()) {
            throw new dev.trent.server.error.UnsupportedOperationException(
                    "KeyPairSpec " + pairSpec + " is not supported by this version of Trent.");
        }
        if (dryRun) {
            throw DryRunOperationException.wouldHaveSucceeded();
        }
        SecretBytes pkcs8;
        byte[] publicKey;
        if (pairSpec.isRsa()) {
            RsaKeyPair pair = RsaKeyPair.generate(pairSpec.bits());
            pkcs8 = pair.pkcs8();
            publicKey = pair.subjectPublicKeyInfo();
        } else {
            AsymmetricKeyPair pair = AsymmetricKeyPair.generate(pairSpec.pairType());
            pkcs8 = pair.pkcs8();
            publicKey = pair.subjectPublicKeyInfo();
        }
        // The caller asked for this private key: handing it over is the point of the operation.
        byte[] privateKey = pkcs8.reveal(SecretAccess.INSTANCE);
        pkcs8.destroy();
        byte[] ciphertext = sealSymmetric(key, privateKey, context);
        return new Results.DataKeyPair(key.metadata(), privateKey, ciphertext, publicKey,
                key.metadata().currentMaterial().materialId());
    }

    private Encrypted encryptWith(StoredKey stored, byte[] plaintext, Map<String, String> context,
                                  EncryptionAlgorithm requested, String operation, boolean dryRun) {
        KmsKey key = stored.metadata();
        KeyUsageRules.requireUsage(key, KeyUsage.ENCRYPT_DECRYPT, operation);
        EncryptionAlgorithm algorithm = requested == null ? EncryptionAlgorithm.SYMMETRIC_DEFAULT : requested;
        if (!key.spec().encryptionAlgorithms(key.usage()).contains(algorithm)) {
            throw KeyUsageRules.incompatible(algorithm, key);
        }
        if (key.spec() == KeySpec.SYMMETRIC_DEFAULT) {
            if (dryRun) {
                throw DryRunOperationException.wouldHaveSucceeded();
            }
            return new Encrypted(key, sealSymmetric(stored, plaintext, context), algorithm);
        }
        rejectContext(context);
        int max = AsymmetricEncryption.maxPlaintext(key.spec(), algorithm);
        if (plaintext.length > max) {
            throw new ValidationException("Algorithm " + algorithm + " and key spec " + key.spec()
                    + " cannot encrypt data larger than " + max + " bytes.");
        }
        if (dryRun) {
            throw DryRunOperationException.wouldHaveSucceeded();
        }
        return new Encrypted(key, AsymmetricEncryption.encrypt(stored.currentMaterial(), algorithm, plaintext), algorithm);
    }

    private static byte[] sealSymmetric(StoredKey key, byte[] plaintext, Map<String, String> context) {
        KeyMaterial material = key.currentMaterial();
        byte[] nonce = Random.bytes(12);
        SymmetricCiphertext header = new SymmetricCiphertext(
                key.metadata().id(), material.version().number(), nonce, new byte[0]);
        byte[] sealed = symmetricAead(material).encrypt(nonce, plaintext, header.associatedData(EncryptionContext.canonical(context)));
        return new SymmetricCiphertext(header.keyId(), header.materialVersion(), nonce, sealed).toBytes();
    }

    /** The AES-GCM of symmetric material: in memory, or inside the token of a custom key store. */
    private static Aead symmetricAead(KeyMaterial material) {
        if (material instanceof KeyMaterial.Token token) {
            return token.aead();
        }
        return ((KeyMaterial.Symmetric) material).aead();
    }

    private Decrypted decryptWith(Scope scope, byte[] blob, String keyId, Map<String, String> context,
                                  EncryptionAlgorithm requested, KeyOperation operation, String operationName,
                                  boolean dryRun) {
        StoredKey named = keyId == null ? null : lookup.find(scope, keyId, Aliases.ACCEPTED);
        // Only asymmetric encryption keys decrypt what they did not frame themselves; any other key named here
        // is compared with the key the blob names, as AWS does (IncorrectKeyException).
        if (named != null && AsymmetricEncryption.encrypts(named.metadata().spec())) {
            return decryptAsymmetric(scope, named, blob, context, requested, operation, operationName, dryRun);
        }
        SymmetricCiphertext ciphertext = SymmetricCiphertext.parse(blob).orElseThrow(InvalidCiphertextException::new);
        StoredKey key = lookup.byCiphertext(scope, ciphertext.keyId())
                .orElseThrow(() -> new AccessDeniedException(UNKNOWN_KEY_MESSAGE));
        // The permission is judged on the key the ciphertext names, whatever key the request names.
        lookup.authorize(scope, key, operation, PermissionTarget.KEY);
        if (named != null && !named.metadata().id().equals(key.metadata().id())) {
            throw new IncorrectKeyException(INCORRECT_KEY_MESSAGE);
        }
        lookup.allowed(scope, key, operation);
        if (requested != null && requested != EncryptionAlgorithm.SYMMETRIC_DEFAULT) {
            throw KeyUsageRules.incompatible(requested, key.metadata());
        }
        KeyMaterial material = key.material(ciphertext.materialVersion())
                .orElseThrow(InvalidCiphertextException::new);
        Aead aead = symmetricAead(material);
        if (dryRun) {
            throw DryRunOperationException.wouldHaveSucceeded();
        }
        try {
            byte[] plaintext = aead.decrypt(ciphertext.nonce(), ciphertext.sealed(),
                    ciphertext.associatedData(EncryptionContext.canonical(context)));
            return new Decrypted(key.metadata(), plaintext, EncryptionAlgorithm.SYMMETRIC_DEFAULT,
                    material.version().materialId());
        } catch (GeneralSecurityException e) {
            throw new InvalidCiphertextException();
        }
    }

    private Decrypted decryptAsymmetric(Scope scope, StoredKey stored, byte[] blob, Map<String, String> context,
                                        EncryptionAlgorithm requested, KeyOperation operation, String operationName,
                                        boolean dryRun) {
        KmsKey key = lookup.allowed(scope, stored, operation).metadata();
        KeyUsageRules.requireUsage(key, KeyUsage.ENCRYPT_DECRYPT, operationName);
        EncryptionAlgorithm algorithm = Optional.ofNullable(requested).orElse(EncryptionAlgorithm.SYMMETRIC_DEFAULT);
        if (!key.spec().encryptionAlgorithms(key.usage()).contains(algorithm)) {
            throw KeyUsageRules.incompatible(algorithm, key);
        }
        rejectContext(context);
        if (dryRun) {
            throw DryRunOperationException.wouldHaveSucceeded();
        }
        try {
            return new Decrypted(key, AsymmetricEncryption.decrypt(stored.currentMaterial(), algorithm, blob),
                    algorithm, null);
        } catch (GeneralSecurityException e) {
            throw new InvalidCiphertextException();
        }
    }

    private static void rejectContext(Map<String, String> context) {
        if (context != null && !context.isEmpty()) {
            throw new ValidationException("EncryptionContext is not supported with asymmetric KMS keys.");
        }
    }
}
