package dev.trent.server.service;

import dev.trent.server.crypto.Random;
import dev.trent.server.error.LimitExceededException;
import dev.trent.server.error.UnsupportedOperationException;
import dev.trent.server.key.KeyMaterial;
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
 * (by the injected clock, from a background task, never on reads) or on demand, at most 25 times per key.
 * Old material stays, so every ciphertext keeps decrypting with the version that made it.
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
            return rotate(key, RotationType.ON_DEMAND, key.rotation().afterOnDemandRotation());
        }
    }

    /** What ListKeyRotations lists: the key and the chosen material versions, oldest first. */
    public record Listing(KmsKey key, List<MaterialVersion> versions) {
    }

    /** The key's material versions, oldest first: all of them, or only those made by rotation. */
    public Listing rotations(Scope scope, String keyId, boolean includeFirst) {
        KmsKey key = rotatable(scope, keyId, KeyOperation.ListKeyRotations);
        List<MaterialVersion> out = new ArrayList<>();
        for (MaterialVersion version : key.materials()) {
            if (includeFirst || version.rotationType() != null) {
                out.add(version);
            }
        }
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
     * The key, if rotation applies to it: state first (a disabled key answers DisabledException), then origin
     * (imported material: AWS's origin message), then spec (only symmetric encryption keys; AWS sends no message).
     */
    private KmsKey rotatable(Scope scope, String keyId, KeyOperation operation) {
        KmsKey key = lookup.forOperation(scope, keyId, operation, Aliases.REJECTED).metadata();
        if (key.origin() != Origin.AWS_KMS) {
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
