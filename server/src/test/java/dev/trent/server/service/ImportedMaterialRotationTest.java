package dev.trent.server.service;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.trent.server.crypto.JcaKeyWrapping;
import dev.trent.server.crypto.SecretBytes;
import dev.trent.server.error.IncorrectKeyMaterialException;
import dev.trent.server.error.KMSInvalidStateException;
import dev.trent.server.error.NotFoundException;
import dev.trent.server.error.UnsupportedOperationException;
import dev.trent.server.error.ValidationException;
import dev.trent.server.key.ExpirationModel;
import dev.trent.server.key.ImportType;
import dev.trent.server.key.KeyMaterial;
import dev.trent.server.key.KeyMaterialState;
import dev.trent.server.key.KeySpec;
import dev.trent.server.key.KeyUsage;
import dev.trent.server.key.KmsKey;
import dev.trent.server.key.MaterialVersion;
import dev.trent.server.key.Origin;
import dev.trent.server.key.Scope;
import dev.trent.server.key.WrappingAlgorithm;
import dev.trent.server.key.WrappingKeySpec;
import dev.trent.server.key.lifecycle.KeyState;
import dev.trent.server.repository.KeyRepository;
import dev.trent.storage.Storage;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * On-demand rotation of imported material: new material imported with NEW_KEY_MATERIAL waits as
 * PENDING_ROTATION, RotateKeyOnDemand makes it current, every material keeps decrypting what it encrypted, and
 * all of it survives a reload of the store.
 */
class ImportedMaterialRotationTest {

    private static final Scope SCOPE = new Scope("111122223333", "us-east-1");

    private final MutableClock clock = new MutableClock(Instant.parse("2026-03-01T00:00:00Z"));
    private final Storage storage = Storage.inMemory();
    private Services services = new Services(KeyRepository.load(storage.barrier()), clock);

    /** The services over one repository, so a test can reload the store and go on. */
    private static final class Services {
        final KeyRepository repository;
        final KeyService keys;
        final ImportService imports;
        final RotationService rotation;
        final EncryptionService encryption;
        final MaterialExpirySweeper sweeper;

        Services(KeyRepository repository, MutableClock clock) {
            this.repository = repository;
            KeyLookup lookup = new KeyLookup(repository);
            ImportTokens tokens = new ImportTokens();
            this.keys = new KeyService(repository, lookup, clock);
            this.imports = new ImportService(repository, lookup, tokens, clock);
            this.rotation = new RotationService(repository, lookup, clock);
            this.encryption = new EncryptionService(lookup);
            this.sweeper = new MaterialExpirySweeper(repository, tokens, clock);
        }
    }

    @AfterEach
    void close() {
        storage.close();
    }

    @Test
    void newMaterial_waitsPendingRotation_rotationMakesItCurrent_andEveryCiphertextDecryptsAfterReload()
            throws Exception {
        KmsKey key = external(KeySpec.SYMMETRIC_DEFAULT, KeyUsage.ENCRYPT_DECRYPT);
        String first = importInto(key, random(32), null, null, null).keyMaterialId();
        byte[] beforeRotation = encrypt(key, "before");

        ImportService.MaterialChange pending = importInto(key, random(32), ImportType.NEW_KEY_MATERIAL, null,
                "second material");
        String second = pending.keyMaterialId();
        assertNotEquals(first, second);
        assertEquals(KeyState.Enabled, pending.key().state());
        assertEquals(first, pending.key().currentMaterialId().orElseThrow(), "pending material is not current");
        assertEquals(List.of(), rotations(key, false), "nothing rotated yet");
        assertEquals(List.of(first + " CURRENT IMPORTED null", second + " PENDING_ROTATION IMPORTED null"),
                rotations(key, true));
        assertEquals(first, decrypt(encrypt(key, "still first")).materialId(), "the pending material encrypts nothing");

        clock.advance(Duration.ofMinutes(5));
        KmsKey rotated = services.rotation.rotateOnDemand(SCOPE, key.id().value());
        assertEquals(second, rotated.currentMaterialId().orElseThrow());
        assertEquals(1, rotated.rotation().onDemandRotations());
        assertEquals(List.of(second + " CURRENT IMPORTED ON_DEMAND"), rotations(key, false));
        assertEquals(List.of(first + " NON_CURRENT IMPORTED null", second + " CURRENT IMPORTED ON_DEMAND"),
                rotations(key, true));
        RotationService.Entry entry = services.rotation.rotations(SCOPE, key.id().value(), false).entries().get(0);
        assertEquals(clock.instant(), entry.version().created(), "RotationDate is when the rotation happened");
        assertEquals("second material", entry.imported().description());

        byte[] afterRotation = encrypt(key, "after");
        assertDecrypts(beforeRotation, "before", first);
        assertDecrypts(afterRotation, "after", second);

        services = new Services(KeyRepository.load(storage.barrier()), clock);
        assertEquals(rotated, services.keys.describe(SCOPE, key.id().value()), "the rotation survives a reload");
        assertDecrypts(beforeRotation, "before", first);
        assertDecrypts(afterRotation, "after", second);
        assertEquals(second, decrypt(encrypt(key, "new")).materialId());
    }

    @Test
    void rotateOnDemand_withNothingPending_isInvalidState_andASecondPendingImportIsRefused() throws Exception {
        KmsKey key = external(KeySpec.SYMMETRIC_DEFAULT, KeyUsage.ENCRYPT_DECRYPT);
        byte[] firstMaterial = random(32);
        importInto(key, firstMaterial, null, null, null);
        KMSInvalidStateException nothing = assertThrows(KMSInvalidStateException.class,
                () -> services.rotation.rotateOnDemand(SCOPE, key.id().value()));
        assertEquals("No available key material pending rotation for the key: " + key.arn() + ".",
                nothing.getMessage());

        byte[] pendingMaterial = random(32);
        String pending = importInto(key, pendingMaterial, ImportType.NEW_KEY_MATERIAL, null, null).keyMaterialId();
        byte[] third = random(32);
        KMSInvalidStateException second = assertThrows(KMSInvalidStateException.class,
                () -> importInto(key, third, ImportType.NEW_KEY_MATERIAL, null, null));
        assertEquals("New key material (id: " + ImportService.materialId(key.id(), material(third))
                + ") cannot be imported into KMS key " + key.arn() + ", because another key material (id: "
                + pending + ") is pending rotation.", second.getMessage());
        assertThrows(IncorrectKeyMaterialException.class,
                () -> importInto(key, firstMaterial, ImportType.NEW_KEY_MATERIAL, null, null),
                "material the key already has is not new");

        String again = importInto(key, pendingMaterial, ImportType.EXISTING_KEY_MATERIAL, null, "renamed", pending)
                .keyMaterialId();
        assertEquals(pending, again, "the pending material can be imported again, with new terms");
        assertEquals(List.of(KeyMaterialState.CURRENT, KeyMaterialState.PENDING_ROTATION),
                services.rotation.rotations(SCOPE, key.id().value(), true).entries().stream()
                        .map(RotationService.Entry::state).toList());
    }

    @Test
    void deleteByKeyMaterialId_pendingIsDropped_olderMaterialMakesTheKeyWait_untilItIsImportedAgain()
            throws Exception {
        KmsKey key = external(KeySpec.SYMMETRIC_DEFAULT, KeyUsage.ENCRYPT_DECRYPT);
        byte[] firstMaterial = random(32);
        String first = importInto(key, firstMaterial, null, null, null).keyMaterialId();
        byte[] oldBlob = encrypt(key, "old");
        String dropped = importInto(key, random(32), ImportType.NEW_KEY_MATERIAL, null, null).keyMaterialId();

        ImportService.MaterialChange deleted = services.imports.deleteMaterial(SCOPE, key.id().value(), dropped);
        assertEquals(dropped, deleted.keyMaterialId());
        assertEquals(KeyState.Enabled, deleted.key().state(), "material pending rotation is not the key's yet");
        assertEquals(List.of(first + " CURRENT IMPORTED null"), rotations(key, true));

        String second = importInto(key, random(32), ImportType.NEW_KEY_MATERIAL, null, null).keyMaterialId();
        services.rotation.rotateOnDemand(SCOPE, key.id().value());
        byte[] newBlob = encrypt(key, "new");

        ImportService.MaterialChange older = services.imports.deleteMaterial(SCOPE, key.id().value(), first);
        assertEquals(first, older.keyMaterialId());
        assertEquals(KeyState.PendingImport, older.key().state(), "every associated material must be present");
        assertEquals(List.of("null>PendingImport", "PendingImport>Enabled", "Enabled>PendingImport"), moves(key),
                "the journal records the moves of deletion and import; pending material and rotation move nothing");
        assertEquals(second, older.key().currentMaterialId().orElseThrow());
        assertEquals(List.of(first + " NON_CURRENT PENDING_IMPORT null", second + " CURRENT IMPORTED ON_DEMAND"),
                rotations(key, true));
        KMSInvalidStateException waiting = assertThrows(KMSInvalidStateException.class, () -> decrypt(newBlob));
        assertEquals(key.arn() + " is pending import.", waiting.getMessage());
        services = new Services(KeyRepository.load(storage.barrier()), clock);
        assertEquals(older.key(), services.keys.describe(SCOPE, key.id().value()), "the deletion survives a reload");

        ImportService.MaterialChange back = importInto(key, firstMaterial, ImportType.EXISTING_KEY_MATERIAL, null,
                null, first);
        assertEquals(KeyState.Enabled, back.key().state());
        assertEquals(second, back.key().currentMaterialId().orElseThrow(), "re-import does not rotate back");
        assertDecrypts(oldBlob, "old", first);
        assertDecrypts(newBlob, "new", second);

        ImportService.MaterialChange current = services.imports.deleteMaterial(SCOPE, key.id().value(), null);
        assertEquals(second, current.keyMaterialId(), "without an id the current material is deleted");
        assertEquals(KeyState.PendingImport, current.key().state());
        NotFoundException unknown = assertThrows(NotFoundException.class,
                () -> services.imports.deleteMaterial(SCOPE, key.id().value(), "ab".repeat(32)));
        assertEquals("Key material " + "ab".repeat(32) + " does not exist for " + key.arn() + ".",
                unknown.getMessage());
    }

    @Test
    void expiredPendingMaterial_isDroppedBySweeper_andTheKeyKeepsWorking() throws Exception {
        KmsKey key = external(KeySpec.SYMMETRIC_DEFAULT, KeyUsage.ENCRYPT_DECRYPT);
        String first = importInto(key, random(32), null, null, null).keyMaterialId();
        Instant validTo = clock.instant().plus(Duration.ofHours(1));
        importInto(key, random(32), ImportType.NEW_KEY_MATERIAL, validTo, null);
        assertEquals(validTo, services.rotation.rotations(SCOPE, key.id().value(), true).entries().get(1)
                .imported().validTo());

        clock.advance(Duration.ofHours(1));
        assertEquals(1, services.sweeper.sweep().size());
        KmsKey after = services.keys.describe(SCOPE, key.id().value());
        assertEquals(KeyState.Enabled, after.state());
        assertEquals(List.of(first + " CURRENT IMPORTED null"), rotations(key, true));
        assertThrows(KMSInvalidStateException.class, () -> services.rotation.rotateOnDemand(SCOPE, key.id().value()));
    }

    @Test
    void otherSpecs_refuseImportTypeAndOnDemandRotation_generatedKeysRefuseImport() throws Exception {
        KmsKey hmac = external(KeySpec.HMAC_256, KeyUsage.GENERATE_VERIFY_MAC);
        ValidationException typed = assertThrows(ValidationException.class,
                () -> importInto(hmac, random(32), ImportType.NEW_KEY_MATERIAL, null, null));
        assertEquals("ImportType can only be used with symmetric encryption KMS keys.", typed.getMessage());
        importInto(hmac, random(32), null, null, null);
        UnsupportedOperationException rotate = assertThrows(UnsupportedOperationException.class,
                () -> services.rotation.rotateOnDemand(SCOPE, hmac.id().value()));
        assertNull(rotate.getMessage(), "AWS answers non-symmetric keys without a message");

        KmsKey generated = services.keys.create(SCOPE, new NewKey("generated", KeySpec.SYMMETRIC_DEFAULT,
                KeyUsage.ENCRYPT_DECRYPT, Origin.AWS_KMS, Map.of()));
        UnsupportedOperationException notExternal = assertThrows(UnsupportedOperationException.class,
                () -> services.imports.deleteMaterial(SCOPE, generated.id().value(), null));
        assertEquals(generated.arn() + " origin is AWS_KMS which is not valid for this operation.",
                notExternal.getMessage());
        ValidationException idWithNew = assertThrows(ValidationException.class, () -> importInto(
                external(KeySpec.SYMMETRIC_DEFAULT, KeyUsage.ENCRYPT_DECRYPT), random(32),
                ImportType.NEW_KEY_MATERIAL, null, null, "ab".repeat(32)));
        assertEquals("You cannot specify a key material ID with ImportType set to NEW_KEY_MATERIAL.",
                idWithNew.getMessage());
    }

    // ---------------------------------------------------------------- helpers

    private KmsKey external(KeySpec spec, KeyUsage usage) {
        return services.keys.create(SCOPE, new NewKey("imported", spec, usage, Origin.EXTERNAL, Map.of()));
    }

    private ImportService.MaterialChange importInto(KmsKey key, byte[] material, ImportType type, Instant validTo,
                                                    String description) throws Exception {
        return importInto(key, material, type, validTo, description, null);
    }

    private ImportService.MaterialChange importInto(KmsKey key, byte[] material, ImportType type, Instant validTo,
                                                    String description, String keyMaterialId) throws Exception {
        ImportService.Parameters parameters = services.imports.parametersFor(SCOPE, key.arn(),
                WrappingAlgorithm.RSAES_OAEP_SHA_256, WrappingKeySpec.RSA_2048);
        byte[] wrapped = JcaKeyWrapping.wrap("RSAES_OAEP_SHA_256", parameters.publicKey(), material);
        return services.imports.importMaterial(SCOPE, new ImportService.ImportRequest(key.id().value(),
                parameters.importToken(), wrapped, validTo == null ? ExpirationModel.KEY_MATERIAL_DOES_NOT_EXPIRE
                : ExpirationModel.KEY_MATERIAL_EXPIRES, validTo, type, keyMaterialId, description));
    }

    /** The key's recorded state moves, oldest first, as "from>to". */
    private List<String> moves(KmsKey key) {
        return services.repository.lifecycle().get(SCOPE, key.id()).history().stream()
                .map(e -> e.awsFrom() + ">" + e.awsTo())
                .toList();
    }

    /** Each listed material as "id state importState rotationType". */
    private List<String> rotations(KmsKey key, boolean all) {
        return services.rotation.rotations(SCOPE, key.id().value(), all).entries().stream()
                .map(e -> e.version().materialId() + " " + e.state() + " " + (e.present() ? "IMPORTED" : "PENDING_IMPORT")
                        + " " + e.version().rotationType())
                .toList();
    }

    private byte[] encrypt(KmsKey key, String text) {
        return services.encryption.encrypt(SCOPE, key.id().value(), text.getBytes(), Map.of(), null, false)
                .ciphertext();
    }

    private Results.Decrypted decrypt(byte[] blob) {
        return services.encryption.decrypt(SCOPE, blob, null, Map.of(), null, false);
    }

    private void assertDecrypts(byte[] blob, String text, String materialId) {
        Results.Decrypted decrypted = decrypt(blob);
        assertArrayEquals(text.getBytes(), decrypted.plaintext());
        assertEquals(materialId, decrypted.materialId());
    }

    private static KeyMaterial material(byte[] raw) {
        return KeyMaterial.imported(KeySpec.SYMMETRIC_DEFAULT, new MaterialVersion(1, "0".repeat(64), Instant.EPOCH),
                SecretBytes.copyOf(raw));
    }

    private static byte[] random(int length) {
        byte[] out = new byte[length];
        new SecureRandom().nextBytes(out);
        return out;
    }
}
