package dev.trent.server.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.trent.server.key.KeySpec;
import dev.trent.server.key.KeyUsage;
import dev.trent.server.key.KmsKey;
import dev.trent.server.key.Origin;
import dev.trent.server.key.Scope;
import dev.trent.server.key.lifecycle.KeyState;
import dev.trent.server.repository.KeyRepository;
import dev.trent.storage.Storage;
import java.time.Clock;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Trent's test runs set trent.lifecycle.strict, so a change whose phase move is missing from the lifecycle table
 * fails, and writes nothing, instead of only being logged: a test that reaches such a bug cannot pass.
 */
class LifecycleStrictnessTest {

    private static final Scope SCOPE = new Scope("111122223333", "us-east-1");

    private final Storage storage = Storage.inMemory();
    private final KeyRepository repository = KeyRepository.load(storage.barrier());
    private final KeyService keys = new KeyService(repository, new KeyLookup(repository), Clock.systemUTC());

    @AfterEach
    void close() {
        storage.close();
    }

    @Test
    void destroyingAnActiveKey_isAMoveNotInTheTable_andFailsWithoutWriting() {
        assertTrue(Boolean.getBoolean("trent.lifecycle.strict"), "the build sets trent.lifecycle.strict for tests");
        KmsKey key = keys.create(SCOPE, new NewKey("", KeySpec.SYMMETRIC_DEFAULT, KeyUsage.ENCRYPT_DECRYPT,
                Origin.AWS_KMS, Map.of()));

        IllegalStateException e = assertThrows(IllegalStateException.class, () -> repository.destroy(key));

        assertTrue(e.getMessage().startsWith("lifecycle move ACTIVE -> DESTROYED by "), e.getMessage());
        assertTrue(e.getMessage().endsWith(" is not in the table"), e.getMessage());
        assertEquals(KeyState.Enabled, repository.find(SCOPE, key.id()).orElseThrow().metadata().state());
    }

    @Test
    void destroyingAKeyPendingDeletion_isInTheTable() {
        KmsKey key = keys.create(SCOPE, new NewKey("", KeySpec.SYMMETRIC_DEFAULT, KeyUsage.ENCRYPT_DECRYPT,
                Origin.AWS_KMS, Map.of()));

        repository.destroy(keys.scheduleDeletion(SCOPE, key.id().value(), 7));

        assertTrue(repository.find(SCOPE, key.id()).isEmpty());
    }
}
