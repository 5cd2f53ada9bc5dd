package dev.trent.server.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.trent.server.error.AccessDeniedException;
import dev.trent.server.error.NotFoundException;
import dev.trent.server.key.AliasName;
import dev.trent.server.key.KeySpec;
import dev.trent.server.key.KeyUsage;
import dev.trent.server.key.KmsKey;
import dev.trent.server.key.Origin;
import dev.trent.server.key.Scope;
import dev.trent.server.key.lifecycle.KeyState;
import dev.trent.server.repository.KeyRepository;
import dev.trent.storage.Storage;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Keys are destroyed by the sweeper once their deletion date passes on the injected clock, and only by it. */
class DeletionSweeperTest {

    private static final Scope SCOPE = new Scope("111122223333", "us-east-1");

    private final MutableClock clock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));
    private final Storage storage = Storage.inMemory();
    private final KeyRepository repository = KeyRepository.load(storage.barrier());
    private final KeyLookup lookup = new KeyLookup(repository);
    private final KeyService keys = new KeyService(repository, lookup, clock);
    private final EncryptionService encryption = new EncryptionService(lookup);
    private final DeletionSweeper sweeper = new DeletionSweeper(repository, clock);

    @AfterEach
    void close() {
        storage.close();
    }

    @Test
    void keyPastItsDeletionDate_isDestroyedBySweep_withItsAliasAndCiphertexts() {
        KmsKey key = newKey();
        new AliasService(repository, lookup, clock).create(SCOPE, new AliasName("alias/doomed"), key.id().value());
        byte[] blob = encryption.encrypt(SCOPE, key.id().value(), new byte[] {1}, Map.of(), null, false).ciphertext();
        KmsKey scheduled = keys.scheduleDeletion(SCOPE, key.id().value(), 7);
        assertEquals(Instant.parse("2026-01-08T00:00:00Z"), scheduled.deletionDate());

        clock.advance(Duration.ofDays(7).minusMillis(1));
        assertEquals(0, sweeper.sweep().size(), "not due yet");
        clock.advance(Duration.ofMillis(1));
        assertEquals(1, sweeper.sweep().size());

        NotFoundException gone = assertThrows(NotFoundException.class, () -> keys.describe(SCOPE, key.id().value()));
        assertEquals("Key '" + key.arn() + "' does not exist", gone.getMessage());
        assertThrows(NotFoundException.class, () -> keys.describe(SCOPE, "alias/doomed"));
        assertThrows(AccessDeniedException.class, () -> encryption.decrypt(SCOPE, blob, null, Map.of(), null, false));
    }

    @Test
    void readingADueKey_doesNotDestroyIt() {
        KmsKey key = newKey();
        keys.scheduleDeletion(SCOPE, key.id().value(), 7);
        clock.advance(Duration.ofDays(30));

        assertEquals(KeyState.PendingDeletion, keys.describe(SCOPE, key.id().value()).state());
        assertEquals(1, keys.list(SCOPE).size());
    }

    @Test
    void cancelledDeletion_isNeverSwept_andLeavesTheKeyDisabled() {
        KmsKey key = newKey();
        keys.scheduleDeletion(SCOPE, key.id().value(), 7);
        KmsKey cancelled = keys.cancelDeletion(SCOPE, key.id().value());
        clock.advance(Duration.ofDays(8));

        assertEquals(0, sweeper.sweep().size());
        assertEquals(KeyState.Disabled, cancelled.state());
        assertEquals(null, cancelled.deletionDate());
    }

    private KmsKey newKey() {
        return keys.create(SCOPE, new NewKey("", KeySpec.SYMMETRIC_DEFAULT, KeyUsage.ENCRYPT_DECRYPT, Origin.AWS_KMS, Map.of()));
    }
}
