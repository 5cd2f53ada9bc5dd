package dev.trent.server.service;

import dev.trent.server.crypto.HashAlgorithm;
import dev.trent.server.crypto.Hmac;
import dev.trent.server.crypto.RsaAesKeyWrap;
import dev.trent.server.crypto.AsymmetricKeyPair;
import dev.trent.server.crypto.RsaKeyPair;
import dev.trent.server.crypto.Sm2Encryption;
import dev.trent.server.crypto.WrappingKey;
import dev.trent.server.crypto.RsaOaep;
import dev.trent.server.crypto.RsaPkcs1Decryption;
import dev.trent.server.crypto.SecretBytes;
import dev.trent.server.error.IncorrectKeyMaterialException;
import dev.trent.server.error.InvalidCiphertextException;
import dev.trent.server.error.KMSInvalidStateException;
import dev.trent.server.error.NotFoundException;
import dev.trent.server.error.UnsupportedOperationException;
import dev.trent.server.error.ValidationException;
import dev.trent.server.key.ExpirationModel;
import dev.trent.server.key.ImportType;
import dev.trent.server.key.ImportedMaterial;
import dev.trent.server.key.KeyId;
import dev.trent.server.key.KeyMaterial;
import dev.trent.server.key.KeySpec;
import dev.trent.server.key.KmsKey;
import dev.trent.server.key.MaterialVersion;
import dev.trent.server.key.Origin;
import dev.trent.server.key.Scope;
import dev.trent.server.key.WrappingAlgorithm;
import dev.trent.server.key.WrappingKeySpec;
import dev.trent.server.key.lifecycle.KeyOperation;
import dev.trent.server.repository.KeyRepository;
import dev.trent.server.service.KeyLookup.Aliases;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.HexFormat;

/**
 * Bring your own key: GetParametersForImport, ImportKeyMaterial and DeleteImportedKeyMaterial for keys with
 * origin EXTERNAL. Imported material is stored only through the repository, sealed by the barrier like
 * generated material; the wrapping keys stay in memory ({@link ImportTokens}).
 */
public final class ImportService {

    /** AWS: "Each public key and import token set is valid for 24 hours." */
    static final Duration PARAMETERS_VALIDITY = Duration.ofHours(24);
    /** AWS ImportKeyMaterial ValidTo: "The maximum value is 365 days from the request date." */
    static final Duration LONGEST_VALIDITY = Duration.ofDays(365);
    private static final byte[] MATERIAL_ID_LABEL = "trent imported key material id v1".getBytes(StandardCharsets.UTF_8);

    /** What GetParametersForImport returns. */
    public record Parameters(KmsKey key, byte[] importToken, byte[] publicKey, Instant validTo) {
    }

    /**
     * A validated ImportKeyMaterial request; {@code importType}, {@code keyMaterialId} and {@code description}
     * may be null.
     */
    public record ImportRequest(String keyId, byte[] importToken, byte[] encryptedMaterial, ExpirationModel model,
                                Instant validTo, ImportType importType, String keyMaterialId, String description) {

        /** A request without a KeyMaterialDescription. */
        public ImportRequest(String keyId, byte[] importToken, byte[] encryptedMaterial, ExpirationModel model,
                             Instant validTo, ImportType importType, String keyMaterialId) {
            this(keyId, importToken, encryptedMaterial, model, validTo, importType, keyMaterialId, null);
        }
    }

    /** The key after an import or deletion, and the id of the material concerned (null when there is none). */
    public record MaterialChange(KmsKey key, String keyMaterialId) {
    }

    private final KeyRepository repository;
    private final KeyLookup lookup;
    private final ImportTokens tokens;
    private final Clock clock;

    public ImportService(KeyRepository repository, KeyLookup lookup, ImportTokens tokens, Clock clock) {
        this.repository = repository;
        this.lookup = lookup;
        this.tokens = tokens;
        this.clock = clock;
    }

    /** The import tokens this service issues, for the sweeper that purges expired ones. */
    public ImportTokens tokens() {
        return tokens;
    }

    public Parameters parametersFor(Scope scope, String keyId, WrappingAlgorithm algorithm, WrappingKeySpec spec) {
        KmsKey key = externalKey(scope, keyId, KeyOperation.GetParametersForImport);
        if (!algorithm.fits(spec)) {
            throw new ValidationException("The wrapping algorithm " + algorithm + " cannot be used with the wrapping "
                    + "key spec " + spec + ".");
        }
        WrappingKey wrappingKey = spec.isRsa() ? new WrappingKey.Rsa(RsaKeyPair.generate(spec.bits()))
                : new WrappingKey.Sm2(AsymmetricKeyPair.generate(AsymmetricKeyPair.Type.SM2));
        Instant validTo = now().plus(PARAMETERS_VALIDITY);
        byte[] token = tokens.issue(new ImportTokens.Parameters(scope, key.id(), algorithm, wrappingKey, validTo));
        return new Parameters(key, token, wrappingKey.subjectPublicKeyInfo(), validTo);
    }

    /**
     * Imports the first material of a key, material it had before (re-import), or, for a symmetric encryption key,
     * new material that waits for RotateKeyOnDemand. ImportType defaults as AWS documents: NEW_KEY_MATERIAL until
     * a material was imported, EXISTING_KEY_MATERIAL after.
     */
    public MaterialChange importMaterial(Scope scope, ImportRequest request) {
        Instant now = now();
        checkExpiry(request.model(), request.validTo(), now);
        if (request.keyMaterialId() != null && request.importType() == ImportType.NEW_KEY_MATERIAL) {
            throw new ValidationException("You cannot specify a key material ID with ImportType set to NEW_KEY_MATERIAL.");
        }
        synchronized (repository) {
            KmsKey key = externalKey(scope, request.keyId(), KeyOperation.ImportKeyMaterial);
            checkSymmetricOnlyMembers(key, request);
            ImportTokens.Parameters parameters = tokens.redeem(request.importToken(), scope, key.id(), now);
            KeyMaterial material = unwrapMaterial(key, parameters, request.encryptedMaterial(), now);
            String materialId = material.version().materialId();
            if (request.keyMaterialId() != null && !request.keyMaterialId().equals(materialId)) {
                throw new IncorrectKeyMaterialException("The key material ID in the request does not match the "
                        + "imported key material.");
            }
            ImportType type = request.importType() != null ? request.importType()
                    : key.imports().isEmpty() ? ImportType.NEW_KEY_MATERIAL : ImportType.EXISTING_KEY_MATERIAL;
            ImportedMaterial entry = type == ImportType.NEW_KEY_MATERIAL
                    ? newMaterial(key, material.version(), request)
                    : existingMaterial(key, materialId, request);
            KmsKey next = key.withImportedMaterial(entry);
            repository.importMaterial(next, material.withVersion(entry.version()));
            return new MaterialChange(next, materialId);
        }
    }

    /**
     * Deletes imported material: the one with {@code keyMaterialId}, or without it the current one (AWS: "If no
     * KeyMaterialId is specified, KMS deletes the current key material"). Deleting material the key uses makes
     * the key wait for its re-import; deleting material pending rotation only drops it.
     */
    public MaterialChange deleteMaterial(Scope scope, String keyId, String keyMaterialId) {
        synchronized (repository) {
            KmsKey key = externalKey(scope, keyId, KeyOperation.DeleteImportedKeyMaterial);
            ImportedMaterial target;
            if (keyMaterialId == null) {
                target = key.imported();
            } else {
                target = key.importedWithId(keyMaterialId).orElseThrow(() -> new NotFoundException(
                        "Key material " + keyMaterialId + " does not exist for " + key.arn() + "."));
            }
            if (target == null) {
                return new MaterialChange(key, null);
            }
            String id = target.version().materialId();
            if (!key.holds(target.version())) {
                return new MaterialChange(key, id);    // AWS key-state table: "No effect"
            }
            KmsKey next = key.withoutMaterial(target.version());
            repository.deleteMaterial(key, next);
            return new MaterialChange(next, id);
        }
    }

    /**
     * KeyMaterialId of imported material: HMAC-SHA-256 keyed by the material's identity (see
     * {@link KeyMaterial#identity()}) over a fixed label and the key id, in hex. Importing the same material
     * into the same key always gives the same id, which is how a re-import is recognised, and the id reveals
     * nothing about the material to anyone who does not already hold it.
     */
    static String materialId(KeyId keyId, KeyMaterial material) {
        byte[] idBytes = keyId.value().getBytes(StandardCharsets.UTF_8);
        byte[] message = Arrays.copyOf(MATERIAL_ID_LABEL, MATERIAL_ID_LABEL.length + idBytes.length);
        System.arraycopy(idBytes, 0, message, MATERIAL_ID_LABEL.length, idBytes.length);
        return HexFormat.of().formatHex(new Hmac(HashAlgorithm.SHA_256).compute(material.identity(), message));
    }

    private KmsKey externalKey(Scope scope, String keyId, KeyOperation operation) {
        KmsKey key = lookup.forOperation(scope, keyId, operation, Aliases.REJECTED).metadata();
        if (key.origin() != Origin.EXTERNAL) {
            throw new UnsupportedOperationException(key.arn() + " origin is " + key.origin()
                    + " which is not valid for this operation.");
        }
        return key;
    }

    private static void checkExpiry(ExpirationModel model, Instant validTo, Instant now) {
        if (model == ExpirationModel.KEY_MATERIAL_EXPIRES && validTo == null) {
            throw new ValidationException("A validTo date must be set if the ExpirationModel is KEY_MATERIAL_EXPIRES");
        }
        if (model == ExpirationModel.KEY_MATERIAL_DOES_NOT_EXPIRE && validTo != null) {
            throw new ValidationException("A validTo date must not be set if the ExpirationModel is "
                    + "KEY_MATERIAL_DOES_NOT_EXPIRE");
        }
        if (validTo != null && !validTo.isAfter(now)) {
            throw new ValidationException("The validTo date must be in the future.");
        }
        if (validTo != null && validTo.isAfter(now.plus(LONGEST_VALIDITY))) {
            throw new ValidationException("The validTo date must be at most 365 days from now.");
        }
    }

    /** Unwraps and parses the material; its version carries the deterministic id (number 1 until adjusted). */
    private static KeyMaterial unwrapMaterial(KmsKey key, ImportTokens.Parameters parameters, byte[] wrapped,
                                              Instant now) {
        byte[] raw;
        try {
            raw = unwrap(parameters.algorithm(), parameters.wrappingKey(), wrapped);
        } catch (GeneralSecurityException e) {
            throw new InvalidCiphertextException();
        }
        SecretBytes secret = SecretBytes.copyOf(raw);
        Arrays.fill(raw, (byte) 0);
        KeyMaterial parsed;
        try {
            parsed = KeyMaterial.imported(key.spec(), new MaterialVersion(1, "0".repeat(64), now), secret);
        } catch (RuntimeException e) {
            // Parsers report bad input by several runtime types; all mean the same to the caller.
            secret.destroy();
            throw new IncorrectKeyMaterialException("The key material is not valid for a KMS key with key spec "
                    + key.spec() + ".");
        }
        return parsed.withVersion(new MaterialVersion(1, materialId(key.id(), parsed), now));
    }

    private static byte[] unwrap(WrappingAlgorithm algorithm, WrappingKey key, byte[] wrapped)
            throws GeneralSecurityException {
        if (key instanceof WrappingKey.Sm2 sm2) {
            return new Sm2Encryption().decrypt(sm2.pair(), wrapped);
        }
        RsaKeyPair wrappingKey = ((WrappingKey.Rsa) key).pair();
        return switch (algorithm) {
            case RSAES_PKCS1_V1_5 -> RsaPkcs1Decryption.decrypt(wrappingKey, wrapped);
            case RSAES_OAEP_SHA_1 -> new RsaOaep(HashAlgorithm.SHA_1).decrypt(wrappingKey, wrapped);
            case RSAES_OAEP_SHA_256 -> new RsaOaep(HashAlgorithm.SHA_256).decrypt(wrappingKey, wrapped);
            case RSA_AES_KEY_WRAP_SHA_1 -> new RsaAesKeyWrap(HashAlgorithm.SHA_1).unwrap(wrappingKey, wrapped);
            case RSA_AES_KEY_WRAP_SHA_256 -> new RsaAesKeyWrap(HashAlgorithm.SHA_256).unwrap(wrappingKey, wrapped);
            case SM2PKE -> throw new GeneralSecurityException("SM2PKE tokens come with SM2 wrapping keys");
        };
    }

    /**
     * AWS documents ImportType, KeyMaterialId and KeyMaterialDescription as "only usable with symmetric encryption
     * keys", and that it rejects ImportKeyMaterial requests with the ImportType parameter for asymmetric and HMAC
     * keys. It does not publish the error; Trent answers ValidationException.
     */
    private static void checkSymmetricOnlyMembers(KmsKey key, ImportRequest request) {
        if (key.spec() == KeySpec.SYMMETRIC_DEFAULT) {
            return;
        }
        String member = request.importType() != null ? "ImportType"
                : request.keyMaterialId() != null ? "KeyMaterialId"
                : request.description() != null ? "KeyMaterialDescription" : null;
        if (member != null) {
            throw new ValidationException(member + " can only be used with symmetric encryption KMS keys.");
        }
    }

    /**
     * The first material of a key, or material for a later on-demand rotation (only for single-Region symmetric
     * encryption keys; other specs cannot name NEW_KEY_MATERIAL once they have material): it waits as
     * PENDING_ROTATION, one at a time, under the next version number.
     */
    private static ImportedMaterial newMaterial(KmsKey key, MaterialVersion parsed, ImportRequest request) {
        if (key.imports().isEmpty()) {
            return new ImportedMaterial(parsed, request.model(), request.validTo(), request.description(), false);
        }
        String materialId = parsed.materialId();
        if (key.importedWithId(materialId).isPresent()) {
            throw new IncorrectKeyMaterialException("The key material is already associated with " + key.arn()
                    + ".");
        }
        if (key.multiRegion()) {
            throw new UnsupportedOperationException("Importing new key material into multi-Region keys is not "
                    + "supported by this version of Trent.");
        }
        ImportedMaterial pending = key.pendingRotation().orElse(null);
        if (pending != null) {
            // Recorded against AWS (KMSInvalidStateException, HTTP 400).
            throw new KMSInvalidStateException("New key material (id: " + materialId + ") cannot be imported into "
                    + "KMS key " + key.arn() + ", because another key material (id: "
                    + pending.version().materialId() + ") is pending rotation.");
        }
        int number = key.imports().stream().mapToInt(m -> m.version().number()).max().orElse(0) + 1;
        MaterialVersion version = new MaterialVersion(number, materialId, parsed.created());
        return new ImportedMaterial(version, request.model(), request.validTo(), request.description(), true);
    }

    /**
     * AWS: material imported again must be "the same key material that was previously imported"; here, any
     * material still associated with the key or pending rotation. Its expiry terms are replaced; its description
     * only when the request has one.
     */
    private static ImportedMaterial existingMaterial(KmsKey key, String materialId, ImportRequest request) {
        if (key.imports().isEmpty()) {
            throw new IncorrectKeyMaterialException("No key material was previously imported into " + key.arn()
                    + ".");
        }
        ImportedMaterial known = key.importedWithId(materialId).orElseThrow(() -> new IncorrectKeyMaterialException(
                "The key material in the request is not the same key material that was previously imported into "
                        + "this KMS key."));
        return known.reimported(request.model(), request.validTo(), request.description());
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }
}
