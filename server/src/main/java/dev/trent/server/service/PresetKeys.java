package dev.trent.server.service;

import dev.trent.server.crypto.Random;
import dev.trent.server.crypto.SecretBytes;
import dev.trent.server.error.AlreadyExistsException;
import dev.trent.server.error.UnsupportedOperationException;
import dev.trent.server.error.ValidationException;
import dev.trent.server.key.ExpirationModel;
import dev.trent.server.key.Grant;
import dev.trent.server.key.ImportedMaterial;
import dev.trent.server.key.KeyId;
import dev.trent.server.key.KeyMaterial;
import dev.trent.server.key.KeySpec;
import dev.trent.server.key.KmsKey;
import dev.trent.server.key.MaterialVersion;
import dev.trent.server.key.Origin;
import dev.trent.server.key.Rotation;
import dev.trent.server.key.RotationType;
import dev.trent.server.key.Scope;
import dev.trent.server.key.lifecycle.KeyEvent;
import dev.trent.server.key.lifecycle.KeyState;
import dev.trent.server.repository.KeyRepository;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * Creates keys whose id, and perhaps material, state, rotation and grants, their creator chose: LocalStack's
 * {@code _custom_id_} and {@code _custom_key_material_} CreateKey tags and seed files. Such a key is an ordinary
 * key afterwards (its known material is version 1, rotation adds versions after it) and is stored in one commit,
 * with its key policy and grants, so it exists completely or not at all.
 */
public final class PresetKeys {

    /** ScheduleKeyDeletion's PendingWindowInDays: 7 to 30, 30 when not given. */
    static final int MIN_WINDOW_DAYS = 7;
    static final int MAX_WINDOW_DAYS = 30;
    /** EnableKeyRotation's RotationPeriodInDays. */
    static final int MIN_ROTATION_DAYS = 90;
    static final int MAX_ROTATION_DAYS = 2560;

    private final KeyRepository repository;
    private final GrantService grants;
    private final Clock clock;

    public PresetKeys(KeyRepository repository, GrantService grants, Clock clock) {
        this.repository = repository;
        this.grants = grants;
        this.clock = clock;
    }

    /**
     * Creates {@code preset} in {@code scope} with {@code policy} (AWS's default key policy when null; the
     * caller has checked a given one as PutKeyPolicy checks it).
     *
     * @throws AlreadyExistsException when the id is taken in the scope, or was taken by a key since deleted
     */
    public KmsKey create(Scope scope, PresetKey preset, String policy) {
        synchronized (repository) {
            checkIdFree(scope, preset);
            NewKey request = preset.request();
            Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
            List<KeyMaterial> materials = materials(preset, now);
            List<MaterialVersion> versions = materials.stream().map(KeyMaterial::version).toList();
            boolean external = request.origin() == Origin.EXTERNAL;
            List<ImportedMaterial> imported = external && !versions.isEmpty()
                    ? List.of(new ImportedMaterial(versions.get(0), ExpirationModel.KEY_MATERIAL_DOES_NOT_EXPIRE, null))
                    : List.of();
            KeyState initial = external && versions.isEmpty() ? KeyState.PendingImport : KeyState.Enabled;
            KmsKey created = new KmsKey(scope, preset.id(), request.description(), request.spec(), request.usage(),
                    request.origin(), initial, now, null, null, versions, request.tags(), imported,
                    rotation(preset, now), request.multiRegion() ? scope.region() : null);
            KmsKey key = inState(created, preset, now);
            List<Grant> keyGrants = preset.grants().stream().map(g -> grants.prepare(key, g)).toList();
            String document = policy != null ? policy : KeyPolicies.defaultPolicy(scope.account());
            repository.createPreset(key, materials, document, keyGrants);
            return key;
        }
    }

    private void checkIdFree(Scope scope, PresetKey preset) {
        KeyId id = preset.id();
        if (id.multiRegion() != preset.request().multiRegion()) {
            throw new ValidationException(id.multiRegion()
                    ? "Key id " + id + " is a multi-Region key id (mrk-); set MultiRegion to create such a key."
                    : "A multi-Region key needs a key id of the form mrk- and 32 hex digits, not " + id + ".");
        }
        if (repository.find(scope, id).isPresent()) {
            throw new AlreadyExistsException("A key with id " + id + " already exists in account "
                    + scope.account() + " and Region " + scope.region() + ": " + scope.keyArn(id));
        }
        if (repository.lifecycle().find(scope, id).isPresent()) {
            throw new AlreadyExistsException("Key id " + id + " belonged to a key that was deleted in account "
                    + scope.account() + " and Region " + scope.region() + "; key ids are never reused.");
        }
        if (id.multiRegion() && !repository.related(scope.account(), id).isEmpty()) {
            throw new AlreadyExistsException("Multi-Region key id " + id + " is already used in account "
                    + scope.account() + ".");
        }
    }

    private static List<KeyMaterial> materials(PresetKey preset, Instant now) {
        NewKey request = preset.request();
        KeySpec spec = request.spec();
        if (preset.materials().isEmpty()) {
            return request.origin() == Origin.EXTERNAL ? List.of()
                    : List.of(KeyMaterial.generate(spec, newVersion(1, now, null)));
        }
        if (preset.materials().size() > 1
                && (spec != KeySpec.SYMMETRIC_DEFAULT || request.origin() != Origin.AWS_KMS)) {
            throw new ValidationException("Only SYMMETRIC_DEFAULT keys with origin AWS_KMS rotate, so only they can "
                    + "have several key materials; a " + spec + " key with origin " + request.origin()
                    + " takes one.");
        }
        List<KeyMaterial> out = new ArrayList<>();
        for (SecretBytes encoded : preset.materials()) {
            int number = out.size() + 1;
            MaterialVersion version = newVersion(number, now, number == 1 ? null : RotationType.AUTOMATIC);
            KeyMaterial material;
            try {
                material = KeyMaterial.imported(spec, version, encoded);
            } catch (RuntimeException e) {
                // Parsers report bad input by several runtime types; their messages never hold the material.
                String which = preset.materials().size() > 1 ? "Key material " + number : "The key material";
                throw new ValidationException(which + " is not valid for a KMS key with key spec " + spec + ": "
                        + e.getMessage());
            }
            if (request.origin() == Origin.EXTERNAL) {
                // As if imported: the same material always gets the same KeyMaterialId.
                material = material.withVersion(new MaterialVersion(1, ImportService.materialId(preset.id(), material),
                        now));
            }
            out.add(material);
        }
        return out;
    }

    private static MaterialVersion newVersion(int number, Instant now, RotationType type) {
        return new MaterialVersion(number, HexFormat.of().formatHex(Random.bytes(32)), now, type);
    }

    private static Rotation rotation(PresetKey preset, Instant now) {
        Integer days = preset.rotationPeriodInDays();
        if (days == null) {
            return Rotation.NONE;
        }
        NewKey request = preset.request();
        if (request.spec() != KeySpec.SYMMETRIC_DEFAULT || request.origin() != Origin.AWS_KMS) {
            throw new UnsupportedOperationException("Automatic rotation is only for SYMMETRIC_DEFAULT keys with "
                    + "origin AWS_KMS, not for a " + request.spec() + " key with origin " + request.origin() + ".");
        }
        if (days < MIN_ROTATION_DAYS || days > MAX_ROTATION_DAYS) {
            throw new ValidationException("The rotation period must be " + MIN_ROTATION_DAYS + " to "
                    + MAX_ROTATION_DAYS + " days, not " + days + ".");
        }
        Instant next = preset.nextRotationDate() != null ? preset.nextRotationDate() : now.plus(Duration.ofDays(days));
        return new Rotation(days, next, 0);
    }

    private static KmsKey inState(KmsKey key, PresetKey preset, Instant now) {
        switch (preset.state()) {
            case Enabled:
                return key;
            case Disabled:
                if (key.state() == KeyState.PendingImport) {
                    throw new ValidationException("A key waiting for imported material cannot be Disabled.");
                }
                return key.after(KeyEvent.DISABLE);
            case PendingDeletion:
                int window = preset.pendingWindowInDays() != null ? preset.pendingWindowInDays() : MAX_WINDOW_DAYS;
                if (window < MIN_WINDOW_DAYS || window > MAX_WINDOW_DAYS) {
                    throw new ValidationException("The waiting period before deletion must be " + MIN_WINDOW_DAYS
                            + " to " + MAX_WINDOW_DAYS + " days, not " + window + ".");
                }
                return key.scheduledForDeletion(now.plus(Duration.ofDays(window)), window);
            default:
                throw new ValidationException("A key can be created Enabled, Disabled or PendingDeletion, not "
                        + preset.state() + ".");
        }
    }
}
