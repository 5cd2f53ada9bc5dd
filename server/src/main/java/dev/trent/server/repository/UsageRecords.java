package dev.trent.server.repository;

import dev.trent.server.key.KeyId;
import dev.trent.server.key.KmsKey;
import dev.trent.server.key.LastUsage;
import dev.trent.server.key.Scope;
import dev.trent.storage.Barrier;
import dev.trent.storage.WriteBatch;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiPredicate;

/**
 * Each key's last cryptographic use (GetKeyLastUsage). The data plane records a use in memory only; a background
 * task writes what changed, so no request waits for storage.
 */
public final class UsageRecords {

    private record Ref(Scope scope, KeyId id) {
    }

    private final Barrier barrier;
    private final Object lock;
    private final BiPredicate<Scope, KeyId> keyExists;
    private final Map<Ref, LastUsage> lastUsage = new ConcurrentHashMap<>();
    /** Usages recorded in memory and not yet written. */
    private final Map<Ref, LastUsage> unsaved = new ConcurrentHashMap<>();

    UsageRecords(Barrier barrier, Object lock, BiPredicate<Scope, KeyId> keyExists) {
        this.barrier = barrier;
        this.lock = lock;
        this.keyExists = keyExists;
    }

    void load(DamagedRecords damaged) {
        for (byte[] record : barrier.getAllIntact(RecordPaths.USAGE, damaged::add).values()) {
            KeyCodec.StoredUsage usage = KeyCodec.decodeUsage(record);
            lastUsage.put(new Ref(usage.scope(), usage.id()), usage.usage());
        }
    }

    /** Notes a successful cryptographic use in memory; {@link #save()} writes it later. */
    public void record(KmsKey key, LastUsage usage) {
        if (keyExists.test(key.scope(), key.id())) {
            Ref ref = new Ref(key.scope(), key.id());
            lastUsage.put(ref, usage);
            unsaved.put(ref, usage);
        }
    }

    public Optional<LastUsage> last(Scope scope, KeyId id) {
        return Optional.ofNullable(lastUsage.get(new Ref(scope, id)));
    }

    /** Writes the usages recorded since the last call, in one commit; called off the request path. */
    public void save() {
        synchronized (lock) {
            if (unsaved.isEmpty()) {
                return;
            }
            Map<Ref, LastUsage> pending = new HashMap<>(unsaved);
            WriteBatch batch = new WriteBatch();
            pending.forEach((ref, usage) -> {
                if (keyExists.test(ref.scope(), ref.id())) {
                    batch.put(RecordPaths.usage(ref.scope(), ref.id()), KeyCodec.encode(ref.scope(), ref.id(), usage));
                }
            });
            if (!batch.isEmpty()) {
                barrier.commit(batch);
            }
            // A use recorded while this commit ran stays pending for the next call.
            pending.forEach((ref, usage) -> unsaved.remove(ref, usage));
        }
    }

    /** Adds the deletion of the key's usage record to {@code batch}; {@link #forget} once it is committed. */
    void delete(WriteBatch batch, Scope scope, KeyId id) {
        batch.delete(RecordPaths.usage(scope, id));
    }

    void forget(Scope scope, KeyId id) {
        Ref ref = new Ref(scope, id);
        lastUsage.remove(ref);
        unsaved.remove(ref);
    }

    void forgetAll() {
        lastUsage.clear();
        unsaved.clear();
    }
}
