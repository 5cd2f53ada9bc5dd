package dev.trent.conformance;

import static dev.trent.conformance.KmsErrors.assertKmsError;
import static dev.trent.conformance.KmsErrors.assertKmsErrorType;
import static dev.trent.conformance.KmsErrors.assertUnmodeledError;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.kms.model.AlgorithmSpec;
import software.amazon.awssdk.services.kms.model.ExpirationModelType;
import software.amazon.awssdk.services.kms.model.ExpiredImportTokenException;
import software.amazon.awssdk.services.kms.model.GetParametersForImportResponse;
import software.amazon.awssdk.services.kms.model.KeyMetadata;
import software.amazon.awssdk.services.kms.model.KeySpec;
import software.amazon.awssdk.services.kms.model.KeyState;
import software.amazon.awssdk.services.kms.model.KeyUsageType;
import software.amazon.awssdk.services.kms.model.NotFoundException;
import software.amazon.awssdk.services.kms.model.OriginType;
import software.amazon.awssdk.services.kms.model.RotationType;
import software.amazon.awssdk.services.kms.model.RotationsListEntry;
import software.amazon.awssdk.services.kms.model.WrappingKeySpec;

/**
 * Moving the server's clock through the admin API ({@code POST /_trent/clock}) fires at once what would have
 * happened in that time, and everything KMS reports follows the moved clock. The server runs on the real
 * clock; each test starts from real time (the clock is reset before it) and uses its own keys.
 */
class ClockAdvanceTest extends TrentTestBase {

    /** Slack between the test's reading of real time and the server's. */
    private static final Duration SKEW = Duration.ofSeconds(30);

    private AdminApi admin;

    @BeforeEach
    void realTime() {
        admin = new AdminApi(server.endpoint());
        admin.reset();
    }

    @Test
    void advancingPastTheDeletionWindow_deletesTheKey_andItsCiphertextsNoLongerDecrypt() {
        KeyMetadata doomed = newSymmetricKey();
        KeyMetadata kept = newSymmetricKey();
        SdkBytes blob = kms.encrypt(b -> b.keyId(doomed.keyId()).plaintext(utf8("last words"))).ciphertextBlob();
        kms.scheduleKeyDeletion(b -> b.keyId(doomed.keyId()).pendingWindowInDays(7));
        kms.scheduleKeyDeletion(b -> b.keyId(kept.keyId()).pendingWindowInDays(30));

        JsonNode answer = admin.advance(Duration.ofDays(8));

        assertEquals(1, answer.at("/fired/keysDeleted").asInt(), answer.toString());
        assertEquals(Duration.ofDays(8).getSeconds(), answer.get("offsetSeconds").asLong());
        assertKmsError(NotFoundException.class, "Key '" + doomed.arn() + "' does not exist",
                () -> kms.describeKey(b -> b.keyId(doomed.keyId())));
        assertUnmodeledError("AccessDeniedException", "The ciphertext refers to a customer master key that does "
                        + "not exist, does not exist in this region, or you are not allowed to access.",
                () -> kms.decrypt(b -> b.ciphertextBlob(blob)));
        assertEquals(KeyState.PENDING_DELETION,
                kms.describeKey(b -> b.keyId(kept.keyId())).keyMetadata().keyState(), "its window has not ended");
    }

    @Test
    void advancing200Days_rotatesA90DayKeyTwice_eachOnItsDueDate_andOldCiphertextsStillDecrypt() {
        KeyMetadata key = newSymmetricKey();
        kms.enableKeyRotation(b -> b.keyId(key.keyId()).rotationPeriodInDays(90));
        Instant firstDue = KeyRotations.status(kms, key.keyId()).nextRotationDate();
        Instant secondDue = firstDue.plus(Duration.ofDays(90));
        byte[] plaintext = randomBytes(32);
        SdkBytes before = kms.encrypt(b -> b.keyId(key.keyId()).plaintext(sdk(plaintext))).ciphertextBlob();

        JsonNode answer = admin.advance(Duration.ofDays(200));

        assertTrue(answer.at("/fired/rotations").asInt() >= 2, answer.toString());
        List<RotationsListEntry> rotations = KeyRotations.rotations(kms, key.keyId(), null);
        assertEquals(2, rotations.size(), rotations.toString());
        assertEquals(List.of(RotationType.AUTOMATIC, RotationType.AUTOMATIC),
                rotations.stream().map(RotationsListEntry::rotationType).toList());
        assertEquals(List.of(firstDue, secondDue), rotations.stream().map(RotationsListEntry::rotationDate).toList(),
                "each rotation is dated on its due date");
        assertEquals(secondDue.plus(Duration.ofDays(90)),
                KeyRotations.status(kms, key.keyId()).nextRotationDate());
        assertArrayEquals(plaintext, kms.decrypt(b -> b.ciphertextBlob(before)).plaintext().asByteArray());
    }

    @Test
    void afterAdvancing10Days_timestampsFollowTheMovedClock() {
        JsonNode answer = admin.advance(Duration.ofDays(10));
        Instant realNow = Instant.now();

        assertEquals(Duration.ofDays(10).getSeconds(), answer.get("offsetSeconds").asLong());
        assertAround(realNow.plus(Duration.ofDays(10)), AdminApi.now(answer), "now after advancing");
        KeyMetadata key = newSymmetricKey();
        assertAround(realNow.plus(Duration.ofDays(10)), key.creationDate(), "CreationDate");
        kms.scheduleKeyDeletion(b -> b.keyId(key.keyId()).pendingWindowInDays(7));
        assertAround(realNow.plus(Duration.ofDays(17)),
                kms.describeKey(b -> b.keyId(key.keyId())).keyMetadata().deletionDate(), "DeletionDate");
        JsonNode health = admin.send("GET", "/_trent/health", null).body();
        assertAround(realNow.plus(Duration.ofDays(10)), Instant.parse(health.get("now").asText()), "health now");
    }

    @Test
    void delete_resetsTheClockToRealTime_withoutUndoingAnything() {
        KeyMetadata key = newSymmetricKey();
        kms.scheduleKeyDeletion(b -> b.keyId(key.keyId()).pendingWindowInDays(7));
        admin.advance(Duration.ofDays(8));

        JsonNode answer = admin.reset();

        assertEquals(0, answer.get("offsetSeconds").asLong());
        assertAround(Instant.now(), AdminApi.now(answer), "now after reset");
        assertEquals(0, admin.clock().get("offsetSeconds").asLong());
        assertAround(Instant.now(), newSymmetricKey().creationDate(), "CreationDate after reset");
        assertKmsErrorType(NotFoundException.class, () -> kms.describeKey(b -> b.keyId(key.keyId())));
    }

    @Test
    void anImportToken_expiresWhenTheClockPasses24Hours() throws Exception {
        KeyMetadata key = externalKey();
        GetParametersForImportResponse parameters = parameters(key);
        byte[] wrapped = Jca.wrapForImport(parameters, randomBytes(32));

        admin.advance(Duration.ofHours(25));

        assertKmsErrorType(ExpiredImportTokenException.class, () -> kms.importKeyMaterial(b -> b.keyId(key.keyId())
                .importToken(parameters.importToken()).encryptedKeyMaterial(sdk(wrapped))
                .expirationModel(ExpirationModelType.KEY_MATERIAL_DOES_NOT_EXPIRE)));
    }

    @Test
    void importedMaterial_expiresWhenTheClockPassesItsValidTo() throws Exception {
        KeyMetadata key = externalKey();
        GetParametersForImportResponse parameters = parameters(key);
        Instant validTo = Instant.now().plus(Duration.ofHours(2));
        byte[] wrapped = Jca.wrapForImport(parameters, randomBytes(32));
        kms.importKeyMaterial(b -> b.keyId(key.keyId()).importToken(parameters.importToken())
                .encryptedKeyMaterial(sdk(wrapped))
                .expirationModel(ExpirationModelType.KEY_MATERIAL_EXPIRES).validTo(validTo));

        JsonNode answer = admin.advance(Duration.ofHours(3));

        assertEquals(1, answer.at("/fired/materialExpired").asInt(), answer.toString());
        assertEquals(KeyState.PENDING_IMPORT, kms.describeKey(b -> b.keyId(key.keyId())).keyMetadata().keyState());
    }

    private static void assertAround(Instant expected, Instant actual, String what) {
        assertTrue(Duration.between(expected, actual).abs().compareTo(SKEW) < 0,
                what + ": expected about " + expected + ", got " + actual);
    }

    private KeyMetadata externalKey() {
        return kms.createKey(b -> b.keySpec(KeySpec.SYMMETRIC_DEFAULT).keyUsage(KeyUsageType.ENCRYPT_DECRYPT)
                .origin(OriginType.EXTERNAL)).keyMetadata();
    }

    private GetParametersForImportResponse parameters(KeyMetadata key) {
        return kms.getParametersForImport(b -> b.keyId(key.keyId()).wrappingAlgorithm(AlgorithmSpec.RSAES_OAEP_SHA_256)
                .wrappingKeySpec(WrappingKeySpec.RSA_2048));
    }

}
