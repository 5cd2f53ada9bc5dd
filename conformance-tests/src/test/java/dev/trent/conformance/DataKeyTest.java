package dev.trent.conformance;

import static dev.trent.conformance.KmsErrors.NO_MESSAGE;
import static dev.trent.conformance.KmsErrors.assertKmsError;
import static dev.trent.conformance.KmsErrors.assertUnmodeledError;
import static dev.trent.conformance.KmsErrors.assertUnmodeledErrorCode;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import software.amazon.awssdk.services.kms.model.DataKeySpec;
import software.amazon.awssdk.services.kms.model.GenerateDataKeyResponse;
import software.amazon.awssdk.services.kms.model.GenerateDataKeyWithoutPlaintextResponse;
import software.amazon.awssdk.services.kms.model.InvalidCiphertextException;
import software.amazon.awssdk.services.kms.model.InvalidKeyUsageException;
import software.amazon.awssdk.services.kms.model.KeyMetadata;
import software.amazon.awssdk.services.kms.model.KeySpec;
import software.amazon.awssdk.services.kms.model.KeyUsageType;

/** GenerateDataKey, GenerateDataKeyWithoutPlaintext and GenerateRandom. */
class DataKeyTest extends TrentTestBase {

    private KeyMetadata key;

    @BeforeAll
    void createKey() {
        key = newSymmetricKey();
    }

    @ParameterizedTest
    @CsvSource({"AES_256, 32", "AES_128, 16"})
    void generateDataKey_withKeySpec_returnsPlaintextOfThatSizeThatDecryptsBack(DataKeySpec spec, int length) {
        GenerateDataKeyResponse dataKey = kms.generateDataKey(b -> b.keyId(key.keyId()).keySpec(spec));

        assertEquals(length, dataKey.plaintext().asByteArray().length);
        assertEquals(key.arn(), dataKey.keyId());
        assertEquals(key.currentKeyMaterialId(), dataKey.keyMaterialId());
        byte[] decrypted = kms.decrypt(b -> b.ciphertextBlob(dataKey.ciphertextBlob())).plaintext().asByteArray();
        assertArrayEquals(dataKey.plaintext().asByteArray(), decrypted);
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 64, 1024})
    void generateDataKey_withNumberOfBytes_returnsThatManyBytesThatDecryptBack(int numberOfBytes) {
        GenerateDataKeyResponse dataKey = kms.generateDataKey(b -> b.keyId(key.arn()).numberOfBytes(numberOfBytes));

        assertEquals(numberOfBytes, dataKey.plaintext().asByteArray().length);
        byte[] decrypted = kms.decrypt(b -> b.ciphertextBlob(dataKey.ciphertextBlob())).plaintext().asByteArray();
        assertArrayEquals(dataKey.plaintext().asByteArray(), decrypted);
    }

    @Test
    void generateDataKey_twice_givesDifferentKeys() {
        byte[] first = kms.generateDataKey(b -> b.keyId(key.keyId()).keySpec(DataKeySpec.AES_256))
                .plaintext().asByteArray();
        byte[] second = kms.generateDataKey(b -> b.keyId(key.keyId()).keySpec(DataKeySpec.AES_256))
                .plaintext().asByteArray();

        assertFalse(Arrays.equals(first, second));
    }

    @ParameterizedTest
    @CsvSource({"0, greater than or equal to 1", "1025, less than or equal to 1024"})
    void generateDataKey_withNumberOfBytesOutOfRange_throwsValidation(int numberOfBytes, String constraint) {
        assertUnmodeledError("ValidationException", "1 validation error detected: Value '" + numberOfBytes
                        + "' at 'numberOfBytes' failed to satisfy constraint: Member must have value " + constraint,
                () -> kms.generateDataKey(b -> b.keyId(key.keyId()).numberOfBytes(numberOfBytes)));
    }

    @Test
    void generateDataKey_withNeitherKeySpecNorNumberOfBytes_throwsValidation() {
        assertUnmodeledErrorCode("ValidationException", () -> kms.generateDataKey(b -> b.keyId(key.keyId())));
    }

    @Test
    void generateDataKey_withBothKeySpecAndNumberOfBytes_throwsValidation() {
        assertUnmodeledErrorCode("ValidationException", () -> kms.generateDataKey(b -> b.keyId(key.keyId())
                .keySpec(DataKeySpec.AES_256).numberOfBytes(32)));
    }

    @Test
    void generateDataKey_withEncryptionContext_needsItToDecrypt() {
        Map<String, String> context = Map.of("context-key", "context-value");
        GenerateDataKeyResponse dataKey = kms.generateDataKey(b -> b.keyId(key.keyId())
                .keySpec(DataKeySpec.AES_256).encryptionContext(context));

        assertKmsError(InvalidCiphertextException.class, NO_MESSAGE,
                () -> kms.decrypt(b -> b.ciphertextBlob(dataKey.ciphertextBlob()).keyId(key.keyId())));
        byte[] decrypted = kms.decrypt(b -> b.ciphertextBlob(dataKey.ciphertextBlob()).encryptionContext(context))
                .plaintext().asByteArray();
        assertArrayEquals(dataKey.plaintext().asByteArray(), decrypted);
    }

    @Test
    void generateDataKey_withSignVerifyKey_throwsInvalidKeyUsage() {
        KeyMetadata signing = newKey(KeySpec.RSA_2048, KeyUsageType.SIGN_VERIFY);

        assertKmsError(InvalidKeyUsageException.class,
                signing.arn() + " key usage is SIGN_VERIFY which is not valid for GenerateDataKey.",
                () -> kms.generateDataKey(b -> b.keyId(signing.keyId()).keySpec(DataKeySpec.AES_256)));
    }

    @ParameterizedTest
    @CsvSource({"AES_256, 32", "AES_128, 16"})
    void generateDataKeyWithoutPlaintext_returnsCiphertextOfAKeyOfThatSize(DataKeySpec spec, int length) {
        GenerateDataKeyWithoutPlaintextResponse dataKey =
                kms.generateDataKeyWithoutPlaintext(b -> b.keyId(key.keyId()).keySpec(spec));

        assertEquals(key.arn(), dataKey.keyId());
        assertEquals(key.currentKeyMaterialId(), dataKey.keyMaterialId());
        assertEquals(length, kms.decrypt(b -> b.ciphertextBlob(dataKey.ciphertextBlob()))
                .plaintext().asByteArray().length);
    }

    @Test
    void generateDataKeyWithoutPlaintext_withEncryptionContext_needsItToDecrypt() {
        Map<String, String> context = Map.of("context-key", "context-value");
        GenerateDataKeyWithoutPlaintextResponse dataKey = kms.generateDataKeyWithoutPlaintext(b -> b
                .keyId(key.keyId()).numberOfBytes(24).encryptionContext(context));

        assertKmsError(InvalidCiphertextException.class, NO_MESSAGE,
                () -> kms.decrypt(b -> b.ciphertextBlob(dataKey.ciphertextBlob())));
        assertEquals(24, kms.decrypt(b -> b.ciphertextBlob(dataKey.ciphertextBlob()).encryptionContext(context))
                .plaintext().asByteArray().length);
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 12, 44, 91, 1024})
    void generateRandom_returnsExactlyTheRequestedNumberOfBytes(int numberOfBytes) {
        assertEquals(numberOfBytes, kms.generateRandom(b -> b.numberOfBytes(numberOfBytes))
                .plaintext().asByteArray().length);
    }

    @Test
    void generateRandom_twice_givesDifferentBytes() {
        byte[] first = kms.generateRandom(b -> b.numberOfBytes(32)).plaintext().asByteArray();
        byte[] second = kms.generateRandom(b -> b.numberOfBytes(32)).plaintext().asByteArray();

        assertFalse(Arrays.equals(first, second));
    }

    @Test
    void generateRandom_withoutNumberOfBytes_throwsValidation() {
        assertUnmodeledError("ValidationException", "NumberOfBytes is required.",
                () -> kms.generateRandom(b -> { }));
    }

    @ParameterizedTest
    @CsvSource({"0, greater than or equal to 1", "1025, less than or equal to 1024"})
    void generateRandom_withNumberOfBytesOutOfRange_throwsValidation(int numberOfBytes, String constraint) {
        assertUnmodeledError("ValidationException", "1 validation error detected: Value '" + numberOfBytes
                        + "' at 'numberOfBytes' failed to satisfy constraint: Member must have value " + constraint,
                () -> kms.generateRandom(b -> b.numberOfBytes(numberOfBytes)));
    }
}
