package dev.trent.server.service;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.trent.server.crypto.JcaKeyWrapping;
import dev.trent.server.error.ExpiredImportTokenException;
import dev.trent.server.error.IncorrectKeyMaterialException;
import dev.trent.server.error.InvalidCiphertextException;
import dev.trent.server.error.InvalidImportTokenException;
import dev.trent.server.error.KMSInvalidStateException;
import dev.trent.server.error.UnsupportedOperationException;
import dev.trent.server.error.ValidationException;
import dev.trent.server.key.ExpirationModel;
import dev.trent.server.key.KeySpec;
import dev.trent.server.key.KeyUsage;
import dev.trent.server.key.KmsKey;
import dev.trent.server.key.Origin;
import dev.trent.server.key.Scope;
import dev.trent.server.key.WrappingAlgorithm;
import dev.trent.server.key.WrappingKeySpec;
import dev.trent.server.key.lifecycle.KeyState;
import dev.trent.server.repository.KeyRepository;
import dev.trent.storage.Storage;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Import of key material, with time moved by hand: token and material expiry, re-import, deletion. */
class ImportServiceTest {

    private static final Scope SCOPE = new Scope("111122223333", "us-east-1");
    private static final byte[] PLAINTEXT = {1, 2, 3};

    private final MutableClock clock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));
    private final Storage storage = Storage.inMemory();
    private final KeyRepository repository = KeyRepository.load(storage.barrier());
    private final KeyLookup lookup = new KeyLookup(repository);
    private final KeyService keys = new KeyService(repository, lookup, clock);
    private final ImportTokens tokens = new ImportTokens();
    private final ImportService imports = new ImportService(repository, lookup, tokens, clock);
    private final EncryptionService encryption = new EncryptionService(lookup);
    private final MaterialExpirySweeper sweeper = new MaterialExpirySweeper(repository, tokens, clock);

    @AfterEach
    void close() {
        storage.close();
    }

    @Test
    void externalKey_startsPendingImport_withoutMaterial_andRefusesCrypto() {
        KmsKey key = external(KeySpec.SYMMETRIC_DEFAULT, KeyUsage.ENCRYPT_DECRYPT);
        assertEquals(KeyState.PendingImport, key.state());
        assertFalse(key.hasMaterial());
        assertTrue(key.currentMaterialId().isEmpty());
        KMSInvalidStateException e = assertThrows(KMSInvalidStateException.class, () -> encrypt(key));
        assertEquals(key.arn() + " is pending import.", e.getMessage());
    }

    @Test
    void importSymmetric_everyWrappingAlgorithm_enablesTheKey() throws Exception {
        for (WrappingAlgorithm algorithm : List.of(WrappingAlgorithm.RSAES_PKCS1_V1_5,
                WrappingAlgorithm.RSAES_OAEP_SHA_1, WrappingAlgorithm.RSAES_OAEP_SHA_256,
                WrappingAlgorithm.RSA_AES_KEY_WRAP_SHA_1, WrappingAlgorithm.RSA_AES_KEY_WRAP_SHA_256)) {
            KmsKey key = external(KeySpec.SYMMETRIC_DEFAULT, KeyUsage.ENCRYPT_DECRYPT);
            ImportService.MaterialChange imported = importInto(key, random(32), algorithm, null);
            assertEquals(KeyState.Enabled, imported.key().state(), algorithm.name());
            assertEquals(imported.keyMaterialId(), imported.key().currentMaterialId().orElseThrow());
            byte[] blob = encrypt(key);
            assertArrayEquals(PLAINTEXT, encryption.decrypt(SCOPE, blob, null, Map.of(), null, false).plaintext());
        }
    }

    @Test
    void importToken_expiresAfter24Hours_evenOncePurged_andIsBoundToItsKey() throws Exception {
        KmsKey key = external(KeySpec.SYMMETRIC_DEFAULT, KeyUsage.ENCRYPT_DECRYPT);
        KmsKey other = external(KeySpec.SYMMETRIC_DEFAULT, KeyUsage.ENCRYPT_DECRYPT);
        ImportService.Parameters parameters = imports.parametersFor(SCOPE, key.id().value(),
                WrappingAlgorithm.RSAES_OAEP_SHA_256, WrappingKeySpec.RSA_2048);
        assertEquals(clock.instant().plus(Duration.ofHours(24)), parameters.validTo());
        byte[] wrapped = JcaKeyWrapping.wrap("RSAES_OAEP_SHA_256", parameters.publicKey(), random(32));

        assertThrows(InvalidImportTokenException.class, () -> imports.importMaterial(SCOPE,
                request(other, parameters.importToken(), wrapped, null)));
        byte[] forged = parameters.importToken().clone();
        forged[20] ^= 1;
        assertThrows(InvalidImportTokenException.class, () -> imports.importMaterial(SCOPE,
                request(key, forged, wrapped, null)));
        ImportService restarted = new ImportService(repository, lookup, new ImportTokens(), clock);
        assertThrows(InvalidImportTokenException.class, () -> restarted.importMaterial(SCOPE,
                request(key, parameters.importToken(), wrapped, null)));

        clock.advance(Duration.ofHours(24));
        assertThrows(ExpiredImportTokenException.class, () -> imports.importMaterial(SCOPE,
                request(key, parameters.importToken(), wrapped, null)));
        sweeper.sweep();
        assertEquals(0, tokens.size());
        assertThrows(ExpiredImportTokenException.class, () -> imports.importMaterial(SCOPE,
                request(key, parameters.importToken(), wrapped, null)));
        assertEquals(KeyState.PendingImport, keys.describe(SCOPE, key.id().value()).state());
    }

    @Test
    void expiringMaterial_isDeletedBySweeperOnly_thenTheSameMaterialRestoresOldCiphertexts() throws Exception {
        KmsKey key = external(KeySpec.SYMMETRIC_DEFAULT, KeyUsage.ENCRYPT_DECRYPT);
        byte[] material = random(32);
        Instant validTo = clock.instant().plus(Duration.ofHours(1));
        ImportService.MaterialChange first = importInto(key, material, WrappingAlgorithm.RSAES_OAEP_SHA_1, validTo);
        assertEquals(validTo, first.key().imported().validTo());
        byte[] blob = encrypt(key);
        var reloaded = KeyRepository.load(storage.barrier()).find(SCOPE, key.id()).orElseThrow();
        assertEquals(first.key(), reloaded.metadata(), "import terms survive a reload");
        assertEquals(1, reloaded.materials().size(), "the material is stored through the barrier");

        clock.advance(Duration.ofHours(1).minusMillis(1));
        assertEquals(List.of(), sweeper.sweep());
        clock.advance(Duration.ofMillis(1));
        assertEquals(KeyState.Enabled, keys.describe(SCOPE, key.id().value()).state(), "reads expire nothing");
        assertEquals(List.of(key.id()), sweeper.sweep().stream().map(KmsKey::id).toList());
        KmsKey expired = keys.describe(SCOPE, key.id().value());
        assertEquals(KeyState.PendingImport, expired.state());
        assertEquals(first.keyMaterialId(), expired.currentMaterialId().orElseThrow(), "AWS keeps reporting the id");
        assertThrows(KMSInvalidStateException.class, () -> encryption.decrypt(SCOPE, blob, null, Map.of(), null, false));
        assertTrue(KeyRepository.load(storage.barrier()).find(SCOPE, key.id()).orElseThrow().materials().isEmpty(),
                "expired material is gone from storage too");

        assertThrows(IncorrectKeyMaterialException.class,
                () -> importInto(key, random(32), WrappingAlgorithm.RSAES_OAEP_SHA_1, null));
        ImportService.MaterialChange again = importInto(key, material, WrappingAlgorithm.RSA_AES_KEY_WRAP_SHA_256, null);
        assertEquals(first.keyMaterialId(), again.keyMaterialId());
        assertEquals(1, again.key().currentMaterial().number(), "the material keeps its version");
        assertEquals(ExpirationModel.KEY_MATERIAL_DOES_NOT_EXPIRE, again.key().imported().expirationModel());
        assertArrayEquals(PLAINTEXT, encryption.decrypt(SCOPE, blob, null, Map.of(), null, false).plaintext());
    }

    @Test
    void keyMaterialId_dependsOnMaterialAndKey_only() throws Exception {
        byte[] material = random(32);
        KmsKey a = external(KeySpec.SYMMETRIC_DEFAULT, KeyUsage.ENCRYPT_DECRYPT);
        KmsKey b = external(KeySpec.SYMMETRIC_DEFAULT, KeyUsage.ENCRYPT_DECRYPT);
        String first = importInto(a, material, WrappingAlgorithm.RSAES_OAEP_SHA_256, null).keyMaterialId();
        imports.deleteMaterial(SCOPE, a.id().value(), first);
        String second = importInto(a, material, WrappingAlgorithm.RSAES_PKCS1_V1_5, null).keyMaterialId();
        String otherKey = importInto(b, material, WrappingAlgorithm.RSAES_OAEP_SHA_256, null).keyMaterialId();
        assertEquals(first, second);
        assertNotEquals(first, otherKey, "AWS: the id is based on the key ID and the material");
        assertTrue(first.matches("[0-9a-f]{64}"));
    }

    @Test
    void deleteImportedMaterial_pendingImportOrStaysPendingDeletion_andCancelReturnsToPendingImport() throws Exception {
        KmsKey key = external(KeySpec.SYMMETRIC_DEFAULT, KeyUsage.ENCRYPT_DECRYPT);
        String id = importInto(key, random(32), WrappingAlgorithm.RSAES_OAEP_SHA_256, null).keyMaterialId();
        keys.disable(SCOPE, key.id().value());
        ImportService.MaterialChange deleted = imports.deleteMaterial(SCOPE, key.id().value(), null);
        assertEquals(id, deleted.keyMaterialId());
        assertEquals(KeyState.PendingImport, deleted.key().state());

        KmsKey other = external(KeySpec.SYMMETRIC_DEFAULT, KeyUsage.ENCRYPT_DECRYPT);
        importInto(other, random(32), WrappingAlgorithm.RSAES_OAEP_SHA_256, null);
        keys.scheduleDeletion(SCOPE, other.id().value(), 7);
        assertEquals(KeyState.PendingDeletion, imports.deleteMaterial(SCOPE, other.id().value(), null).key().state());
        assertEquals(KeyState.PendingImport, keys.cancelDeletion(SCOPE, other.id().value()).state());

        KmsKey generated = keys.create(SCOPE, new NewKey("", KeySpec.SYMMETRIC_DEFAULT, KeyUsage.ENCRYPT_DECRYPT,
                Origin.AWS_KMS, Map.of()));
        UnsupportedOperationException e = assertThrows(UnsupportedOperationException.class,
                () -> imports.deleteMaterial(SCOPE, generated.id().value(), null));
        assertEquals(generated.arn() + " origin is AWS_KMS which is not valid for this operation.", e.getMessage());
    }

    @Test
    void expiryTerms_areValidatedWithAwsMessages() {
        KmsKey key = external(KeySpec.SYMMETRIC_DEFAULT, KeyUsage.ENCRYPT_DECRYPT);
        byte[] token = {1};
        ValidationException missing = assertThrows(ValidationException.class, () -> imports.importMaterial(SCOPE,
                new ImportService.ImportRequest(key.id().value(), token, token, ExpirationModel.KEY_MATERIAL_EXPIRES,
                        null, null, null)));
        assertEquals("A validTo date must be set if the ExpirationModel is KEY_MATERIAL_EXPIRES", missing.getMessage());
        for (Instant bad : List.of(clock.instant(), clock.instant().plus(Duration.ofDays(365)).plusMillis(1))) {
            assertThrows(ValidationException.class, () -> imports.importMaterial(SCOPE, new ImportService.ImportRequest(
                    key.id().value(), token, token, ExpirationModel.KEY_MATERIAL_EXPIRES, bad, null, null)));
        }
        assertThrows(ValidationException.class, () -> imports.importMaterial(SCOPE, new ImportService.ImportRequest(
                key.id().value(), token, token, ExpirationModel.KEY_MATERIAL_DOES_NOT_EXPIRE,
                clock.instant().plus(Duration.ofDays(1)), null, null)));
    }

    @Test
    void materialNotMatchingTheSpec_isIncorrectKeyMaterial_andGarbageIsInvalidCiphertext() throws Exception {
        KmsKey symmetric = external(KeySpec.SYMMETRIC_DEFAULT, KeyUsage.ENCRYPT_DECRYPT);
        assertThrows(IncorrectKeyMaterialException.class,
                () -> importInto(symmetric, random(16), WrappingAlgorithm.RSAES_OAEP_SHA_256, null));
        KmsKey hmac = external(KeySpec.HMAC_384, KeyUsage.GENERATE_VERIFY_MAC);
        assertThrows(IncorrectKeyMaterialException.class,
                () -> importInto(hmac, random(47), WrappingAlgorithm.RSAES_OAEP_SHA_256, null));
        assertThrows(IncorrectKeyMaterialException.class,
                () -> importInto(hmac, random(129), WrappingAlgorithm.RSA_AES_KEY_WRAP_SHA_256, null));
        importInto(hmac, random(128), WrappingAlgorithm.RSA_AES_KEY_WRAP_SHA_256, null);

        KmsKey p256 = external(KeySpec.ECC_NIST_P256, KeyUsage.SIGN_VERIFY);
        KeyPairGenerator ec = KeyPairGenerator.getInstance("EC");
        ec.initialize(new ECGenParameterSpec("secp384r1"));
        byte[] p384 = ec.generateKeyPair().getPrivate().getEncoded();
        assertThrows(IncorrectKeyMaterialException.class,
                () -> importInto(p256, p384, WrappingAlgorithm.RSA_AES_KEY_WRAP_SHA_256, null));
        ec.initialize(new ECGenParameterSpec("secp256r1"));
        byte[] good = ec.generateKeyPair().getPrivate().getEncoded();
        assertEquals(KeyState.Enabled, importInto(p256, good, WrappingAlgorithm.RSA_AES_KEY_WRAP_SHA_1, null).key().state());

        KmsKey other = external(KeySpec.SYMMETRIC_DEFAULT, KeyUsage.ENCRYPT_DECRYPT);
        ImportService.Parameters parameters = imports.parametersFor(SCOPE, other.id().value(),
                WrappingAlgorithm.RSAES_OAEP_SHA_256, WrappingKeySpec.RSA_2048);
        assertThrows(InvalidCiphertextException.class, () -> imports.importMaterial(SCOPE,
                request(other, parameters.importToken(), random(256), null)));
    }

    private KmsKey external(KeySpec spec, KeyUsage usage) {
        return keys.create(SCOPE, new NewKey("imported", spec, usage, Origin.EXTERNAL, Map.of()));
    }

    private ImportService.MaterialChange importInto(KmsKey key, byte[] material, WrappingAlgorithm algorithm,
                                                    Instant validTo) throws Exception {
        ImportService.Parameters parameters = imports.parametersFor(SCOPE, key.arn(), algorithm,
                WrappingKeySpec.RSA_2048);
        byte[] wrapped = JcaKeyWrapping.wrap(algorithm.name(), parameters.publicKey(), material);
        return imports.importMaterial(SCOPE, request(key, parameters.importToken(), wrapped, validTo));
    }

    private static ImportService.ImportRequest request(KmsKey key, byte[] token, byte[] wrapped, Instant validTo) {
        return new ImportService.ImportRequest(key.id().value(), token, wrapped, validTo == null
                ? ExpirationModel.KEY_MATERIAL_DOES_NOT_EXPIRE : ExpirationModel.KEY_MATERIAL_EXPIRES, validTo,
                null, null);
    }

    private byte[] encrypt(KmsKey key) {
        return encryption.encrypt(SCOPE, key.id().value(), PLAINTEXT, Map.of(), null, false).ciphertext();
    }

    private static byte[] random(int length) {
        byte[] out = new byte[length];
        new SecureRandom().nextBytes(out);
        return out;
    }
}
