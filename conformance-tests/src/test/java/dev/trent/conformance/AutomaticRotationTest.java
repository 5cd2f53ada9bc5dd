package dev.trent.conformance;

import static dev.trent.conformance.KeyRotations.assert64Hex;
import static dev.trent.conformance.KeyRotations.assertBetween;
import static dev.trent.conformance.KeyRotations.assertNamesKey;
import static dev.trent.conformance.KeyRotations.assertNoImportFields;
import static dev.trent.conformance.KeyRotations.awaitNewMaterial;
import static dev.trent.conformance.KeyRotations.awaitOnDemandRotationDone;
import static dev.trent.conformance.KeyRotations.byMaterial;
import static dev.trent.conformance.KeyRotations.rotations;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.trent.server.app.TrentConfig;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.kms.model.DecryptResponse;
import software.amazon.awssdk.services.kms.model.GetKeyRotationStatusResponse;
import software.amazon.awssdk.services.kms.model.IncludeKeyMaterial;
import software.amazon.awssdk.services.kms.model.KeyMaterialState;
import software.amazon.awssdk.services.kms.model.KeyMetadata;
import software.amazon.awssdk.services.kms.model.KeyState;
import software.amazon.awssdk.services.kms.model.ReEncryptResponse;
import software.amazon.awssdk.services.kms.model.RotationType;
import software.amazon.awssdk.services.kms.model.RotationsListEntry;

/**
 * Automatic rotation: the server rotates a key by itself once its NextRotationDate has passed on the server's
 * clock. The server runs on a clock the test moves forward; each test creates its own keys and moves time only
 * relative to them, so the tests do not depend on each other's order.
 */
class AutomaticRotationTest extends TrentTestBase {

    /** Slack for timestamps the server stamps from the same clock the test reads. */
    private static final Duration SKEW = Duration.ofSeconds(5);
    /** After one key rotated, time for a few more sweeps to (wrongly) rotate keys that are not due. */
    private static final Duration MORE_SWEEPS = Duration.ofSeconds(3);
    private static final Duration PERIOD = Duration.ofDays(90);
    private static final Duration PAST_THE_PERIOD = Duration.ofDays(91);

    private final OffsetClock clock = new OffsetClock();

    @Override
    protected TrentConfig.Builder configure(TrentConfig.Builder builder) {
        return builder.clock(clock);
    }

    @Test
    void dueKey_isRotatedByTheServer_oldCiphertextsStillDecrypt_andTheScheduleStartsAgain() throws Exception {
        Instant before = clock.instant();
        KeyMetadata due = rotatingKey(90);
        Instant after = clock.instant();
        GetKeyRotationStatusResponse initial = status(due);
        assertBetween(before.plus(PERIOD).minus(SKEW), after.plus(PERIOD).plus(SKEW), initial.nextRotationDate(),
                "NextRotationDate");
        Instant firstScheduled = initial.nextRotationDate();
        String original = due.currentKeyMaterialId();
        byte[] plaintext = randomBytes(48);
        SdkBytes oldBlob = kms.encrypt(b -> b.keyId(due.keyId()).plaintext(sdk(plaintext))).ciphertextBlob();

        clock.advance(PAST_THE_PERIOD);

        String first = awaitNewMaterial(kms, due.keyId(), original);
        Instant firstSeen = clock.instant();
        assert64Hex(first, "CurrentKeyMaterialId after automatic rotation");
        List<RotationsListEntry> listed = rotations(kms, due.keyId(), null);
        assertEquals(1, listed.size(), "one automatic rotation: " + listed);
        RotationsListEntry entry = listed.get(0);
        assertNamesKey(due, entry);
        assertEquals(first, entry.keyMaterialId());
        assertEquals(KeyMaterialState.CURRENT, entry.keyMaterialState());
        assertEquals(RotationType.AUTOMATIC, entry.rotationType());
        assertBetween(firstScheduled.minus(SKEW), firstSeen.plus(SKEW), entry.rotationDate(), "RotationDate");
        assertNoImportFields(entry);

        GetKeyRotationStatusResponse rescheduled = status(due);
        assertEquals(due.arn(), rescheduled.keyId());
        assertEquals(Boolean.TRUE, rescheduled.keyRotationEnabled());
        assertEquals(90, rescheduled.rotationPeriodInDays());
        assertBetween(firstScheduled.plus(PERIOD).minus(SKEW), firstSeen.plus(PERIOD).plus(SKEW),
                rescheduled.nextRotationDate(), "NextRotationDate after the rotation");

        DecryptResponse old = kms.decrypt(b -> b.ciphertextBlob(oldBlob));
        assertArrayEquals(plaintext, old.plaintext().asByteArray());
        assertEquals(original, old.keyMaterialId(), "a ciphertext from before the rotation uses the old material");
        SdkBytes newBlob = kms.encrypt(b -> b.keyId(due.keyId()).plaintext(utf8("new"))).ciphertextBlob();
        assertEquals(first, kms.decrypt(b -> b.ciphertextBlob(newBlob)).keyMaterialId(),
                "Encrypt after the rotation uses the new material");
        ReEncryptResponse moved = kms.reEncrypt(b -> b.ciphertextBlob(oldBlob).destinationKeyId(due.keyId()));
        assertEquals(original, moved.sourceKeyMaterialId());
        assertEquals(first, moved.destinationKeyMaterialId());

        clock.advance(PAST_THE_PERIOD);

        String second = awaitNewMaterial(kms, due.keyId(), first);
        Instant secondSeen = clock.instant();
        assertEquals(3, Set.of(original, first, second).size(), "each rotation makes new material");
        Map<String, RotationsListEntry> twice = byMaterial(
                rotations(kms, due.keyId(), IncludeKeyMaterial.ROTATIONS_ONLY));
        assertEquals(Set.of(first, second), twice.keySet());
        assertEquals(KeyMaterialState.NON_CURRENT, twice.get(first).keyMaterialState());
        assertEquals(KeyMaterialState.CURRENT, twice.get(second).keyMaterialState());
        assertEquals(RotationType.AUTOMATIC, twice.get(second).rotationType());
        assertBetween(rescheduled.nextRotationDate().minus(SKEW), secondSeen.plus(SKEW),
                twice.get(second).rotationDate(), "RotationDate of the second rotation");

        Map<String, RotationsListEntry> all = byMaterial(
                rotations(kms, due.keyId(), IncludeKeyMaterial.ALL_KEY_MATERIAL));
        assertEquals(Set.of(original, first, second), all.keySet());
        assertEquals(KeyMaterialState.NON_CURRENT, all.get(original).keyMaterialState());
        assertNull(all.get(original).rotationDate());
        assertNull(all.get(original).rotationType());
        assertEquals(original, kms.decrypt(b -> b.ciphertextBlob(oldBlob)).keyMaterialId());
        assertEquals(first, kms.decrypt(b -> b.ciphertextBlob(newBlob)).keyMaterialId());
    }

    @Test
    void onlyEnabledKeysWithRotationOnAndDue_areRotated() throws Exception {
        KeyMetadata due = rotatingKey(90);
        KeyMetadata yearly = rotatingKey(365);
        KeyMetadata never = newSymmetricKey();
        KeyMetadata switchedOff = rotatingKey(90);
        kms.disableKeyRotation(b -> b.keyId(switchedOff.keyId()));
        KeyMetadata disabledKey = rotatingKey(90);
        kms.disableKey(b -> b.keyId(disabledKey.keyId()));

        clock.advance(PAST_THE_PERIOD);

        awaitNewMaterial(kms, due.keyId(), due.currentKeyMaterialId());
        Thread.sleep(MORE_SWEEPS.toMillis());
        assertNotRotated(yearly, "a key whose NextRotationDate has not come");
        assertNotRotated(never, "a key without automatic rotation");
        assertNotRotated(switchedOff, "a key whose rotation was disabled");
        assertNotRotated(disabledKey, "a disabled key (KMS does not rotate disabled keys)");
        assertEquals(Boolean.TRUE, status(disabledKey).keyRotationEnabled(),
                "disabling a key does not change its rotation status");
    }

    @Test
    void keyPendingDeletion_isNotRotated_andCancellingRestoresItsRotationStatus() throws Exception {
        KeyMetadata pending = rotatingKey(90);
        KeyMetadata control = rotatingKey(90);
        clock.advance(Duration.ofDays(85));
        kms.scheduleKeyDeletion(b -> b.keyId(pending.keyId()).pendingWindowInDays(7));
        assertEquals(Boolean.FALSE, status(pending).keyRotationEnabled(), "a key pending deletion reports false");

        clock.advance(Duration.ofDays(6));

        awaitNewMaterial(kms, control.keyId(), control.currentKeyMaterialId());
        Thread.sleep(MORE_SWEEPS.toMillis());
        assertEquals(KeyState.PENDING_DELETION,
                kms.describeKey(b -> b.keyId(pending.keyId())).keyMetadata().keyState());
        assertNotRotated(pending, "a key pending deletion");
        assertEquals(Boolean.FALSE, status(pending).keyRotationEnabled());

        kms.cancelKeyDeletion(b -> b.keyId(pending.keyId()));

        GetKeyRotationStatusResponse restored = status(pending);
        assertEquals(Boolean.TRUE, restored.keyRotationEnabled(), "cancelling the deletion restores the status");
        assertEquals(90, restored.rotationPeriodInDays());
    }

    @Test
    void onDemandRotation_keepsTheAutomaticSchedule_andBothKindsAreListed() throws Exception {
        KeyMetadata key = rotatingKey(90);
        Instant scheduled = status(key).nextRotationDate();
        kms.rotateKeyOnDemand(b -> b.keyId(key.keyId()));
        awaitOnDemandRotationDone(kms, key.keyId());
        String onDemand = KeyRotations.currentMaterial(kms, key.keyId());
        assertNotEquals(key.currentKeyMaterialId(), onDemand);
        assertEquals(scheduled, status(key).nextRotationDate(), "on-demand rotations do not change the schedule");

        clock.advance(PAST_THE_PERIOD);

        String automatic = awaitNewMaterial(kms, key.keyId(), onDemand);
        Map<String, RotationsListEntry> listed = byMaterial(rotations(kms, key.keyId(), null));
        assertEquals(Set.of(onDemand, automatic), listed.keySet());
        RotationsListEntry byHand = listed.get(onDemand);
        RotationsListEntry byServer = listed.get(automatic);
        assertEquals(RotationType.ON_DEMAND, byHand.rotationType());
        assertEquals(KeyMaterialState.NON_CURRENT, byHand.keyMaterialState());
        assertEquals(RotationType.AUTOMATIC, byServer.rotationType());
        assertEquals(KeyMaterialState.CURRENT, byServer.keyMaterialState());
        assertTrue(byHand.rotationDate().isBefore(byServer.rotationDate()),
                "the on-demand rotation happened before the automatic one");
        assertBetween(scheduled.minus(SKEW), clock.instant().plus(SKEW), byServer.rotationDate(),
                "RotationDate of the automatic rotation");
    }

    private KeyMetadata rotatingKey(int days) {
        KeyMetadata key = newSymmetricKey();
        kms.enableKeyRotation(b -> b.keyId(key.keyId()).rotationPeriodInDays(days));
        return key;
    }

    private GetKeyRotationStatusResponse status(KeyMetadata key) {
        return KeyRotations.status(kms, key.keyId());
    }

    private void assertNotRotated(KeyMetadata key, String what) {
        assertEquals(key.currentKeyMaterialId(), KeyRotations.currentMaterial(kms, key.keyId()),
                what + " was rotated");
        assertTrue(rotations(kms, key.keyId(), null).isEmpty(), what + " lists rotations");
    }
}
