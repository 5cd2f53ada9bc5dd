package dev.trent.server.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.trent.server.error.AccessDeniedException;
import dev.trent.server.error.KMSInvalidStateException;
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
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Keys are destroyed by the sweeper once their deletion date passes on the injected clock, and only by it. */
class DeletionSweeperTest {

    private static final Scope SCOPE = new Scope("111122223333", "us-east-1");
    private static final String UNKNOWN_KEY = "The ciphertext refers to a customer master key that does not exist, "
            + "does not exist in this region, or you are not allowed to access.";

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
        KmsKey key = newKey(SCOPE);
        new AliasService(repository, lookup, clock).create(SCOPE, new AliasName("alias/doomed"), key.id().value());
        byte[] blob = encryption.encrypt(SCOPE, key.id().value(), new byte[] {1}, Map.of(), null, false).ciphertext();
        KmsKey scheduled = keys.scheduleDeletion(SCOPE, key.id().value(), 7);
        assertEquals(Instant.parse("2026-01-08T00:00:00Z"), scheduled.deletionDate());
        assertEquals(7, scheduled.pendingWindowInDays());

        clock.advance(Duration.ofDays(7).minusMillis(1));
        assertEquals(List.of(), sweeper.sweep(), "not due yet");
        clock.advance(Duration.ofMillis(1));
        assertEquals(List.of(key.id()), sweeper.sweep().stream().map(KmsKey::id).toList());

        NotFoundException gone = assertThrows(NotFoundException.class, () -> keys.describe(SCOPE, key.id().value()));
        assertEquals("Key '" + key.arn() + "' does not exist", gone.getMessage());
        assertEquals("Alias arn:aws:kms:us-east-1:111122223333:alias/doomed is not found.",
                assertThrows(NotFoundException.class, () -> keys.describe(SCOPE, "alias/doomed")).getMessage());
        AccessDeniedException denied = assertThrows(AccessDeniedException.class,
                () -> encryption.decrypt(SCOPE, blob, null, Map.of(), null, false));
        assertEquals(UNKNOWN_KEY, denied.getMessage());
        assertEquals(List.of(), keys.list(SCOPE));
    }

    @Test
    void destruction_isPersisted_soAReloadedRepositoryDoesNotHaveTheKey() {
        KmsKey doomed = newKey(SCOPE);
        KmsKey kept = newKey(SCOPE);
        keys.scheduleDeletion(SCOPE, doomed.id().value(), 7);
        clock.advance(Duration.ofDays(8));
        assertEquals(1, sweeper.sweep().size());

        KeyRepository reloaded = KeyRepository.load(storage.barrier());
        assertTrue(reloaded.find(SCOPE, doomed.id()).isEmpty());
        assertTrue(reloaded.find(SCOPE, kept.id()).isPresent());
        assertEquals(List.of(), sweeper.sweep(), "a destroyed key is not destroyed twice");
    }

    @Test
    void readingADueKey_doesNotDestroyIt() {
        KmsKey key = newKey(SCOPE);
        byte[] blob = encryption.encrypt(SCOPE, key.id().value(), new byte[] {1}, Map.of(), null, false).ciphertext();
        keys.scheduleDeletion(SCOPE, key.id().value(), 7);
        clock.advance(Duration.ofDays(30));

        KmsKey described = keys.describe(SCOPE, key.id().value());
        assertEquals(KeyState.PendingDeletion, described.state());
        assertFalse(described.state().enabledFlag());
        assertEquals(1, keys.list(SCOPE).size());
        assertEquals(key.arn() + " is pending deletion.", assertThrows(KMSInvalidStateException.class,
                () -> encryption.decrypt(SCOPE, blob, null, Map.of(), null, false)).getMessage());
        assertEquals(KeyState.PendingDeletion, keys.describe(SCOPE, key.id().value()).state());
        assertTrue(KeyRepository.load(storage.barrier()).find(SCOPE, key.id()).isPresent(), "still stored");
    }

    @Test
    void schedulingTwice_isKmsInvalidState_andKeepsTheFirstDate() {
        KmsKey key = newKey(SCOPE);
        KmsKey first = keys.scheduleDeletion(SCOPE, key.id().value(), 30);
        clock.advance(Duration.ofDays(1));
        assertEquals(key.arn() + " is pending deletion.", assertThrows(KMSInvalidStateException.class,
                () -> keys.scheduleDeletion(SCOPE, key.id().value(), 7)).getMessage());
        assertEquals(first.deletionDate(), keys.describe(SCOPE, key.id().value()).deletionDate());
    }

    @Test
    void cancelledDeletion_isNeverSwept_andLeavesTheKeyDisabled() {
        KmsKey key = newKey(SCOPE);
        keys.scheduleDeletion(SCOPE, key.id().value(), 7);
        KmsKey cancelled = keys.cancelDeletion(SCOPE, key.id().value());
        clock.advance(Duration.ofDays(8));

        assertEquals(List.of(), sweeper.sweep());
        assertEquals(KeyState.Disabled, cancelled.state());
        assertNull(cancelled.deletionDate());
        assertNull(cancelled.pendingWindowInDays());
        assertEquals(KeyState.Disabled, keys.describe(SCOPE, key.id().value()).state());
        assertEquals(key.arn() + " is not pending deletion.", assertThrows(KMSInvalidStateException.class,
                () -> keys.cancelDeletion(SCOPE, key.id().value())).getMessage());
    }

    @Test
    void sweep_reachesKeysOfEveryScope_andOnlyThoseDue() {
        KmsKey here = newKey(SCOPE);
        KmsKey there = newKey(new Scope("444455556666", "eu-west-1"));
        KmsKey later = newKey(SCOPE);
        keys.scheduleDeletion(SCOPE, here.id().value(), 7);
        keys.scheduleDeletion(there.scope(), there.id().value(), 7);
        keys.scheduleDeletion(SCOPE, later.id().value(), 30);
        clock.advance(Duration.ofDays(10));

        assertEquals(2, sweeper.sweep().size());
        assertEquals(List.of(later.id()), keys.list(SCOPE).stream().map(KmsKey::id).toList());
        assertEquals(List.of(), keys.list(there.scope()));
    }

    private KmsKey newKey(Scope scope) {
        return keys.create(scope, new NewKey("", KeySpec.SYMMETRIC_DEFAULT, KeyUsage.ENCRYPT_DECRYPT, Origin.AWS_KMS, Map.of()));
    }
}
