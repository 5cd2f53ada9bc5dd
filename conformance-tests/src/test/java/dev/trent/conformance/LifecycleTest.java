package dev.trent.conformance;

import static dev.trent.conformance.KmsErrors.assertKmsError;
import static dev.trent.conformance.KmsErrors.assertUnmodeledErrorCode;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.kms.model.DataKeySpec;
import software.amazon.awssdk.services.kms.model.DisabledException;
import software.amazon.awssdk.services.kms.model.KeyMetadata;
import software.amazon.awssdk.services.kms.model.KeyState;
import software.amazon.awssdk.services.kms.model.KeySpec;
import software.amazon.awssdk.services.kms.model.KeyUsageType;
import software.amazon.awssdk.services.kms.model.KmsInvalidStateException;
import software.amazon.awssdk.services.kms.model.NotFoundException;
import software.amazon.awssdk.services.kms.model.ScheduleKeyDeletionResponse;
import software.amazon.awssdk.services.kms.model.SigningAlgorithmSpec;
import software.amazon.awssdk.services.kms.model.Tag;

/** EnableKey, DisableKey, ScheduleKeyDeletion, CancelKeyDeletion and what each state allows. */
class LifecycleTest extends TrentTestBase {

    private KeyMetadata describe(String keyId) {
        return kms.describeKey(b -> b.keyId(keyId)).keyMetadata();
    }

    private KeyMetadata pendingDeletionKey() {
        KeyMetadata key = newSymmetricKey();
        kms.scheduleKeyDeletion(b -> b.keyId(key.keyId()).pendingWindowInDays(7));
        return key;
    }

    @Test
    void disableKey_setsDisabledStateAndEnabledFalse() {
        KeyMetadata key = newSymmetricKey();

        kms.disableKey(b -> b.keyId(key.keyId()));

        KeyMetadata described = describe(key.keyId());
        assertEquals(KeyState.DISABLED, described.keyState());
        assertEquals(Boolean.FALSE, described.enabled());
        assertNull(described.deletionDate());
    }

    @Test
    void encrypt_withDisabledKey_throwsDisabled() {
        KeyMetadata key = newSymmetricKey();
        kms.disableKey(b -> b.keyId(key.keyId()));

        assertKmsError(DisabledException.class, key.arn() + " is disabled.",
                () -> kms.encrypt(b -> b.keyId(key.keyId()).plaintext(utf8("x"))));
    }

    @Test
    void decryptAndGenerateDataKey_withDisabledKey_throwDisabled() {
        KeyMetadata key = newSymmetricKey();
        SdkBytes blob = kms.encrypt(b -> b.keyId(key.keyId()).plaintext(utf8("before"))).ciphertextBlob();
        kms.disableKey(b -> b.keyId(key.keyId()));

        assertKmsError(DisabledException.class, key.arn() + " is disabled.",
                () -> kms.decrypt(b -> b.ciphertextBlob(blob)));
        assertKmsError(DisabledException.class, key.arn() + " is disabled.",
                () -> kms.generateDataKey(b -> b.keyId(key.keyId()).keySpec(DataKeySpec.AES_256)));
        assertKmsError(DisabledException.class, key.arn() + " is disabled.",
                () -> kms.generateDataKeyWithoutPlaintext(b -> b.keyId(key.keyId()).keySpec(DataKeySpec.AES_256)));
    }

    @Test
    void disableKey_twice_isAllowed() {
        KeyMetadata key = newSymmetricKey();

        kms.disableKey(b -> b.keyId(key.keyId()));
        kms.disableKey(b -> b.keyId(key.keyId()));

        assertEquals(KeyState.DISABLED, describe(key.keyId()).keyState());
    }

    @Test
    void enableKey_afterDisable_restoresEncryptAndDecrypt() {
        KeyMetadata key = newSymmetricKey();
        SdkBytes blob = kms.encrypt(b -> b.keyId(key.keyId()).plaintext(utf8("kept"))).ciphertextBlob();
        kms.disableKey(b -> b.keyId(key.keyId()));

        kms.enableKey(b -> b.keyId(key.keyId()));

        KeyMetadata described = describe(key.keyId());
        assertEquals(KeyState.ENABLED, described.keyState());
        assertEquals(Boolean.TRUE, described.enabled());
        assertEquals("kept", kms.decrypt(b -> b.ciphertextBlob(blob)).plaintext().asUtf8String());
        kms.encrypt(b -> b.keyId(key.keyId()).plaintext(utf8("again")));
    }

    @Test
    void enableKey_onEnabledKey_isAllowed() {
        KeyMetadata key = newSymmetricKey();

        kms.enableKey(b -> b.keyId(key.keyId()));

        assertEquals(KeyState.ENABLED, describe(key.keyId()).keyState());
    }

    @Test
    void scheduleKeyDeletion_withoutWindow_defaultsTo30Days() {
        KeyMetadata key = newSymmetricKey();
        Instant before = Instant.now();

        ScheduleKeyDeletionResponse scheduled = kms.scheduleKeyDeletion(b -> b.keyId(key.keyId()));

        Instant after = Instant.now();
        assertEquals(key.arn(), scheduled.keyId());
        assertEquals(KeyState.PENDING_DELETION, scheduled.keyState());
        assertEquals(30, scheduled.pendingWindowInDays());
        assertDeletionDate(scheduled.deletionDate(), before, after, 30);
    }

    @ParameterizedTest
    @ValueSource(ints = {7, 30})
    void scheduleKeyDeletion_withWindow_describesPendingDeletion(int days) {
        KeyMetadata key = newSymmetricKey();
        Instant before = Instant.now();

        ScheduleKeyDeletionResponse scheduled =
                kms.scheduleKeyDeletion(b -> b.keyId(key.arn()).pendingWindowInDays(days));

        Instant after = Instant.now();
        assertEquals(days, scheduled.pendingWindowInDays());
        assertDeletionDate(scheduled.deletionDate(), before, after, days);
        KeyMetadata described = describe(key.keyId());
        assertEquals(KeyState.PENDING_DELETION, described.keyState());
        assertEquals(Boolean.FALSE, described.enabled());
        assertEquals(scheduled.deletionDate(), described.deletionDate());
        assertNull(described.pendingDeletionWindowInDays(), "present only while pending replica deletion");
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 6, 31, 365})
    void scheduleKeyDeletion_withWindowOutside7To30_isRejectedAndKeyStaysEnabled(int days) {
        KeyMetadata key = newSymmetricKey();

        assertUnmodeledErrorCode("ValidationException",
                () -> kms.scheduleKeyDeletion(b -> b.keyId(key.keyId()).pendingWindowInDays(days)));
        assertEquals(KeyState.ENABLED, describe(key.keyId()).keyState());
    }

    @Test
    void scheduleKeyDeletion_ofDisabledKey_isAllowed() {
        KeyMetadata key = newSymmetricKey();
        kms.disableKey(b -> b.keyId(key.keyId()));

        ScheduleKeyDeletionResponse scheduled =
                kms.scheduleKeyDeletion(b -> b.keyId(key.keyId()).pendingWindowInDays(10));

        assertEquals(KeyState.PENDING_DELETION, scheduled.keyState());
    }

    @Test
    void scheduleKeyDeletion_twice_throwsInvalidStatePendingDeletion() {
        KeyMetadata key = pendingDeletionKey();

        assertKmsError(KmsInvalidStateException.class, key.arn() + " is pending deletion.",
                () -> kms.scheduleKeyDeletion(b -> b.keyId(key.keyId())));
    }

    @Test
    void generateDataKey_withKeyPendingDeletion_throwsInvalidState() {
        KeyMetadata key = pendingDeletionKey();

        assertKmsError(KmsInvalidStateException.class, key.arn() + " is pending deletion.",
                () -> kms.generateDataKey(b -> b.keyId(key.keyId()).keySpec(DataKeySpec.AES_256)));
    }

    @Test
    void encryptAndDecrypt_withKeyPendingDeletion_throwInvalidState() {
        KeyMetadata key = newSymmetricKey();
        SdkBytes blob = kms.encrypt(b -> b.keyId(key.keyId()).plaintext(utf8("x"))).ciphertextBlob();
        kms.scheduleKeyDeletion(b -> b.keyId(key.keyId()).pendingWindowInDays(7));

        assertKmsError(KmsInvalidStateException.class, key.arn() + " is pending deletion.",
                () -> kms.encrypt(b -> b.keyId(key.keyId()).plaintext(utf8("x"))));
        assertKmsError(KmsInvalidStateException.class, key.arn() + " is pending deletion.",
                () -> kms.decrypt(b -> b.ciphertextBlob(blob)));
    }

    @Test
    void reEncryptAndDataKeyWithoutPlaintext_withKeyPendingDeletion_throwInvalidState() {
        KeyMetadata source = newSymmetricKey();
        SdkBytes blob = kms.encrypt(b -> b.keyId(source.keyId()).plaintext(utf8("x"))).ciphertextBlob();
        KeyMetadata pending = pendingDeletionKey();

        assertKmsError(KmsInvalidStateException.class, pending.arn() + " is pending deletion.",
                () -> kms.reEncrypt(b -> b.ciphertextBlob(blob).destinationKeyId(pending.keyId())));
        assertKmsError(KmsInvalidStateException.class, pending.arn() + " is pending deletion.",
                () -> kms.generateDataKeyWithoutPlaintext(b -> b.keyId(pending.keyId()).numberOfBytes(16)));
    }

    @Test
    void rsaOperations_withDisabledKey_throwDisabled() {
        KeyMetadata key = newKey(KeySpec.RSA_2048, KeyUsageType.SIGN_VERIFY);
        SdkBytes signature = kms.sign(b -> b.keyId(key.keyId()).message(utf8("m"))
                .signingAlgorithm(SigningAlgorithmSpec.RSASSA_PKCS1_V1_5_SHA_256)).signature();
        kms.disableKey(b -> b.keyId(key.keyId()));

        assertKmsError(DisabledException.class, key.arn() + " is disabled.",
                () -> kms.getPublicKey(b -> b.keyId(key.keyId())));
        assertKmsError(DisabledException.class, key.arn() + " is disabled.",
                () -> kms.verify(b -> b.keyId(key.keyId()).message(utf8("m")).signature(signature)
                        .signingAlgorithm(SigningAlgorithmSpec.RSASSA_PKCS1_V1_5_SHA_256)));
    }

    @Test
    void describeKeyAndListResourceTags_withKeyPendingDeletion_stillWork() {
        KeyMetadata key = kms.createKey(b -> b.tags(Tag.builder().tagKey("t").tagValue("v").build())).keyMetadata();
        kms.scheduleKeyDeletion(b -> b.keyId(key.keyId()).pendingWindowInDays(7));

        assertEquals(KeyState.PENDING_DELETION, describe(key.arn()).keyState());
        assertEquals(1, kms.listResourceTags(b -> b.keyId(key.keyId())).tags().size());
    }

    @Test
    void cancelKeyDeletion_ofUnknownKey_throwsNotFound() {
        String unknown = UUID.randomUUID().toString();

        assertKmsError(NotFoundException.class, "Key '" + keyArn(unknown) + "' does not exist",
                () -> kms.cancelKeyDeletion(b -> b.keyId(unknown)));
    }

    @Test
    void enableAndDisableKey_withKeyPendingDeletion_throwInvalidState() {
        KeyMetadata key = pendingDeletionKey();

        assertKmsError(KmsInvalidStateException.class, key.arn() + " is pending deletion.",
                () -> kms.enableKey(b -> b.keyId(key.keyId())));
        assertKmsError(KmsInvalidStateException.class, key.arn() + " is pending deletion.",
                () -> kms.disableKey(b -> b.keyId(key.keyId())));
        assertEquals(KeyState.PENDING_DELETION, describe(key.keyId()).keyState());
    }

    @Test
    void updateKeyDescription_withKeyPendingDeletion_throwsInvalidState() {
        KeyMetadata key = pendingDeletionKey();

        assertKmsError(KmsInvalidStateException.class, key.arn() + " is pending deletion.",
                () -> kms.updateKeyDescription(b -> b.keyId(key.keyId()).description("late")));
    }

    @Test
    void listKeys_includesKeysPendingDeletion() {
        KeyMetadata key = pendingDeletionKey();

        assertTrue(kms.listKeys(b -> b.limit(1000)).keys().stream().anyMatch(k -> k.keyId().equals(key.keyId())));
    }

    @Test
    void cancelKeyDeletion_leavesTheKeyDisabledWithoutDeletionDate() {
        KeyMetadata key = pendingDeletionKey();

        String canceledId = kms.cancelKeyDeletion(b -> b.keyId(key.keyId())).keyId();

        assertEquals(key.arn(), canceledId);
        KeyMetadata described = describe(key.keyId());
        assertEquals(KeyState.DISABLED, described.keyState());
        assertEquals(Boolean.FALSE, described.enabled());
        assertNull(described.deletionDate());
        assertNull(described.pendingDeletionWindowInDays());
    }

    @Test
    void cancelKeyDeletion_thenEnableKey_makesTheKeyUsableAgain() {
        KeyMetadata key = newSymmetricKey();
        SdkBytes blob = kms.encrypt(b -> b.keyId(key.keyId()).plaintext(utf8("survivor"))).ciphertextBlob();
        kms.scheduleKeyDeletion(b -> b.keyId(key.keyId()).pendingWindowInDays(7));
        kms.cancelKeyDeletion(b -> b.keyId(key.arn()));

        kms.enableKey(b -> b.keyId(key.keyId()));

        assertEquals("survivor", kms.decrypt(b -> b.ciphertextBlob(blob)).plaintext().asUtf8String());
    }

    @Test
    void cancelKeyDeletion_ofKeyNotPendingDeletion_throwsInvalidState() {
        KeyMetadata key = newSymmetricKey();

        assertKmsError(KmsInvalidStateException.class, key.arn() + " is not pending deletion.",
                () -> kms.cancelKeyDeletion(b -> b.keyId(key.keyId())));
    }

    @Test
    void cancelKeyDeletion_ofDisabledKey_throwsInvalidState() {
        KeyMetadata key = newSymmetricKey();
        kms.disableKey(b -> b.keyId(key.keyId()));

        assertKmsError(KmsInvalidStateException.class, key.arn() + " is not pending deletion.",
                () -> kms.cancelKeyDeletion(b -> b.keyId(key.keyId())));
    }

    /** AWS documents the window in days; allow a day either way for rounding to a day boundary. */
    private static void assertDeletionDate(Instant deletionDate, Instant before, Instant after, int days) {
        assertNotNull(deletionDate, "DeletionDate");
        Instant low = before.plus(Duration.ofDays(days - 1));
        Instant high = after.plus(Duration.ofDays(days + 1));
        assertTrue(deletionDate.isAfter(low) && deletionDate.isBefore(high),
                "DeletionDate " + deletionDate + " is not about " + days + " days after " + before);
    }
}
