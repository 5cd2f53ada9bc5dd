package dev.trent.conformance;

import static dev.trent.conformance.KmsErrors.NO_MESSAGE;
import static dev.trent.conformance.KmsErrors.assertKmsError;
import static dev.trent.conformance.KmsErrors.assertUnmodeledError;
import static dev.trent.conformance.KmsErrors.assertUnmodeledErrorCode;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import software.amazon.awssdk.services.kms.model.CustomerMasterKeySpec;
import software.amazon.awssdk.services.kms.model.DisabledException;
import software.amazon.awssdk.services.kms.model.DryRunOperationException;
import software.amazon.awssdk.services.kms.model.GenerateMacResponse;
import software.amazon.awssdk.services.kms.model.InvalidKeyUsageException;
import software.amazon.awssdk.services.kms.model.KeyMetadata;
import software.amazon.awssdk.services.kms.model.KeySpec;
import software.amazon.awssdk.services.kms.model.KeyState;
import software.amazon.awssdk.services.kms.model.KeyUsageType;
import software.amazon.awssdk.services.kms.model.KmsInvalidMacException;
import software.amazon.awssdk.services.kms.model.KmsInvalidStateException;
import software.amazon.awssdk.services.kms.model.MacAlgorithmSpec;
import software.amazon.awssdk.services.kms.model.NotFoundException;
import software.amazon.awssdk.services.kms.model.SigningAlgorithmSpec;
import software.amazon.awssdk.services.kms.model.VerifyMacResponse;

/**
 * HMAC keys, GenerateMac and VerifyMac. KMS never releases HMAC key material, so no MAC can be recomputed outside;
 * the tests check instead the properties an RFC 2104 HMAC shows through the API: a deterministic tag of exactly the
 * hash length, accepted by VerifyMac and rejected after any one-byte change of message or tag.
 */
class MacTest extends TrentTestBase {

    private static final byte[] MESSAGE = "some important message".getBytes(StandardCharsets.UTF_8);
    private static final String DRY_RUN = "The request would have succeeded, but the DryRun option is set.";
    private static final String INVALID_ALGORITHM = "1 validation error detected: Value 'INVALID' at 'macAlgorithm' "
            + "failed to satisfy constraint: Member must satisfy enum value set: "
            + "[HMAC_SHA_384, HMAC_SHA_256, HMAC_SHA_224, HMAC_SHA_512]";

    /** One key per HMAC spec, created on first use so that a spec the server refuses fails only its own tests. */
    private final Map<KeySpec, KeyMetadata> keys = new EnumMap<>(KeySpec.class);

    private KeyMetadata key(KeySpec spec) {
        return keys.computeIfAbsent(spec, this::newHmacKey);
    }

    private KeyMetadata newHmacKey(KeySpec spec) {
        return newKey(spec, KeyUsageType.GENERATE_VERIFY_MAC);
    }

    /** HMAC_224 -> HMAC_SHA_224 and so on: the one algorithm each HMAC key spec supports. */
    private static MacAlgorithmSpec algorithmOf(KeySpec spec) {
        return MacAlgorithmSpec.fromValue(spec.toString().replace("HMAC_", "HMAC_SHA_"));
    }

    /** The output length of the hash function, which is the length of an untruncated HMAC. */
    private static int macLength(KeySpec spec) {
        return Integer.parseInt(spec.toString().substring("HMAC_".length())) / 8;
    }

    static Stream<Arguments> mismatchedAlgorithms() {
        List<KeySpec> specs = List.of(KeySpec.HMAC_224, KeySpec.HMAC_256, KeySpec.HMAC_384, KeySpec.HMAC_512);
        return specs.stream().flatMap(spec -> specs.stream().filter(other -> other != spec)
                .map(other -> Arguments.of(spec, algorithmOf(other))));
    }

    private byte[] mac(KeyMetadata key, MacAlgorithmSpec algorithm, byte[] message) {
        return kms.generateMac(b -> b.keyId(key.keyId()).macAlgorithm(algorithm).message(sdk(message)))
                .mac().asByteArray();
    }

    private byte[] mac(KeySpec spec, byte[] message) {
        return mac(key(spec), algorithmOf(spec), message);
    }

    private VerifyMacResponse verifyMac(KeyMetadata key, MacAlgorithmSpec algorithm, byte[] message, byte[] mac) {
        return kms.verifyMac(b -> b.keyId(key.keyId()).macAlgorithm(algorithm).message(sdk(message)).mac(sdk(mac)));
    }

    private VerifyMacResponse verifyMac(KeySpec spec, byte[] message, byte[] mac) {
        return verifyMac(key(spec), algorithmOf(spec), message, mac);
    }

    private static byte[] withOneByteChanged(byte[] bytes, int index) {
        byte[] changed = bytes.clone();
        changed[index] ^= 0x01;
        return changed;
    }

    @ParameterizedTest
    @EnumSource(value = KeySpec.class, names = "HMAC_.*", mode = EnumSource.Mode.MATCH_ANY)
    void createKey_hmac_listsTheOneMacAlgorithmOfTheSpec(KeySpec spec) {
        KeyMetadata key = key(spec);

        assertEquals(spec, key.keySpec());
        assertEquals(CustomerMasterKeySpec.fromValue(spec.toString()), key.customerMasterKeySpec());
        assertEquals(KeyUsageType.GENERATE_VERIFY_MAC, key.keyUsage());
        assertEquals(List.of(algorithmOf(spec)), key.macAlgorithms());
        assertFalse(key.hasEncryptionAlgorithms(), "no EncryptionAlgorithms on an HMAC key");
        assertFalse(key.hasSigningAlgorithms(), "no SigningAlgorithms on an HMAC key");
        assertFalse(key.hasKeyAgreementAlgorithms(), "no KeyAgreementAlgorithms on an HMAC key");
        assertEquals(KeyState.ENABLED, key.keyState());
        assertEquals(key, kms.describeKey(b -> b.keyId(key.keyId())).keyMetadata());
    }

    @Test
    void createKey_hmacWithoutKeyUsage_throwsValidation() {
        assertUnmodeledError("ValidationException",
                "You must specify a KeyUsage value for all KMS keys except for symmetric encryption keys.",
                () -> kms.createKey(b -> b.keySpec(KeySpec.HMAC_256)));
    }

    @ParameterizedTest
    @EnumSource(value = KeySpec.class, names = "HMAC_.*", mode = EnumSource.Mode.MATCH_ANY)
    void generateMac_returnsHashLengthMacWithKeyArnAndAlgorithm(KeySpec spec) {
        KeyMetadata key = key(spec);

        GenerateMacResponse generated = kms.generateMac(b -> b.keyId(key.keyId()).macAlgorithm(algorithmOf(spec))
                .message(sdk(MESSAGE)));

        assertEquals(macLength(spec), generated.mac().asByteArray().length, "HMAC length of " + spec);
        assertEquals(key.arn(), generated.keyId());
        assertEquals(algorithmOf(spec), generated.macAlgorithm());
    }

    @ParameterizedTest
    @EnumSource(value = KeySpec.class, names = "HMAC_.*", mode = EnumSource.Mode.MATCH_ANY)
    void generateMac_sameKeyAndMessage_givesTheSameMac(KeySpec spec) {
        byte[] first = mac(spec, MESSAGE);
        byte[] second = mac(spec, MESSAGE);

        assertArrayEquals(first, second);
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 64, 65, 4096})
    void generateMac_anyMessageLength_givesHashLengthMac(int length) {
        byte[] message = randomBytes(length);

        assertEquals(48, mac(KeySpec.HMAC_384, message).length);
    }

    @Test
    void generateMac_differentMessages_giveDifferentMacs() {
        byte[] first = mac(KeySpec.HMAC_256, MESSAGE);
        byte[] second = mac(KeySpec.HMAC_256, withOneByteChanged(MESSAGE, MESSAGE.length - 1));

        assertFalse(Arrays.equals(first, second));
    }

    @Test
    void generateMac_twoKeysOfTheSameSpec_giveDifferentMacs() {
        KeyMetadata other = newHmacKey(KeySpec.HMAC_256);

        byte[] first = mac(KeySpec.HMAC_256, MESSAGE);
        byte[] second = mac(other, MacAlgorithmSpec.HMAC_SHA_256, MESSAGE);

        assertFalse(Arrays.equals(first, second), "two HMAC keys share key material");
    }

    @Test
    void generateMac_byKeyArn_givesTheSameMacAsByKeyId() {
        KeyMetadata key = key(KeySpec.HMAC_512);

        GenerateMacResponse byArn = kms.generateMac(b -> b.keyId(key.arn()).macAlgorithm(MacAlgorithmSpec.HMAC_SHA_512)
                .message(sdk(MESSAGE)));

        assertEquals(key.arn(), byArn.keyId());
        assertArrayEquals(mac(KeySpec.HMAC_512, MESSAGE), byArn.mac().asByteArray());
    }

    @ParameterizedTest
    @EnumSource(value = KeySpec.class, names = "HMAC_.*", mode = EnumSource.Mode.MATCH_ANY)
    void verifyMac_ownMac_returnsValid(KeySpec spec) {
        byte[] mac = mac(spec, MESSAGE);

        VerifyMacResponse verified = verifyMac(spec, MESSAGE, mac);

        assertEquals(Boolean.TRUE, verified.macValid());
        assertEquals(key(spec).arn(), verified.keyId());
        assertEquals(algorithmOf(spec), verified.macAlgorithm());
    }

    @Test
    void verifyMac_byKeyArn_returnsValid() {
        KeyMetadata key = key(KeySpec.HMAC_224);
        byte[] mac = mac(KeySpec.HMAC_224, MESSAGE);

        VerifyMacResponse verified = kms.verifyMac(b -> b.keyId(key.arn()).macAlgorithm(MacAlgorithmSpec.HMAC_SHA_224)
                .message(sdk(MESSAGE)).mac(sdk(mac)));

        assertEquals(Boolean.TRUE, verified.macValid());
        assertEquals(key.arn(), verified.keyId());
    }

    @ParameterizedTest
    @EnumSource(value = KeySpec.class, names = "HMAC_.*", mode = EnumSource.Mode.MATCH_ANY)
    void verifyMac_oneChangedMessageByte_throwsInvalidMac(KeySpec spec) {
        byte[] mac = mac(spec, MESSAGE);

        for (int index : new int[] {0, MESSAGE.length / 2, MESSAGE.length - 1}) {
            byte[] changed = withOneByteChanged(MESSAGE, index);
            assertKmsError(KmsInvalidMacException.class, NO_MESSAGE, () -> verifyMac(spec, changed, mac));
        }
    }

    @ParameterizedTest
    @EnumSource(value = KeySpec.class, names = "HMAC_.*", mode = EnumSource.Mode.MATCH_ANY)
    void verifyMac_oneChangedMacByte_throwsInvalidMac(KeySpec spec) {
        byte[] mac = mac(spec, MESSAGE);

        for (int index : new int[] {0, mac.length / 2, mac.length - 1}) {
            byte[] changed = withOneByteChanged(mac, index);
            assertKmsError(KmsInvalidMacException.class, NO_MESSAGE, () -> verifyMac(spec, MESSAGE, changed));
        }
    }

    @Test
    void verifyMac_differentMessage_throwsInvalidMac() {
        byte[] mac = mac(KeySpec.HMAC_256, MESSAGE);
        byte[] different = "some different important message".getBytes(StandardCharsets.UTF_8);

        assertKmsError(KmsInvalidMacException.class, NO_MESSAGE, () -> verifyMac(KeySpec.HMAC_256, different, mac));
    }

    @Test
    void verifyMac_truncatedMac_throwsInvalidMac() {
        byte[] mac = mac(KeySpec.HMAC_512, MESSAGE);
        byte[] truncated = Arrays.copyOf(mac, 32);

        assertKmsError(KmsInvalidMacException.class, NO_MESSAGE, () -> verifyMac(KeySpec.HMAC_512, MESSAGE, truncated));
    }

    @Test
    void verifyMac_macWithAByteAppended_throwsInvalidMac() {
        byte[] mac = mac(KeySpec.HMAC_256, MESSAGE);
        byte[] extended = Arrays.copyOf(mac, mac.length + 1);

        assertKmsError(KmsInvalidMacException.class, NO_MESSAGE, () -> verifyMac(KeySpec.HMAC_256, MESSAGE, extended));
    }

    @Test
    void verifyMac_macOfAnotherKeyOfTheSameSpec_throwsInvalidMac() {
        KeyMetadata other = newHmacKey(KeySpec.HMAC_384);
        byte[] otherMac = mac(other, MacAlgorithmSpec.HMAC_SHA_384, MESSAGE);

        assertKmsError(KmsInvalidMacException.class, NO_MESSAGE, () -> verifyMac(KeySpec.HMAC_384, MESSAGE, otherMac));
    }

    @ParameterizedTest
    @MethodSource("mismatchedAlgorithms")
    void generateMac_withAlgorithmOfAnotherSpec_throwsInvalidKeyUsage(KeySpec spec, MacAlgorithmSpec algorithm) {
        KeyMetadata key = key(spec);

        assertKmsError(InvalidKeyUsageException.class,
                "Algorithm " + algorithm + " is incompatible with key spec " + spec + ".",
                () -> mac(key, algorithm, MESSAGE));
    }

    @Test
    void verifyMac_withAlgorithmOfAnotherSpec_throwsInvalidKeyUsage() {
        byte[] mac = mac(KeySpec.HMAC_256, MESSAGE);

        assertKmsError(InvalidKeyUsageException.class, "Algorithm HMAC_SHA_512 is incompatible with key spec HMAC_256.",
                () -> verifyMac(key(KeySpec.HMAC_256), MacAlgorithmSpec.HMAC_SHA_512, MESSAGE, mac));
    }

    @Test
    void generateMac_withUnknownAlgorithm_throwsValidation() {
        KeyMetadata key = key(KeySpec.HMAC_256);

        assertUnmodeledError("ValidationException", INVALID_ALGORITHM,
                () -> kms.generateMac(b -> b.keyId(key.keyId()).macAlgorithm("INVALID").message(sdk(MESSAGE))));
    }

    @Test
    void verifyMac_withUnknownAlgorithm_throwsValidation() {
        KeyMetadata key = key(KeySpec.HMAC_256);
        byte[] mac = mac(KeySpec.HMAC_256, MESSAGE);

        assertUnmodeledError("ValidationException", INVALID_ALGORITHM,
                () -> kms.verifyMac(b -> b.keyId(key.keyId()).macAlgorithm("INVALID").message(sdk(MESSAGE))
                        .mac(sdk(mac))));
    }

    @Test
    void generateMac_withoutAlgorithm_throwsValidation() {
        KeyMetadata key = key(KeySpec.HMAC_256);

        assertUnmodeledErrorCode("ValidationException",
                () -> kms.generateMac(b -> b.keyId(key.keyId()).message(sdk(MESSAGE))));
    }

    @Test
    void generateMac_messageLongerThan4096Bytes_throwsValidation() {
        byte[] large = randomBytes(4097);

        assertUnmodeledError("ValidationException", "1 validation error detected: Value at 'message' failed to "
                        + "satisfy constraint: Member must have length less than or equal to 4096",
                () -> mac(KeySpec.HMAC_256, large));
    }

    @Test
    void generateMac_withMalformedKeyId_throwsNotFound() {
        assertKmsError(NotFoundException.class, "Invalid keyId 'key_id'",
                () -> kms.generateMac(b -> b.keyId("key_id").macAlgorithm(MacAlgorithmSpec.HMAC_SHA_256)
                        .message(sdk(MESSAGE))));
    }

    @Test
    void verifyMac_withMalformedKeyId_throwsNotFound() {
        byte[] mac = mac(KeySpec.HMAC_256, MESSAGE);

        assertKmsError(NotFoundException.class, "Invalid keyId 'key_id'",
                () -> kms.verifyMac(b -> b.keyId("key_id").macAlgorithm(MacAlgorithmSpec.HMAC_SHA_256)
                        .message(sdk(MESSAGE)).mac(sdk(mac))));
    }

    @Test
    void generateMac_withSymmetricKey_throwsInvalidKeyUsage() {
        KeyMetadata symmetric = newSymmetricKey();

        assertKmsError(InvalidKeyUsageException.class,
                symmetric.arn() + " key usage is ENCRYPT_DECRYPT which is not valid for GenerateMac.",
                () -> mac(symmetric, MacAlgorithmSpec.HMAC_SHA_256, MESSAGE));
    }

    @Test
    void verifyMac_withSymmetricKey_throwsInvalidKeyUsage() {
        KeyMetadata symmetric = newSymmetricKey();
        byte[] mac = mac(KeySpec.HMAC_256, MESSAGE);

        assertKmsError(InvalidKeyUsageException.class,
                symmetric.arn() + " key usage is ENCRYPT_DECRYPT which is not valid for VerifyMac.",
                () -> verifyMac(symmetric, MacAlgorithmSpec.HMAC_SHA_256, MESSAGE, mac));
    }

    @Test
    void generateMac_withSignVerifyKey_throwsInvalidKeyUsage() {
        KeyMetadata signing = newKey(KeySpec.RSA_2048, KeyUsageType.SIGN_VERIFY);

        assertKmsError(InvalidKeyUsageException.class,
                signing.arn() + " key usage is SIGN_VERIFY which is not valid for GenerateMac.",
                () -> mac(signing, MacAlgorithmSpec.HMAC_SHA_256, MESSAGE));
    }

    @Test
    void sign_withHmacKey_throwsInvalidKeyUsage() {
        KeyMetadata key = key(KeySpec.HMAC_256);

        assertKmsError(InvalidKeyUsageException.class,
                key.arn() + " key usage is GENERATE_VERIFY_MAC which is not valid for Sign.",
                () -> kms.sign(b -> b.keyId(key.keyId()).message(sdk(MESSAGE))
                        .signingAlgorithm(SigningAlgorithmSpec.RSASSA_PSS_SHA_256)));
    }

    @Test
    void encrypt_withHmacKey_throwsInvalidKeyUsage() {
        KeyMetadata key = key(KeySpec.HMAC_256);

        assertKmsError(InvalidKeyUsageException.class,
                key.arn() + " key usage is GENERATE_VERIFY_MAC which is not valid for Encrypt.",
                () -> kms.encrypt(b -> b.keyId(key.keyId()).plaintext(sdk(MESSAGE))));
    }

    @Test
    void generateMac_withDisabledKey_throwsDisabled() {
        KeyMetadata disabled = newHmacKey(KeySpec.HMAC_256);
        kms.disableKey(b -> b.keyId(disabled.keyId()));

        assertKmsError(DisabledException.class, disabled.arn() + " is disabled.",
                () -> mac(disabled, MacAlgorithmSpec.HMAC_SHA_256, MESSAGE));
    }

    @Test
    void verifyMac_withDisabledKey_throwsDisabledUntilTheKeyIsEnabledAgain() {
        KeyMetadata key = newHmacKey(KeySpec.HMAC_256);
        byte[] mac = mac(key, MacAlgorithmSpec.HMAC_SHA_256, MESSAGE);
        kms.disableKey(b -> b.keyId(key.keyId()));

        assertKmsError(DisabledException.class, key.arn() + " is disabled.",
                () -> verifyMac(key, MacAlgorithmSpec.HMAC_SHA_256, MESSAGE, mac));
        kms.enableKey(b -> b.keyId(key.keyId()));
        assertEquals(Boolean.TRUE, verifyMac(key, MacAlgorithmSpec.HMAC_SHA_256, MESSAGE, mac).macValid());
    }

    @Test
    void generateMacAndVerifyMac_withKeyPendingDeletion_throwInvalidState() {
        KeyMetadata key = newHmacKey(KeySpec.HMAC_384);
        byte[] mac = mac(key, MacAlgorithmSpec.HMAC_SHA_384, MESSAGE);
        kms.scheduleKeyDeletion(b -> b.keyId(key.keyId()).pendingWindowInDays(7));

        assertKmsError(KmsInvalidStateException.class, key.arn() + " is pending deletion.",
                () -> mac(key, MacAlgorithmSpec.HMAC_SHA_384, MESSAGE));
        assertKmsError(KmsInvalidStateException.class, key.arn() + " is pending deletion.",
                () -> verifyMac(key, MacAlgorithmSpec.HMAC_SHA_384, MESSAGE, mac));
    }

    @Test
    void generateMac_dryRun_throwsDryRunOperation() {
        KeyMetadata key = key(KeySpec.HMAC_256);

        assertKmsError(DryRunOperationException.class, DRY_RUN,
                () -> kms.generateMac(b -> b.keyId(key.keyId()).macAlgorithm(MacAlgorithmSpec.HMAC_SHA_256)
                        .message(sdk(MESSAGE)).dryRun(true)));
    }

    @Test
    void verifyMac_dryRun_throwsDryRunOperation() {
        KeyMetadata key = key(KeySpec.HMAC_256);
        byte[] mac = mac(KeySpec.HMAC_256, MESSAGE);

        assertKmsError(DryRunOperationException.class, DRY_RUN,
                () -> kms.verifyMac(b -> b.keyId(key.keyId()).macAlgorithm(MacAlgorithmSpec.HMAC_SHA_256)
                        .message(sdk(MESSAGE)).mac(sdk(mac)).dryRun(true)));
    }

    @Test
    void generateMac_dryRunFalse_returnsTheMac() {
        KeyMetadata key = key(KeySpec.HMAC_256);

        GenerateMacResponse generated = kms.generateMac(b -> b.keyId(key.keyId())
                .macAlgorithm(MacAlgorithmSpec.HMAC_SHA_256).message(sdk(MESSAGE)).dryRun(false));

        assertArrayEquals(mac(KeySpec.HMAC_256, MESSAGE), generated.mac().asByteArray());
    }

    @Test
    void generateMac_dryRunWithAlgorithmOfAnotherSpec_throwsInvalidKeyUsage() {
        KeyMetadata key = key(KeySpec.HMAC_224);

        assertKmsError(InvalidKeyUsageException.class, "Algorithm HMAC_SHA_256 is incompatible with key spec HMAC_224.",
                () -> kms.generateMac(b -> b.keyId(key.keyId()).macAlgorithm(MacAlgorithmSpec.HMAC_SHA_256)
                        .message(sdk(MESSAGE)).dryRun(true)));
    }
}
