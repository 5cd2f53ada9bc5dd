package dev.trent.server.keystore;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.trent.server.api.Dispatcher;
import dev.trent.server.api.OperationRegistry;
import dev.trent.server.api.RequestContext;
import dev.trent.server.api.Services;
import dev.trent.server.key.lifecycle.KeyState;
import dev.trent.server.key.lifecycle.NistPhase;
import dev.trent.server.service.LifecycleService;
import dev.trent.server.key.Scope;
import dev.trent.server.repository.KeyRepository;
import dev.trent.server.repository.SealedRecords;
import dev.trent.server.service.DeletionSweeper;
import dev.trent.server.time.MovableClock;
import dev.trent.storage.Storage;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The custom key store operations and keys in stores, through the dispatcher, on in-memory tokens. */
class KeyStoreOperationsTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Scope SCOPE = new Scope("111122223333", "us-east-1");
    private static final RequestContext CONTEXT = new RequestContext(SCOPE, "0f4e3a51-6c7d-4f3e-9b1a-2d5c8e7f9a0b");
    private static final String CLUSTER = "cluster-234567abcdefg";
    private static final String OTHER_CLUSTER = "cluster-765432gfedcba";
    private static final String NO_TOKEN_CLUSTER = "cluster-aaaaaaaaaaaaa";
    private static final String PIN = "kmsuser-pin";
    static final String TRUST_ANCHOR = trustAnchor();

    private final FakeTokenConnector tokens = new FakeTokenConnector()
            .withToken("kms", PIN).withToken("kms-2", PIN);
    private final Storage storage = Storage.inMemory();
    private final MovableClock clock = new MovableClock();
    private Connections connections;
    private KeyRepository repository;
    private KeyStoreService keyStores;
    private Services services;
    private Dispatcher dispatcher;

    KeyStoreOperationsTest() {
        open();
    }

    /** (Re)loads everything from storage, as a restart does. */
    private void open() {
        if (connections != null) {
            connections.closeAll();
        }
        connections = new Connections();
        repository = KeyRepository.load(storage.barrier(), clock, connections);
        keyStores = KeyStoreService.load(repository, new SealedRecords(storage.barrier()), connections, List.of(
                new Cluster(CLUSTER, FakeTokenConnector.LIBRARY, "kms"),
                new Cluster(OTHER_CLUSTER, FakeTokenConnector.LIBRARY, "kms-2"),
                new Cluster(NO_TOKEN_CLUSTER, FakeTokenConnector.LIBRARY, "absent")), tokens, clock);
        keyStores.reconnectRequested();
        services = Services.over(repository, clock, keyStores);
        dispatcher = new Dispatcher(new OperationRegistry(services));
    }

    @AfterEach
    void close() {
        connections.closeAll();
        storage.close();
    }

    private static String trustAnchor() {
        try (InputStream in = KeyStoreOperationsTest.class.getResourceAsStream("/keystore/customerCA.crt")) {
            return new String(in.readAllBytes(), StandardCharsets.US_ASCII);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private record Answer(int status, JsonNode body) {
        String type() {
            return body.path("__type").asText();
        }

        String message() {
            return body.path("message").asText();
        }
    }

    private Answer call(String operation, ObjectNode request) {
        Dispatcher.Result result = dispatcher.dispatch("TrentService." + operation,
                request.toString().getBytes(StandardCharsets.UTF_8), CONTEXT);
        try {
            byte[] body = result.body();
            return new Answer(result.status(), JSON.readTree(body.length == 0 ? "{}".getBytes() : body));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private JsonNode ok(String operation, ObjectNode request) {
        Answer answer = call(operation, request);
        assertEquals(200, answer.status(), operation + ": " + answer.body());
        return answer.body();
    }

    private static ObjectNode request() {
        return JSON.createObjectNode();
    }

    private static ObjectNode store(String storeId) {
        return request().put("CustomKeyStoreId", storeId);
    }

    private String createStore(String name, String cluster, String pin) {
        return ok("CreateCustomKeyStore", request().put("CustomKeyStoreName", name).put("CloudHsmClusterId", cluster)
                .put("TrustAnchorCertificate", TRUST_ANCHOR).put("KeyStorePassword", pin))
                .get("CustomKeyStoreId").asText();
    }

    private JsonNode describeStore(String storeId) {
        return ok("DescribeCustomKeyStores", store(storeId)).get("CustomKeyStores").get(0);
    }

    private String connectedStore() {
        String id = createStore("store", CLUSTER, PIN);
        ok("ConnectCustomKeyStore", store(id));
        return id;
    }

    private String createKeyIn(String storeId) {
        return ok("CreateKey", request().put("Origin", "AWS_CLOUDHSM").put("CustomKeyStoreId", storeId))
                .get("KeyMetadata").get("KeyId").asText();
    }

    private JsonNode describeKey(String keyId) {
        return ok("DescribeKey", request().put("KeyId", keyId)).get("KeyMetadata");
    }

    private Answer encrypt(String keyId) {
        return call("Encrypt", request().put("KeyId", keyId).put("Plaintext", "aGVsbG8="));
    }

    @Test
    void aNewStoreIsDisconnectedAndDescribedWithTheModelsMembers() {
        String id = createStore("first", CLUSTER, PIN);
        assertTrue(id.matches("cks-[0-9a-f]{17}"), id);
        JsonNode entry = describeStore(id);
        List<String> members = new ArrayList<>();
        entry.fieldNames().forEachRemaining(members::add);
        assertEquals(List.of("CustomKeyStoreId", "CustomKeyStoreName", "CloudHsmClusterId", "TrustAnchorCertificate",
                "ConnectionState", "CreationDate", "CustomKeyStoreType"), members);
        assertEquals("DISCONNECTED", entry.get("ConnectionState").asText());
        assertEquals("AWS_CLOUDHSM", entry.get("CustomKeyStoreType").asText());
        assertEquals(CLUSTER, entry.get("CloudHsmClusterId").asText());
        assertFalse(entry.toString().contains(PIN));
        assertEquals(id, ok("DescribeCustomKeyStores", request().put("CustomKeyStoreName", "first"))
                .get("CustomKeyStores").get(0).get("CustomKeyStoreId").asText());
    }

    @Test
    void describeAllPagesWithLimitAndMarker() {
        String a = createStore("a", CLUSTER, PIN);
        clock.advance(Duration.ofSeconds(1));
        String b = createStore("b", OTHER_CLUSTER, PIN);
        JsonNode first = ok("DescribeCustomKeyStores", request().put("Limit", 1));
        assertTrue(first.get("Truncated").asBoolean());
        assertEquals(a, first.get("CustomKeyStores").get(0).get("CustomKeyStoreId").asText());
        JsonNode second = ok("DescribeCustomKeyStores", request().put("Marker", first.get("NextMarker").asText()));
        assertFalse(second.get("Truncated").asBoolean());
        assertEquals(b, second.get("CustomKeyStores").get(0).get("CustomKeyStoreId").asText());
        assertEquals("InvalidMarkerException", call("DescribeCustomKeyStores",
                request().put("Marker", "not-a-marker")).type());
    }

    @Test
    void unknownStoresNamesAndClustersAreRefused() {
        assertEquals("CustomKeyStoreNotFoundException", call("DescribeCustomKeyStores",
                store("cks-00000000000000000")).type());
        assertEquals("CustomKeyStoreNotFoundException", call("DescribeCustomKeyStores",
                request().put("CustomKeyStoreName", "nope")).type());
        assertEquals("CustomKeyStoreNotFoundException", call("ConnectCustomKeyStore",
                store("cks-00000000000000000")).type());
        Answer cluster = call("CreateCustomKeyStore", request().put("CustomKeyStoreName", "x")
                .put("CloudHsmClusterId", "cluster-bbbbbbbbbbbbb").put("TrustAnchorCertificate", TRUST_ANCHOR)
                .put("KeyStorePassword", PIN));
        assertEquals("CloudHsmClusterNotFoundException", cluster.type());
        Answer pattern = call("CreateCustomKeyStore", request().put("CustomKeyStoreName", "x")
                .put("CloudHsmClusterId", "cluster-1111111111111").put("TrustAnchorCertificate", TRUST_ANCHOR)
                .put("KeyStorePassword", PIN));
        assertEquals("ValidationException", pattern.type());
    }

    @Test
    void namesAreUniqueAndClustersServeOneStore() {
        String id = createStore("taken", CLUSTER, PIN);
        Answer name = call("CreateCustomKeyStore", request().put("CustomKeyStoreName", "taken")
                .put("CloudHsmClusterId", OTHER_CLUSTER).put("TrustAnchorCertificate", TRUST_ANCHOR)
                .put("KeyStorePassword", PIN));
        assertEquals("CustomKeyStoreNameInUseException", name.type());
        Answer cluster = call("CreateCustomKeyStore", request().put("CustomKeyStoreName", "other")
                .put("CloudHsmClusterId", CLUSTER).put("TrustAnchorCertificate", TRUST_ANCHOR)
                .put("KeyStorePassword", PIN));
        assertEquals("CloudHsmClusterInUseException", cluster.type());
        createStore("second", OTHER_CLUSTER, PIN);
        assertEquals("CustomKeyStoreNameInUseException", call("UpdateCustomKeyStore",
                store(id).put("NewCustomKeyStoreName", "second")).type());
    }

    @Test
    void theTrustAnchorMustBeAPemCertificateAndThePasswordIsChecked() {
        Answer anchor = call("CreateCustomKeyStore", request().put("CustomKeyStoreName", "x")
                .put("CloudHsmClusterId", CLUSTER).put("TrustAnchorCertificate", "not a certificate")
                .put("KeyStorePassword", PIN));
        assertEquals("IncorrectTrustAnchorException", anchor.type());
        Answer shortPassword = call("CreateCustomKeyStore", request().put("CustomKeyStoreName", "x")
                .put("CloudHsmClusterId", CLUSTER).put("TrustAnchorCertificate", TRUST_ANCHOR)
                .put("KeyStorePassword", "123"));
        assertEquals("ValidationException", shortPassword.type());
        assertFalse(shortPassword.message().contains("123"), shortPassword.message());
        Answer external = call("CreateCustomKeyStore", request().put("CustomKeyStoreName", "x")
                .put("CustomKeyStoreType", "EXTERNAL_KEY_STORE"));
        assertEquals("XksProxyUriUnreachableException", external.type());
    }

    @Test
    void connectingLogsInAndDisconnectingLogsOut() {
        String id = createStore("store", CLUSTER, PIN);
        ok("ConnectCustomKeyStore", store(id));
        assertEquals("CONNECTED", describeStore(id).get("ConnectionState").asText());
        assertEquals(1, tokens.openSessions("kms"));
        ok("ConnectCustomKeyStore", store(id));
        assertEquals(1, tokens.openSessions("kms"));
        ok("DisconnectCustomKeyStore", store(id));
        assertEquals("DISCONNECTED", describeStore(id).get("ConnectionState").asText());
        assertEquals(0, tokens.openSessions("kms"));
        assertEquals("CustomKeyStoreInvalidStateException", call("DisconnectCustomKeyStore", store(id)).type());
    }

    @Test
    void aWrongPasswordFailsWithInvalidCredentialsUntilDisconnectedAndUpdated() {
        String id = createStore("store", CLUSTER, "wrong-password");
        ok("ConnectCustomKeyStore", store(id));
        JsonNode failed = describeStore(id);
        assertEquals("FAILED", failed.get("ConnectionState").asText());
        assertEquals("INVALID_CREDENTIALS", failed.get("ConnectionErrorCode").asText());
        assertEquals("CustomKeyStoreInvalidStateException", call("ConnectCustomKeyStore", store(id)).type());
        assertEquals("CustomKeyStoreInvalidStateException", call("UpdateCustomKeyStore",
                store(id).put("KeyStorePassword", PIN)).type());
        ok("DisconnectCustomKeyStore", store(id));
        ok("UpdateCustomKeyStore", store(id).put("KeyStorePassword", PIN));
        ok("ConnectCustomKeyStore", store(id));
        JsonNode connected = describeStore(id);
        assertEquals("CONNECTED", connected.get("ConnectionState").asText());
        assertFalse(connected.has("ConnectionErrorCode"));
    }

    @Test
    void aMissingTokenIsClusterNotFound() {
        String id = createStore("store", NO_TOKEN_CLUSTER, PIN);
        ok("ConnectCustomKeyStore", store(id));
        assertEquals("CLUSTER_NOT_FOUND", describeStore(id).get("ConnectionErrorCode").asText());
    }

    @Test
    void updatesOtherThanTheNameNeedADisconnectedStore() {
        String id = connectedStore();
        ok("UpdateCustomKeyStore", store(id).put("NewCustomKeyStoreName", "renamed"));
        assertEquals("renamed", describeStore(id).get("CustomKeyStoreName").asText());
        assertEquals("CustomKeyStoreInvalidStateException", call("UpdateCustomKeyStore",
                store(id).put("CloudHsmClusterId", OTHER_CLUSTER)).type());
        ok("DisconnectCustomKeyStore", store(id));
        assertEquals("CloudHsmClusterNotFoundException", call("UpdateCustomKeyStore",
                store(id).put("CloudHsmClusterId", "cluster-bbbbbbbbbbbbb")).type());
        ok("UpdateCustomKeyStore", store(id).put("CloudHsmClusterId", OTHER_CLUSTER));
        assertEquals(OTHER_CLUSTER, describeStore(id).get("CloudHsmClusterId").asText());
    }

    @Test
    void aKeyInAStoreLivesInTheTokenAndEncryptsThere() {
        String storeId = connectedStore();
        String keyId = createKeyIn(storeId);
        assertTrue(tokens.holds("kms", keyId));
        JsonNode metadata = describeKey(keyId);
        assertEquals("AWS_CLOUDHSM", metadata.get("Origin").asText());
        assertEquals(storeId, metadata.get("CustomKeyStoreId").asText());
        assertEquals(CLUSTER, metadata.get("CloudHsmClusterId").asText());
        assertEquals("Enabled", metadata.get("KeyState").asText());
        JsonNode sealed = ok("Encrypt", request().put("KeyId", keyId).put("Plaintext", "aGVsbG8="));
        JsonNode opened = ok("Decrypt", request().put("CiphertextBlob", sealed.get("CiphertextBlob").asText()));
        assertEquals("aGVsbG8=", opened.get("Plaintext").asText());
        assertEquals(keyId, opened.get("KeyId").asText().replaceAll(".*/", ""));
        JsonNode dataKey = ok("GenerateDataKey", request().put("KeyId", keyId).put("KeySpec", "AES_256"));
        assertEquals(dataKey.get("Plaintext").asText(), ok("Decrypt", request()
                .put("CiphertextBlob", dataKey.get("CiphertextBlob").asText())).get("Plaintext").asText());
        String other = ok("CreateKey", request()).get("KeyMetadata").get("KeyId").asText();
        JsonNode moved = ok("ReEncrypt", request().put("CiphertextBlob", sealed.get("CiphertextBlob").asText())
                .put("DestinationKeyId", other));
        assertEquals("aGVsbG8=", ok("Decrypt", request().put("CiphertextBlob",
                moved.get("CiphertextBlob").asText())).get("Plaintext").asText());
    }

    @Test
    void keysInStoresAreSymmetricSingleRegionAndNeedAConnectedStore() {
        String storeId = createStore("store", CLUSTER, PIN);
        Answer disconnected = call("CreateKey", request().put("Origin", "AWS_CLOUDHSM")
                .put("CustomKeyStoreId", storeId));
        assertEquals("CustomKeyStoreInvalidStateException", disconnected.type());
        ok("ConnectCustomKeyStore", store(storeId));
        assertEquals("UnsupportedOperationException", call("CreateKey", request().put("Origin", "AWS_CLOUDHSM")
                .put("CustomKeyStoreId", storeId).put("KeySpec", "HMAC_256").put("KeyUsage", "GENERATE_VERIFY_MAC"))
                .type());
        assertEquals("UnsupportedOperationException", call("CreateKey", request().put("Origin", "AWS_CLOUDHSM")
                .put("CustomKeyStoreId", storeId).put("MultiRegion", true)).type());
        assertEquals("CustomKeyStoreNotFoundException", call("CreateKey", request().put("Origin", "AWS_CLOUDHSM")
                .put("CustomKeyStoreId", "cks-00000000000000000")).type());
        String keyId = createKeyIn(storeId);
        Answer rotation = call("EnableKeyRotation", request().put("KeyId", keyId));
        assertEquals("UnsupportedOperationException", rotation.type());
        assertTrue(rotation.message().endsWith("origin is AWS_CLOUDHSM which is not valid for this operation."),
                rotation.message());
    }

    @Test
    void keysOfADisconnectedStoreAreUnavailableAndComeBackInTheirState() {
        String storeId = connectedStore();
        String enabled = createKeyIn(storeId);
        String disabled = createKeyIn(storeId);
        ok("DisableKey", request().put("KeyId", disabled));
        String ciphertext = ok("Encrypt", request().put("KeyId", enabled).put("Plaintext", "aGVsbG8="))
                .get("CiphertextBlob").asText();
        ok("DisconnectCustomKeyStore", store(storeId));

        JsonNode metadata = describeKey(enabled);
        assertEquals("Unavailable", metadata.get("KeyState").asText());
        assertFalse(metadata.get("Enabled").asBoolean());
        assertEquals("Unavailable", describeKey(disabled).get("KeyState").asText());
        LifecycleService.View lifecycle = services.lifecycle().view(SCOPE, enabled);
        assertEquals(KeyState.Unavailable, lifecycle.key().orElseThrow().state());
        assertEquals(NistPhase.SUSPENDED, lifecycle.phase(), "a key whose token is out of reach is suspended");
        Answer refused = encrypt(enabled);
        assertEquals("KMSInvalidStateException", refused.type());
        assertEquals(metadata.get("Arn").asText() + " is unavailable.", refused.message());
        assertEquals("KMSInvalidStateException", call("Decrypt",
                request().put("CiphertextBlob", ciphertext)).type());
        assertEquals("KMSInvalidStateException", call("GenerateDataKey",
                request().put("KeyId", enabled).put("KeySpec", "AES_256")).type());
        // AWS: enabling or disabling an unavailable key takes effect once the key is available again.
        ok("EnableKey", request().put("KeyId", disabled));
        assertEquals("Unavailable", describeKey(disabled).get("KeyState").asText());

        ok("ConnectCustomKeyStore", store(storeId));
        assertEquals("Enabled", describeKey(enabled).get("KeyState").asText());
        assertEquals("Enabled", describeKey(disabled).get("KeyState").asText());
        assertEquals("aGVsbG8=", ok("Decrypt", request().put("CiphertextBlob", ciphertext))
                .get("Plaintext").asText());
    }

    @Test
    void aKeyPendingDeletionStaysSoWhileItsStoreIsDisconnected() {
        String storeId = connectedStore();
        String keyId = createKeyIn(storeId);
        ok("DisconnectCustomKeyStore", store(storeId));
        ok("ScheduleKeyDeletion", request().put("KeyId", keyId).put("PendingWindowInDays", 7));
        assertEquals("PendingDeletion", describeKey(keyId).get("KeyState").asText());
        ok("CancelKeyDeletion", request().put("KeyId", keyId));
        assertEquals("Unavailable", describeKey(keyId).get("KeyState").asText());
        ok("ConnectCustomKeyStore", store(storeId));
        assertEquals("Disabled", describeKey(keyId).get("KeyState").asText());
    }

    @Test
    void aStoreIsDeletedOnlyDisconnectedAndWithoutKeysAndItsKeysLeaveTheTokenWithThem() {
        String storeId = connectedStore();
        String keyId = createKeyIn(storeId);
        assertEquals("CustomKeyStoreInvalidStateException", call("DeleteCustomKeyStore", store(storeId)).type());
        ok("ScheduleKeyDeletion", request().put("KeyId", keyId).put("PendingWindowInDays", 7));
        ok("DisconnectCustomKeyStore", store(storeId));
        assertEquals("CustomKeyStoreHasCMKsException", call("DeleteCustomKeyStore", store(storeId)).type());
        ok("ConnectCustomKeyStore", store(storeId));
        clock.advance(Duration.ofDays(8));
        DeletionSweeper sweeper = new DeletionSweeper(repository, clock, keyStores::destroyed);
        assertEquals(1, sweeper.sweep().size());
        assertFalse(tokens.holds("kms", keyId));
        assertEquals("NotFoundException", call("DescribeKey", request().put("KeyId", keyId)).type());
        ok("DisconnectCustomKeyStore", store(storeId));
        ok("DeleteCustomKeyStore", store(storeId));
        assertEquals("CustomKeyStoreNotFoundException", call("DescribeCustomKeyStores", store(storeId)).type());
    }

    @Test
    void generateRandomDrawsFromAConnectedStore() {
        String storeId = createStore("store", CLUSTER, PIN);
        assertEquals("CustomKeyStoreInvalidStateException", call("GenerateRandom",
                store(storeId).put("NumberOfBytes", 16)).type());
        ok("ConnectCustomKeyStore", store(storeId));
        String random = ok("GenerateRandom", store(storeId).put("NumberOfBytes", 16)).get("Plaintext").asText();
        assertEquals(16, java.util.Base64.getDecoder().decode(random).length);
        assertEquals("CustomKeyStoreNotFoundException", call("GenerateRandom",
                store("cks-00000000000000000").put("NumberOfBytes", 16)).type());
    }

    @Test
    void aRestartReconnectsTheStoresThatWereConnectedAndKeepsThePasswordSealed() {
        String connected = connectedStore();
        String keyId = createKeyIn(connected);
        String ciphertext = ok("Encrypt", request().put("KeyId", keyId).put("Plaintext", "aGVsbG8="))
                .get("CiphertextBlob").asText();
        String disconnected = createStore("idle", OTHER_CLUSTER, PIN);
        open();
        assertEquals("CONNECTED", describeStore(connected).get("ConnectionState").asText());
        assertEquals("DISCONNECTED", describeStore(disconnected).get("ConnectionState").asText());
        assertEquals("aGVsbG8=", ok("Decrypt", request().put("CiphertextBlob", ciphertext))
                .get("Plaintext").asText());
        assertNotEquals(null, storage.barrier().get("keystore-passwords/111122223333/us-east-1/" + connected)
                .orElse(null));
    }
}
