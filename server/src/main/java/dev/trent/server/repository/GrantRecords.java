package dev.trent.server.repository;

import dev.trent.server.crypto.SecretBytes;
import dev.trent.server.key.Grant;
import dev.trent.server.key.KeyId;
import dev.trent.server.key.Scope;
import dev.trent.storage.Barrier;
import dev.trent.storage.WriteBatch;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;

/**
 * Every key's grants, held in memory and written through the barrier before a change is visible. Writes hold
 * the repository's lock, so a grant is never added to a key being destroyed; the repository deletes a key's
 * grants in the same commit as the key.
 */
public final class GrantRecords {

    private record Ref(Scope scope, KeyId id) {
    }

    private static final String TOKEN_KEY_PURPOSE = "grant tokens";

    private final Barrier barrier;
    private final Object lock;
    private final Predicate<Grant> keyExists;
    private final Map<Ref, Map<String, Grant>> grants = new ConcurrentHashMap<>();
    private volatile SecretBytes tokenKey;

    GrantRecords(Barrier barrier, Object lock, Predicate<Grant> keyExists) {
        this.barrier = barrier;
        this.lock = lock;
        this.keyExists = keyExists;
    }

    void load(DamagedRecords damaged) {
        for (byte[] record : barrier.getAllIntact(RecordPaths.GRANTS, damaged::add).values()) {
            Grant grant = KeyCodec.decodeGrant(record);
            grants.computeIfAbsent(new Ref(grant.scope(), grant.keyId()), k -> new ConcurrentHashMap<>())
                    .put(grant.grantId(), grant);
        }
    }

    /**
     * The key that authenticates grant tokens: derived from the keyring for this purpose alone, so it is the same
     * after a restart, a rotation or a rekey, and tokens of another store do not verify here.
     */
    public SecretBytes tokenKey() {
        SecretBytes key = tokenKey;
        if (key == null) {
            byte[] derived = barrier.derivedKey(TOKEN_KEY_PURPOSE);
            key = SecretBytes.copyOf(derived);
            java.util.Arrays.fill(derived, (byte) 0);
            tokenKey = key;
        }
        return key;
    }

    /** The key's grants, oldest first (then by grant id), so paging is stable. */
    public List<Grant> of(Scope scope, KeyId id) {
        return sorted(List.copyOf(grants.getOrDefault(new Ref(scope, id), Map.of()).values()));
    }

    /** How many grants the key has. */
    public int count(Scope scope, KeyId id) {
        return grants.getOrDefault(new Ref(scope, id), Map.of()).size();
    }

    /** The grants on every key of one scope, oldest first. */
    public List<Grant> in(Scope scope) {
        List<Grant> out = new ArrayList<>();
        grants.forEach((ref, byId) -> {
            if (ref.scope().equals(scope)) {
                out.addAll(byId.values());
            }
        });
        return sorted(out);
    }

    public Optional<Grant> find(Scope scope, KeyId id, String grantId) {
        return Optional.ofNullable(grants.getOrDefault(new Ref(scope, id), Map.of()).get(grantId));
    }

    /** Stores a new grant on an existing key; written through before it is visible. */
    public void put(Grant grant) {
        synchronized (lock) {
            if (!keyExists.test(grant)) {
                throw new IllegalStateException("no key " + grant.keyId() + " to attach a grant to");
            }
            WriteBatch batch = new WriteBatch();
            add(batch, grant);
            barrier.commit(batch);
            remember(grant);
        }
    }

    /** Deletes one grant (RetireGrant, RevokeGrant). */
    public void delete(Grant grant) {
        synchronized (lock) {
            barrier.commit(new WriteBatch().delete(RecordPaths.grant(grant.scope(), grant.keyId(), grant.grantId())));
            grants.computeIfPresent(new Ref(grant.scope(), grant.keyId()), (k, byId) -> {
                byId.remove(grant.grantId());
                return byId.isEmpty() ? null : byId;
            });
        }
    }

    /** Adds {@code grant} to {@code batch}, for a key created in that commit; {@link #remember} once committed. */
    void add(WriteBatch batch, Grant grant) {
        batch.put(RecordPaths.grant(grant.scope(), grant.keyId(), grant.grantId()), KeyCodec.encode(grant));
    }

    void remember(Grant grant) {
        grants.computeIfAbsent(new Ref(grant.scope(), grant.keyId()), k -> new ConcurrentHashMap<>())
                .put(grant.grantId(), grant);
    }

    /** Adds the deletion of every grant of the key to {@code batch}; {@link #forget} once it is committed. */
    void deleteAllOf(WriteBatch batch, Scope scope, KeyId id) {
        grants.getOrDefault(new Ref(scope, id), Map.of()).keySet()
                .forEach(grantId -> batch.delete(RecordPaths.grant(scope, id, grantId)));
    }

    void forget(Scope scope, KeyId id) {
        grants.remove(new Ref(scope, id));
    }

    int total() {
        return grants.values().stream().mapToInt(Map::size).sum();
    }

    void forgetAll() {
        grants.clear();
    }

    private static List<Grant> sorted(List<Grant> list) {
        return list.stream()
                .sorted(Comparator.comparing(Grant::creationDate).thenComparing(Grant::grantId))
                .toList();
    }
}
