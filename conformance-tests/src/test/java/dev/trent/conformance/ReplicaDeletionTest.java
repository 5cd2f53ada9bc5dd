package dev.trent.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.trent.server.app.TrentConfig;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.kms.KmsClient;
import software.amazon.awssdk.services.kms.model.KmsInvalidStateException;
import software.amazon.awssdk.services.kms.model.KeyMetadata;
import software.amazon.awssdk.services.kms.model.KeyState;
import software.amazon.awssdk.services.kms.model.NotFoundException;
import software.amazon.awssdk.services.kms.model.ScheduleKeyDeletionResponse;

/**
 * A multi-Region primary key scheduled for deletion while it has replicas: PendingReplicaDeletion without a
 * DeletionDate, its own waiting period starting only when the last replica is deleted.
 */
class ReplicaDeletionTest extends TrentTestBase {

    private final OffsetClock clock = new OffsetClock();

    @Override
    protected TrentConfig.Builder configure(TrentConfig.Builder builder) {
        return builder.clock(clock);
    }

    private KeyMetadata primaryWithReplica() {
        KeyMetadata primary = kms.createKey(b -> b.multiRegion(true)).keyMetadata();
        kms.replicateKey(b -> b.keyId(primary.keyId()).replicaRegion("eu-west-1"));
        return primary;
    }

    @Test
    void primaryWithReplica_isPendingReplicaDeletion_withoutADeletionDate() {
        KeyMetadata primary = primaryWithReplica();

        ScheduleKeyDeletionResponse scheduled =
                kms.scheduleKeyDeletion(b -> b.keyId(primary.keyId()).pendingWindowInDays(9));

        assertEquals(KeyState.PENDING_REPLICA_DELETION, scheduled.keyState());
        assertNull(scheduled.deletionDate());
        assertEquals(9, scheduled.pendingWindowInDays());
        KeyMetadata described = kms.describeKey(b -> b.keyId(primary.keyId())).keyMetadata();
        assertEquals(KeyState.PENDING_REPLICA_DELETION, described.keyState());
        assertFalse(described.enabled());
        assertNull(described.deletionDate());
        assertEquals(9, described.pendingDeletionWindowInDays());
        KmsInvalidStateException e = assertThrows(KmsInvalidStateException.class,
                () -> kms.encrypt(b -> b.keyId(primary.keyId()).plaintext(SdkBytes.fromUtf8String("x"))));
        assertEquals(primary.arn() + " is pending replica deletion.", e.awsErrorDetails().errorMessage());
    }

    @Test
    void cancelKeyDeletion_leavesThePrimaryDisabled() {
        KeyMetadata primary = primaryWithReplica();
        kms.scheduleKeyDeletion(b -> b.keyId(primary.keyId()));

        kms.cancelKeyDeletion(b -> b.keyId(primary.keyId()));

        KeyMetadata described = kms.describeKey(b -> b.keyId(primary.keyId())).keyMetadata();
        assertEquals(KeyState.DISABLED, described.keyState());
        assertNull(described.pendingDeletionWindowInDays());
    }

    @Test
    void deletingTheLastReplica_startsThePrimarysWaitingPeriod_thenThePrimaryIsDeleted() {
        KeyMetadata primary = primaryWithReplica();
        KmsClient west = clientIn(Region.EU_WEST_1);
        kms.scheduleKeyDeletion(b -> b.keyId(primary.keyId()).pendingWindowInDays(10));
        west.scheduleKeyDeletion(b -> b.keyId(primary.keyId()).pendingWindowInDays(7));

        clock.advance(Duration.ofDays(7).plusMinutes(1));
        Instant replicaDeleted = clock.instant();
        server.sweepNow();

        assertThrows(NotFoundException.class, () -> west.describeKey(b -> b.keyId(primary.keyId())));
        KeyMetadata waiting = kms.describeKey(b -> b.keyId(primary.keyId())).keyMetadata();
        assertEquals(KeyState.PENDING_DELETION, waiting.keyState());
        Instant expected = replicaDeleted.plus(Duration.ofDays(10));
        assertTrue(Math.abs(ChronoUnit.SECONDS.between(expected, waiting.deletionDate())) < 5,
                "the window starts when the replica is deleted: " + waiting.deletionDate());
        assertTrue(waiting.multiRegionConfiguration().replicaKeys().isEmpty());

        clock.advance(Duration.ofDays(10).plusMinutes(1));
        server.sweepNow();
        assertThrows(NotFoundException.class, () -> kms.describeKey(b -> b.keyId(primary.keyId())));
    }
}
