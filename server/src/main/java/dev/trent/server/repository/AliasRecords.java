package dev.trent.server.repository;

import dev.trent.server.key.Alias;
import dev.trent.server.key.AliasName;
import dev.trent.server.key.KeyId;
import dev.trent.server.key.Scope;
import dev.trent.storage.Barrier;
import dev.trent.storage.WriteBatch;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Every alias, held in memory for lookups on the data plane and written through the barrier before a change is
 * visible. Writes hold the repository's lock; the repository deletes a key's aliases in the commit that destroys
 * the key, and adds an AWS managed key's alias in the commit that creates it.
 */
public final class AliasRecords {

    private record Ref(Scope scope, AliasName name) {
    }

    private final Barrier barrier;
    private final Object lock;
    private final Map<Ref, Alias> aliases = new ConcurrentHashMap<>();

    AliasRecords(Barrier barrier, Object lock) {
        this.barrier = barrier;
        this.lock = lock;
    }

    void load(DamagedRecords damaged) {
        for (byte[] record : barrier.getAllIntact(RecordPaths.ALIASES, damaged::add).values()) {
            remember(KeyCodec.decodeAlias(record));
        }
    }

    public Optional<Alias> find(Scope scope, AliasName name) {
        return Optional.ofNullable(aliases.get(new Ref(scope, name)));
    }

    /** Aliases of one scope, sorted by name. */
    public List<Alias> in(Scope scope) {
        return aliases.values().stream()
                .filter(a -> a.scope().equals(scope))
                .sorted(Comparator.comparing(a -> a.name().value()))
                .toList();
    }

    /** Creates or repoints an alias; written through before it is visible. */
    public void put(Alias alias) {
        synchronized (lock) {
            WriteBatch batch = new WriteBatch();
            add(batch, alias);
            barrier.commit(batch);
            remember(alias);
        }
    }

    public void delete(Alias alias) {
        synchronized (lock) {
            barrier.commit(new WriteBatch().delete(RecordPaths.alias(alias.scope(), alias.name())));
            aliases.remove(new Ref(alias.scope(), alias.name()));
        }
    }

    /** Adds {@code alias} to {@code batch}; {@link #remember} once it is committed. */
    void add(WriteBatch batch, Alias alias) {
        batch.put(RecordPaths.alias(alias.scope(), alias.name()), KeyCodec.encode(alias));
    }

    void remember(Alias alias) {
        aliases.put(new Ref(alias.scope(), alias.name()), alias);
    }

    /** The aliases that point at the key. */
    List<Alias> pointingAt(Scope scope, KeyId id) {
        return aliases.values().stream().filter(a -> a.scope().equals(scope) && a.target().equals(id)).toList();
    }

    /** Adds the deletion of {@code pointing} to {@code batch}; {@link #forget} them once it is committed. */
    void delete(WriteBatch batch, List<Alias> pointing) {
        pointing.forEach(a -> batch.delete(RecordPaths.alias(a.scope(), a.name())));
    }

    void forget(List<Alias> gone) {
        gone.forEach(a -> aliases.remove(new Ref(a.scope(), a.name())));
    }

    int count() {
        return aliases.size();
    }

    void forgetAll() {
        aliases.clear();
    }
}
