package dev.trent.server.app;

import dev.trent.server.admin.StateWipe;
import dev.trent.server.api.RequestGate;
import dev.trent.server.audit.AuditTrail;
import dev.trent.server.audit.TrentEvents;
import dev.trent.server.iam.IamStore;
import dev.trent.server.repository.AuditRecords;
import dev.trent.server.key.StoredKey;
import dev.trent.server.keystore.KeyStoreService;
import dev.trent.server.repository.KeyRepository;
import dev.trent.server.repository.SealedRecords;
import dev.trent.server.service.ImportTokens;
import dev.trent.server.time.TimeTravel;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Wipes all state, in every account and Region, so that the server is as a freshly started one on an empty data
 * directory (with its seed file applied again, if it has one): keys with their material, tags, usage and lifecycle
 * records, AWS managed keys, aliases, key policies, grants, custom key stores (logged out of their tokens first),
 * import tokens, IAM's users, roles, policies and access keys, and the clock's offset.
 *
 * <p>Every stored record goes in one barrier commit, and memory is cleared only after it succeeded: a crash or a
 * failed write leaves everything or nothing. While it runs it holds every lock the state is changed under, in
 * the order the rest of the server takes them: the housekeeping (no sweep, rotation or journey in time runs),
 * the request gate (KMS requests in flight finish first, new ones wait), the key stores, the repository. So no
 * request sees half a reset.
 *
 * <p>Keys of connected custom key stores are deleted from their tokens, after the commit, as Trent does when a
 * key's deletion window ends; a disconnected store's token keeps its keys.
 */
public final class StateReset implements StateWipe {

    private final KeyRepository repository;
    private final KeyStoreService keyStores;
    private final ImportTokens importTokens;
    private final SealedRecords records;
    private final TimeTravel time;
    private final RequestGate gate;
    private final Runnable reseed;
    private IamStore iam;
    private AuditTrail trail;
    private AuditRecords auditRecords;
    private java.time.Clock clock;
    private String account;
    private String region;

    /** {@code records} must write through the barrier {@code repository} and {@code keyStores} store in. */
    public StateReset(KeyRepository repository, KeyStoreService keyStores, ImportTokens importTokens,
                      SealedRecords records, TimeTravel time, RequestGate gate) {
        this(repository, keyStores, importTokens, records, time, gate, () -> { });
    }

    /**
     * As above; {@code reseed} applies the server's seed file again after the wipe, still holding every lock, so
     * that a reset returns a seeded server to the state it started in and no request sees it empty.
     */
    public StateReset(KeyRepository repository, KeyStoreService keyStores, ImportTokens importTokens,
                      SealedRecords records, TimeTravel time, RequestGate gate, Runnable reseed) {
        this.repository = repository;
        this.keyStores = keyStores;
        this.importTokens = importTokens;
        this.records = records;
        this.time = time;
        this.gate = gate;
        this.reseed = reseed;
    }

    /** Also wipes IAM's users, roles, policies and access keys, in the same commit as the keys. */
    public StateReset withIam(IamStore store) {
        this.iam = store;
        return this;
    }

    /**
     * Also wipes the audit trail, in the same commit, and starts a new chain whose first event is the reset,
     * recorded for {@code account} in {@code region} at {@code clock}'s time.
     */
    public StateReset withAudit(AuditTrail trail, AuditRecords auditRecords, java.time.Clock clock, String account,
                                String region) {
        this.trail = trail;
        this.auditRecords = auditRecords;
        this.clock = clock;
        this.account = account;
        this.region = region;
        return this;
    }

    @Override
    public Removed wipeAll() {
        return time.withoutHousekeeping(() -> gate.exclusively(() -> {
            synchronized (keyStores) {
                synchronized (repository) {
                    Removed removed = wipeHoldingEveryLock();
                    reseed.run();
                    return removed;
                }
            }
        }));
    }

    private Removed wipeHoldingEveryLock() {
        List<StoredKey> keys = repository.allStored();
        KeyRepository.Counts counts = repository.counts();
        KeyStoreService.Counts stores = keyStores.counts();

        List<String> paths = new ArrayList<>(repository.storedPaths());
        paths.addAll(keyStores.storedPaths());
        if (iam != null) {
            paths.addAll(iam.storedPaths());
        }
        Runnable wipe = () -> {
            if (trail != null) {
                paths.addAll(auditRecords.storedPaths());
            }
            if (!paths.isEmpty()) {
                records.write(Map.of(), paths);
            }
            records.forgetDamageOnceEmpty();
        };
        if (trail != null) {
            trail.restart(wipe, auditRecords::saveKey, TrentEvents.reset(clock.instant(), account, region));
        } else {
            wipe.run();
        }

        keyStores.forgetAll(keys);
        repository.forgetAll();
        if (iam != null) {
            iam.forgetAll();
        }
        int tokens = importTokens.forgetAll();
        // A restarted Trent runs on real time; a wiped one starts as fresh.
        time.reset();

        int awsManaged = (int) keys.stream().filter(k -> k.metadata().awsManaged()).count();
        int tags = keys.stream().mapToInt(k -> k.metadata().tags().size()).sum();
        return new Removed(keys.size(), awsManaged, counts.aliases(), counts.grants(), counts.keyPolicies(), tags,
                counts.lifecycleRecords(), stores.stores(), stores.connected(), tokens);
    }
}
