package dev.trent.server.key;

import dev.trent.server.key.lifecycle.KeyEvent;
import dev.trent.server.key.lifecycle.KeyState;
import dev.trent.server.key.lifecycle.KeyStateMachine;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A KMS key's metadata: everything DescribeKey reports, plus tags and the list of material versions. Immutable;
 * every change makes a new value, which the key service persists before it becomes visible. The material
 * itself lives in {@link KeyMaterial}, never here. {@code materials} lists the versions whose material the key
 * holds and uses now, oldest first: empty for a key with origin EXTERNAL until its material is imported, and
 * without any imported material that was deleted or expired. {@code imports} is empty except for EXTERNAL keys:
 * every material ever imported into the key that is still associated with it, by version number, and at most one
 * last material that waits for an on-demand rotation (held, but not among {@code materials}).
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
        List<ImportedMaterial> imports,
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
        materials = materials.stream().sorted(Comparator.comparingInt(MaterialVersion::number)).toList();
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
        imports = imports == null ? List.of() : List.copyOf(imports);
        checkImports(origin, materials, imports);
        if ((primaryRegion != null) != id.multiRegion()) {
            throw new IllegalArgumentException("exactly the keys with a multi-Region key id name a primary Region");
        }
    }

    /** A customer managed key. */
    public KmsKey(Scope scope, KeyId id, String description, KeySpec spec, KeyUsage usage, Origin origin,
            KeyState state, Instant creationDate, Instant deletionDate, Integer pendingWindowInDays,
            List<MaterialVersion> materials, Map<String, String> tags, List<ImportedMaterial> imports,
            Rotation rotation, String primaryRegion) {
        this(scope, id, description, spec, usage, origin, state, creationDate, deletionDate, pendingWindowInDays,
                materials, tags, imports, rotation, primaryRegion, KeyManager.CUSTOMER);
    }

    /** A single-Region customer managed key. */
    public KmsKey(Scope scope, KeyId id, String description, KeySpec spec, KeyUsage usage, Origin origin,
            KeyState state, Instant creationDate, Instant deletionDate, Integer pendingWindowInDays,
            List<MaterialVersion> materials, Map<String, String> tags, List<ImportedMaterial> imports,
            Rotation rotation) {
        this(scope, id, description, spec, usage, origin, state, creationDate, deletionDate, pendingWindowInDays,
                materials, tags, imports, rotation, null);
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
                deletionDate, pendingWindowInDays, materials, tags, imports, rotation, region, keyManager);
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
                null, null, materials, replicaTags, imports, Rotation.NONE, primaryRegion, keyManager);
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
     * DescribeKey's CurrentKeyMaterialId: the current material's id; for a key with imported material the id of
     * the material that is current even while it is deleted (AWS keeps reporting it); empty before any material
     * exists.
     */
    public Optional<String> currentMaterialId() {
        ImportedMaterial current = imported();
        if (current != null) {
            return Optional.of(current.version().materialId());
        }
        return hasMaterial() ? Optional.of(currentMaterial().materialId()) : Optional.empty();
    }

    /** The imported material that is current (present or deleted), or null for a key never given material. */
    public ImportedMaterial imported() {
        ImportedMaterial current = null;
        for (ImportedMaterial material : imports) {
            if (!material.pendingRotation()) {
                current = material;
            }
        }
        return current;
    }

    /** The imported material waiting for an on-demand rotation, if any. */
    public Optional<ImportedMaterial> pendingRotation() {
        return imports.stream().filter(ImportedMaterial::pendingRotation).findFirst();
    }

    /** The imported material with this KeyMaterialId, pending or associated. */
    public Optional<ImportedMaterial> importedWithId(String materialId) {
        return imports.stream().filter(m -> m.version().materialId().equals(materialId)).findFirst();
    }

    /** Whether the key holds the material of this version now (imported and neither deleted nor expired). */
    public boolean holds(MaterialVersion version) {
        return materials.contains(version) || pendingRotation().map(p -> p.version().equals(version)).orElse(false);
    }

    /** Every version whose material the key holds: those it uses and the one pending rotation. */
    public List<MaterialVersion> heldVersions() {
        List<MaterialVersion> held = new ArrayList<>(materials);
        pendingRotation().ifPresent(p -> held.add(p.version()));
        return held;
    }

    /** Whether the current imported material is present: then DescribeKey reports its expiry terms. */
    public boolean currentImportPresent() {
        ImportedMaterial current = imported();
        return current != null && materials.contains(current.version());
    }

    /**
     * This key holding {@code material}, imported now: a new or re-imported material takes the place of the entry
     * with its version number. A key waiting for material becomes Enabled once it holds every material
     * permanently associated with it (AWS: the key is usable only when all of them are imported).
     */
    public KmsKey withImportedMaterial(ImportedMaterial material) {
        List<ImportedMaterial> nextImports = new ArrayList<>();
        for (ImportedMaterial existing : imports) {
            if (existing.version().number() != material.version().number()) {
                nextImports.add(existing);
            }
        }
        nextImports.add(material);
        nextImports.sort(Comparator.comparingInt(m -> m.version().number()));
        List<MaterialVersion> nextMaterials = new ArrayList<>(materials);
        if (!material.pendingRotation() && !nextMaterials.contains(material.version())) {
            nextMaterials.add(material.version());
        }
        boolean complete = nextImports.stream().filter(m -> !m.pendingRotation())
                .allMatch(m -> nextMaterials.contains(m.version()));
        KmsKey next = state == KeyState.PendingImport && complete ? after(KeyEvent.IMPORT_MATERIAL) : this;
        return new KmsKey(scope, id, description, spec, usage, origin, next.state, creationDate,
                next.deletionDate, next.pendingWindowInDays, nextMaterials, tags, nextImports, rotation,
                primaryRegion, keyManager);
    }

    /** This key after its current imported material was deleted or expired. */
    public KmsKey withoutMaterial() {
        return withoutMaterial(imported().version());
    }

    /**
     * This key after the imported material of {@code version} was deleted or expired. Material pending rotation is
     * not associated with the key yet, so it is forgotten and the key's state stays. Without an associated
     * material the key waits for it again, except that a key pending deletion stays so (AWS
     * DeleteImportedKeyMaterial: "When the specified KMS key is in the PendingDeletion state, this operation does
     * not change the KMS key's state").
     */
    public KmsKey withoutMaterial(MaterialVersion version) {
        if (pendingRotation().map(p -> p.version().equals(version)).orElse(false)) {
            List<ImportedMaterial> kept = imports.stream().filter(m -> !m.pendingRotation()).toList();
            return new KmsKey(scope, id, description, spec, usage, origin, state, creationDate, deletionDate,
                    pendingWindowInDays, materials, tags, kept, rotation, primaryRegion, keyManager);
        }
        if (!materials.contains(version)) {
            return this;
        }
        List<MaterialVersion> kept = new ArrayList<>(materials);
        kept.remove(version);
        KmsKey next = KeyStateMachine.allows(state, KeyEvent.LOSE_MATERIAL) ? after(KeyEvent.LOSE_MATERIAL) : this;
        return new KmsKey(scope, id, description, spec, usage, origin, next.state, creationDate,
                next.deletionDate, next.pendingWindowInDays, kept, tags, imports, rotation, primaryRegion,
                keyManager);
    }

    /**
     * This key after an on-demand rotation to its material pending rotation, made current {@code at}: that
     * material is now permanently associated and encrypts; the one before it only decrypts.
     */
    public KmsKey rotatedToPendingMaterial(Instant at, Rotation newRotation) {
        ImportedMaterial pending = pendingRotation()
                .orElseThrow(() -> new IllegalStateException("key " + id + " has no material pending rotation"));
        MaterialVersion old = pending.version();
        MaterialVersion rotated = new MaterialVersion(old.number(), old.materialId(), at, RotationType.ON_DEMAND);
        return withImportedMaterial(pending.rotatedAs(rotated)).withRotation(newRotation);
    }

    private static void checkImports(Origin origin, List<MaterialVersion> materials, List<ImportedMaterial> imports) {
        if (!imports.isEmpty() && origin != Origin.EXTERNAL) {
            throw new IllegalArgumentException("imported material belongs to an EXTERNAL key");
        }
        if (origin == Origin.EXTERNAL && !materials.isEmpty() && imports.isEmpty()) {
            throw new IllegalArgumentException("an EXTERNAL key's material is imported material");
        }
        long pending = imports.stream().filter(ImportedMaterial::pendingRotation).count();
        if (pending > 1 || (pending == 1 && !imports.get(imports.size() - 1).pendingRotation())) {
            throw new IllegalArgumentException("at most one material, the newest, is pending rotation");
        }
        if (imports.stream().map(m -> m.version().number()).distinct().count() != imports.size()) {
            throw new IllegalArgumentException("each imported material has its own version number");
        }
        for (MaterialVersion version : materials) {
            if (origin == Origin.EXTERNAL && imports.stream()
                    .noneMatch(m -> !m.pendingRotation() && m.version().equals(version))) {
                throw new IllegalArgumentException("an EXTERNAL key uses only imported, associated material");
            }
        }
    }

    /** This key after {@code event}, as the state machine dictates. */
    public KmsKey after(KeyEvent event) {
        KeyState next = KeyStateMachine.next(state, event)
                .orElseThrow(() -> new IllegalStateException("a destroyed key has no metadata"));
        return new KmsKey(scope, id, description, spec, usage, origin, next, creationDate,
                null, null, materials, tags, imports, rotation, primaryRegion, keyManager);
    }

    /** This key scheduled for deletion on {@code date}. */
    public KmsKey scheduledForDeletion(Instant date, int windowInDays) {
        KeyState next = KeyStateMachine.next(state, KeyEvent.SCHEDULE_DELETION).orElseThrow();
        return new KmsKey(scope, id, description, spec, usage, origin, next, creationDate,
                date, windowInDays, materials, tags, imports, rotation, primaryRegion, keyManager);
    }

    /**
     * This multi-Region primary key scheduled for deletion while it still has replicas: it keeps the waiting
     * period but has no deletion date until the last replica is gone (AWS: "The deletion date for the primary
     * key isn't known until its last replica key is deleted").
     */
    public KmsKey scheduledForDeletionAfterReplicas(int windowInDays) {
        KeyState next = KeyStateMachine.next(state, KeyEvent.SCHEDULE_DELETION_AFTER_REPLICAS).orElseThrow();
        return new KmsKey(scope, id, description, spec, usage, origin, next, creationDate,
                null, windowInDays, materials, tags, imports, rotation, primaryRegion, keyManager);
    }

    /** This primary key once its last replica is deleted: its waiting period starts {@code now}. */
    public KmsKey afterReplicasDeleted(Instant now) {
        KeyState next = KeyStateMachine.next(state, KeyEvent.REPLICAS_DELETED).orElseThrow();
        return new KmsKey(scope, id, description, spec, usage, origin, next, creationDate,
                now.plus(java.time.Duration.ofDays(pendingWindowInDays)), pendingWindowInDays, materials, tags,
                imports, rotation, primaryRegion, keyManager);
    }

    public KmsKey withRotation(Rotation newRotation) {
        return new KmsKey(scope, id, description, spec, usage, origin, state, creationDate,
                deletionDate, pendingWindowInDays, materials, tags, imports, newRotation, primaryRegion, keyManager);
    }

    /** This key with one more material version, made by rotation; it becomes the current one. */
    public KmsKey rotatedTo(MaterialVersion version, Rotation newRotation) {
        List<MaterialVersion> all = new ArrayList<>(materials);
        all.add(version);
        return new KmsKey(scope, id, description, spec, usage, origin, state, creationDate,
                deletionDate, pendingWindowInDays, all, tags, imports, newRotation, primaryRegion, keyManager);
    }

    public KmsKey withDescription(String newDescription) {
        return new KmsKey(scope, id, newDescription, spec, usage, origin, state, creationDate,
                deletionDate, pendingWindowInDays, materials, tags, imports, rotation, primaryRegion, keyManager);
    }

    public KmsKey withTags(Map<String, String> newTags) {
        return new KmsKey(scope, id, description, spec, usage, origin, state, creationDate,
                deletionDate, pendingWindowInDays, materials, newTags, imports, rotation, primaryRegion, keyManager);
    }
}
