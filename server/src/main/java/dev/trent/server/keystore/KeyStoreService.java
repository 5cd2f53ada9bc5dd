package dev.trent.server.keystore;

import dev.trent.server.crypto.SecretBytes;
import dev.trent.server.error.CloudHsmClusterInUseException;
import dev.trent.server.error.CloudHsmClusterNotFoundException;
import dev.trent.server.error.CustomKeyStoreHasCMKsException;
import dev.trent.server.error.CustomKeyStoreInvalidStateException;
import dev.trent.server.error.CustomKeyStoreNameInUseException;
import dev.trent.server.error.CustomKeyStoreNotFoundException;
import dev.trent.server.error.KMSInternalException;
import dev.trent.server.crypto.Random;
import dev.trent.server.key.KeyId;
import dev.trent.server.key.KeyMaterial;
import dev.trent.server.key.MaterialVersion;
import dev.trent.server.key.lifecycle.KeyState;
import dev.trent.server.service.KeyPolicies;
import dev.trent.server.service.NewKey;
import java.time.Instant;
import java.util.HexFormat;
import dev.trent.server.key.KmsKey;
import dev.trent.server.key.Origin;
import dev.trent.server.key.Scope;
import dev.trent.server.key.StoredKey;
import dev.trent.server.key.lifecycle.KeyEvent;
import dev.trent.server.key.lifecycle.KeyStateMachine;
import dev.trent.server.repository.KeyRepository;
import dev.trent.server.repository.SealedRecords;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Custom key stores of type AWS_CLOUDHSM, each backed by a PKCS#11 token configured as a "cluster": their
 * records, their connections, and what their connection means for the keys in them. Store changes are written
 * through before they are visible; connecting and disconnecting finish within the call (AWS only starts them).
 */
public final class KeyStoreService {

    private static final Logger LOG = Logger.getLogger(KeyStoreService.class.getName());

    private record Ref(Scope scope, String id) {
    }

    /** The store a key lives in, as DescribeKey reports it. */
    public record Membership(String customKeyStoreId, String cloudHsmClusterId) {
    }

    private final KeyRepository keys;
    private final KeyStoreRecords records;
    private final Connections connections;
    private final Map<String, Cluster> clusters;
    private final TokenConnector connector;
    private final Clock clock;
    private final Map<Ref, CustomKeyStore> stores = new ConcurrentHashMap<>();

    private KeyStoreService(KeyRepository keys, KeyStoreRecords records, Connections connections,
                            Map<String, Cluster> clusters, TokenConnector connector, Clock clock) {
        this.keys = keys;
        this.records = records;
        this.connections = connections;
        this.clusters = clusters;
        this.connector = connector;
        this.clock = clock;
    }

    /**
     * Loads the stores kept by {@code barrier}. {@code connections} must be the binding {@code keys} was loaded
     * with, so that keys in a store use the sessions opened here.
     */
    public static KeyStoreService load(KeyRepository keys, SealedRecords barrier, Connections connections,
                                       List<Cluster> clusters, TokenConnector connector, Clock clock) {
        Map<String, Cluster> byId = new LinkedHashMap<>();
        for (Cluster cluster : clusters) {
            if (byId.put(cluster.id(), cluster) != null) {
                throw new IllegalArgumentException("cluster " + cluster.id() + " is configured twice");
            }
        }
        KeyStoreService service = new KeyStoreService(keys, new KeyStoreRecords(barrier), connections,
                Map.copyOf(byId), connector, clock);
        service.records.loadAll().forEach(s -> service.stores.put(new Ref(s.scope(), s.id()), s));
        return service;
    }

    /** For a server without clusters: no store can be created, so nothing is ever stored. */
    public static KeyStoreService withoutClusters(KeyRepository keys, Clock clock) {
        return load(keys, SealedRecords.inMemory(), new Connections(), List.of(), (cluster, pin) -> {
            throw new TokenException(ConnectionErrorCode.CLUSTER_NOT_FOUND, "no clusters are configured");
        }, clock);
    }

    /**
     * Connects every store whose last request was to connect, as AWS keeps a connected store connected; a store
     * that cannot connect now is FAILED, as it would be after a failed ConnectCustomKeyStore.
     */
    public void reconnectRequested() {
        for (CustomKeyStore store : stores.values()) {
            if (store.connectRequested()) {
                login(store);
            }
        }
    }

    // ---- CreateCustomKeyStore, DescribeCustomKeyStores, UpdateCustomKeyStore, DeleteCustomKeyStore

    /** Creates a disconnected store on a configured cluster; the password is only sealed, not tried. */
    public synchronized CustomKeyStore create(Scope scope, String name, String clusterId, String trustAnchor,
                                              char[] password) {
        requireNameFree(scope, name, null);
        cluster(clusterId);
        requireClusterFree(clusterId, null);
        TrustAnchor.check(trustAnchor, clusterId);
        CustomKeyStore store = new CustomKeyStore(scope, CustomKeyStoreIds.random(), name, clusterId, trustAnchor,
                clock.instant().truncatedTo(ChronoUnit.MILLIS), false);
        records.put(store, utf8(password));
        stores.put(new Ref(scope, store.id()), store);
        return store;
    }

    /** The scope's stores, oldest first, so paging is stable. */
    public List<CustomKeyStore> list(Scope scope) {
        return stores.values().stream()
                .filter(s -> s.scope().equals(scope))
                .sorted(Comparator.comparing(CustomKeyStore::creationDate).thenComparing(CustomKeyStore::id))
                .toList();
    }

    public CustomKeyStore byId(Scope scope, String id) {
        CustomKeyStore store = stores.get(new Ref(scope, id));
        if (store == null) {
            throw new CustomKeyStoreNotFoundException("Custom key store " + id + " does not exist.");
        }
        return store;
    }

    public CustomKeyStore byName(Scope scope, String name) {
        return stores.values().stream()
                .filter(s -> s.scope().equals(scope) && s.name().equals(name))
                .findFirst()
                .orElseThrow(() -> new CustomKeyStoreNotFoundException(
                        "Custom key store with name " + name + " does not exist."));
    }

    public Connections.Status status(CustomKeyStore store) {
        return connections.status(store.scope(), store.id());
    }

    /**
     * UpdateCustomKeyStore: a new name while CONNECTED or DISCONNECTED; a new password or cluster only while
     * DISCONNECTED. A null argument leaves that property as it is.
     */
    public synchronized void update(Scope scope, String id, String newName, char[] password, String clusterId) {
        CustomKeyStore store = byId(scope, id);
        ConnectionState state = status(store).state();
        boolean onlyName = password == null && clusterId == null;
        if (state != ConnectionState.DISCONNECTED && !(onlyName && state == ConnectionState.CONNECTED)) {
            throw new CustomKeyStoreInvalidStateException(onlyName
                    ? "Custom key store " + id + " must be CONNECTED or DISCONNECTED to change its name; it is "
                            + state + "."
                    : "Custom key store " + id + " must be DISCONNECTED to change its password or cluster; it is "
                            + state + ".");
        }
        CustomKeyStore next = store;
        if (newName != null && !newName.equals(store.name())) {
            requireNameFree(scope, newName, id);
            next = next.withName(newName);
        }
        if (clusterId != null && !clusterId.equals(store.clusterId())) {
            cluster(clusterId);
            requireClusterFree(clusterId, id);
            next = next.withClusterId(clusterId);
        }
        records.put(next, password == null ? null : utf8(password));
        stores.put(new Ref(scope, id), next);
    }

    /** DeleteCustomKeyStore: only a DISCONNECTED store without keys, counting keys pending deletion. */
    public synchronized void delete(Scope scope, String id) {
        CustomKeyStore store = byId(scope, id);
        ConnectionState state = status(store).state();
        if (state != ConnectionState.DISCONNECTED) {
            throw new CustomKeyStoreInvalidStateException("Custom key store " + id
                    + " must be DISCONNECTED to be deleted; it is " + state + ".");
        }
        if (!keysIn(store).isEmpty()) {
            throw new CustomKeyStoreHasCMKsException("Custom key store " + id
                    + " contains KMS keys. Delete them before you delete the custom key store.");
        }
        records.delete(store);
        stores.remove(new Ref(scope, id));
    }

    // ---- ConnectCustomKeyStore, DisconnectCustomKeyStore

    /**
     * Logs in to the store's token with its password. A failure leaves the store FAILED with its error code (AWS
     * also answers success and reports the failure in DescribeCustomKeyStores); a connected store stays so.
     */
    public synchronized void connect(Scope scope, String id) {
        CustomKeyStore store = byId(scope, id);
        ConnectionState state = status(store).state();
        if (state == ConnectionState.FAILED || state == ConnectionState.DISCONNECTING) {
            throw new CustomKeyStoreInvalidStateException("Custom key store " + id + " is " + state
                    + ". Disconnect it before you connect it again.");
        }
        if (state == ConnectionState.CONNECTED) {
            return;
        }
        CustomKeyStore requested = store.withConnectRequested(true);
        records.put(requested, null);
        stores.put(new Ref(scope, id), requested);
        login(requested);
    }

    /** Logs out of the token; a FAILED store becomes DISCONNECTED too. */
    public synchronized void disconnect(Scope scope, String id) {
        CustomKeyStore store = byId(scope, id);
        if (status(store).state() == ConnectionState.DISCONNECTED) {
            throw new CustomKeyStoreInvalidStateException("Custom key store " + id + " is already DISCONNECTED.");
        }
        CustomKeyStore released = store.withConnectRequested(false);
        records.put(released, null);
        stores.put(new Ref(scope, id), released);
        connections.disconnected(scope, id);
    }

    private void login(CustomKeyStore store) {
        Cluster cluster = clusters.get(store.clusterId());
        if (cluster == null) {
            connections.failed(store.scope(), store.id(), ConnectionErrorCode.CLUSTER_NOT_FOUND);
            return;
        }
        char[] password = records.password(store);
        try {
            connections.connected(store.scope(), store.id(), connector.login(cluster, password));
        } catch (TokenException e) {
            LOG.log(Level.INFO, "custom key store " + store.id() + " failed to connect: " + e.getMessage());
            connections.failed(store.scope(), store.id(), e.code());
        } finally {
            Arrays.fill(password, '\0');
        }
    }

    // ---- wiping all state (the reset endpoints)

    /** The path of every store and password record, for a wipe that deletes them with everything else. */
    public List<String> storedPaths() {
        return records.storedPaths();
    }

    /** How many stores there are in all scopes, and how many of them are connected now. */
    public Counts counts() {
        int connected = (int) stores.values().stream()
                .filter(s -> connections.connected(s.scope(), s.id()))
                .count();
        return new Counts(stores.size(), connected);
    }

    /** What {@link #counts()} reports. */
    public record Counts(int stores, int connected) {
    }

    /**
     * Once a wipe has deleted every record: removes the keys of {@code keys} from the tokens of connected stores
     * (a best effort, as when a key is destroyed; a disconnected store's token keeps them), logs every store out
     * of its token and forgets every store.
     */
    public synchronized void forgetAll(List<StoredKey> keys) {
        keys.forEach(this::destroyed);
        connections.disconnectAll();
        stores.clear();
    }

    // ---- keys in stores

    /**
     * Generates a key's AES-256 material in the connected store's token under {@code label} (the key id) and
     * returns the reference that stands for it.
     */
    private KeyMaterial.Token generateKey(Scope scope, String storeId, String label, MaterialVersion version) {
        CustomKeyStore store = byId(scope, storeId);
        TokenSession session = connections.session(scope, storeId).orElseThrow(() ->
                new CustomKeyStoreInvalidStateException("Custom key store " + storeId + " is not connected. "
                        + "Connect it before you create KMS keys in it."));
        try {
            session.generateKey(label);
        } catch (TokenException e) {
            throw new KMSInternalException("The CloudHSM cluster of custom key store " + store.id()
                    + " could not generate the key.", e);
        }
        return new KeyMaterial.Token(version, store.id(), label, connections.aead(scope, store.id(), label));
    }

    /**
     * CreateKey with Origin AWS_CLOUDHSM: an Enabled symmetric key whose material is generated in the store's
     * token under the key id as label. The caller has checked spec, usage and Region (SYMMETRIC_DEFAULT,
     * single-Region) and a given policy.
     */
    public KmsKey createKey(Scope scope, NewKey request, String storeId, String policy) {
        String document = policy != null ? policy : KeyPolicies.defaultPolicy(scope.account());
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        KeyId id = KeyId.random();
        MaterialVersion version = new MaterialVersion(1, HexFormat.of().formatHex(Random.bytes(32)), now);
        KeyMaterial.Token material = generateKey(scope, storeId, id.value(), version);
        KmsKey key = new KmsKey(scope, id, request.description(), request.spec(), request.usage(),
                Origin.AWS_CLOUDHSM, KeyState.Enabled, now, null, null, List.of(version), request.tags(), null,
                null);
        try {
            keys.create(key, material, document);
        } catch (RuntimeException e) {
            discardKey(scope, storeId, id.value());
            throw e;
        }
        return key;
    }

    /** Removes a key generated by {@link #generateKey} whose KMS key could not be stored. */
    public void discardKey(Scope scope, String storeId, String label) {
        connections.session(scope, storeId).ifPresent(session -> {
            try {
                session.deleteKey(label);
            } catch (TokenException e) {
                LOG.log(Level.WARNING, "could not delete key " + label + " from its token", e);
            }
        });
    }

    /** GenerateRandom with a CustomKeyStoreId: bytes from the store's token. */
    public byte[] random(Scope scope, String storeId, int count) {
        byId(scope, storeId);
        TokenSession session = connections.session(scope, storeId).orElseThrow(() ->
                new CustomKeyStoreInvalidStateException("Custom key store " + storeId + " is not connected. "
                        + "Connect it before you generate random bytes in it."));
        try {
            return session.random(count);
        } catch (TokenException e) {
            throw new KMSInternalException("The CloudHSM cluster of custom key store " + storeId
                    + " could not generate random bytes.", e);
        }
    }

    /** The store of a key created in one; empty for every other key. */
    public Optional<Membership> membership(KmsKey key) {
        return keys.find(key.scope(), key.id()).flatMap(KeyStoreService::token).map(token -> {
            CustomKeyStore store = stores.get(new Ref(key.scope(), token.customKeyStoreId()));
            return new Membership(token.customKeyStoreId(), store == null ? null : store.clusterId());
        });
    }

    /**
     * The key as callers see it: a key in a store that is not connected is Unavailable, unless it is pending
     * deletion (AWS keeps that state so the deletion can be cancelled). The stored state stays as it was, so the
     * key is Enabled or Disabled again once its store connects, and EnableKey or DisableKey on an Unavailable
     * key take effect then.
     */
    public KmsKey visible(StoredKey key) {
        KmsKey metadata = key.metadata();
        if (metadata.origin() != Origin.AWS_CLOUDHSM
                || !KeyStateMachine.allows(metadata.state(), KeyEvent.KEY_STORE_DISCONNECTED)) {
            return metadata;
        }
        boolean connected = token(key).map(t -> connections.connected(metadata.scope(), t.customKeyStoreId()))
                .orElse(false);
        return connected ? metadata : metadata.after(KeyEvent.KEY_STORE_DISCONNECTED);
    }

    public KmsKey visible(KmsKey key) {
        return keys.find(key.scope(), key.id()).map(this::visible).orElse(key);
    }

    /**
     * After a key in a store is destroyed: deletes its material from the token when the store is connected (AWS
     * makes a best effort too; from a disconnected store the material stays in the token).
     */
    public void destroyed(StoredKey key) {
        token(key).ifPresent(t -> discardKey(key.metadata().scope(), t.customKeyStoreId(), t.label()));
    }

    private List<KmsKey> keysIn(CustomKeyStore store) {
        return keys.list(store.scope()).stream()
                .filter(k -> k.origin() == Origin.AWS_CLOUDHSM)
                .filter(k -> keys.find(k.scope(), k.id()).flatMap(KeyStoreService::token)
                        .map(t -> t.customKeyStoreId().equals(store.id())).orElse(false))
                .toList();
    }

    private static Optional<KeyMaterial.Token> token(StoredKey key) {
        return key.materials().values().stream()
                .filter(KeyMaterial.Token.class::isInstance)
                .map(KeyMaterial.Token.class::cast)
                .findFirst();
    }

    private Cluster cluster(String clusterId) {
        Cluster cluster = clusters.get(clusterId);
        if (cluster == null) {
            throw new CloudHsmClusterNotFoundException("CloudHSM cluster " + clusterId + " does not exist.");
        }
        return cluster;
    }

    /**
     * One store per cluster. AWS asks this per account; Trent asks it of all accounts, because a process can be
     * logged in to a token only once.
     */
    private void requireClusterFree(String clusterId, String exceptId) {
        stores.values().stream()
                .filter(s -> s.clusterId().equals(clusterId) && !s.id().equals(exceptId))
                .findFirst()
                .ifPresent(s -> {
                    throw new CloudHsmClusterInUseException("CloudHSM cluster " + clusterId
                            + " is already associated with custom key store " + s.id() + ".");
                });
    }

    private void requireNameFree(Scope scope, String name, String exceptId) {
        boolean taken = stores.values().stream().anyMatch(s -> s.scope().equals(scope) && s.name().equals(name)
                && !s.id().equals(exceptId));
        if (taken) {
            throw new CustomKeyStoreNameInUseException("Custom key store name " + name + " is already in use.");
        }
    }

    private static SecretBytes utf8(char[] password) {
        ByteBuffer encoded = StandardCharsets.UTF_8.encode(CharBuffer.wrap(password));
        byte[] raw = Arrays.copyOf(encoded.array(), encoded.limit());
        Arrays.fill(encoded.array(), (byte) 0);
        try {
            return SecretBytes.copyOf(raw);
        } finally {
            Arrays.fill(raw, (byte) 0);
        }
    }
}
