package dev.trent.conformance;

import static dev.trent.conformance.KmsErrors.assertKmsError;
import static dev.trent.conformance.KmsErrors.assertKmsErrorType;
import static dev.trent.conformance.KmsErrors.assertUnmodeledError;
import static dev.trent.conformance.KmsErrors.assertUnmodeledErrorCode;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.trent.server.app.TrentConfig;
import dev.trent.server.app.TrentServer;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.kms.KmsClient;
import software.amazon.awssdk.services.kms.model.AlgorithmSpec;
import software.amazon.awssdk.services.kms.model.DecryptResponse;
import software.amazon.awssdk.services.kms.model.ExpirationModelType;
import software.amazon.awssdk.services.kms.model.GetParametersForImportResponse;
import software.amazon.awssdk.services.kms.model.ImportKeyMaterialRequest;
import software.amazon.awssdk.services.kms.model.ImportState;
import software.amazon.awssdk.services.kms.model.ImportType;
import software.amazon.awssdk.services.kms.model.IncludeKeyMaterial;
import software.amazon.awssdk.services.kms.model.IncorrectKeyMaterialException;
import software.amazon.awssdk.services.kms.model.KeyMaterialState;
import software.amazon.awssdk.services.kms.model.KeyMetadata;
import software.amazon.awssdk.services.kms.model.KeySpec;
import software.amazon.awssdk.services.kms.model.KeyState;
import software.amazon.awssdk.services.kms.model.KeyUsageType;
import software.amazon.awssdk.services.kms.model.KmsInvalidStateException;
import software.amazon.awssdk.services.kms.model.OriginType;
import software.amazon.awssdk.services.kms.model.RotationType;
import software.amazon.awssdk.services.kms.model.RotationsListEntry;
import software.amazon.awssdk.services.kms.model.UnsupportedOperationException;
import software.amazon.awssdk.services.kms.model.WrappingKeySpec;

/**
 * On-demand rotation of imported key material through the AWS SDK, material wrapped by the JDK's RSA-OAEP under
 * the public key GetParametersForImport returns, as a user does: new material waits as PENDING_ROTATION,
 * RotateKeyOnDemand makes it current, old and new ciphertexts both decrypt, and a durable server keeps all of it.
 */
class ImportedMaterialRotationTest extends TrentTestBase {

    @TempDir
    Path dataDir;

    @Test
    void newMaterial_isPendingRotation_rotationMakesItCurrent_andOldAndNewCiphertextsDecrypt() throws Exception {
        KeyMetadata key = newExternalKey();
        String first = importMaterial(kms, key, randomBytes(32), null, null, null);
        SdkBytes oldBlob = kms.encrypt(b -> b.keyId(key.keyId()).plaintext(utf8("old"))).ciphertextBlob();

        String second = importMaterial(kms, key, randomBytes(32), ImportType.NEW_KEY_MATERIAL, "second", null);
        assertNotEquals(first, second);
        KeyMetadata pending = kms.describeKey(b -> b.keyId(key.keyId())).keyMetadata();
        assertEquals(KeyState.ENABLED, pending.keyState());
        assertEquals(first, pending.currentKeyMaterialId(), "pending material is not current");
        assertEquals(List.of(), kms.listKeyRotations(b -> b.keyId(key.keyId())).rotations(), "no rotation yet");
        List<RotationsListEntry> all = allMaterial(kms, key);
        assertEquals(2, all.size());
        assertEntry(all.get(0), key, first, KeyMaterialState.CURRENT, null);
        assertEntry(all.get(1), key, second, KeyMaterialState.PENDING_ROTATION, "second");
        assertNull(all.get(1).rotationDate(), "the model: no RotationDate for material pending rotation");

        kms.rotateKeyOnDemand(b -> b.keyId(key.keyId()));
        assertEquals(second, kms.describeKey(b -> b.keyId(key.keyId())).keyMetadata().currentKeyMaterialId());
        List<RotationsListEntry> rotations = kms.listKeyRotations(b -> b.keyId(key.keyId())).rotations();
        assertEquals(1, rotations.size());
        assertEntry(rotations.get(0), key, second, KeyMaterialState.CURRENT, "second");
        assertEquals(RotationType.ON_DEMAND, rotations.get(0).rotationType());
        assertNotNull(rotations.get(0).rotationDate());
        assertEntry(allMaterial(kms, key).get(0), key, first, KeyMaterialState.NON_CURRENT, null);

        SdkBytes newBlob = kms.encrypt(b -> b.keyId(key.keyId()).plaintext(utf8("new"))).ciphertextBlob();
        assertDecrypts(kms, oldBlob, "old", first);
        assertDecrypts(kms, newBlob, "new", second);
    }

    @Test
    void nothingPending_andASecondPendingImport_getAwsErrors() throws Exception {
        KeyMetadata key = newExternalKey();
        importMaterial(kms, key, randomBytes(32), null, null, null);
        assertKmsError(KmsInvalidStateException.class,
                "No available key material pending rotation for the key: " + key.arn() + ".",
                () -> kms.rotateKeyOnDemand(b -> b.keyId(key.keyId())));

        String pending = importMaterial(kms, key, randomBytes(32), ImportType.NEW_KEY_MATERIAL, null, null);
        KmsInvalidStateException refused = assertKmsErrorType(KmsInvalidStateException.class,
                () -> importMaterial(kms, key, randomBytes(32), ImportType.NEW_KEY_MATERIAL, null, null));
        String message = refused.awsErrorDetails().errorMessage();
        String prefix = "New key material (id: ";
        String suffix = ") cannot be imported into KMS key " + key.arn() + ", because another key material (id: "
                + pending + ") is pending rotation.";
        assertEquals(prefix + message.substring(prefix.length(), prefix.length() + 64) + suffix, message);

        assertUnmodeledError("ValidationException",
                "You cannot specify a key material ID with ImportType set to NEW_KEY_MATERIAL.",
                () -> importMaterial(kms, key, randomBytes(32), ImportType.NEW_KEY_MATERIAL, null, pending));
        // The model's KeyMaterialDescriptionType pattern allows no '!'.
        assertUnmodeledErrorCode("ValidationException",
                () -> importMaterial(kms, key, randomBytes(32), ImportType.NEW_KEY_MATERIAL, "new!", null));
    }

    @Test
    void deleteByKeyMaterialId_dropsPendingMaterial_orMakesTheKeyWaitForTheMaterialNamed() throws Exception {
        KeyMetadata key = newExternalKey();
        byte[] firstMaterial = randomBytes(32);
        String first = importMaterial(kms, key, firstMaterial, null, null, null);
        SdkBytes oldBlob = kms.encrypt(b -> b.keyId(key.keyId()).plaintext(utf8("old"))).ciphertextBlob();
        String dropped = importMaterial(kms, key, randomBytes(32), ImportType.NEW_KEY_MATERIAL, null, null);

        var deleted = kms.deleteImportedKeyMaterial(b -> b.keyId(key.keyId()).keyMaterialId(dropped));
        assertEquals(key.arn(), deleted.keyId());
        assertEquals(dropped, deleted.keyMaterialId());
        assertEquals(KeyState.ENABLED, kms.describeKey(b -> b.keyId(key.keyId())).keyMetadata().keyState());
        assertEquals(1, allMaterial(kms, key).size(), "pending material leaves no trace");

        String second = importMaterial(kms, key, randomBytes(32), ImportType.NEW_KEY_MATERIAL, null, null);
        kms.rotateKeyOnDemand(b -> b.keyId(key.keyId()));
        var older = kms.deleteImportedKeyMaterial(b -> b.keyId(key.keyId()).keyMaterialId(first));
        assertEquals(first, older.keyMaterialId());
        KeyMetadata waiting = kms.describeKey(b -> b.keyId(key.keyId())).keyMetadata();
        assertEquals(KeyState.PENDING_IMPORT, waiting.keyState());
        assertEquals(second, waiting.currentKeyMaterialId());
        assertEquals(ImportState.PENDING_IMPORT, allMaterial(kms, key).get(0).importState());
        assertKmsError(KmsInvalidStateException.class, key.arn() + " is pending import.",
                () -> kms.decrypt(b -> b.ciphertextBlob(oldBlob)));

        assertKmsErrorType(IncorrectKeyMaterialException.class,
                () -> importMaterial(kms, key, randomBytes(32), ImportType.EXISTING_KEY_MATERIAL, null, null));
        assertEquals(first, importMaterial(kms, key, firstMaterial, ImportType.EXISTING_KEY_MATERIAL, null, first));
        assertEquals(KeyState.ENABLED, kms.describeKey(b -> b.keyId(key.keyId())).keyMetadata().keyState());
        assertDecrypts(kms, oldBlob, "old", first);

        var current = kms.deleteImportedKeyMaterial(b -> b.keyId(key.keyId()));
        assertEquals(second, current.keyMaterialId(), "without an id the current material is deleted");
        assertEquals(KeyState.PENDING_IMPORT, kms.describeKey(b -> b.keyId(key.keyId())).keyMetadata().keyState());
    }

    @Test
    void hmacKeys_refuseImportTypeAndOnDemandRotation() throws Exception {
        KeyMetadata hmac = kms.createKey(b -> b.keySpec(KeySpec.HMAC_256).keyUsage(KeyUsageType.GENERATE_VERIFY_MAC)
                .origin(OriginType.EXTERNAL)).keyMetadata();
        assertUnmodeledError("ValidationException", "ImportType can only be used with symmetric encryption KMS keys.",
                () -> importMaterial(kms, hmac, randomBytes(32), ImportType.NEW_KEY_MATERIAL, null, null));
        importMaterial(kms, hmac, randomBytes(32), null, null, null);
        assertKmsError(UnsupportedOperationException.class, KmsErrors.NO_MESSAGE,
                () -> kms.rotateKeyOnDemand(b -> b.keyId(hmac.keyId())));
    }

    @Test
    void durableServer_keepsPendingAndRotatedMaterial_acrossRestarts() throws Exception {
        KeyMetadata key;
        String first;
        String second;
        String third;
        SdkBytes firstBlob;
        SdkBytes secondBlob;
        try (Running running = Running.start(dataDir)) {
            KmsClient client = running.kms();
            key = client.createKey(b -> b.origin(OriginType.EXTERNAL)).keyMetadata();
            first = importMaterial(client, key, randomBytes(32), null, null, null);
            firstBlob = client.encrypt(b -> b.keyId(key.keyId()).plaintext(utf8("first"))).ciphertextBlob();
            second = importMaterial(client, key, randomBytes(32), ImportType.NEW_KEY_MATERIAL, "two", null);
        }
        try (Running running = Running.start(dataDir)) {
            KmsClient client = running.kms();
            List<RotationsListEntry> all = allMaterial(client, key);
            assertEntry(all.get(0), key, first, KeyMaterialState.CURRENT, null);
            assertEntry(all.get(1), key, second, KeyMaterialState.PENDING_ROTATION, "two");
            client.rotateKeyOnDemand(b -> b.keyId(key.keyId()));
            secondBlob = client.encrypt(b -> b.keyId(key.keyId()).plaintext(utf8("second"))).ciphertextBlob();
            third = importMaterial(client, key, randomBytes(32), ImportType.NEW_KEY_MATERIAL, null, null);
        }
        try (Running running = Running.start(dataDir)) {
            KmsClient client = running.kms();
            assertEquals(second, client.describeKey(b -> b.keyId(key.keyId())).keyMetadata().currentKeyMaterialId());
            List<RotationsListEntry> all = allMaterial(client, key);
            assertEquals(3, all.size());
            assertEntry(all.get(0), key, first, KeyMaterialState.NON_CURRENT, null);
            assertEntry(all.get(1), key, second, KeyMaterialState.CURRENT, "two");
            assertEntry(all.get(2), key, third, KeyMaterialState.PENDING_ROTATION, null);
            assertDecrypts(client, firstBlob, "first", first);
            assertDecrypts(client, secondBlob, "second", second);
            client.rotateKeyOnDemand(b -> b.keyId(key.keyId()));
            SdkBytes thirdBlob = client.encrypt(b -> b.keyId(key.keyId()).plaintext(utf8("third"))).ciphertextBlob();
            assertDecrypts(client, thirdBlob, "third", third);
        }
    }

    // ---------------------------------------------------------------- helpers

    /** A server keeping its state in {@code dir}, with its client; closing closes both. */
    private record Running(TrentServer server, KmsClient kms) implements AutoCloseable {
        static Running start(Path dir) throws Exception {
            TrentServer server = TrentServer.start(TrentConfig.builder().port(0).dataDir(dir).build());
            return new Running(server, KmsClients.create(server.endpoint(), Region.US_EAST_1));
        }

        @Override
        public void close() {
            kms.close();
            server.close();
        }
    }

    private KeyMetadata newExternalKey() {
        return kms.createKey(b -> b.origin(OriginType.EXTERNAL)).keyMetadata();
    }

    /**
     * Imports {@code material}, wrapped with RSAES_OAEP_SHA_256 by the JDK under a fresh GetParametersForImport
     * public key; returns the KeyMaterialId. {@code type}, {@code description} and {@code materialId} are sent
     * only when not null.
     */
    private static String importMaterial(KmsClient client, KeyMetadata key, byte[] material, ImportType type,
                                         String description, String materialId) throws GeneralSecurityException {
        GetParametersForImportResponse parameters = client.getParametersForImport(b -> b.keyId(key.keyId())
                .wrappingAlgorithm(AlgorithmSpec.RSAES_OAEP_SHA_256).wrappingKeySpec(WrappingKeySpec.RSA_2048));
        byte[] wrapped = Jca.wrapForImport(parameters, material);
        ImportKeyMaterialRequest.Builder request = ImportKeyMaterialRequest.builder().keyId(key.keyId())
                .importToken(parameters.importToken()).encryptedKeyMaterial(sdk(wrapped))
                .expirationModel(ExpirationModelType.KEY_MATERIAL_DOES_NOT_EXPIRE)
                .importType(type).keyMaterialDescription(description).keyMaterialId(materialId);
        return client.importKeyMaterial(request.build()).keyMaterialId();
    }

    private static List<RotationsListEntry> allMaterial(KmsClient client, KeyMetadata key) {
        return client.listKeyRotations(b -> b.keyId(key.keyId()).includeKeyMaterial(IncludeKeyMaterial.ALL_KEY_MATERIAL))
                .rotations();
    }

    private static void assertEntry(RotationsListEntry entry, KeyMetadata key, String materialId,
                                    KeyMaterialState state, String description) {
        assertEquals(key.keyId(), entry.keyId());
        assertEquals(materialId, entry.keyMaterialId());
        assertEquals(state, entry.keyMaterialState(), materialId);
        assertEquals(ImportState.IMPORTED, entry.importState(), materialId);
        assertEquals(ExpirationModelType.KEY_MATERIAL_DOES_NOT_EXPIRE, entry.expirationModel(), materialId);
        assertNull(entry.validTo(), materialId);
        assertEquals(description, entry.keyMaterialDescription(), materialId);
    }

    private static void assertDecrypts(KmsClient client, SdkBytes blob, String text, String materialId) {
        DecryptResponse decrypted = client.decrypt(b -> b.ciphertextBlob(blob));
        assertEquals(text, decrypted.plaintext().asUtf8String());
        assertEquals(materialId, decrypted.keyMaterialId(), "the ciphertext names the material that made it");
    }
}
