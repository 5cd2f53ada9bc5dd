package dev.trent.server.repository;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.trent.server.key.KeyId;
import dev.trent.server.key.KeyManager;
import dev.trent.server.key.KeySpec;
import dev.trent.server.key.KeyUsage;
import dev.trent.server.key.KmsKey;
import dev.trent.server.key.MaterialVersion;
import dev.trent.server.key.Origin;
import dev.trent.server.key.Rotation;
import dev.trent.server.key.Scope;
import dev.trent.server.key.lifecycle.KeyState;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The key record's key manager: written for every key, CUSTOMER when a record written before it lacks one. */
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
}
