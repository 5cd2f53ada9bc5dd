package dev.trent.server.seed;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.trent.server.api.Services;
import dev.trent.server.key.AliasName;
import dev.trent.server.key.KeyId;
import dev.trent.server.key.KmsKey;
import dev.trent.server.key.MacAlgorithm;
import dev.trent.server.key.MessageType;
import dev.trent.server.key.Scope;
import dev.trent.server.key.SigningAlgorithm;
import dev.trent.server.key.lifecycle.KeyState;
import dev.trent.server.repository.KeyRepository;
import dev.trent.storage.KeyFileRootOfTrust;
import dev.trent.storage.SqlitePhysicalStore;
import dev.trent.storage.Storage;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.Signature;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Applying seeds: known material really used, nothing duplicated or overwritten, across restarts too. */
class SeedApplierTest {

    private static final String ACCOUNT = "111122223333";
    private static final String REGION = "eu-west-1";
    private static final Scope SCOPE = new Scope(ACCOUNT, REGION);
    private static final KeyId AES = new KeyId("11111111-2222-3333-4444-555555555555");
    private static final KeyId HMAC = new KeyId("22222222-2222-3333-4444-555555555555");
    private static final KeyId RSA = new KeyId("33333333-2222-3333-4444-555555555555");
    private static final KeyId ECC = new KeyId("44444444-2222-3333-4444-555555555555");
    private static final KeyId GONE = new KeyId("55555555-2222-3333-4444-555555555555");
    private static final byte[] HMAC_KEY = "a 32-byte HMAC key for the test!".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] MESSAGE = "seeded".getBytes(StandardCharsets.UTF_8);

    private static final KeyPair RSA_PAIR = SeedKeys.rsa2048();
    private static final KeyPair EC_PAIR = SeedKeys.p256();

    @TempDir
    Path dir;

    private final List<String> log = new ArrayList<>();

    private Storage open() {
        return Storage.open(SqlitePhysicalStore.open(dir.resolve("trent.db")),
                KeyFileRootOfTrust.provider(dir.resolve("root.key")));
    }

    private record Wired(KeyRepository repository, Services services) {
        static Wired over(Storage storage) {
            KeyRepository repository = KeyRepository.load(storage.barrier(), Clock.systemUTC());
            return new Wired(repository, Services.over(repository, Clock.systemUTC()));
        }
    }

    private SeedApplier.Outcome apply(Wired wired, String yaml) {
        return new SeedApplier(wired.services(), wired.repository(), ACCOUNT, REGION, log::add)
                .apply(SeedFile.parse(dir.resolve("seed.yaml"), yaml));
    }

    private static String seed(String description) {
        return """
                keys:
                  - id: %s
                    description: %s
                    material: [%s, %s]
                    aliases: [alias/orders]
                    rotationPeriodInDays: 90
                    grants:
                      - granteePrincipal: arn:aws:iam::111122223333:role/app
                        operations: [Encrypt, Decrypt]
                  - id: %s
                    spec: HMAC_256
                    material: %s
                    tags: {team: payments}
                  - id: %s
                    spec: RSA_2048
                    usage: SIGN_VERIFY
                    state: Disabled
                    material: |
                %s
                  - id: %s
                    spec: ECC_NIST_P256
                    usage: SIGN_VERIFY
                    material: |
                %s
                  - id: %s
                    state: PendingDeletion
                    pendingWindowInDays: 7
                """.formatted(AES, description, b64(new byte[32]), b64(filled(32, 7)), HMAC, b64(HMAC_KEY), RSA,
                SeedKeys.indented(SeedKeys.pkcs8Pem(RSA_PAIR), 6), ECC,
                SeedKeys.indented(SeedKeys.traditionalPem(EC_PAIR), 6), GONE);
    }

    @Test
    void knownMaterial_isTheKeyMaterial() throws Exception {
        try (Storage storage = open()) {
            Wired w = Wired.over(storage);
            assertEquals(new SeedApplier.Outcome(5, 0, 1, 0), apply(w, seed("orders")));

            Mac jca = Mac.getInstance("HmacSHA256");
            jca.init(new SecretKeySpec(HMAC_KEY, "HmacSHA256"));
            assertArrayEquals(jca.doFinal(MESSAGE),
                    w.services().macs().generate(SCOPE, HMAC.value(), MESSAGE, MacAlgorithm.HMAC_SHA_256, false).mac());

            w.services().keys().enable(SCOPE, RSA.value());
            assertArrayEquals(RSA_PAIR.getPublic().getEncoded(),
                    w.services().signing().publicKey(SCOPE, RSA.value()).subjectPublicKeyInfo());

            byte[] signature = w.services().signing().sign(SCOPE, ECC.value(), MESSAGE, MessageType.RAW,
                    SigningAlgorithm.ECDSA_SHA_256, false).signature();
            Signature verifier = Signature.getInstance("SHA256withECDSA");
            verifier.initVerify(EC_PAIR.getPublic());
            verifier.update(MESSAGE);
            assertTrue(verifier.verify(signature));
        }
    }

    @Test
    void settings_areApplied() {
        try (Storage storage = open()) {
            Wired w = Wired.over(storage);
            apply(w, seed("orders"));

            KmsKey aes = w.repository().find(SCOPE, AES).orElseThrow().metadata();
            assertEquals(2, aes.materials().size());
            assertEquals(2, aes.currentMaterial().number());
            assertEquals(90, aes.rotation().periodInDays());
            assertEquals(AES, w.repository().aliases().find(SCOPE, new AliasName("alias/orders")).orElseThrow().target());
            assertEquals(1, w.repository().grants().of(SCOPE, AES).size());
            assertEquals(Map.of("team", "payments"), w.repository().find(SCOPE, HMAC).orElseThrow().metadata().tags());
            assertEquals(KeyState.Disabled, w.repository().find(SCOPE, RSA).orElseThrow().metadata().state());
            KmsKey gone = w.repository().find(SCOPE, GONE).orElseThrow().metadata();
            assertEquals(KeyState.PendingDeletion, gone.state());
            assertEquals(7, gone.pendingWindowInDays());
        }
    }

    @Test
    void applyingAgain_andAfterARestart_addsNothing_andChangesNothing() {
        byte[] ciphertext;
        try (Storage storage = open()) {
            Wired w = Wired.over(storage);
            apply(w, seed("orders"));
            ciphertext = w.services().encryption().encrypt(SCOPE, "alias/orders", MESSAGE, Map.of(), null, false)
                    .ciphertext();
            w.services().keys().updateDescription(SCOPE, AES.value(), "changed by a user");

            assertEquals(new SeedApplier.Outcome(0, 5, 0, 1), apply(w, seed("orders")));
            assertEquals(5, w.repository().list(SCOPE).size());
        }
        log.clear();
        try (Storage storage = open()) {
            Wired w = Wired.over(storage);
            assertEquals(new SeedApplier.Outcome(0, 5, 0, 1), apply(w, seed("a new description")));

            assertEquals(5, w.repository().list(SCOPE).size());
            assertEquals("changed by a user", w.repository().find(SCOPE, AES).orElseThrow().metadata().description());
            assertEquals(2, w.repository().find(SCOPE, AES).orElseThrow().metadata().materials().size());
            assertEquals(1, w.repository().grants().of(SCOPE, AES).size());
            assertArrayEquals(MESSAGE, w.services().encryption().decrypt(SCOPE, ciphertext, null, Map.of(), null, false)
                    .plaintext());
            assertEquals(6, log.size());
            assertTrue(log.get(0).contains("key arn:aws:kms:eu-west-1:111122223333:key/" + AES + " already exists"),
                    log.get(0));
        }
    }

    @Test
    void aHalfAppliedSeed_isCompletedByTheNextStart() {
        try (Storage storage = open()) {
            Wired w = Wired.over(storage);
            apply(w, """
                    keys:
                      - id: %s
                    """.formatted(AES));
        }
        try (Storage storage = open()) {
            Wired w = Wired.over(storage);
            assertEquals(new SeedApplier.Outcome(4, 1, 1, 0), apply(w, seed("orders")));
            assertEquals(AES, w.repository().aliases().find(SCOPE, new AliasName("alias/orders")).orElseThrow().target());
        }
    }

    @Test
    void refusalsByKmsRules_nameTheEntry() {
        try (Storage storage = open()) {
            Wired w = Wired.over(storage);
            SeedException e = assertThrows(SeedException.class, () -> apply(w, """
                    keys:
                      - id: %s
                        state: PendingDeletion
                        aliases: [alias/doomed]
                    """.formatted(AES)));
            assertTrue(e.getMessage().startsWith("seed file " + dir.resolve("seed.yaml") + ", line 4, column 15: "),
                    e.getMessage());
        }
    }

    private static String b64(byte[] bytes) {
        return Base64.getEncoder().encodeToString(bytes);
    }

    private static byte[] filled(int length, int value) {
        byte[] bytes = new byte[length];
        java.util.Arrays.fill(bytes, (byte) value);
        return bytes;
    }
}
