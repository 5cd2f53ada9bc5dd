package dev.trent.server.repository;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.trent.server.key.ExpirationModel;
import dev.trent.server.key.ImportedMaterial;
import dev.trent.server.key.KeyId;
import dev.trent.server.key.KeyManager;
import dev.trent.server.key.KeySpec;
import dev.trent.server.key.KeyUsage;
import dev.trent.server.key.KmsKey;
import dev.trent.server.key.MaterialVersion;
import dev.trent.server.key.Origin;
import dev.trent.server.key.Rotation;
import dev.trent.server.key.RotationType;
import dev.trent.server.key.Scope;
import dev.trent.server.key.lifecycle.KeyState;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The key record: its key manager (CUSTOMER when a record written before it lacks one) and its imported materials
 * (records written before on-demand rotation of imported material still load).
 */
class KeyCodecTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Instant CREATED = Instant.parse("2026-02-01T00:00:00Z");

    private static KmsKey key(KeyManager manager) {
        return new KmsKey(new Scope("111122223333", "us-east-1"), KeyId.random(), "d", KeySpec.SYMMETRIC_DEFAULT,
                KeyUsage.ENCRYPT_DECRYPT, Origin.AWS_KMS, KeyState.Enabled, CREATED, null, null,
                List.of(new MaterialVersion(1, "0".repeat(64), CREATED)), Map.of(), null,
                Rotation.NONE.enabled(365, CREATED.plusSeconds(365 * 86_400L)), null, manager);
    }

    @Test
    void keyManager_roundTrips() {
        for (KeyManager manager : KeyManager.values()) {
            KmsKey key = key(manager);
            assertEquals(key, KeyCodec.decodeKey(KeyCodec.encode(key)));
        }
    }

    @Test
    void aRecordWithoutKeyManager_decodesAsACustomerManagedKey() throws Exception {
        KmsKey key = key(KeyManager.CUSTOMER);
        ObjectNode record = (ObjectNode) JSON.readTree(KeyCodec.encode(key));
        record.remove("keyManager");
        assertFalse(record.has("keyManager"));

        KmsKey decoded = KeyCodec.decodeKey(JSON.writeValueAsBytes(record));

        assertEquals(KeyManager.CUSTOMER, decoded.keyManager());
        assertEquals(key, decoded);
    }

    @Test
    void keysBuiltWithoutAKeyManager_areCustomerManaged() {
        KmsKey key = new KmsKey(new Scope("111122223333", "us-east-1"), KeyId.random(), "d",
                KeySpec.SYMMETRIC_DEFAULT, KeyUsage.ENCRYPT_DECRYPT, Origin.AWS_KMS, KeyState.Enabled, CREATED, null,
                null, List.of(new MaterialVersion(1, "0".repeat(64), CREATED)), Map.of(), null, null);

        assertEquals(KeyManager.CUSTOMER, key.keyManager());
    }

    /** A key record as written before imported material could be rotated: one "imported" object. */
    @Test
    void anImportedKeyRecordFromBeforeRotation_decodesAsItsOnlyAssociatedMaterial() {
        String id = "1234abcd-12ab-34cd-56ef-1234567890ab";
        String materialId = "9f".repeat(32);
        String old = "{\"format\":1,\"account\":\"111122223333\",\"region\":\"us-east-1\",\"id\":\"" + id + "\","
                + "\"description\":\"d\",\"spec\":\"SYMMETRIC_DEFAULT\",\"usage\":\"ENCRYPT_DECRYPT\","
                + "\"origin\":\"EXTERNAL\",\"state\":\"Enabled\",\"created\":\"2026-02-01T00:00:00Z\","
                + "\"materials\":[{\"number\":1,\"id\":\"" + materialId + "\",\"created\":\"2026-02-02T00:00:00Z\"}],"
                + "\"tags\":[],\"imported\":{\"number\":1,\"id\":\"" + materialId + "\","
                + "\"created\":\"2026-02-02T00:00:00Z\",\"expirationModel\":\"KEY_MATERIAL_EXPIRES\","
                + "\"validTo\":\"2026-06-01T00:00:00Z\"},\"keyManager\":\"CUSTOMER\"}";

        KmsKey key = KeyCodec.decodeKey(old.getBytes(java.nio.charset.StandardCharsets.UTF_8));

        MaterialVersion version = new MaterialVersion(1, materialId, Instant.parse("2026-02-02T00:00:00Z"));
        assertEquals(List.of(version), key.materials());
        assertEquals(List.of(new ImportedMaterial(version, ExpirationModel.KEY_MATERIAL_EXPIRES,
                Instant.parse("2026-06-01T00:00:00Z"))), key.imports());
        assertEquals(materialId, key.currentMaterialId().orElseThrow());
        assertTrue(key.pendingRotation().isEmpty());
        assertEquals(key, KeyCodec.decodeKey(KeyCodec.encode(key)), "and is written in the new form");
    }

    @Test
    void rotatedAndPendingImportedMaterial_roundTrips() {
        Instant imported = CREATED.plusSeconds(60);
        MaterialVersion first = new MaterialVersion(1, "01".repeat(32), imported);
        MaterialVersion second = new MaterialVersion(2, "02".repeat(32), imported.plusSeconds(60),
                RotationType.ON_DEMAND);
        MaterialVersion pending = new MaterialVersion(3, "03".repeat(32), imported.plusSeconds(120));
        KmsKey key = new KmsKey(new Scope("111122223333", "us-east-1"), KeyId.random(), "d",
                KeySpec.SYMMETRIC_DEFAULT, KeyUsage.ENCRYPT_DECRYPT, Origin.EXTERNAL, KeyState.PendingImport,
                CREATED, null, null, List.of(second), Map.of(),
                List.of(new ImportedMaterial(first, ExpirationModel.KEY_MATERIAL_DOES_NOT_EXPIRE, null),
                        new ImportedMaterial(second, ExpirationModel.KEY_MATERIAL_DOES_NOT_EXPIRE, null, "two", false),
                        new ImportedMaterial(pending, ExpirationModel.KEY_MATERIAL_EXPIRES,
                                imported.plusSeconds(3600), "three", true)),
                new Rotation(null, null, 1));

        KmsKey decoded = KeyCodec.decodeKey(KeyCodec.encode(key));

        assertEquals(key, decoded);
        assertEquals(List.of(second, pending), decoded.heldVersions());
        assertEquals("02".repeat(32), decoded.currentMaterialId().orElseThrow());
    }
}
