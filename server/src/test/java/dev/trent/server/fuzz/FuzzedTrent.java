package dev.trent.server.fuzz;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.trent.server.admin.AdminRouter;
import dev.trent.server.admin.AdminRoutes;
import dev.trent.server.admin.InitScriptStatus;
import dev.trent.server.api.Dispatcher;
import dev.trent.server.api.OperationRegistry;
import dev.trent.server.api.RequestContext;
import dev.trent.server.api.RequestGate;
import dev.trent.server.api.Services;
import dev.trent.server.app.StateReset;
import dev.trent.server.app.TrentServer;
import dev.trent.server.http.Accounts;
import dev.trent.server.http.AdminHttpHandler;
import dev.trent.server.http.ConnectionSettings;
import dev.trent.server.http.CrossSiteGuard;
import dev.trent.server.http.CrossSiteRules;
import dev.trent.server.http.KmsChannelInitializer;
import dev.trent.server.http.KmsHttpHandler;
import dev.trent.server.key.Scope;
import dev.trent.server.keystore.Cluster;
import dev.trent.server.keystore.Connections;
import dev.trent.server.keystore.FakeTokenConnector;
import dev.trent.server.keystore.KeyStoreService;
import dev.trent.server.repository.KeyRepository;
import dev.trent.server.repository.SealedRecords;
import dev.trent.server.service.CryptoperiodSweeper;
import dev.trent.server.service.DeletionSweeper;
import dev.trent.server.service.MaterialExpirySweeper;
import dev.trent.server.time.Housekeeping;
import dev.trent.server.time.MovableClock;
import dev.trent.server.time.TimeTravel;
import dev.trent.storage.Storage;
import io.netty.channel.embedded.EmbeddedChannel;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * An in-memory Trent for the fuzz targets, wired as the server wires itself (services, request gate,
 * housekeeping that moving the clock runs, the reset endpoints' wipe, a custom key store cluster on a fake
 * token), with the server's own pipeline on an embedded channel and a direct executor, so a request is answered
 * before the call returns; a few keys of every usage under fixed ids (made again after a reset) let fuzzed
 * requests name keys that exist.
 */
final class FuzzedTrent implements AutoCloseable {

    static final String ACCOUNT = "111122223333";
    static final String REGION = "us-east-1";

    /** Key ids the seed inputs use; each key is made by {@link #KEY_REQUESTS}. */
    static final String SYMMETRIC = "0a0a0a0a-0000-4000-8000-000000000001";
    static final String RSA = "0a0a0a0a-0000-4000-8000-000000000002";
    static final String ECC_SIGN = "0a0a0a0a-0000-4000-8000-000000000003";
    static final String HMAC = "0a0a0a0a-0000-4000-8000-000000000004";
    static final String ECC_AGREEMENT = "0a0a0a0a-0000-4000-8000-000000000005";
    static final String EXTERNAL = "0a0a0a0a-0000-4000-8000-000000000006";
    static final String ALIAS = "alias/fuzz";
    static final String CLUSTER = "cluster-234567abcdefg";

    private static final ObjectMapper JSON = new ObjectMapper();
    /**
     * Quiet: a fuzzer sends millions of requests, and logging each 500's stack trace would take longer than
     * the fuzzing; a 500 fails the target anyway, with its input. Held here so the setting is not collected.
     */
    private static final Logger TRENT_LOG = quiet(Logger.getLogger("dev.trent"));
    private static final List<String> KEY_REQUESTS = List.of(
            create(SYMMETRIC, "\"KeySpec\":\"SYMMETRIC_DEFAULT\""),
            create(RSA, "\"KeySpec\":\"RSA_2048\",\"KeyUsage\":\"ENCRYPT_DECRYPT\"", RsaMaterial.PKCS8),
            create(ECC_SIGN, "\"KeySpec\":\"ECC_NIST_P256\",\"KeyUsage\":\"SIGN_VERIFY\""),
            create(HMAC, "\"KeySpec\":\"HMAC_256\",\"KeyUsage\":\"GENERATE_VERIFY_MAC\""),
            create(ECC_AGREEMENT, "\"KeySpec\":\"ECC_NIST_P256\",\"KeyUsage\":\"KEY_AGREEMENT\""),
            create(EXTERNAL, "\"Origin\":\"EXTERNAL\""));

    private final Storage storage;
    private final Dispatcher dispatcher;
    /** Outside the request gate, so the reset's re-creation of the keys can run while the gate is held. */
    private final Dispatcher setup;
    private final AdminRouter admin;
    private volatile String ciphertext;

    private FuzzedTrent() {
        storage = Storage.inMemory();
        MovableClock clock = new MovableClock(Clock.systemUTC());
        Connections connections = new Connections();
        KeyRepository repository = KeyRepository.load(storage.barrier(), clock, connections);
        SealedRecords records = new SealedRecords(storage.barrier());
        KeyStoreService keyStores = KeyStoreService.load(repository, records, connections,
                List.of(new Cluster(CLUSTER, FakeTokenConnector.LIBRARY, "kms")),
                new FakeTokenConnector().withToken("kms", "kmsuser-pin"), clock);
        Services services = Services.over(repository, clock, keyStores);
        RequestGate gate = new RequestGate();
        dispatcher = new Dispatcher(new OperationRegistry(services), gate);
        setup = new Dispatcher(new OperationRegistry(services));
        DeletionSweeper deletions = new DeletionSweeper(repository, clock, keyStores::destroyed);
        MaterialExpirySweeper expiries = new MaterialExpirySweeper(repository, services.imports().tokens(), clock);
        CryptoperiodSweeper cryptoperiods = new CryptoperiodSweeper(repository);
        TimeTravel time = new TimeTravel(clock, new Housekeeping()
                .add(TrentServer.KEYS_DELETED, () -> deletions.sweep().size(), deletions::nextDue)
                .add(TrentServer.MATERIAL_EXPIRED, () -> expiries.sweep().size(), expiries::nextDue)
                .add(TrentServer.ROTATIONS, services.rotation()::rotateDue, services.rotation()::nextDue)
                .add(TrentServer.CRYPTOPERIODS_ENDED, cryptoperiods::sweep, cryptoperiods::nextDue));
        StateReset reset = new StateReset(repository, keyStores, services.imports().tokens(), records, time, gate,
                this::makeKeys);
        admin = AdminRoutes.create(time, "fuzz", services.lifecycle(), ACCOUNT, REGION, InitScriptStatus.NONE,
                reset);
    }

    static FuzzedTrent start() {
        FuzzedTrent trent = new FuzzedTrent();
        trent.makeKeys();
        return trent;
    }

    private void makeKeys() {
        KEY_REQUESTS.forEach(body -> mustSucceed("CreateKey", body));
        mustSucceed("CreateAlias", "{\"AliasName\":\"" + ALIAS + "\",\"TargetKeyId\":\"" + SYMMETRIC + "\"}");
        JsonNode encrypted = mustSucceed("Encrypt",
                "{\"KeyId\":\"" + SYMMETRIC + "\",\"Plaintext\":\"AAECAw==\",\"EncryptionContext\":{\"a\":\"b\"}}");
        ciphertext = encrypted.get("CiphertextBlob").asText();
    }

    private static Logger quiet(Logger logger) {
        logger.setLevel(Level.OFF);
        return logger;
    }

    private static String create(String id, String members) {
        return "{" + members + ",\"Tags\":[{\"TagKey\":\"_custom_id_\",\"TagValue\":\"" + id + "\"}]}";
    }

    /** With LocalStack's material tag, so a reset (which makes the keys again) needs no new RSA key pair. */
    private static String create(String id, String members, String material) {
        return "{" + members + ",\"Tags\":[{\"TagKey\":\"_custom_id_\",\"TagValue\":\"" + id + "\"},"
                + "{\"TagKey\":\"_custom_key_material_\",\"TagValue\":\"" + material + "\"}]}";
    }

    private JsonNode mustSucceed(String operation, String body) {
        Dispatcher.Result result = setup.dispatch("TrentService." + operation, body.getBytes(StandardCharsets.UTF_8),
                new RequestContext(new Scope(ACCOUNT, REGION), "setup"));
        String answer = new String(result.body(), StandardCharsets.UTF_8);
        if (result.status() != 200) {
            throw new IllegalStateException(operation + " " + body + " answered " + result.status() + " " + answer);
        }
        try {
            return JSON.readTree(answer);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The JSON layer alone, as the KMS handler calls it for a request signed for {@link #REGION}. */
    Dispatcher.Result dispatch(String target, byte[] body) {
        return dispatcher.dispatch(target, body, new RequestContext(new Scope(ACCOUNT, REGION), "fuzz"));
    }

    /**
     * A new connection through the server's real pipeline, as a plain-HTTP server on 127.0.0.1 builds it:
     * timeouts, HTTP codec, read back-pressure, answers in order, bounded aggregator, cross-site guard, admin, KMS.
     */
    EmbeddedChannel connection() {
        return new EmbeddedChannel(new KmsChannelInitializer(
                () -> new KmsHttpHandler(dispatcher, Runnable::run, new Accounts(ACCOUNT, Map.of()), REGION),
                () -> new AdminHttpHandler(admin, Runnable::run),
                new CrossSiteGuard(new CrossSiteRules("127.0.0.1", List.of(), false)), null,
                new ConnectionSettings(java.time.Duration.ofSeconds(120), java.time.Duration.ofSeconds(30))));
    }

    /** A ciphertext of {@link #SYMMETRIC} (made with its latest keys), base64 as it travels in requests. */
    String ciphertext() {
        return ciphertext;
    }

    @Override
    public void close() {
        storage.close();
    }
}
