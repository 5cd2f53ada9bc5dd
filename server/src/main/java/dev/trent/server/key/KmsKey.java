package dev.trent.server.key;

import dev.trent.server.key.lifecycle.KeyEvent;
import dev.trent.server.key.lifecycle.KeyState;
import dev.trent.server.key.lifecycle.KeyStateMachine;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A KMS key's metadata: everything DescribeKey reports, plus tags and the list of material versions. Immutable;
 * every change makes a new value, which the key service persists before it becomes visible. The material
 * itself lives in {@link KeyMaterial}, never here. {@code materials} lists the versions whose material the key
 * holds now: empty for a key with origin EXTERNAL until its material is imported and after it is deleted or
 * expires. {@code imported} is null except for EXTERNAL keys that had material imported at least once.
 */
public record KmsKey(
        Scope scope,
        KeyId id,
        String description,
        KeySpec spec,
        KeyUsage usage,
        Origin origin,
        KeyState state,
        Instant creationDate,
        Instant deletionDate,
        Integer pendingWindowInDays,
        List<MaterialVersion> materials,
        Map<String, String> tags,
        ImportedMaterial imported,
        Rotation rotation,
        String primaryRegion,
        KeyManager keyManager) {

    public KmsKey {
        Objects.requireNonNull(scope);
        Objects.requireNonNull(id);
        Objects.requireNonNull(spec);
        Objects.requireNonNull(usage);
        Objects.requireNonNull(state);
        Objects.requireNonNull(creationDate);
        description = description == null ? "" : description;
        rotation = rotation == null ? Rotation.NONE : rotation;
        keyManager = keyManager == null ? KeyManager.CUSTOMER : keyManager;
        materials = List.copyOf(materials);
        tags = Collections.unmodifiableMap(new LinkedHashMap<>(tags));
        if (!spec.allows(usage)) {
            throw new IllegalArgumentException(spec + " does not allow " + usage);
        }
        if ((state == KeyState.PendingDeletion) != (deletionDate != null)) {
            throw new IllegalArgumentException("a deletion date exists exactly while the key is pending deletion");
        }
        boolean waiting = state == KeyState.PendingDeletion || state == KeyState.PendingReplicaDeletion;
        if (waiting != (pendingWindowInDays != null)) {
            throw new IllegalArgumentException("a waiting period exists exactly while the key awaits deletion");
        }
        if (materials.isEmpty() && origin != Origin.EXTERNAL) {
            throw new IllegalArgumentException("only a key with imported material can be without material");
        }
        if (imported != null && (origin != Origin.EXTERNAL
                || !(materials.isEmpty() || materials.equals(List.of(imported.version()))))) {
            throw new IllegalArgumentException("imported material belongs to an EXTERNAL key and is its only version");
        }
        if (origin == Origin.EXTERNAL && !materials.isEmpty() && imported == null) {
            throw new IllegalArgumentException("an EXTERNAL key's material is imported material");
        }
        if ((primaryRegion != null) != id.multiRegion()) {
            throw new IllegalArgumentException("exactly the keys with a multi-Region key id name a primary Region");
        }
    }

    /** A customer managed key. */
    public KmsKey(Scope scope, KeyId id, String description, KeySpec spec, KeyUsage usage, Origin origin,
            KeyState state, Instant creationDate, Instant deletionDate, Integer pendingWindowInDays,
            List<MaterialVersion> materials, Map<String, String> tags, ImportedMaterial imported, Rotation rotation,
            String primaryRegion) {
        this(scope, id, description, spec, usage, origin, state, creationDate, deletionDate, pendingWindowInDays,
                materials, tags, imported, rotation, primaryRegion, KeyManager.CUSTOMER);
    }

    /** A single-Region customer managed key. */
    public KmsKey(Scope scope, KeyId id, String description, KeySpec spec, KeyUsage usage, Origin origin,
            KeyState state, Instant creationDate, Instant deletionDate, Integer pendingWindowInDays,
            List<MaterialVersion> materials, Map<String, String> tags, ImportedMaterial imported, Rotation rotation) {
        this(scope, id, description, spec, usage, origin, state, creationDate, deletionDate, pendingWindowInDays,
                materials, tags, imported, rotation, null);
    }

    /** Whether this is a multi-Region key (primary or replica). */
    public boolean multiRegion() {
        return primaryRegion != null;
    }

    /** Whether this is a multi-Region primary key: its Region is the primary Region. */
    public boolean isPrimary() {
        return multiRegion() && primaryRegion.equals(scope.region());
    }

    /** This multi-Region key with the primary Region moved to {@code region}. */
    public KmsKey withPrimaryRegion(String region) {
        if (!multiRegion()) {
            throw new IllegalStateException("key " + id + " is not a multi-Region key");
        }
        return new KmsKey(scope, id, description, spec, usage, origin, state, creationDate,
                deletionDate, pendingWindowInDays, materials, tags, imported, rotation, region, keyManager);
    }

    /**
     * A replica of this multi-Region primary key in {@code replicaScope}: same id, spec, usage, origin and
     * material versions; its own description and tags; no rotation schedule of its own. It is Creating, as AWS
     * reports a new replica, until {@link KeyEvent#REPLICA_CREATED}.
     */
    public KmsKey replicaIn(Scope replicaScope, String replicaDescription, Map<String, String> replicaTags,
            Instant created) {
        if (!isPrimary()) {
            throw new IllegalStateException("key " + id + " is not a multi-Region primary key");
        }
        return new KmsKey(replicaScope, id, replicaDescription, spec, usage, origin, KeyState.Creating, created,
                null, null, materials, replicaTags, imported, Rotation.NONE, primaryRegion, keyManager);
    }

    public String arn() {
        return scope.keyArn(id);
    }

    /** Whether AWS manages this key: callers may use it but not change it. */
    public boolean awsManaged() {
        return keyManager == KeyManager.AWS;
    }

    /**
     * The newest material: what encrypts and signs. Only for keys that hold material, which the state rules
     * ensure for every cryptographic operation (a key without material is PendingImport or PendingDeletion).
     */
    public MaterialVersion currentMaterial() {
        if (materials.isEmpty()) {
            throw new IllegalStateException("key " + id + " holds no material");
        }
        return materials.get(materials.size() - 1);
    }

    public boolean hasMaterial() {
        return !materials.isEmpty();
    }

    /**
     * DescribeKey's CurrentKeyMaterialId: the current material's id, or for a key whose imported material was
     * deleted the id of that material (AWS keeps reporting it); empty before any material exists.
     */
    public Optional<String> currentMaterialId() {
        if (hasMaterial()) {
            return Optional.of(currentMaterial().materialId());
        }
        return Optional.ofNullable(imported).map(m -> m.version().materialId());
    }

    /** This key holding {@code material}, imported now; a key that was waiting for material becomes Enabled. */
    public KmsKey withImportedMaterial(ImportedMaterial material) {
        KmsKey next = state == KeyState.PendingImport ? after(KeyEvent.IMPORT_MATERIAL) : this;
        return new KmsKey(scope, id, description, spec, usage, origin, next.state, creationDate,
                next.deletionDate, next.pendingWindowInDays, List.of(material.version()), tags, material, rotation,
                primaryRegion, keyManager);
    }

    /**
     * This key after its imported material was deleted or expired: it waits for material again, except that a
     * key pending deletion stays so (AWS DeleteImportedKeyMaterial: "When the specified KMS key is in the
     * PendingDeletion state, this operation does not change the KMS key's state").
     */
    public KmsKey withoutMaterial() {
        KmsKey next = KeyStateMachine.allows(state, KeyEvent.LOSE_MATERIAL) ? after(KeyEvent.LOSE_MATERIAL) : this;
        return new KmsKey(scope, id, description, spec, usage, origin, next.state, creationDate,
                next.deletionDate, next.pendingWindowInDays, List.of(), tags, imported, rotation, primaryRegion,
                keyManager);
    }

    /** This key after {@code event}, as the state machine dictates. */
    public KmsKey after(KeyEvent event) {
        KeyState next = KeyStateMachine.next(state, event)
                .orElseThrow(() -> new IllegalStateException("a destroyed key has no metadata"));
        return new KmsKey(scope, id, description, spec, usage, origin, next, creationDate,
                null, null, materials, tags, imported, rotation, primaryRegion, keyManager);
    }

    /** This key scheduled for deletion on {@code date}. */
    public KmsKey scheduledForDeletion(Instant date, int windowInDays) {
        KeyState next = KeyStateMachine.next(state, KeyEvent.SCHEDULE_DELETION).orElseThrow();
        return new KmsKey(scope, id, description, spec, usage, origin, next, creationDate,
                date, windowInDays, materials, tags, imported, rotation, primaryRegion, keyManager);
    }

    /**
     * This multi-Region primary key scheduled for deletion while it still has replicas: it keeps the waiting
     * period but has no deletion date until the last replica is gone (AWS: "The deletion date for the primary
     * key isn't known until its last replica key is deleted").
     */
    public KmsKey scheduledForDeletionAfterReplicas(int windowInDays) {
        KeyState next = KeyStateMachine.next(state, KeyEvent.SCHEDULE_DELETION_AFTER_REPLICAS).orElseThrow();
        return new KmsKey(scope, id, description, spec, usage, origin, next, creationDate,
                null, windowInDays, materials, tags, imported, rotation, primaryRegion, keyManager);
    }

    /** This primary key once its last replica is deleted: its waiting period starts {@code now}. */
    public KmsKey afterReplicasDeleted(Instant now) {
        KeyState next = KeyStateMachine.next(state, KeyEvent.REPLICAS_DELETED).orElseThrow();
        return new KmsKey(scope, id, description, spec, usage, origin, next, creationDate,
                now.plus(java.time.Duration.ofDays(pendingWindowInDays)), pendingWindowInDays, materials, tags,
                imported, rotation, primaryRegion, keyManager);
    }

    public KmsKey withRotation(Rotation newRotation) {
        return new KmsKey(scope, id, description, spec, usage, origin, state, creationDate,
                deletionDate, pendingWindowInDays, materials, tags, imported, newRotation, primaryRegion, keyManager);
    }

    /** This key with one more material version, made by rotation; it becomes the current one. */
    public KmsKey rotatedTo(MaterialVersion version, Rotation newRotation) {
        List<MaterialVersion> all = new java.util.ArrayList<>(materials);
        all.add(version);
        return new KmsKey(scope, id, description, spec, usage, origin, state, creationDate,
                deletionDate, pendingWindowInDays, all, tags, imported, newRotation, primaryRegion, keyManager);
    }

    public KmsKey withDescription(String newDescription) {
        return new KmsKey(scope, id, newDescription, spec, usage, origin, state, creationDate,
                deletionDate, pendingWindowInDays, materials, tags, imported, rotation, primaryRegion, keyManager);
    }

    public KmsKey withTags(Map<String, String> newTags) {
        return new KmsKey(scope, id, description, spec, usage, origin, state, creationDate,
                deletionDate, pendingWindowInDays, materials, newTags, imported, rotation, primaryRegion, keyManager);
    }
}
