package dev.trent.server.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.trent.server.error.KMSInvalidStateException;
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

/** A multi-Region primary key scheduled for deletion waits for its replicas before its own window begins. */
class PendingReplicaDeletionTest {

    private static final Scope EAST = new Scope("111122223333", "us-east-1");
    private static final Scope WEST = new Scope("111122223333", "eu-west-1");

    private final MutableClock clock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));
    private final Storage storage = Storage.inMemory();
    private final KeyRepository repository = KeyRepository.load(storage.barrier());
    private final KeyLookup lookup = new KeyLookup(repository);
    private final KeyService keys = new KeyService(repository, lookup, clock);
    private final DeletionSweeper sweeper = new DeletionSweeper(repository, clock);

    @AfterEach
    void close() {
        storage.close();
    }

    private KmsKey primaryWithReplica() {
        KmsKey primary = keys.create(EAST, new NewKey("", KeySpec.SYMMETRIC_DEFAULT, KeyUsage.ENCRYPT_DECRYPT,
                Origin.AWS_KMS, Map.of(), true));
        keys.replicate(EAST, primary.id().value(), WEST.region(), "", Map.of(), null);
        return primary;
    }

    private KmsKey stored(Scope scope, KmsKey key) {
        return repository.find(scope, key.id()).orElseThrow().metadata();
    }

    @Test
    void primaryWithReplicas_waitsWithoutADeletionDate() {
        KmsKey primary = primaryWithReplica();

        KmsKey scheduled = keys.scheduleDeletion(EAST, primary.id().value(), 10);

        assertEquals(KeyState.PendingReplicaDeletion, scheduled.state());
        assertNull(scheduled.deletionDate());
        assertEquals(10, scheduled.pendingWindowInDays());
        clock.advance(Duration.ofDays(400));
        sweeper.sweep();
        assertEquals(KeyState.PendingReplicaDeletion, stored(EAST, primary).state());
    }

    @Test
    void lastReplicaDestroyed_startsThePrimarysWindowFromThen() {
        KmsKey primary = primaryWithReplica();
        keys.scheduleDeletion(EAST, primary.id().value(), 10);
        keys.scheduleDeletion(WEST, primary.id().value(), 7);

        clock.advance(Duration.ofDays(7));
        Instant replicaGone = clock.instant();
        sweeper.sweep();

        assertTrue(repository.find(WEST, primary.id()).isEmpty());
        KmsKey waiting = stored(EAST, primary);
        assertEquals(KeyState.PendingDeletion, waiting.state());
        assertEquals(replicaGone.plus(Duration.ofDays(10)), waiting.deletionDate());
        clock.advance(Duration.ofDays(10));
        sweeper.sweep();
        assertTrue(repository.find(EAST, primary.id()).isEmpty());
    }

    @Test
    void pendingReplicaDeletion_survivesReloading() {
        KmsKey primary = primaryWithReplica();
        keys.scheduleDeletion(EAST, primary.id().value(), 12);

        KmsKey reloaded = KeyRepository.load(storage.barrier()).find(EAST, primary.id()).orElseThrow().metadata();

        assertEquals(KeyState.PendingReplicaDeletion, reloaded.state());
        assertEquals(12, reloaded.pendingWindowInDays());
        assertNull(reloaded.deletionDate());
    }

    @Test
    void cancel_leavesThePrimaryDisabled() {
        KmsKey primary = primaryWithReplica();
        keys.scheduleDeletion(EAST, primary.id().value(), 30);

        KmsKey cancelled = keys.cancelDeletion(EAST, primary.id().value());

        assertEquals(KeyState.Disabled, cancelled.state());
        assertNull(cancelled.pendingWindowInDays());
    }

    @Test
    void primaryAwaitingReplicaDeletion_cannotBeReplicated() {
        KmsKey primary = primaryWithReplica();
        keys.scheduleDeletion(EAST, primary.id().value(), 30);

        KMSInvalidStateException e = assertThrows(KMSInvalidStateException.class,
                () -> keys.replicate(EAST, primary.id().value(), "ap-south-1", "", Map.of(), null));
        assertEquals(primary.arn() + " is pending replica deletion.", e.getMessage());
    }

    @Test
    void singleRegionAndLonelyPrimaryKeys_scheduleAsBefore() {
        KmsKey lonely = keys.create(EAST, new NewKey("", KeySpec.SYMMETRIC_DEFAULT, KeyUsage.ENCRYPT_DECRYPT,
                Origin.AWS_KMS, Map.of(), true));

        KmsKey scheduled = keys.scheduleDeletion(EAST, lonely.id().value(), 7);

        assertEquals(KeyState.PendingDeletion, scheduled.state());
        assertEquals(clock.instant().plus(Duration.ofDays(7)), scheduled.deletionDate());
    }
}
