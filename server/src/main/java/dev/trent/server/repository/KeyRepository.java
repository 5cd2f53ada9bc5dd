package dev.trent.server.repository;

import dev.trent.server.crypto.SecretAccess;
import dev.trent.server.crypto.SecretBytes;
import dev.trent.server.key.Alias;
import dev.trent.server.key.Grant;
import dev.trent.server.key.KeyId;
import dev.trent.server.key.KeyMaterial;
import dev.trent.server.key.KmsKey;
import dev.trent.server.key.MaterialVersion;
import dev.trent.server.key.Origin;
import dev.trent.server.key.Scope;
import dev.trent.server.key.StoredKey;
import dev.trent.server.key.TokenBinding;
import dev.trent.server.key.lifecycle.KeyLifecycle;
import dev.trent.storage.Barrier;
import dev.trent.storage.WriteBatch;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.UnaryOperator;

/**
 * Keys, their material, aliases and key policies: held in memory for the data plane, written through the
 * barrier before a change becomes visible. Reads never touch storage; every write is one atomic barrier commit,
 * so a failed write leaves both storage and memory as they were. A key's side records (grants, last use,
 * lifecycle) live in {@link GrantRecords}, {@link UsageRecords} and {@link LifecycleJournal}, and go with the key
 * in the commit that destroys it.
 */
public final class KeyRepository {

    private record ScopedKey(Scope scope, KeyId id) {
    }

    /** The only key policy name KMS has. */
    public static final String POLICY_NAME = "default";

    private final Barrier barrier;
    private final LifecycleJournal lifecycle;
    private final Map<ScopedKey, StoredKey> keys = new ConcurrentHashMap<>();
    private final AliasRecords aliases;
    /** Each key's policy document ("default" is the only policy name); a key without one has the default. */
    private final Map<ScopedKey, String> policies = new ConcurrentHashMap<>();
    private final GrantRecords grants;
    private final UsageRecords usage;
    private final DamagedRecords damaged = new DamagedRecords();

    /** Rebuilds the material of keys in custom key stores, which is a reference to a key in a token. */
    private final TokenBinding tokens;

    private KeyRepository(Barrier barrier, Clock clock, TokenBinding tokens) {
        this.barrier = barrier;
        this.lifecycle = new LifecycleJournal(clock);
        this.tokens = tokens;
        this.aliases = new AliasRecords(barrier, this);
        this.grants = new GrantRecords(barrier, this,
                grant -> keys.containsKey(new ScopedKey(grant.scope(), grant.keyId())));
        this.usage = new UsageRecords(barrier, this, (scope, id) -> keys.containsKey(new ScopedKey(scope, id)));
    }

    /** Every alias; their writes take this repository's lock. */
    public AliasRecords aliases() {
        return aliases;
    }

    /** Every key's grants; their writes take this repository's lock. */
    public GrantRecords grants() {
        return grants;
    }

    /** Every key's last use. */
    public UsageRecords usage() {
        return usage;
    }

    /** Opens the repository and loads every key, its material and every alias; history is dated by the system clock. */
    public static KeyRepository load(Barrier barrier) {
        return load(barrier, Clock.systemUTC());
    }

    /** Opens the repository and loads every key, its material, aliases and lifecycle records. */
    public static KeyRepository load(Barrier barrier, Clock clock) {
        return load(barrier, clock, TokenBinding.NONE);
    }

    /** As {@link #load(Barrier, Clock)}, binding keys in custom key stores to their tokens through {@code tokens}. */
    public static KeyRepository load(Barrier barrier, Clock clock, TokenBinding tokens) {
        KeyRepository repository = new KeyRepository(barrier, clock, tokens);
        repository.loadAll();
        repository.lifecycle.load(barrier, repository.damaged);
        // A key with any record that cannot be served is not served at all: its other records may be stale.
        repository.keys.keySet().removeIf(key -> repository.damaged.names(key.scope(), key.id()));
        return repository;
    }

    /** Every key's lifecycle record, read from memory; changed through this repository only. */
    public LifecycleJournal lifecycle() {
        return lifecycle;
    }

    /**
     * Changes the lifecycle settings of {@code key} (cryptoperiods, compromise) with a history entry, in one
     * commit.
     */
    public synchronized void changeLifecycle(KmsKey key, UnaryOperator<KeyLifecycle> change) {
        WriteBatch batch = new WriteBatch();
        LifecycleJournal.Pending pending = lifecycle.changeSettings(batch, key, change);
        barrier.commit(batch);
        lifecycle.install(pending);
    }

    /** Records the cryptoperiod ends of {@code key} that have passed; returns whether there were any. */
    public synchronized boolean catchUpLifecycle(KmsKey key) {
        WriteBatch batch = new WriteBatch();
        LifecycleJournal.Pending pending = lifecycle.catchUp(batch, key);
        if (pending == null) {
            return false;
        }
        barrier.commit(batch);
        lifecycle.install(pending);
        return true;
    }

    /** When the next cryptoperiod of a live key ends that its history does not tell of yet. */
    public Optional<Instant> nextCryptoperiodEnd() {
        return lifecycle.nextPeriodEnd(all());
    }

    /** The records that could not be served when the store was loaded, and their keys. */
    public DamagedRecords damaged() {
        return damaged;
    }

    private void loadAll() {
        Map<String, byte[]> materialRecords = barrier.getAllIntact(RecordPaths.MATERIAL, damaged::add);
        for (Map.Entry<String, byte[]> entry : barrier.getAllIntact(RecordPaths.KEYS, damaged::add).entrySet()) {
            byte[] record = entry.getValue();
            KmsKey key = KeyCodec.decodeKey(record);
            Map<Integer, KeyMaterial> materials = new HashMap<>();
            for (MaterialVersion version : key.heldVersions()) {
                byte[] encoded = materialRecords.get(RecordPaths.material(key.scope(), key.id(), version.number()));
                if (encoded == null) {
                    damaged.add(entry.getKey(), "material " + version.number() + " of key " + key.id() + " is missing");
                    continue;
                }
                materials.put(version.number(), key.origin() == Origin.AWS_CLOUDHSM
                        ? KeyMaterial.Token.restore(key.scope(), version, SecretBytes.copyOf(encoded), tokens)
                        : KeyMaterial.restore(key.spec(), version, SecretBytes.copyOf(encoded)));
                Arrays.fill(encoded, (byte) 0);
            }
            keys.put(new ScopedKey(key.scope(), key.id()), new StoredKey(key, materials));
        }
        usage.load(damaged);
        for (byte[] record : barrier.getAllIntact(RecordPaths.POLICIES, damaged::add).values()) {
            KeyCodec.StoredPolicy policy = KeyCodec.decodePolicy(record);
            policies.put(new ScopedKey(policy.scope(), policy.id()), policy.policy());
        }
        grants.load(damaged);
        aliases.load(damaged);
    }

    public Optional<StoredKey> find(Scope scope, KeyId id) {
        return Optional.ofNullable(keys.get(new ScopedKey(scope, id)));
    }

    /**
     * The key of this id in any account of {@code region}: key ids are unique, and a ciphertext names its key by
     * id alone. Scans the keys held in memory; used only when the caller's own account has no such key.
     */
    public Optional<StoredKey> findInRegion(String region, KeyId id) {
        for (StoredKey key : keys.values()) {
            if (key.metadata().id().equals(id) && key.metadata().scope().region().equals(region)) {
                return Optional.of(key);
            }
        }
        return Optional.empty();
    }

    /** Keys of one scope, oldest first, so paging is stable. */
    public List<KmsKey> list(Scope scope) {
        List<KmsKey> out = new ArrayList<>();
        for (StoredKey k : keys.values()) {
            if (k.metadata().scope().equals(scope)) {
                out.add(k.metadata());
            }
        }
        out.sort(Comparator.comparing(KmsKey::creationDate).thenComparing(k -> k.id().value()));
        return out;
    }

    /** Every key in every scope (for sweepers). */
    public List<KmsKey> all() {
        return keys.values().stream().map(StoredKey::metadata).toList();
    }

    public synchronized void create(KmsKey key, KeyMaterial material) {
        create(key, material, null);
    }

    /** Creates a key with its material and, when {@code policy} is not null, its key policy, in one commit. */
    public synchronized void create(KmsKey key, KeyMaterial material, String policy) {
        create(key, material, policy, null);
    }

    /**
     * As {@link #create(KmsKey, KeyMaterial, String)}, with {@code alias} (when not null) in the same commit: an
     * AWS managed key and its alias appear together or not at all.
     */
    public synchronized void create(KmsKey key, KeyMaterial material, String policy, Alias alias) {
        WriteBatch batch = new WriteBatch()
                .put(RecordPaths.key(key.scope(), key.id()), KeyCodec.encode(key))
                .put(RecordPaths.material(key.scope(), key.id(), material.version().number()),
                        material.sealable().reveal(SecretAccess.INSTANCE));
        addPolicy(batch, key, policy);
        if (alias != null) {
            aliases.add(batch, alias);
        }
        LifecycleJournal.Pending history = lifecycle.change(batch, null, key);
        barrier.commit(batch);
        lifecycle.install(history);
        ScopedKey ref = new ScopedKey(key.scope(), key.id());
        keys.put(ref, new StoredKey(key, Map.of(material.version().number(), material)));
        rememberPolicy(ref, policy);
        if (alias != null) {
            aliases.remember(alias);
        }
    }

    /** A key created without material (origin EXTERNAL), waiting for an import. */
    public synchronized void createWithoutMaterial(KmsKey key) {
        createWithoutMaterial(key, null);
    }

    /** As {@link #createWithoutMaterial(KmsKey)}, with the key policy (when not null) in the same commit. */
    public synchronized void createWithoutMaterial(KmsKey key, String policy) {
        if (key.hasMaterial()) {
            throw new IllegalArgumentException("key " + key.id() + " lists material that is not given");
        }
        WriteBatch batch = new WriteBatch().put(RecordPaths.key(key.scope(), key.id()), KeyCodec.encode(key));
        addPolicy(batch, key, policy);
        LifecycleJournal.Pending history = lifecycle.change(batch, null, key);
        barrier.commit(batch);
        lifecycle.install(history);
        ScopedKey ref = new ScopedKey(key.scope(), key.id());
        keys.put(ref, new StoredKey(key, Map.of()));
        rememberPolicy(ref, policy);
    }

    /**
     * Creates a key whose creator chose its material and settings, with every material version it lists, its key
     * policy (when not null) and its grants, in one commit: such a key exists completely or not at all.
     */
    public synchronized void createPreset(KmsKey key, List<KeyMaterial> materials, String policy,
            List<Grant> keyGrants) {
        List<MaterialVersion> given = materials.stream().map(KeyMaterial::version).toList();
        if (!key.materials().equals(given)) {
            throw new IllegalArgumentException("key " + key.id() + " must list exactly the given material versions");
        }
        WriteBatch batch = new WriteBatch().put(RecordPaths.key(key.scope(), key.id()), KeyCodec.encode(key));
        Map<Integer, KeyMaterial> byVersion = new HashMap<>();
        for (KeyMaterial material : materials) {
            batch.put(RecordPaths.material(key.scope(), key.id(), material.version().number()),
                    material.sealable().reveal(SecretAccess.INSTANCE));
            byVersion.put(material.version().number(), material);
        }
        addPolicy(batch, key, policy);
        keyGrants.forEach(grant -> grants.add(batch, grant));
        LifecycleJournal.Pending history = lifecycle.change(batch, null, key);
        barrier.commit(batch);
        lifecycle.install(history);
        ScopedKey ref = new ScopedKey(key.scope(), key.id());
        keys.put(ref, new StoredKey(key, byVersion));
        rememberPolicy(ref, policy);
        keyGrants.forEach(grants::remember);
    }

    private static void addPolicy(WriteBatch batch, KmsKey key, String policy) {
        if (policy != null) {
            batch.put(RecordPaths.policy(key.scope(), key.id()),
                    KeyCodec.encodePolicy(key.scope(), key.id(), POLICY_NAME, policy));
        }
    }

    private void rememberPolicy(ScopedKey ref, String policy) {
        if (policy != null) {
            policies.put(ref, policy);
        }
    }

    /** The key's policy document as stored; empty for a key created before policies were stored. */
    public Optional<String> policy(Scope scope, KeyId id) {
        return Optional.ofNullable(policies.get(new ScopedKey(scope, id)));
    }

    /** Replaces the key's policy document; written through before it is visible. */
    public synchronized void putPolicy(KmsKey key, String policy) {
        java.util.Objects.requireNonNull(policy, "policy");
        ScopedKey ref = new ScopedKey(key.scope(), key.id());
        if (!keys.containsKey(ref)) {
            throw new IllegalStateException("no key " + key.id() + " to attach a policy to");
        }
        WriteBatch batch = new WriteBatch();
        addPolicy(batch, key, policy);
        barrier.commit(batch);
        policies.put(ref, policy);
    }

    /**
     * Stores imported material with the key's new metadata, in one commit: the material is sealed by the barrier
     * like generated material and replaces any the key held under the same version number; the key's other
     * material stays.
     */
    public synchronized void importMaterial(KmsKey key, KeyMaterial material) {
        ScopedKey ref = new ScopedKey(key.scope(), key.id());
        StoredKey before = keys.get(ref);
        if (before == null) {
            throw new IllegalStateException("no key " + key.id() + " to import into");
        }
        if (!key.holds(material.version())) {
            throw new IllegalArgumentException("key " + key.id() + " must list the imported version");
        }
        WriteBatch batch = new WriteBatch()
                .put(RecordPaths.key(key.scope(), key.id()), KeyCodec.encode(key))
                .put(RecordPaths.material(key.scope(), key.id(), material.version().number()),
                        material.sealable().reveal(SecretAccess.INSTANCE));
        LifecycleJournal.Pending history = lifecycle.change(batch, before.metadata(), key);
        barrier.commit(batch);
        lifecycle.install(history);
        Map<Integer, KeyMaterial> materials = new HashMap<>(before.materials());
        materials.put(material.version().number(), material);
        keys.put(ref, new StoredKey(key, materials));
    }

    /** Adds a material version made by rotation; {@code key} already lists it as its newest. */
    public synchronized void addMaterial(KmsKey key, KeyMaterial material) {
        ScopedKey ref = new ScopedKey(key.scope(), key.id());
        StoredKey current = keys.get(ref);
        if (current == null || !key.currentMaterial().equals(material.version())) {
            throw new IllegalStateException("key " + key.id() + " must list the new version as its newest");
        }
        barrier.commit(new WriteBatch()
                .put(RecordPaths.key(key.scope(), key.id()), KeyCodec.encode(key))
                .put(RecordPaths.material(key.scope(), key.id(), material.version().number()),
                        material.sealable().reveal(SecretAccess.INSTANCE)));
        Map<Integer, KeyMaterial> materials = new HashMap<>(current.materials());
        materials.put(material.version().number(), material);
        keys.put(ref, new StoredKey(key, materials));
    }

    /**
     * Every key of {@code account} with this multi-Region key id, in any Region (the primary and its replicas),
     * ordered by Region.
     */
    public List<KmsKey> related(String account, KeyId id) {
        List<KmsKey> out = new ArrayList<>();
        for (StoredKey k : keys.values()) {
            KmsKey key = k.metadata();
            if (key.id().equals(id) && key.scope().account().equals(account)) {
                out.add(key);
            }
        }
        out.sort(Comparator.comparing(k -> k.scope().region()));
        return out;
    }

    /**
     * Creates a replica of a multi-Region key with a copy of every material version of {@code source}, each
     * sealed under the replica's own record paths, and the replica's key policy, in one commit.
     */
    public synchronized void createReplica(KmsKey replica, StoredKey source, String policy) {
        java.util.Objects.requireNonNull(policy, "policy");
        ScopedKey ref = new ScopedKey(replica.scope(), replica.id());
        if (keys.containsKey(ref)) {
            throw new IllegalStateException("key " + replica.id() + " already exists in " + replica.scope());
        }
        WriteBatch batch = new WriteBatch().put(RecordPaths.key(replica.scope(), replica.id()), KeyCodec.encode(replica));
        Map<Integer, KeyMaterial> materials = new HashMap<>();
        for (MaterialVersion version : replica.materials()) {
            KeyMaterial material = source.material(version.number()).orElseThrow(() -> new IllegalStateException(
                    "material " + version.number() + " of key " + source.metadata().id() + " is missing"));
            batch.put(RecordPaths.material(replica.scope(), replica.id(), version.number()),
                    material.sealable().reveal(SecretAccess.INSTANCE));
            materials.put(version.number(), material);
        }
        addPolicy(batch, replica, policy);
        LifecycleJournal.Pending history = lifecycle.change(batch, null, replica);
        barrier.commit(batch);
        lifecycle.install(history);
        keys.put(ref, new StoredKey(replica, materials));
        policies.put(ref, policy);
    }

    /** Replaces the metadata of several keys in one commit; their material is unchanged. */
    public synchronized void updateAll(List<KmsKey> changed) {
        WriteBatch batch = new WriteBatch();
        List<LifecycleJournal.Pending> histories = new ArrayList<>();
        List<StoredKey> next = new ArrayList<>();
        for (KmsKey key : changed) {
            StoredKey current = keys.get(new ScopedKey(key.scope(), key.id()));
            if (current == null) {
                throw new IllegalStateException("no key " + key.id() + " to update in " + key.scope());
            }
            batch.put(RecordPaths.key(key.scope(), key.id()), KeyCodec.encode(key));
            histories.add(lifecycle.change(batch, current.metadata(), key));
            next.add(current.with(key));
        }
        barrier.commit(batch);
        histories.forEach(lifecycle::install);
        next.forEach(k -> keys.put(new ScopedKey(k.metadata().scope(), k.metadata().id()), k));
    }

    /**
     * Adds one material version, made by rotation, to several keys sharing it (a multi-Region key and its
     * replicas), in one commit; each key already lists it as its newest and gets its own sealed record.
     */
    public synchronized void addMaterialToAll(List<KmsKey> changed, KeyMaterial material) {
        WriteBatch batch = new WriteBatch();
        List<StoredKey> next = new ArrayList<>();
        for (KmsKey key : changed) {
            StoredKey current = keys.get(new ScopedKey(key.scope(), key.id()));
            if (current == null || !key.currentMaterial().equals(material.version())) {
                throw new IllegalStateException("key " + key.id() + " must list the new version as its newest");
            }
            batch.put(RecordPaths.key(key.scope(), key.id()), KeyCodec.encode(key))
                    .put(RecordPaths.material(key.scope(), key.id(), material.version().number()),
                            material.sealable().reveal(SecretAccess.INSTANCE));
            Map<Integer, KeyMaterial> materials = new HashMap<>(current.materials());
            materials.put(material.version().number(), material);
            next.add(new StoredKey(key, materials));
        }
        barrier.commit(batch);
        next.forEach(k -> keys.put(new ScopedKey(k.metadata().scope(), k.metadata().id()), k));
    }

    /** Deletes, for good, the material of every version {@code before} holds and {@code after} does not. */
    public synchronized void deleteMaterial(KmsKey before, KmsKey after) {
        ScopedKey ref = new ScopedKey(after.scope(), after.id());
        StoredKey current = keys.get(ref);
        if (current == null) {
            throw new IllegalStateException("no key " + after.id() + " to delete material from");
        }
        WriteBatch batch = new WriteBatch().put(RecordPaths.key(after.scope(), after.id()), KeyCodec.encode(after));
        Map<Integer, KeyMaterial> kept = new HashMap<>(current.materials());
        for (MaterialVersion m : before.heldVersions()) {
            if (!after.holds(m)) {
                batch.delete(RecordPaths.material(after.scope(), after.id(), m.number()));
                kept.remove(m.number());
            }
        }
        LifecycleJournal.Pending history = lifecycle.change(batch, current.metadata(), after);
        barrier.commit(batch);
        lifecycle.install(history);
        keys.put(ref, new StoredKey(after, kept));
        List<KeyMaterial> dropped = new ArrayList<>(current.materials().values());
        dropped.removeIf(m -> kept.values().stream().anyMatch(k -> k == m));
        wipeUnused(after.id(), dropped);
    }

    /**
     * Wipes each of {@code materials} that no key still holds. Related multi-Region keys (the same key id in other
     * Regions) share their material objects, so material leaves memory only with the last key that holds it.
     */
    private void wipeUnused(KeyId id, java.util.Collection<KeyMaterial> materials) {
        java.util.Set<KeyMaterial> inUse = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
        keys.forEach((ref, stored) -> {
            if (ref.id().equals(id)) {
                inUse.addAll(stored.materials().values());
            }
        });
        for (KeyMaterial material : materials) {
            if (!inUse.contains(material)) {
                material.destroy();
            }
        }
    }

    /** Replaces a key's metadata; its material is unchanged. */
    public synchronized void update(KmsKey key) {
        ScopedKey ref = new ScopedKey(key.scope(), key.id());
        StoredKey current = keys.get(ref);
        if (current == null) {
            throw new IllegalStateException("no key " + key.id() + " to update");
        }
        WriteBatch batch = new WriteBatch().put(RecordPaths.key(key.scope(), key.id()), KeyCodec.encode(key));
        LifecycleJournal.Pending history = lifecycle.change(batch, current.metadata(), key);
        barrier.commit(batch);
        lifecycle.install(history);
        keys.put(ref, current.with(key));
    }

    /**
     * Removes a key, all its material, its policy and grants and every alias pointing at it, for good; its
     * lifecycle record stays, telling of the destruction.
     */
    public synchronized void destroy(KmsKey key) {
        WriteBatch batch = new WriteBatch().delete(RecordPaths.key(key.scope(), key.id()));
        for (MaterialVersion m : key.heldVersions()) {
            batch.delete(RecordPaths.material(key.scope(), key.id(), m.number()));
        }
        List<Alias> pointing = aliases.pointingAt(key.scope(), key.id());
        aliases.delete(batch, pointing);
        usage.delete(batch, key.scope(), key.id());
        batch.delete(RecordPaths.policy(key.scope(), key.id()));
        grants.deleteAllOf(batch, key.scope(), key.id());
        LifecycleJournal.Pending history = lifecycle.change(batch, key, null);
        barrier.commit(batch);
        lifecycle.install(history);
        aliases.forget(pointing);
        ScopedKey ref = new ScopedKey(key.scope(), key.id());
        StoredKey removed = keys.remove(ref);
        if (removed != null) {
            wipeUnused(key.id(), removed.materials().values());
        }
        usage.forget(key.scope(), key.id());
        policies.remove(ref);
        grants.forget(key.scope(), key.id());
    }


    // ---- wiping all state (the reset endpoints)

    /**
     * The path of every record the repository keeps (keys, material, aliases, usage, policies, grants, lifecycle
     * records), read from storage rather than memory, so that a wipe leaves none behind.
     */
    public List<String> storedPaths() {
        List<String> out = new ArrayList<>();
        for (String prefix : RecordPaths.REPOSITORY_PREFIXES) {
            out.addAll(barrier.paths(prefix));
        }
        return out;
    }

    /** Every key in every scope with its material, as held now (for a wipe to release what the keys hold). */
    public List<StoredKey> allStored() {
        return List.copyOf(keys.values());
    }

    /** How many aliases, key policies and grants there are in all scopes (what a wipe reports). */
    public Counts counts() {
        return new Counts(aliases.count(), policies.size(), grants.total(), lifecycle.size());
    }

    /** What {@link #counts()} reports. */
    public record Counts(int aliases, int keyPolicies, int grants, int lifecycleRecords) {
    }

    /**
     * Forgets, in memory, every key, alias, usage, policy, grant and lifecycle record; called once their records
     * are deleted from storage, under this repository's lock so no request sees half of it.
     */
    public synchronized void forgetAll() {
        List<StoredKey> held = List.copyOf(keys.values());
        keys.clear();
        damaged.clear();
        held.forEach(k -> k.materials().values().forEach(KeyMaterial::destroy));
        aliases.forgetAll();
        usage.forgetAll();
        policies.clear();
        grants.forgetAll();
        lifecycle.forgetAll();
    }
}
