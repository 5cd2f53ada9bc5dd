package dev.trent.server.service;

import dev.trent.server.crypto.Random;
import dev.trent.server.error.KMSInvalidStateException;
import dev.trent.server.error.LimitExceededException;
import dev.trent.server.error.UnsupportedOperationException;
import dev.trent.server.key.ImportedMaterial;
import dev.trent.server.key.KeyMaterial;
import dev.trent.server.key.KeyMaterialState;
import dev.trent.server.key.KeySpec;
import dev.trent.server.key.KmsKey;
import dev.trent.server.key.MaterialVersion;
import dev.trent.server.key.Origin;
import dev.trent.server.key.Rotation;
import dev.trent.server.key.RotationType;
import dev.trent.server.key.Scope;
import dev.trent.server.key.lifecycle.KeyOperation;
import dev.trent.server.key.lifecycle.KeyState;
import dev.trent.server.repository.KeyRepository;
import dev.trent.server.service.KeyLookup.Aliases;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * Key rotation: new material for symmetric keys Trent generated, automatically every RotationPeriodInDays
 * (by the injected clock, from a background task, never on reads) or on demand, at most 25 times per key; for
 * symmetric keys with imported material, on demand only, to the material imported for it beforehand
 * (ImportKeyMaterial with NEW_KEY_MATERIAL). Old material stays, so every ciphertext keeps decrypting with the
 * version that made it.
 */
public final class RotationService {

    public static final int DEFAULT_PERIOD_DAYS = 365;
    public static final int MAX_ON_DEMAND_ROTATIONS = 25;

    /** What GetKeyRotationStatus reports. */
    public record Status(KmsKey key, boolean enabled) {
    }

    private final KeyRepository repository;
    private final KeyLookup lookup;
    private final Clock clock;

    public RotationService(KeyRepository repository, KeyLookup lookup, Clock clock) {
        this.repository = repository;
        this.lookup = lookup;
        this.clock = clock;
    }

    public void enable(Scope scope, String keyId, int periodInDays) {
        synchronized (repository) {
            KmsKey key = rotatable(scope, keyId, KeyOperation.EnableKeyRotation);
            Rotation rotation = key.rotation();
            if (rotation.automatic() && rotation.periodInDays() == periodInDays) {
                return;
            }
            repository.update(key.withRotation(rotation.enabled(periodInDays, now().plus(Duration.ofDays(periodInDays)))));
        }
    }

    public void disable(Scope scope, String keyId) {
        synchronized (repository) {
            KmsKey key = rotatable(scope, keyId, KeyOperation.DisableKeyRotation);
            repository.update(key.withRotation(key.rotation().disabled()));
        }
    }

    /** AWS reports rotation as off while a key is pending deletion, and as it was again after cancelling. */
    public Status status(Scope scope, String keyId) {
        KmsKey key = rotatable(scope, keyId, KeyOperation.GetKeyRotationStatus);
        return new Status(key, key.rotation().automatic() && key.state() != KeyState.PendingDeletion);
    }

    public KmsKey rotateOnDemand(Scope scope, String keyId) {
        synchronized (repository) {
            KmsKey key = rotatable(scope, keyId, KeyOperation.RotateKeyOnDemand);
            if (key.rotation().onDemandRotations() >= MAX_ON_DEMAND_ROTATIONS) {
                throw new LimitExceededException("The on-demand rotations limit has been reached for the given keyId. "
                        + "No more on-demand rotations can be performed for this key: " + key.arn());
            }
            if (key.origin() == Origin.EXTERNAL) {
                return rotateToImported(key);
            }
            return rotate(key, RotationType.ON_DEMAND, key.rotation().afterOnDemandRotation());
        }
    }

    /**
     * One material of a key as ListKeyRotations reports it; {@code imported} (null for generated material) tells
     * the import terms, and {@code present} whether imported material is there now (IMPORTED) or was deleted or
     * expired (PENDING_IMPORT).
     */
    public record Entry(MaterialVersion version, KeyMaterialState state, ImportedMaterial imported, boolean present) {
    }

    /** What ListKeyRotations lists: the key and the chosen materials, oldest first. */
    public record Listing(KmsKey key, List<Entry> entries) {

        /** The listed material versions, oldest first. */
        public List<MaterialVersion> versions() {
            return entries.stream().map(Entry::version).toList();
        }
    }

    /**
     * The key's materials, oldest first: those made by rotation, or with {@code includeAll} also the first one
     * and imported material pending rotation (AWS ALL_KEY_MATERIAL).
     */
    public Listing rotations(Scope scope, String keyId, boolean includeAll) {
        KmsKey key = rotatable(scope, keyId, KeyOperation.ListKeyRotations);
        List<Entry> all = new ArrayList<>();
        if (key.origin() == Origin.EXTERNAL) {
            ImportedMaterial current = key.imported();
            for (ImportedMaterial material : key.imports()) {
                KeyMaterialState state = material.pendingRotation() ? KeyMaterialState.PENDING_ROTATION
                        : material == current ? KeyMaterialState.CURRENT : KeyMaterialState.NON_CURRENT;
                all.add(new Entry(material.version(), state, material, key.holds(material.version())));
            }
        } else {
            MaterialVersion current = key.currentMaterial();
            for (MaterialVersion version : key.materials()) {
                all.add(new Entry(version, version.equals(current) ? KeyMaterialState.CURRENT
                        : KeyMaterialState.NON_CURRENT, null, true));
            }
        }
        List<Entry> out = all.stream()
                .filter(e -> includeAll || e.version().rotationType() != null)
                .toList();
        return new Listing(key, out);
    }

    /** Rotates every enabled key whose next rotation date has passed; returns how many it rotated. */
    public int rotateDue() {
        Instant now = clock.instant();
        int rotated = 0;
        synchronized (repository) {
            for (KmsKey key : repository.all()) {
                Rotation rotation = key.rotation();
                if (rotation.automatic() && key.state() == KeyState.Enabled
                        && !rotation.nextRotationDate().isAfter(now)) {
                    rotate(key, RotationType.AUTOMATIC, rotation.enabled(rotation.periodInDays(),
                            now().plus(Duration.ofDays(rotation.periodInDays()))));
                    rotated++;
                }
            }
        }
        return rotated;
    }

    /**
     * When the next automatic rotation falls due among the keys {@link #rotateDue()} would rotate, or empty
     * when none would; a disabled key waits, as in {@code rotateDue}, so its date is not a due date.
     */
    public Optional<Instant> nextDue() {
        return repository.all().stream()
                .filter(key -> key.rotation().automatic() && key.state() == KeyState.Enabled)
                .map(key -> key.rotation().nextRotationDate())
                .min(Instant::compareTo);
    }

    private KmsKey rotate(KmsKey key, RotationType type, Rotation rotation) {
        MaterialVersion version = new MaterialVersion(key.currentMaterial().number() + 1,
                HexFormat.of().formatHex(Random.bytes(32)), now(), type);
        KeyMaterial material = KeyMaterial.generate(key.spec(), version);
        KmsKey rotated = key.rotatedTo(version, rotation);
        if (!key.multiRegion()) {
            repository.addMaterial(rotated, material);
            return rotated;
        }
        // A multi-Region primary's new material reaches every replica in the same commit, so a ciphertext made
        // with it decrypts in every Region.
        List<KmsKey> all = new ArrayList<>();
        for (KmsKey related : repository.related(key.scope().account(), key.id())) {
            all.add(related.scope().equals(key.scope()) ? rotated : related.rotatedTo(version, related.rotation()));
        }
        repository.addMaterialToAll(all, material);
        return rotated;
    }

    /**
     * Makes the key's imported material pending rotation its current material. AWS: "you must have already
     * imported new key material and that key material's state should be PENDING_ROTATION".
     */
    private KmsKey rotateToImported(KmsKey key) {
        if (key.pendingRotation().isEmpty()) {
            // Recorded against AWS (KMSInvalidStateException, HTTP 400).
            throw new KMSInvalidStateException("No available key material pending rotation for the key: "
                    + key.arn() + ".");
        }
        KmsKey rotated = key.rotatedToPendingMaterial(now(), key.rotation().afterOnDemandRotation());
        repository.update(rotated);
        return rotated;
    }

    /**
     * The key, if rotation applies to it: state first (a disabled key answers DisabledException), then origin
     * (imported material: AWS's origin message, except for the on-demand rotation of imported material and what
     * reports on rotation), then spec (only symmetric encryption keys; AWS sends no message).
     */
    private KmsKey rotatable(Scope scope, String keyId, KeyOperation operation) {
        KmsKey key = lookup.forOperation(scope, keyId, operation, Aliases.REJECTED).metadata();
        boolean importedRotation = key.origin() == Origin.EXTERNAL && (operation == KeyOperation.RotateKeyOnDemand
                || operation == KeyOperation.ListKeyRotations || operation == KeyOperation.GetKeyRotationStatus);
        if (key.origin() != Origin.AWS_KMS && !importedRotation) {
            throw new UnsupportedOperationException(key.arn() + " origin is " + key.origin()
                    + " which is not valid for this operation.");
        }
        if (key.spec() != KeySpec.SYMMETRIC_DEFAULT) {
            throw new UnsupportedOperationException(null);
        }
        if (key.multiRegion() && !key.isPrimary() && (operation == KeyOperation.EnableKeyRotation
                || operation == KeyOperation.DisableKeyRotation || operation == KeyOperation.RotateKeyOnDemand)) {
            throw new UnsupportedOperationException(key.arn() + " is a multi-region replica key; rotation is "
                    + "managed on its primary key in " + key.primaryRegion() + ".");
        }
        return key;
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }
}
