package dev.trent.server.repository;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.trent.server.key.AliasName;
import dev.trent.server.key.EncryptionAlgorithm;
import dev.trent.server.key.KeyMaterial;
import dev.trent.server.key.KeyId;
import dev.trent.server.key.KeySpec;
import dev.trent.server.key.KeyUsage;
import dev.trent.server.key.KmsKey;
import dev.trent.server.key.Origin;
import dev.trent.server.key.Scope;
import dev.trent.server.key.lifecycle.KeyState;
import dev.trent.server.service.AliasService;
import dev.trent.server.service.EncryptionService;
import dev.trent.server.service.KeyLookup;
import dev.trent.server.service.KeyService;
import dev.trent.server.service.NewKey;
import dev.trent.server.service.Tags;
import dev.trent.storage.KeyFileRootOfTrust;
import dev.trent.storage.PhysicalWrite;
import dev.trent.storage.SqlitePhysicalStore;
import dev.trent.storage.Storage;
import dev.trent.storage.StorageException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Keys, aliases and material through a real SQLite store: closed, reopened, and tampered with beneath the barrier. */
class KeyRepositoryPersistenceTest {

    private static final Scope SCOPE = new Scope("111122223333", "us-east-1");
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-03-01T12:00:00.123Z"), ZoneOffset.UTC);
    private static final byte[] PLAINTEXT = "kept across restarts".getBytes(StandardCharsets.UTF_8);

    @TempDir
    Path dir;

    private Storage open() {
        return Storage.open(SqlitePhysicalStore.open(dir.resolve("trent.db")), KeyFileRootOfTrust.provider(dir.resolve("root.key")));
    }

    /** The services a server builds over one repository. */
    private record Wired(KeyRepository repository, KeyService keys, AliasService aliases, EncryptionService encryption) {
        static Wired over(Storage storage) {
            KeyRepository repository = KeyRepository.load(storage.barrier());
            KeyLookup lookup = new KeyLookup(repository);
            return new Wired(repository, new KeyService(repository, lookup, CLOCK), new AliasService(repository, lookup, CLOCK),
                    new EncryptionService(lookup));
        }
    }

    @Test
    void keysTagsAliasesAndStates_surviveReopening_andOldCiphertextsDecrypt() throws Exception {
        List<KmsKey> keysBefore;
        List<?> aliasesBefore;
        byte[] symmetricBlob;
        byte[] rsaBlob;
        byte[] rsaPublicKey;
        KmsKey tagged;
        KmsKey disabled;
        KmsKey pending;
        KmsKey rsa;
        try (Storage storage = open()) {
            Wired w = Wired.over(storage);
            tagged = create(w, KeySpec.SYMMETRIC_DEFAULT, KeyUsage.ENCRYPT_DECRYPT, Map.of("team", "kms", "empty", ""));
            w.keys().tag(SCOPE, tagged.id().value(), List.of(new Tags.Tag("stage", "prod"), new Tags.Tag("team", "crypto")));
            w.keys().untag(SCOPE, tagged.id().value(), List.of("empty"));
            w.keys().updateDescription(SCOPE, tagged.id().value(), "described \u00e9");
            disabled = create(w, KeySpec.SYMMETRIC_DEFAULT, KeyUsage.ENCRYPT_DECRYPT, Map.of());
            w.keys().disable(SCOPE, disabled.id().value());
            pending = create(w, KeySpec.HMAC_256, KeyUsage.GENERATE_VERIFY_MAC, Map.of());
            w.keys().scheduleDeletion(SCOPE, pending.id().value(), 9);
            rsa = create(w, KeySpec.RSA_2048, KeyUsage.ENCRYPT_DECRYPT, Map.of());
            w.aliases().create(SCOPE, new AliasName("alias/tagged"), tagged.id().value());
            w.aliases().create(SCOPE, new AliasName("alias/second"), tagged.id().value());
            w.aliases().create(SCOPE, new AliasName("alias/off"), disabled.id().value());

            symmetricBlob = w.encryption().encrypt(SCOPE, "alias/tagged", PLAINTEXT, Map.of("a", "b"), null, false).ciphertext();
            rsaBlob = w.encryption().encrypt(SCOPE, rsa.arn(), PLAINTEXT, Map.of(), EncryptionAlgorithm.RSAES_OAEP_SHA_256,
                    false).ciphertext();
            rsaPublicKey = w.repository().find(SCOPE, rsa.id()).orElseThrow().currentMaterial().subjectPublicKeyInfo();
            keysBefore = w.keys().list(SCOPE);
            aliasesBefore = w.repository().aliases().in(SCOPE);
        }

        try (Storage storage = open()) {
            Wired w = Wired.over(storage);
            assertEquals(keysBefore, w.keys().list(SCOPE), "every key's metadata, state, dates, tags and materials");
            assertEquals(aliasesBefore, w.repository().aliases().in(SCOPE));
            KmsKey reloaded = w.keys().describe(SCOPE, tagged.id().value());
            assertEquals(Map.of("team", "crypto", "stage", "prod"), reloaded.tags());
            assertEquals("described \u00e9", reloaded.description());
            assertEquals(KeyState.Enabled, reloaded.state());
            assertEquals(KeyState.Disabled, w.keys().describe(SCOPE, disabled.id().value()).state());
            KmsKey stillPending = w.keys().describe(SCOPE, pending.id().value());
            assertEquals(KeyState.PendingDeletion, stillPending.state());
            assertEquals(Instant.parse("2026-03-10T12:00:00.123Z"), stillPending.deletionDate());
            assertEquals(9, stillPending.pendingWindowInDays());
            assertEquals(KeySpec.RSA_2048, w.keys().describe(SCOPE, rsa.id().value()).spec());

            assertArrayEquals(PLAINTEXT, w.encryption().decrypt(SCOPE, symmetricBlob, null, Map.of("a", "b"), null, false)
                    .plaintext());
            assertArrayEquals(PLAINTEXT, w.encryption().decrypt(SCOPE, rsaBlob, rsa.id().value(), Map.of(),
                    EncryptionAlgorithm.RSAES_OAEP_SHA_256, false).plaintext());
            assertArrayEquals(rsaPublicKey, w.repository().find(SCOPE, rsa.id()).orElseThrow().currentMaterial()
                    .subjectPublicKeyInfo());
        }
    }

    @Test
    void materialCopiedToAnotherKeysPath_leavesThatKeyUnserved() {
        KmsKey victim;
        String victimPath;
        try (Storage storage = open()) {
            Wired w = Wired.over(storage);
            KmsKey attacker = create(w, KeySpec.SYMMETRIC_DEFAULT, KeyUsage.ENCRYPT_DECRYPT, Map.of());
            victim = create(w, KeySpec.SYMMETRIC_DEFAULT, KeyUsage.ENCRYPT_DECRYPT, Map.of());
            victimPath = RecordPaths.material(SCOPE, victim.id(), 1);
            copyBeneathTheBarrier(RecordPaths.material(SCOPE, attacker.id(), 1), victimPath);
        }

        try (Storage storage = open()) {
            KeyRepository repository = KeyRepository.load(storage.barrier());
            assertTrue(repository.find(SCOPE, victim.id()).isEmpty(), "a key with a foreign record is not served");
            java.util.List<String> reasons = repository.damaged().reasons(SCOPE, victim.id()).orElseThrow();
            assertTrue(reasons.stream().anyMatch(r -> r.contains("record '" + victimPath
                    + "' failed its integrity check")), reasons.toString());
            assertFalse(reasons.toString().contains(victim.currentMaterial().materialId()));
        }
    }

    @Test
    void keyRecordCopiedOverAnother_leavesThatKeyUnserved() {
        String overwritten;
        KeyId second;
        try (Storage storage = open()) {
            Wired w = Wired.over(storage);
            KmsKey first = create(w, KeySpec.SYMMETRIC_DEFAULT, KeyUsage.ENCRYPT_DECRYPT, Map.of());
            second = create(w, KeySpec.SYMMETRIC_DEFAULT, KeyUsage.ENCRYPT_DECRYPT, Map.of()).id();
            overwritten = RecordPaths.key(SCOPE, second);
            copyBeneathTheBarrier(RecordPaths.key(SCOPE, first.id()), overwritten);
        }
        try (Storage storage = open()) {
            KeyRepository repository = KeyRepository.load(storage.barrier());
            assertTrue(repository.find(SCOPE, second).isEmpty(), "the overwritten key is not served");
            assertTrue(repository.damaged().reasons(SCOPE, second).orElseThrow().stream()
                    .anyMatch(r -> r.contains("record '" + overwritten + "' failed its integrity check")));
        }
    }

    @Test
    void symmetricMaterial_isStoredAsThe32ByteKey_underItsOwnPath() {
        try (Storage storage = open()) {
            Wired w = Wired.over(storage);
            KmsKey key = create(w, KeySpec.SYMMETRIC_DEFAULT, KeyUsage.ENCRYPT_DECRYPT, Map.of());
            byte[] stored = storage.barrier().get(RecordPaths.material(SCOPE, key.id(), 1)).orElseThrow();
            KeyMaterial material = w.repository().find(SCOPE, key.id()).orElseThrow().currentMaterial();
            assertEquals(32, stored.length);
            assertEquals(true, material.sealable().sameAs(dev.trent.server.crypto.SecretBytes.copyOf(stored)));
            assertEquals(List.of("material/111122223333/us-east-1/" + key.id().value() + "/1"),
                    List.copyOf(storage.barrier().getAll(RecordPaths.MATERIAL).keySet()));
        }
    }

    @Test
    void failedWrite_leavesMemoryAsItWas() {
        Storage storage = open();
        Wired w = Wired.over(storage);
        KmsKey key = create(w, KeySpec.SYMMETRIC_DEFAULT, KeyUsage.ENCRYPT_DECRYPT, Map.of());
        storage.close();

        assertThrows(StorageException.class, () -> w.keys().disable(SCOPE, key.id().value()));
        assertThrows(StorageException.class, () -> create(w, KeySpec.SYMMETRIC_DEFAULT, KeyUsage.ENCRYPT_DECRYPT, Map.of()));
        assertThrows(StorageException.class, () -> w.aliases().create(SCOPE, new AliasName("alias/x"), key.id().value()));
        assertEquals(List.of(key), w.keys().list(SCOPE));
        assertEquals(List.of(), w.repository().aliases().in(SCOPE));
    }

    /** Writes the sealed bytes at {@code from} to {@code to} in the SQLite file, as someone with the file could. */
    private void copyBeneathTheBarrier(String from, String to) {
        try (SqlitePhysicalStore physical = SqlitePhysicalStore.open(dir.resolve("trent.db"))) {
            byte[] sealed = physical.get(from).orElseThrow();
            physical.apply(List.of(PhysicalWrite.put(to, sealed)));
        }
    }

    private static KmsKey create(Wired w, KeySpec spec, KeyUsage usage, Map<String, String> tags) {
        return w.keys().create(SCOPE, new NewKey("", spec, usage, Origin.AWS_KMS, tags));
    }
}
