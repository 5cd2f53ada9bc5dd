package dev.trent.conformance;

import static dev.trent.conformance.KeyRotations.assert64Hex;
import static dev.trent.conformance.KeyRotations.assertBetween;
import static dev.trent.conformance.KeyRotations.assertNamesKey;
import static dev.trent.conformance.KeyRotations.assertNoImportFields;
import static dev.trent.conformance.KeyRotations.awaitOnDemandRotationDone;
import static dev.trent.conformance.KeyRotations.byMaterial;
import static dev.trent.conformance.KeyRotations.materialIds;
import static dev.trent.conformance.KeyRotations.rotations;
import static dev.trent.conformance.KmsErrors.NO_MESSAGE;
import static dev.trent.conformance.KmsErrors.assertKmsError;
import static dev.trent.conformance.KmsErrors.assertKmsErrorType;
import static dev.trent.conformance.KmsErrors.assertUnmodeledError;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.kms.model.AlgorithmSpec;
import software.amazon.awssdk.services.kms.model.DataKeySpec;
import software.amazon.awssdk.services.kms.model.DecryptResponse;
import software.amazon.awssdk.services.kms.model.DisabledException;
import software.amazon.awssdk.services.kms.model.ExpirationModelType;
import software.amazon.awssdk.services.kms.model.GenerateDataKeyResponse;
import software.amazon.awssdk.services.kms.model.GetKeyRotationStatusResponse;
import software.amazon.awssdk.services.kms.model.GetParametersForImportResponse;
import software.amazon.awssdk.services.kms.model.IncludeKeyMaterial;
import software.amazon.awssdk.services.kms.model.InvalidCiphertextException;
import software.amazon.awssdk.services.kms.model.InvalidMarkerException;
import software.amazon.awssdk.services.kms.model.KeyMaterialState;
import software.amazon.awssdk.services.kms.model.KeyMetadata;
import software.amazon.awssdk.services.kms.model.KeySpec;
import software.amazon.awssdk.services.kms.model.KeyUsageType;
import software.amazon.awssdk.services.kms.model.KmsInvalidStateException;
import software.amazon.awssdk.services.kms.model.LimitExceededException;
import software.amazon.awssdk.services.kms.model.ListKeyRotationsResponse;
import software.amazon.awssdk.services.kms.model.NotFoundException;
import software.amazon.awssdk.services.kms.model.OriginType;
import software.amazon.awssdk.services.kms.model.ReEncryptResponse;
import software.amazon.awssdk.services.kms.model.RotateKeyOnDemandResponse;
import software.amazon.awssdk.services.kms.model.RotationType;
import software.amazon.awssdk.services.kms.model.RotationsListEntry;
import software.amazon.awssdk.services.kms.model.UnsupportedOperationException;
import software.amazon.awssdk.services.kms.model.WrappingKeySpec;

/**
 * EnableKeyRotation, DisableKeyRotation, GetKeyRotationStatus, RotateKeyOnDemand and ListKeyRotations on the
 * server's real clock, and what rotation does to Encrypt, Decrypt and ReEncrypt. Automatic rotation, which needs
 * time to pass, is in {@link AutomaticRotationTest}.
 */
class KeyRotationTest extends TrentTestBase {

    /** AWS's quota of on-demand rotations per key. */
    private static final int ON_DEMAND_LIMIT = 25;
    /** Slack between the test's clock readings and the timestamps the server stamps (same machine). */
    private static final Duration SKEW = Duration.ofSeconds(5);

    // ---------------------------------------------------------------- GetKeyRotationStatus / Enable / Disable

    @Test
    void getKeyRotationStatus_ofANewKey_isOffWithoutPeriodOrDate() {
        KeyMetadata key = newSymmetricKey();

        GetKeyRotationStatusResponse status = status(key.keyId());

        assertEquals(key.arn(), status.keyId(), "KeyId is the key ARN");
        assertEquals(Boolean.FALSE, status.keyRotationEnabled());
        assertNull(status.rotationPeriodInDays(), "RotationPeriodInDays only while rotation is enabled");
        assertNull(status.nextRotationDate(), "NextRotationDate only while rotation is enabled");
        assertNull(status.onDemandRotationStartDate());
    }

    @Test
    void enableKeyRotation_withoutAPeriod_rotatesEvery365Days_fromNow() {
        KeyMetadata key = newSymmetricKey();
        Instant before = Instant.now();

        kms.enableKeyRotation(b -> b.keyId(key.keyId()));

        Instant after = Instant.now();
        GetKeyRotationStatusResponse status = status(key.keyId());
        assertEquals(key.arn(), status.keyId());
        assertEquals(Boolean.TRUE, status.keyRotationEnabled());
        assertEquals(365, status.rotationPeriodInDays());
        assertNextRotationIn(365, before, after, status);
    }

    @ParameterizedTest
    @ValueSource(ints = {90, 180, 2560})
    void enableKeyRotation_withAPeriod_reportsThatPeriodAndTheDateItEnds(int days) {
        KeyMetadata key = newSymmetricKey();
        Instant before = Instant.now();

        kms.enableKeyRotation(b -> b.keyId(key.keyId()).rotationPeriodInDays(days));

        Instant after = Instant.now();
        GetKeyRotationStatusResponse status = status(key.keyId());
        assertEquals(key.arn(), status.keyId());
        assertEquals(Boolean.TRUE, status.keyRotationEnabled());
        assertEquals(days, status.rotationPeriodInDays());
        assertNextRotationIn(days, before, after, status);
    }

    @Test
    void keyRotationOperations_acceptTheKeyArn_andStatusNamesTheBareKeyId() {
        KeyMetadata key = newSymmetricKey();

        kms.enableKeyRotation(b -> b.keyId(key.arn()).rotationPeriodInDays(120));
        GetKeyRotationStatusResponse enabled = status(key.arn());
        kms.disableKeyRotation(b -> b.keyId(key.arn()));
        GetKeyRotationStatusResponse disabled = status(key.arn());

        assertEquals(key.arn(), enabled.keyId());
        assertEquals(Boolean.TRUE, enabled.keyRotationEnabled());
        assertEquals(120, enabled.rotationPeriodInDays());
        assertEquals(key.arn(), disabled.keyId());
        assertEquals(Boolean.FALSE, disabled.keyRotationEnabled());
    }

    @Test
    void enableKeyRotation_onAnEnabledRotation_changesThePeriod() {
        KeyMetadata key = newSymmetricKey();
        kms.enableKeyRotation(b -> b.keyId(key.keyId()).rotationPeriodInDays(180));

        kms.enableKeyRotation(b -> b.keyId(key.keyId()).rotationPeriodInDays(400));

        GetKeyRotationStatusResponse status = status(key.keyId());
        assertEquals(Boolean.TRUE, status.keyRotationEnabled());
        assertEquals(400, status.rotationPeriodInDays());
        assertNotNull(status.nextRotationDate());
    }

    @Test
    void disableKeyRotation_turnsRotationOff_andEnableTurnsItBackOn() {
        KeyMetadata key = newSymmetricKey();
        kms.enableKeyRotation(b -> b.keyId(key.keyId()).rotationPeriodInDays(90));

        kms.disableKeyRotation(b -> b.keyId(key.keyId()));

        GetKeyRotationStatusResponse off = status(key.keyId());
        assertEquals(key.arn(), off.keyId());
        assertEquals(Boolean.FALSE, off.keyRotationEnabled());
        assertNull(off.rotationPeriodInDays());
        assertNull(off.nextRotationDate());

        Instant before = Instant.now();
        kms.enableKeyRotation(b -> b.keyId(key.keyId()).rotationPeriodInDays(200));
        Instant after = Instant.now();
        GetKeyRotationStatusResponse on = status(key.keyId());
        assertEquals(Boolean.TRUE, on.keyRotationEnabled());
        assertEquals(200, on.rotationPeriodInDays());
        assertNextRotationIn(200, before, after, on);
    }

    @ParameterizedTest
    @CsvSource({"89, greater than or equal to 90", "0, greater than or equal to 90",
        "2561, less than or equal to 2560"})
    void enableKeyRotation_withAPeriodOutOfRange_throwsValidation(int days, String constraint) {
        KeyMetadata key = newSymmetricKey();

        assertUnmodeledError("ValidationException", "1 validation error detected: Value '" + days
                        + "' at 'rotationPeriodInDays' failed to satisfy constraint: Member must have value "
                        + constraint,
                () -> kms.enableKeyRotation(b -> b.keyId(key.keyId()).rotationPeriodInDays(days)));
        assertEquals(Boolean.FALSE, status(key.keyId()).keyRotationEnabled(), "a refused request changed nothing");
    }

    @Test
    void disabledKey_refusesEnableAndDisableKeyRotation_butKeepsItsRotationStatus() {
        KeyMetadata key = newSymmetricKey();
        kms.enableKeyRotation(b -> b.keyId(key.keyId()).rotationPeriodInDays(180));
        kms.disableKey(b -> b.keyId(key.keyId()));

        assertKmsError(DisabledException.class, key.arn() + " is disabled.",
                () -> kms.enableKeyRotation(b -> b.keyId(key.keyId())));
        assertKmsError(DisabledException.class, key.arn() + " is disabled.",
                () -> kms.disableKeyRotation(b -> b.keyId(key.keyId())));

        GetKeyRotationStatusResponse status = status(key.keyId());
        assertEquals(Boolean.TRUE, status.keyRotationEnabled(), "disabling a key does not change its rotation status");
        assertEquals(180, status.rotationPeriodInDays());
    }

    @Test
    void keyPendingDeletion_reportsRotationOff_refusesRotationChanges_andCancelRestoresTheStatus() {
        KeyMetadata key = newSymmetricKey();
        kms.enableKeyRotation(b -> b.keyId(key.keyId()).rotationPeriodInDays(365));
        kms.scheduleKeyDeletion(b -> b.keyId(key.keyId()).pendingWindowInDays(7));

        GetKeyRotationStatusResponse pending = status(key.keyId());
        assertEquals(key.arn(), pending.keyId());
        assertEquals(Boolean.FALSE, pending.keyRotationEnabled(), "a key pending deletion reports rotation off");
        assertNull(pending.rotationPeriodInDays());
        assertNull(pending.nextRotationDate());
        String pendingDeletion = key.arn() + " is pending deletion.";
        assertKmsError(KmsInvalidStateException.class, pendingDeletion,
                () -> kms.enableKeyRotation(b -> b.keyId(key.keyId())));
        assertKmsError(KmsInvalidStateException.class, pendingDeletion,
                () -> kms.disableKeyRotation(b -> b.keyId(key.keyId())));
        assertKmsError(KmsInvalidStateException.class, pendingDeletion,
                () -> kms.rotateKeyOnDemand(b -> b.keyId(key.keyId())));
        assertTrue(kms.listKeyRotations(b -> b.keyId(key.keyId())).rotations().isEmpty());

        kms.cancelKeyDeletion(b -> b.keyId(key.keyId()));

        GetKeyRotationStatusResponse restored = status(key.keyId());
        assertEquals(Boolean.TRUE, restored.keyRotationEnabled(), "cancelling the deletion restores the status");
        assertEquals(365, restored.rotationPeriodInDays());
    }

    @Test
    void asymmetricAndHmacKeys_cannotHaveAutomaticRotation() {
        List<KeyMetadata> keys = List.of(newKey(KeySpec.RSA_2048, KeyUsageType.ENCRYPT_DECRYPT),
                newKey(KeySpec.ECC_NIST_P256, KeyUsageType.SIGN_VERIFY),
                newKey(KeySpec.HMAC_256, KeyUsageType.GENERATE_VERIFY_MAC));

        for (KeyMetadata key : keys) {
            assertKmsErrorType(UnsupportedOperationException.class,
                    () -> kms.enableKeyRotation(b -> b.keyId(key.keyId())));
            assertKmsErrorType(UnsupportedOperationException.class,
                    () -> kms.enableKeyRotation(b -> b.keyId(key.keyId()).rotationPeriodInDays(90)));
            assertKmsErrorType(UnsupportedOperationException.class,
                    () -> kms.disableKeyRotation(b -> b.keyId(key.keyId())));
        }
    }

    @Test
    void externalKeys_cannotHaveAutomaticRotation() throws Exception {
        KeyMetadata pendingImport = newExternalKey();
        KeyMetadata imported = newExternalKey();
        importMaterial(imported);
        String external = pendingImport.arn() + " origin is EXTERNAL which is not valid for this operation.";

        assertKmsError(UnsupportedOperationException.class, external,
                () -> kms.enableKeyRotation(b -> b.keyId(pendingImport.keyId())));
        assertKmsError(UnsupportedOperationException.class, external,
                () -> kms.disableKeyRotation(b -> b.keyId(pendingImport.keyId())));
        assertKmsErrorType(UnsupportedOperationException.class,
                () -> kms.enableKeyRotation(b -> b.keyId(imported.keyId())));
    }

    @Test
    void unknownKey_everyRotationOperation_throwsNotFound() {
        String keyId = UUID.randomUUID().toString();
        String notFound = "Key '" + keyArn(keyId) + "' does not exist";

        assertKmsError(NotFoundException.class, notFound, () -> kms.enableKeyRotation(b -> b.keyId(keyId)));
        assertKmsError(NotFoundException.class, notFound, () -> kms.disableKeyRotation(b -> b.keyId(keyId)));
        assertKmsError(NotFoundException.class, notFound, () -> kms.getKeyRotationStatus(b -> b.keyId(keyId)));
        assertKmsError(NotFoundException.class, notFound, () -> kms.rotateKeyOnDemand(b -> b.keyId(keyId)));
        assertKmsError(NotFoundException.class, notFound, () -> kms.rotateKeyOnDemand(b -> b.keyId(keyArn(keyId))));
        assertKmsError(NotFoundException.class, notFound, () -> kms.listKeyRotations(b -> b.keyId(keyId)));
    }

    // ---------------------------------------------------------------- RotateKeyOnDemand

    @Test
    void rotateKeyOnDemand_returnsTheKeyArn_andGivesTheKeyNewMaterial() throws Exception {
        KeyMetadata key = newSymmetricKey();
        String original = key.currentKeyMaterialId();
        assert64Hex(original, "CurrentKeyMaterialId of a new key");

        RotateKeyOnDemandResponse response = kms.rotateKeyOnDemand(b -> b.keyId(key.keyId()));

        assertEquals(key.arn(), response.keyId());
        awaitOnDemandRotationDone(kms, key.keyId());
        String rotated = currentMaterial(key.keyId());
        assert64Hex(rotated, "CurrentKeyMaterialId after rotation");
        assertNotEquals(original, rotated, "on-demand rotation kept the old material");
        GetKeyRotationStatusResponse status = status(key.keyId());
        assertEquals(key.arn(), status.keyId());
        assertEquals(Boolean.FALSE, status.keyRotationEnabled(), "on-demand rotation does not enable automatic");
        assertNull(status.rotationPeriodInDays());
        assertNull(status.nextRotationDate());
    }

    @Test
    void rotateKeyOnDemand_byArn_returnsTheKeyArn() throws Exception {
        KeyMetadata key = newSymmetricKey();

        RotateKeyOnDemandResponse response = kms.rotateKeyOnDemand(b -> b.keyId(key.arn()));

        assertEquals(key.arn(), response.keyId());
        awaitOnDemandRotationDone(kms, key.keyId());
        assertNotEquals(key.currentKeyMaterialId(), currentMaterial(key.keyId()));
    }

    @Test
    void rotateKeyOnDemand_withAutomaticRotationEnabled_keepsTheAutomaticSchedule() throws Exception {
        KeyMetadata key = newSymmetricKey();
        kms.enableKeyRotation(b -> b.keyId(key.keyId()));
        Instant scheduled = status(key.keyId()).nextRotationDate();

        assertEquals(key.arn(), kms.rotateKeyOnDemand(b -> b.keyId(key.keyId())).keyId());
        awaitOnDemandRotationDone(kms, key.keyId());

        GetKeyRotationStatusResponse status = status(key.keyId());
        assertEquals(key.arn(), status.keyId());
        assertEquals(Boolean.TRUE, status.keyRotationEnabled());
        assertEquals(365, status.rotationPeriodInDays());
        assertEquals(scheduled, status.nextRotationDate(), "on-demand rotations do not change the schedule");
        assertNotEquals(key.currentKeyMaterialId(), currentMaterial(key.keyId()));
    }

    @Test
    void afterRotation_newCiphertextsUseTheNewMaterial_andOldOnesStillDecryptWithTheOld() throws Exception {
        KeyMetadata key = newSymmetricKey();
        String original = key.currentKeyMaterialId();
        byte[] oldPlaintext = randomBytes(100);
        SdkBytes oldBlob = kms.encrypt(b -> b.keyId(key.keyId()).plaintext(sdk(oldPlaintext))).ciphertextBlob();
        assertEquals(original, kms.decrypt(b -> b.ciphertextBlob(oldBlob)).keyMaterialId());

        kms.rotateKeyOnDemand(b -> b.keyId(key.keyId()));
        awaitOnDemandRotationDone(kms, key.keyId());
        String rotated = currentMaterial(key.keyId());
        assertNotEquals(original, rotated);

        DecryptResponse old = kms.decrypt(b -> b.ciphertextBlob(oldBlob));
        assertArrayEquals(oldPlaintext, old.plaintext().asByteArray());
        assertEquals(key.arn(), old.keyId());
        assertEquals(original, old.keyMaterialId(), "an old ciphertext is decrypted with the material that made it");
        DecryptResponse oldWithKeyId = kms.decrypt(b -> b.ciphertextBlob(oldBlob).keyId(key.keyId()));
        assertArrayEquals(oldPlaintext, oldWithKeyId.plaintext().asByteArray());
        assertEquals(original, oldWithKeyId.keyMaterialId());

        SdkBytes newBlob = kms.encrypt(b -> b.keyId(key.keyId()).plaintext(utf8("after rotation"))).ciphertextBlob();
        DecryptResponse fresh = kms.decrypt(b -> b.ciphertextBlob(newBlob));
        assertEquals("after rotation", fresh.plaintext().asUtf8String());
        assertEquals(rotated, fresh.keyMaterialId(), "Encrypt after rotation uses the new material");

        GenerateDataKeyResponse dataKey = kms.generateDataKey(b -> b.keyId(key.keyId()).keySpec(DataKeySpec.AES_256));
        DecryptResponse unwrapped = kms.decrypt(b -> b.ciphertextBlob(dataKey.ciphertextBlob()));
        assertArrayEquals(dataKey.plaintext().asByteArray(), unwrapped.plaintext().asByteArray());
        assertEquals(rotated, unwrapped.keyMaterialId(), "GenerateDataKey after rotation uses the new material");

        ReEncryptResponse moved = kms.reEncrypt(b -> b.ciphertextBlob(oldBlob).destinationKeyId(key.keyId()));
        assertEquals(key.arn(), moved.sourceKeyId());
        assertEquals(key.arn(), moved.keyId());
        assertEquals(original, moved.sourceKeyMaterialId());
        assertEquals(rotated, moved.destinationKeyMaterialId());
        DecryptResponse movedBack = kms.decrypt(b -> b.ciphertextBlob(moved.ciphertextBlob()));
        assertArrayEquals(oldPlaintext, movedBack.plaintext().asByteArray());
        assertEquals(rotated, movedBack.keyMaterialId());

        byte[] tampered = concat(oldBlob.asByteArray(), "bad_data".getBytes(StandardCharsets.UTF_8));
        assertKmsError(InvalidCiphertextException.class, NO_MESSAGE,
                () -> kms.decrypt(b -> b.ciphertextBlob(sdk(tampered)).keyId(key.keyId())));
    }

    @Test
    void rotateKeyOnDemand_25TimesPerKey_thenLimitExceeded() throws Exception {
        KeyMetadata key = newSymmetricKey();
        Set<String> materials = new HashSet<>();
        materials.add(key.currentKeyMaterialId());
        List<SdkBytes> blobs = new ArrayList<>();
        for (int i = 0; i < ON_DEMAND_LIMIT; i++) {
            blobs.add(kms.encrypt(b -> b.keyId(key.keyId()).plaintext(utf8("generation"))).ciphertextBlob());
            assertEquals(key.arn(), kms.rotateKeyOnDemand(b -> b.keyId(key.keyId())).keyId(), "rotation " + (i + 1));
            awaitOnDemandRotationDone(kms, key.keyId());
            assertTrue(materials.add(currentMaterial(key.keyId())), "rotation " + (i + 1) + " reused a material");
        }
        String last = currentMaterial(key.keyId());

        assertKmsError(LimitExceededException.class, "The on-demand rotations limit has been reached for the given "
                        + "keyId. No more on-demand rotations can be performed for this key: " + key.arn(),
                () -> kms.rotateKeyOnDemand(b -> b.keyId(key.keyId())));

        assertEquals(last, currentMaterial(key.keyId()), "a refused rotation changed the material");
        for (SdkBytes blob : blobs) {
            assertEquals("generation", kms.decrypt(b -> b.ciphertextBlob(blob)).plaintext().asUtf8String());
        }
        List<RotationsListEntry> listed = rotations(kms, key.keyId(), null);
        assertEquals(ON_DEMAND_LIMIT, listed.size());
        assertTrue(listed.stream().allMatch(e -> e.rotationType() == RotationType.ON_DEMAND));
        assertEquals(materials.size(), rotations(kms, key.keyId(), IncludeKeyMaterial.ALL_KEY_MATERIAL).size());
        assertEquals(materials, materialIds(rotations(kms, key.keyId(), IncludeKeyMaterial.ALL_KEY_MATERIAL)));

        KeyMetadata other = newSymmetricKey();
        assertEquals(other.arn(), kms.rotateKeyOnDemand(b -> b.keyId(other.keyId())).keyId(),
                "the limit is per key");
    }

    @Test
    void rotateKeyOnDemand_onADisabledKey_throwsDisabled_evenForKeysThatCannotRotate() {
        KeyMetadata symmetric = newSymmetricKey();
        KeyMetadata rsa = newKey(KeySpec.RSA_2048, KeyUsageType.ENCRYPT_DECRYPT);
        kms.disableKey(b -> b.keyId(symmetric.keyId()));
        kms.disableKey(b -> b.keyId(rsa.keyId()));

        assertKmsError(DisabledException.class, symmetric.arn() + " is disabled.",
                () -> kms.rotateKeyOnDemand(b -> b.keyId(symmetric.keyId())));
        assertKmsError(DisabledException.class, rsa.arn() + " is disabled.",
                () -> kms.rotateKeyOnDemand(b -> b.keyId(rsa.keyId())));
        assertEquals(symmetric.currentKeyMaterialId(), currentMaterial(symmetric.keyId()));
    }

    @Test
    void rotateKeyOnDemand_onAsymmetricAndHmacKeys_isUnsupported() {
        KeyMetadata rsa = newKey(KeySpec.RSA_2048, KeyUsageType.ENCRYPT_DECRYPT);
        KeyMetadata ecc = newKey(KeySpec.ECC_NIST_P256, KeyUsageType.SIGN_VERIFY);
        KeyMetadata hmac = newKey(KeySpec.HMAC_256, KeyUsageType.GENERATE_VERIFY_MAC);

        assertKmsError(UnsupportedOperationException.class, NO_MESSAGE,
                () -> kms.rotateKeyOnDemand(b -> b.keyId(rsa.keyId())));
        assertKmsErrorType(UnsupportedOperationException.class,
                () -> kms.rotateKeyOnDemand(b -> b.keyId(ecc.keyId())));
        assertKmsErrorType(UnsupportedOperationException.class,
                () -> kms.rotateKeyOnDemand(b -> b.keyId(hmac.keyId())));
    }

    @Test
    void rotateKeyOnDemand_onExternalKeys_pendingImportAndNothingPendingRotationAreInvalidState() throws Exception {
        KeyMetadata pendingImport = newExternalKey();
        KeyMetadata imported = newExternalKey();
        importMaterial(imported);

        assertKmsError(KmsInvalidStateException.class, pendingImport.arn() + " is pending import.",
                () -> kms.rotateKeyOnDemand(b -> b.keyId(pendingImport.keyId())));
        // Recorded against AWS since imported material can be rotated on demand.
        assertKmsError(KmsInvalidStateException.class,
                "No available key material pending rotation for the key: " + imported.arn() + ".",
                () -> kms.rotateKeyOnDemand(b -> b.keyId(imported.keyId())));
    }

    // ---------------------------------------------------------------- ListKeyRotations

    @Test
    void listKeyRotations_ofANewKey_listsNoRotations_andAllKeyMaterialListsTheOriginal() {
        KeyMetadata key = newSymmetricKey();

        ListKeyRotationsResponse plain = kms.listKeyRotations(b -> b.keyId(key.keyId()));
        assertTrue(plain.rotations().isEmpty(), "a key never rotated has no rotations: " + plain.rotations());
        assertFalse(Boolean.TRUE.equals(plain.truncated()));
        assertNull(plain.nextMarker());
        assertTrue(kms.listKeyRotations(b -> b.keyId(key.keyId()).includeKeyMaterial(IncludeKeyMaterial.ROTATIONS_ONLY))
                .rotations().isEmpty());

        List<RotationsListEntry> all = rotations(kms, key.keyId(), IncludeKeyMaterial.ALL_KEY_MATERIAL);
        assertEquals(1, all.size(), "ALL_KEY_MATERIAL adds the first key material: " + all);
        RotationsListEntry first = all.get(0);
        assertNamesKey(key, first);
        assertEquals(key.currentKeyMaterialId(), first.keyMaterialId());
        assertEquals(KeyMaterialState.CURRENT, first.keyMaterialState());
        assertNull(first.rotationDate(), "the first key material has no RotationDate");
        assertNull(first.rotationType(), "the first key material has no RotationType");
        assertNoImportFields(first);
    }

    @Test
    void listKeyRotations_afterTwoOnDemandRotations_listsThem_currentAndNonCurrent() throws Exception {
        KeyMetadata key = newSymmetricKey();
        String original = key.currentKeyMaterialId();
        Instant before = Instant.now();
        kms.rotateKeyOnDemand(b -> b.keyId(key.keyId()));
        awaitOnDemandRotationDone(kms, key.keyId());
        String second = currentMaterial(key.keyId());
        kms.rotateKeyOnDemand(b -> b.keyId(key.keyId()));
        awaitOnDemandRotationDone(kms, key.keyId());
        String third = currentMaterial(key.keyId());
        Instant after = Instant.now();
        assertEquals(3, Set.of(original, second, third).size(), "each rotation makes new material");

        for (IncludeKeyMaterial include : new IncludeKeyMaterial[] {null, IncludeKeyMaterial.ROTATIONS_ONLY}) {
            List<RotationsListEntry> listed = rotations(kms, key.arn(), include);
            Map<String, RotationsListEntry> byId = byMaterial(listed);
            assertEquals(Set.of(second, third), byId.keySet(), "IncludeKeyMaterial " + include);
            assertEquals(KeyMaterialState.NON_CURRENT, byId.get(second).keyMaterialState());
            assertEquals(KeyMaterialState.CURRENT, byId.get(third).keyMaterialState());
            for (RotationsListEntry entry : listed) {
                assertNamesKey(key, entry);
                assertEquals(RotationType.ON_DEMAND, entry.rotationType());
                assertBetween(before.minus(SKEW), after.plus(SKEW), entry.rotationDate(), "RotationDate");
                assertNoImportFields(entry);
            }
            assertFalse(byId.get(third).rotationDate().isBefore(byId.get(second).rotationDate()),
                    "the later rotation has the later RotationDate");
        }

        Map<String, RotationsListEntry> all = byMaterial(
                rotations(kms, key.keyId(), IncludeKeyMaterial.ALL_KEY_MATERIAL));
        assertEquals(Set.of(original, second, third), all.keySet());
        RotationsListEntry first = all.get(original);
        assertEquals(KeyMaterialState.NON_CURRENT, first.keyMaterialState());
        assertNull(first.rotationDate());
        assertNull(first.rotationType());
        assertEquals(KeyMaterialState.CURRENT, all.get(third).keyMaterialState());
    }

    @Test
    void listKeyRotations_pagesWithLimitAndMarker() throws Exception {
        KeyMetadata key = newSymmetricKey();
        for (int i = 0; i < 5; i++) {
            kms.rotateKeyOnDemand(b -> b.keyId(key.keyId()));
            awaitOnDemandRotationDone(kms, key.keyId());
        }
        List<RotationsListEntry> whole = rotations(kms, key.keyId(), IncludeKeyMaterial.ALL_KEY_MATERIAL);
        assertEquals(6, whole.size());

        ListKeyRotationsResponse firstPage = kms.listKeyRotations(b -> b.keyId(key.keyId()).limit(2)
                .includeKeyMaterial(IncludeKeyMaterial.ALL_KEY_MATERIAL));
        assertEquals(2, firstPage.rotations().size());
        assertEquals(Boolean.TRUE, firstPage.truncated());
        assertNotNull(firstPage.nextMarker());

        for (int limit : new int[] {1, 2, 4, 5, 6, 1000}) {
            List<RotationsListEntry> paged = rotations(kms, key.keyId(), IncludeKeyMaterial.ALL_KEY_MATERIAL, limit);
            assertEquals(whole, paged, "pages of " + limit + " put together");
        }
        assertEquals(5, rotations(kms, key.keyId(), null, 2).size());
        assertEquals(5, rotations(kms, key.keyId(), IncludeKeyMaterial.ROTATIONS_ONLY, 3).size());
    }

    @Test
    void listKeyRotations_withAMarkerItDidNotIssue_throwsInvalidMarker() {
        KeyMetadata key = newSymmetricKey();

        assertKmsErrorType(InvalidMarkerException.class,
                () -> kms.listKeyRotations(b -> b.keyId(key.keyId()).marker("not-a-marker")));
    }

    @Test
    void listKeyRotations_worksOnADisabledKey() throws Exception {
        KeyMetadata key = newSymmetricKey();
        kms.rotateKeyOnDemand(b -> b.keyId(key.keyId()));
        awaitOnDemandRotationDone(kms, key.keyId());
        kms.disableKey(b -> b.keyId(key.keyId()));

        assertEquals(1, rotations(kms, key.keyId(), null).size());
        assertEquals(key.arn(), status(key.keyId()).keyId(), "GetKeyRotationStatus works on a disabled key");
    }

    // ---------------------------------------------------------------- helpers

    private GetKeyRotationStatusResponse status(String keyId) {
        return KeyRotations.status(kms, keyId);
    }

    private String currentMaterial(String keyId) {
        return KeyRotations.currentMaterial(kms, keyId);
    }

    /** NextRotationDate is {@code days} after the moment rotation was enabled (read between before and after). */
    private static void assertNextRotationIn(int days, Instant before, Instant after,
                                             GetKeyRotationStatusResponse status) {
        Duration period = Duration.ofDays(days);
        assertBetween(before.plus(period).minus(SKEW), after.plus(period).plus(SKEW), status.nextRotationDate(),
                "NextRotationDate for a period of " + days + " days");
    }

    private KeyMetadata newExternalKey() {
        return kms.createKey(b -> b.origin(OriginType.EXTERNAL)).keyMetadata();
    }

    /** Imports 32 random bytes, wrapped with RSAES_OAEP_SHA_256 by the JDK, that never expire. */
    private void importMaterial(KeyMetadata key) throws GeneralSecurityException {
        GetParametersForImportResponse parameters = kms.getParametersForImport(b -> b.keyId(key.keyId())
                .wrappingAlgorithm(AlgorithmSpec.RSAES_OAEP_SHA_256).wrappingKeySpec(WrappingKeySpec.RSA_2048));
        byte[] wrapped = Jca.wrapForImport(parameters, randomBytes(32));
        kms.importKeyMaterial(b -> b.keyId(key.keyId()).importToken(parameters.importToken())
                .encryptedKeyMaterial(sdk(wrapped)).expirationModel(ExpirationModelType.KEY_MATERIAL_DOES_NOT_EXPIRE));
    }

    private static byte[] concat(byte[] first, byte[] second) {
        byte[] out = Arrays.copyOf(first, first.length + second.length);
        System.arraycopy(second, 0, out, first.length, second.length);
        return out;
    }
}
