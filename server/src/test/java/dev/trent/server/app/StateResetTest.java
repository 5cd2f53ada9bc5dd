package dev.trent.server.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.trent.server.admin.StateWipe;
import dev.trent.server.api.Dispatcher;
import dev.trent.server.api.OperationRegistry;
import dev.trent.server.api.RequestContext;
import dev.trent.server.api.RequestGate;
import dev.trent.server.api.Services;
import dev.trent.server.key.KeyId;
import dev.trent.server.key.Scope;
import dev.trent.server.keystore.Cluster;
import dev.trent.server.keystore.Connections;
import dev.trent.server.keystore.FakeTokenConnector;
import dev.trent.server.keystore.KeyStoreService;
import dev.trent.server.repository.KeyRepository;
import dev.trent.server.repository.SealedRecords;
import dev.trent.server.service.DeletionSweeper;
import dev.trent.server.time.Housekeeping;
import dev.trent.server.time.MovableClock;
import dev.trent.server.time.TimeTravel;
import dev.trent.storage.Barrier;
import dev.trent.storage.KeyFileRootOfTrust;
import dev.trent.storage.SqlitePhysicalStore;
import dev.trent.storage.Storage;
import dev.trent.storage.WriteBatch;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.SortedMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Wiping all state: every kind of state in every account and Region is gone, from memory and from storage, in
 * one commit; a failed commit leaves all of it; requests in flight finish first.
 */
class StateResetTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Scope HOME = new Scope("111122223333", "us-east-1");
    private static final Scope ELSEWHERE = new Scope("444455556666", "eu-west-1");
    private static final String CLUSTER = "cluster-234567abcdefg";
    private static final String OTHER_CLUSTER = "cluster-765432gfedcba";
    private static final String PIN = "kmsuser-pin";

    @TempDir
    Path dir;

    private final FakeTokenConnector tokens = new FakeTokenConnector().withToken("kms", PIN)
            .withToken("kms-2", PIN);
    private final MovableClock clock = new MovableClock();
    private Storage storage = Storage.inMemory();
    private Wired server = Wired.over(storage, tokens, clock, storage.barrier());

    /** What a server wires together, built the same way over any storage. */
    private record Wired(Connections connections, KeyRepository repository, KeyStoreService keyStores,
                         Services services, Dispatcher dispatcher, TimeTravel time, RequestGate gate,
                         StateReset reset) {

        /** {@code wipeBarrier} is what the wipe commits through: the storage's own, or one that fails. */
        static Wired over(Storage storage, FakeTokenConnector tokens, MovableClock clock, Barrier wipeBarrier) {
            Connections connections = new Connections();
            KeyRepository repository = KeyRepository.load(storage.barrier(), clock, connections);
            KeyStoreService keyStores = KeyStoreService.load(repository, new SealedRecords(storage.barrier()),
                    connections, List.of(new Cluster(CLUSTER, FakeTokenConnector.LIBRARY, "kms"),
                            new Cluster(OTHER_CLUSTER, FakeTokenConnector.LIBRARY, "kms-2")), tokens, clock);
            keyStores.reconnectRequested();
            Services services = Services.over(repository, clock, keyStores);
            RequestGate gate = new RequestGate();
            TimeTravel time = new TimeTravel(clock, new Housekeeping());
            StateReset reset = new StateReset(repository, keyStores, services.imports().tokens(),
                    new SealedRecords(wipeBarrier), time, gate);
            return new Wired(connections, repository, keyStores, services,
                    new Dispatcher(new OperationRegistry(services), gate), time, gate, reset);
        }

        JsonNode ok(Scope scope, String operation, ObjectNode request) {
            Dispatcher.Result result = dispatcher.dispatch("TrentService." + operation,
                    request.toString().getBytes(StandardCharsets.UTF_8), new RequestContext(scope, "request-1"));
            JsonNode body = read(result.body());
            assertEquals(200, result.status(), operation + ": " + body);
            return body;
        }

        String type(Scope scope, String operation, ObjectNode request) {
            Dispatcher.Result result = dispatcher.dispatch("TrentService." + operation,
                    request.toString().getBytes(StandardCharsets.UTF_8), new RequestContext(scope, "request-2"));
            return read(result.body()).path("__type").asText();
        }

        private static JsonNode read(byte[] body) {
            try {
                return JSON.readTree(body.length == 0 ? "{}".getBytes(StandardCharsets.UTF_8) : body);
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    @AfterEach
    void close() {
        server.connections().closeAll();
        storage.close();
    }

    private static ObjectNode request() {
        return JSON.createObjectNode();
    }

    private String createKey(Scope scope) {
        ObjectNode request = request().put("Description", "wiped");
        request.putArray("Tags").addObject().put("TagKey", "team").put("TagValue", "payments");
        return server.ok(scope, "CreateKey", request).get("KeyMetadata").get("KeyId").asText();
    }

    /** A key with an alias, a grant, a key policy, a use and its lifecycle record, in {@code scope}. */
    private String keyWithEverything(Scope scope, String alias) {
        String keyId = createKey(scope);
        server.ok(scope, "CreateAlias", request().put("AliasName", alias).put("TargetKeyId", keyId));
        server.ok(scope, "CreateGrant", request().put("KeyId", keyId)
                .put("GranteePrincipal", "arn:aws:iam::" + scope.account() + ":role/app")
                .set("Operations", JSON.createArrayNode().add("Decrypt")));
        server.ok(scope, "Encrypt", request().put("KeyId", keyId).put("Plaintext", "aGVsbG8="));
        server.repository().usage().save();
        return keyId;
    }

    private void assertEmpty(Wired wired, Storage store) {
        for (Scope scope : List.of(HOME, ELSEWHERE)) {
            assertEquals(0, wired.ok(scope, "ListKeys", request()).get("Keys").size(), scope.toString());
            assertEquals(0, wired.ok(scope, "ListAliases", request()).get("Aliases").size(), scope.toString());
            assertEquals(0, wired.ok(scope, "DescribeCustomKeyStores", request()).get("CustomKeyStores").size());
        }
        assertTrue(wired.repository().all().isEmpty());
        SortedMap<String, byte[]> left = store.barrier().getAll("");
        assertTrue(left.isEmpty(), "records left after the wipe: " + left.keySet());
    }

    @Test
    void keysAliasesGrantsPoliciesTagsUsageAndLifecycleRecords_goInEveryAccountAndRegion() {
        String home = keyWithEverything(HOME, "alias/orders");
        String elsewhere = keyWithEverything(ELSEWHERE, "alias/orders");
        JsonNode ciphertext = server.ok(HOME, "Encrypt", request().put("KeyId", home).put("Plaintext", "aGk="));

        StateWipe.Removed removed = server.reset().wipeAll();

        assertEquals(new StateWipe.Removed(2, 0, 2, 2, 2, 2, 2, 0, 0, 0), removed);
        assertEmpty(server, storage);
        for (String keyId : List.of(home, elsewhere)) {
            Scope scope = keyId.equals(home) ? HOME : ELSEWHERE;
            assertTrue(server.repository().lifecycle().find(scope, new KeyId(keyId)).isEmpty());
            assertTrue(server.repository().usage().last(scope, new KeyId(keyId)).isEmpty());
            assertTrue(server.repository().grants().in(scope).isEmpty());
        }
        // As for any ciphertext whose key does not exist.
        assertEquals("AccessDeniedException", server.type(HOME, "Decrypt",
                request().put("CiphertextBlob", ciphertext.get("CiphertextBlob").asText())));
        // The same alias name is free again.
        String again = createKey(HOME);
        server.ok(HOME, "CreateAlias", request().put("AliasName", "alias/orders").put("TargetKeyId", again));
    }

    @Test
    void lifecycleRecordsOfDestroyedKeys_goToo() {
        String keyId = createKey(HOME);
        server.ok(HOME, "ScheduleKeyDeletion", request().put("KeyId", keyId).put("PendingWindowInDays", 7));
        clock.advance(Duration.ofDays(8));
        assertEquals(1, new DeletionSweeper(server.repository(), clock).sweep().size());
        assertTrue(server.repository().lifecycle().find(HOME, new KeyId(keyId)).isPresent(),
                "the record outlives its key");

        StateWipe.Removed removed = server.reset().wipeAll();

        assertEquals(0, removed.keys());
        assertEquals(1, removed.lifecycleRecords());
        assertTrue(server.repository().lifecycle().find(HOME, new KeyId(keyId)).isEmpty());
        assertEmpty(server, storage);
    }

    @Test
    void awsManagedKeys_go_andTheirFirstUseMakesANewOne() {
        JsonNode before = server.ok(HOME, "DescribeKey", request().put("KeyId", "alias/aws/s3")).get("KeyMetadata");
        assertEquals("AWS", before.get("KeyManager").asText());

        StateWipe.Removed removed = server.reset().wipeAll();

        assertEquals(1, removed.keys());
        assertEquals(1, removed.awsManagedKeys());
        assertEquals(1, removed.aliases());
        assertEmpty(server, storage);
        JsonNode after = server.ok(HOME, "DescribeKey", request().put("KeyId", "alias/aws/s3")).get("KeyMetadata");
        assertNotEquals(before.get("KeyId").asText(), after.get("KeyId").asText());
    }

    @Test
    void customKeyStores_areLoggedOutAndForgotten_andConnectedTokensLoseTheirKeys() {
        String connected = createStore(HOME, "connected", CLUSTER);
        server.ok(HOME, "ConnectCustomKeyStore", request().put("CustomKeyStoreId", connected));
        String inToken = server.ok(HOME, "CreateKey", request().put("Origin", "AWS_CLOUDHSM")
                .put("CustomKeyStoreId", connected)).get("KeyMetadata").get("KeyId").asText();
        String disconnected = createStore(ELSEWHERE, "disconnected", OTHER_CLUSTER);
        server.ok(ELSEWHERE, "ConnectCustomKeyStore", request().put("CustomKeyStoreId", disconnected));
        String leftInToken = server.ok(ELSEWHERE, "CreateKey", request().put("Origin", "AWS_CLOUDHSM")
                .put("CustomKeyStoreId", disconnected)).get("KeyMetadata").get("KeyId").asText();
        server.ok(ELSEWHERE, "DisconnectCustomKeyStore", request().put("CustomKeyStoreId", disconnected));
        assertEquals(1, tokens.openSessions("kms"));

        StateWipe.Removed removed = server.reset().wipeAll();

        assertEquals(2, removed.customKeyStores());
        assertEquals(1, removed.customKeyStoresDisconnected());
        assertEquals(2, removed.keys());
        assertEquals(0, tokens.openSessions("kms"));
        assertFalse(tokens.holds("kms", inToken), "a connected store's token loses the key, as on destruction");
        assertTrue(tokens.holds("kms-2", leftInToken), "a disconnected store's token keeps it");
        assertEmpty(server, storage);
        // The cluster serves a new store, which connects.
        String fresh = createStore(HOME, "connected", CLUSTER);
        server.ok(HOME, "ConnectCustomKeyStore", request().put("CustomKeyStoreId", fresh));
        assertEquals(1, tokens.openSessions("kms"));
    }

    @Test
    void importTokens_areForgotten() {
        String keyId = server.ok(HOME, "CreateKey", request().put("Origin", "EXTERNAL")).get("KeyMetadata")
                .get("KeyId").asText();
        server.ok(HOME, "GetParametersForImport", request().put("KeyId", keyId)
                .put("WrappingAlgorithm", "RSAES_OAEP_SHA_256").put("WrappingKeySpec", "RSA_2048"));

        StateWipe.Removed removed = server.reset().wipeAll();

        assertEquals(1, removed.importTokens());
        assertEquals(0, server.services().imports().tokens().size());
    }

    @Test
    void theClock_goesBackToRealTime() {
        server.time().advance(Duration.ofDays(30));

        server.reset().wipeAll();

        assertEquals(Duration.ZERO, clock.offset());
    }

    @Test
    void aPersistentStore_reopensEmpty() {
        storage.close();
        storage = openSqlite();
        server = Wired.over(storage, tokens, clock, storage.barrier());
        keyWithEverything(HOME, "alias/orders");
        keyWithEverything(ELSEWHERE, "alias/billing");
        server.ok(HOME, "DescribeKey", request().put("KeyId", "alias/aws/ebs"));
        String store = createStore(HOME, "store", CLUSTER);
        server.ok(HOME, "ConnectCustomKeyStore", request().put("CustomKeyStoreId", store));

        server.reset().wipeAll();
        server.connections().closeAll();
        storage.close();

        storage = openSqlite();
        server = Wired.over(storage, tokens, clock, storage.barrier());
        assertEmpty(server, storage);
        assertEquals(0, tokens.openSessions("kms"), "no store asks to be reconnected");
    }

    @Test
    void aFailedCommit_leavesEverything() {
        AtomicBoolean failing = new AtomicBoolean(true);
        Barrier real = storage.barrier();
        Barrier failingBarrier = new Barrier() {
            @Override
            public Optional<byte[]> get(String path) {
                return real.get(path);
            }

            @Override
            public SortedMap<String, byte[]> getAll(String prefix) {
                return real.getAll(prefix);
            }

            @Override
            public SortedMap<String, byte[]> getAllIntact(String prefix, DamageSink damaged) {
                return real.getAllIntact(prefix, damaged);
            }

            @Override
            public dev.trent.storage.IntegrityReport integrity() {
                return real.integrity();
            }

            @Override
            public java.util.List<String> paths(String prefix) {
                return real.paths(prefix);
            }

            @Override
            public void acceptCurrentState() {
                real.acceptCurrentState();
            }

            @Override
            public byte[] derivedKey(String purpose) {
                return real.derivedKey(purpose);
            }

            @Override
            public void commit(WriteBatch batch) {
                if (failing.get()) {
                    throw new IllegalStateException("disk full");
                }
                real.commit(batch);
            }
        };
        server = Wired.over(storage, tokens, clock, failingBarrier);
        String keyId = keyWithEverything(HOME, "alias/kept");
        String store = createStore(HOME, "kept", CLUSTER);
        server.ok(HOME, "ConnectCustomKeyStore", request().put("CustomKeyStoreId", store));
        int records = storage.barrier().getAll("").size();

        assertThrows(IllegalStateException.class, () -> server.reset().wipeAll());

        assertEquals(records, storage.barrier().getAll("").size());
        assertEquals(keyId, server.ok(HOME, "DescribeKey", request().put("KeyId", "alias/kept"))
                .get("KeyMetadata").get("KeyId").asText());
        assertEquals(1, server.ok(HOME, "ListGrants", request().put("KeyId", keyId)).get("Grants").size());
        assertEquals("CONNECTED", server.ok(HOME, "DescribeCustomKeyStores", request().put("CustomKeyStoreId", store))
                .get("CustomKeyStores").get(0).get("ConnectionState").asText());
        failing.set(false);
        server.reset().wipeAll();
        assertEmpty(server, storage);
    }

    @Test
    void aRequestInFlight_finishesBeforeTheWipe_andLaterOnesWaitForIt() throws Exception {
        String keyId = createKey(HOME);
        CountDownLatch inside = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        AtomicBoolean finished = new AtomicBoolean();
        // The dispatcher takes the gate the same way; the work calls the service directly, as an operation does.
        Thread request = new Thread(() -> server.gate().request(() -> {
            inside.countDown();
            await(release);
            server.services().keys().updateDescription(HOME, keyId, "in flight");
            finished.set(true);
            return null;
        }));
        request.start();
        assertTrue(inside.await(10, TimeUnit.SECONDS));
        Thread wipe = new Thread(() -> server.reset().wipeAll());
        wipe.start();
        wipe.join(200);
        assertTrue(wipe.isAlive(), "the wipe waits for the request in flight");

        release.countDown();
        request.join(10_000);
        wipe.join(10_000);

        assertFalse(wipe.isAlive());
        assertTrue(finished.get(), "the request finished, on the state before the wipe");
        assertEmpty(server, storage);
    }

    private static void await(CountDownLatch latch) {
        try {
            assertTrue(latch.await(10, TimeUnit.SECONDS));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private String createStore(Scope scope, String name, String cluster) {
        return server.ok(scope, "CreateCustomKeyStore", request().put("CustomKeyStoreName", name)
                .put("CloudHsmClusterId", cluster).put("TrustAnchorCertificate", trustAnchor())
                .put("KeyStorePassword", PIN)).get("CustomKeyStoreId").asText();
    }

    private Storage openSqlite() {
        return Storage.open(SqlitePhysicalStore.open(dir.resolve(TrentServer.DATABASE_FILE)),
                KeyFileRootOfTrust.provider(dir.resolve("master.key")));
    }

    private static String trustAnchor() {
        try (InputStream in = StateResetTest.class.getResourceAsStream("/keystore/customerCA.crt")) {
            return new String(in.readAllBytes(), StandardCharsets.US_ASCII);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
