package dev.trent.conformance;

import static dev.trent.conformance.KmsErrors.NO_MESSAGE;
import static dev.trent.conformance.KmsErrors.assertKmsError;
import static dev.trent.conformance.KmsErrors.assertUnmodeledError;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.trent.server.app.TrentConfig;
import dev.trent.server.app.TrentServer;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.kms.KmsClient;
import software.amazon.awssdk.services.kms.model.DecryptResponse;
import software.amazon.awssdk.services.kms.model.EncryptResponse;
import software.amazon.awssdk.services.kms.model.EncryptionAlgorithmSpec;
import software.amazon.awssdk.services.kms.model.IncorrectKeyException;
import software.amazon.awssdk.services.kms.model.InvalidCiphertextException;
import software.amazon.awssdk.services.kms.model.InvalidKeyUsageException;
import software.amazon.awssdk.services.kms.model.KeyMetadata;
import software.amazon.awssdk.services.kms.model.KeySpec;
import software.amazon.awssdk.services.kms.model.KeyUsageType;

/** Symmetric Encrypt / Decrypt: round trips, encryption context binding, wrong keys and bad blobs. */
class EncryptDecryptTest extends TrentTestBase {

    private static final String UNKNOWN_KEY_MESSAGE = "The ciphertext refers to a customer master key that does "
            + "not exist, does not exist in this region, or you are not allowed to access.";

    private KeyMetadata key;
    private KeyMetadata otherKey;

    @BeforeAll
    void createKeys() {
        key = newSymmetricKey();
        otherKey = newSymmetricKey();
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 32, 1000, 4096})
    void encrypt_thenDecryptWithoutKeyId_returnsThePlaintextByteForByte(int length) {
        byte[] plaintext = randomBytes(length);

        EncryptResponse encrypted = kms.encrypt(b -> b.keyId(key.keyId()).plaintext(sdk(plaintext)));
        DecryptResponse decrypted = kms.decrypt(b -> b.ciphertextBlob(encrypted.ciphertextBlob()));

        assertEquals(key.arn(), encrypted.keyId());
        assertEquals(EncryptionAlgorithmSpec.SYMMETRIC_DEFAULT, encrypted.encryptionAlgorithm());
        assertArrayEquals(plaintext, decrypted.plaintext().asByteArray());
        assertEquals(key.arn(), decrypted.keyId());
        assertEquals(EncryptionAlgorithmSpec.SYMMETRIC_DEFAULT, decrypted.encryptionAlgorithm());
    }

    @Test
    void decrypt_reportsTheCurrentKeyMaterialId() {
        SdkBytes blob = kms.encrypt(b -> b.keyId(key.keyId()).plaintext(utf8("material"))).ciphertextBlob();

        DecryptResponse decrypted = kms.decrypt(b -> b.ciphertextBlob(blob));

        assertEquals(key.currentKeyMaterialId(), decrypted.keyMaterialId());
    }

    @Test
    void encrypt_withExplicitSymmetricDefault_isDecryptable() {
        EncryptResponse encrypted = kms.encrypt(b -> b.keyId(key.arn()).plaintext(utf8("explicit"))
                .encryptionAlgorithm(EncryptionAlgorithmSpec.SYMMETRIC_DEFAULT));

        DecryptResponse decrypted = kms.decrypt(b -> b.ciphertextBlob(encrypted.ciphertextBlob())
                .keyId(key.arn()).encryptionAlgorithm(EncryptionAlgorithmSpec.SYMMETRIC_DEFAULT));

        assertEquals("explicit", decrypted.plaintext().asUtf8String());
    }

    @Test
    void encrypt_samePlaintextTwice_givesDifferentCiphertexts() {
        byte[] plaintext = randomBytes(16);

        byte[] first = kms.encrypt(b -> b.keyId(key.keyId()).plaintext(sdk(plaintext))).ciphertextBlob().asByteArray();
        byte[] second = kms.encrypt(b -> b.keyId(key.keyId()).plaintext(sdk(plaintext))).ciphertextBlob().asByteArray();

        assertFalse(Arrays.equals(first, second), "two encryptions produced the same blob");
    }

    @Test
    void encrypt_plaintextLongerThan4096Bytes_throwsValidation() {
        byte[] plaintext = randomBytes(4097);

        assertUnmodeledError("ValidationException", "1 validation error detected: Value at 'plaintext' failed to "
                        + "satisfy constraint: Member must have length less than or equal to 4096",
                () -> kms.encrypt(b -> b.keyId(key.keyId()).plaintext(sdk(plaintext))));
    }

    @Test
    void encrypt_emptyPlaintext_throwsValidation() {
        assertUnmodeledError("ValidationException", "1 validation error detected: Value at 'plaintext' failed to "
                        + "satisfy constraint: Member must have length greater than or equal to 1",
                () -> kms.encrypt(b -> b.keyId(key.keyId()).plaintext(sdk(new byte[0]))));
    }

    @Test
    void encrypt_withoutKeyId_throwsValidation() {
        KmsErrors.assertUnmodeledErrorCode("ValidationException", () -> kms.encrypt(b -> b.plaintext(utf8("x"))));
    }

    @Test
    void decrypt_withKeyIdOfAnotherKey_throwsIncorrectKey() {
        SdkBytes blob = kms.encrypt(b -> b.keyId(key.keyId()).plaintext(utf8("secret"))).ciphertextBlob();

        assertKmsError(IncorrectKeyException.class,
                "The key ID in the request does not identify a CMK that can perform this operation.",
                () -> kms.decrypt(b -> b.ciphertextBlob(blob).keyId(otherKey.keyId())));
    }

    @Test
    void decrypt_withArnOfAnotherKey_throwsIncorrectKey() {
        SdkBytes blob = kms.encrypt(b -> b.keyId(key.keyId()).plaintext(utf8("secret"))).ciphertextBlob();

        assertKmsError(IncorrectKeyException.class,
                "The key ID in the request does not identify a CMK that can perform this operation.",
                () -> kms.decrypt(b -> b.ciphertextBlob(blob).keyId(otherKey.arn())));
    }

    @Test
    void decrypt_withMatchingEncryptionContextInAnyOrder_returnsPlaintext() {
        Map<String, String> context = new LinkedHashMap<>();
        context.put("purpose", "test");
        context.put("Department", "10");
        Map<String, String> reordered = new LinkedHashMap<>();
        reordered.put("Department", "10");
        reordered.put("purpose", "test");
        SdkBytes blob = kms.encrypt(b -> b.keyId(key.keyId()).plaintext(utf8("bound"))
                .encryptionContext(context)).ciphertextBlob();

        DecryptResponse decrypted = kms.decrypt(b -> b.ciphertextBlob(blob).encryptionContext(reordered));

        assertEquals("bound", decrypted.plaintext().asUtf8String());
    }

    @Test
    void decrypt_withoutTheEncryptionContext_throwsInvalidCiphertextWithoutMessage() {
        SdkBytes blob = kms.encrypt(b -> b.keyId(key.keyId()).plaintext(utf8("bound"))
                .encryptionContext(Map.of("context-key", "context-value"))).ciphertextBlob();

        assertKmsError(InvalidCiphertextException.class, NO_MESSAGE,
                () -> kms.decrypt(b -> b.ciphertextBlob(blob).keyId(key.keyId())));
    }

    @Test
    void decrypt_withADifferentContextValue_throwsInvalidCiphertext() {
        SdkBytes blob = kms.encrypt(b -> b.keyId(key.keyId()).plaintext(utf8("bound"))
                .encryptionContext(Map.of("user", "alice"))).ciphertextBlob();

        assertKmsError(InvalidCiphertextException.class, NO_MESSAGE,
                () -> kms.decrypt(b -> b.ciphertextBlob(blob).encryptionContext(Map.of("user", "Alice"))));
    }

    @Test
    void decrypt_withAnExtraContextEntry_throwsInvalidCiphertext() {
        SdkBytes blob = kms.encrypt(b -> b.keyId(key.keyId()).plaintext(utf8("bound"))
                .encryptionContext(Map.of("user", "alice"))).ciphertextBlob();

        assertKmsError(InvalidCiphertextException.class, NO_MESSAGE,
                () -> kms.decrypt(b -> b.ciphertextBlob(blob)
                        .encryptionContext(Map.of("user", "alice", "extra", "1"))));
    }

    @Test
    void decrypt_withContextWhenNoneWasUsed_throwsInvalidCiphertext() {
        SdkBytes blob = kms.encrypt(b -> b.keyId(key.keyId()).plaintext(utf8("unbound"))).ciphertextBlob();

        assertKmsError(InvalidCiphertextException.class, NO_MESSAGE,
                () -> kms.decrypt(b -> b.ciphertextBlob(blob).encryptionContext(Map.of("a", "b"))));
    }

    @Test
    void decrypt_contextWithKeyValueBoundaryMoved_isNotInterchangeable() {
        SdkBytes blob = kms.encrypt(b -> b.keyId(key.keyId()).plaintext(utf8("boundary"))
                .encryptionContext(Map.of("ab", "c"))).ciphertextBlob();

        assertKmsError(InvalidCiphertextException.class, NO_MESSAGE,
                () -> kms.decrypt(b -> b.ciphertextBlob(blob).encryptionContext(Map.of("a", "bc"))));
        assertEquals("boundary", kms.decrypt(b -> b.ciphertextBlob(blob)
                .encryptionContext(Map.of("ab", "c"))).plaintext().asUtf8String());
    }

    @Test
    void decrypt_contextEntriesSplitDifferently_isNotInterchangeable() {
        SdkBytes blob = kms.encrypt(b -> b.keyId(key.keyId()).plaintext(utf8("pairs"))
                .encryptionContext(Map.of("a", "b", "c", "d"))).ciphertextBlob();

        assertKmsError(InvalidCiphertextException.class, NO_MESSAGE,
                () -> kms.decrypt(b -> b.ciphertextBlob(blob).encryptionContext(Map.of("a", "bcd"))));
    }

    @ParameterizedTest
    @ValueSource(strings = {"first", "middle", "last"})
    void decrypt_withOneByteFlipped_throwsInvalidCiphertext(String where) {
        byte[] blob = kms.encrypt(b -> b.keyId(key.keyId()).plaintext(utf8("tamper me"))).ciphertextBlob()
                .asByteArray();
        int index = switch (where) {
            case "first" -> 0;
            case "middle" -> blob.length / 2;
            default -> blob.length - 1;
        };
        blob[index] ^= 0x01;

        KmsErrors.assertKmsError(InvalidCiphertextException.class, NO_MESSAGE,
                () -> kms.decrypt(b -> b.ciphertextBlob(sdk(blob))));
    }

    @Test
    void decrypt_withBytesAppended_throwsInvalidCiphertext() {
        byte[] blob = kms.encrypt(b -> b.keyId(key.keyId()).plaintext(utf8("x"))).ciphertextBlob().asByteArray();
        byte[] longer = Arrays.copyOf(blob, blob.length + 8);

        assertKmsError(InvalidCiphertextException.class, NO_MESSAGE,
                () -> kms.decrypt(b -> b.ciphertextBlob(sdk(longer)).keyId(key.keyId())));
    }

    @Test
    void decrypt_withTruncatedBlob_throwsInvalidCiphertext() {
        byte[] blob = kms.encrypt(b -> b.keyId(key.keyId()).plaintext(utf8("x"))).ciphertextBlob().asByteArray();
        byte[] shorter = Arrays.copyOf(blob, blob.length - 10);

        assertKmsError(InvalidCiphertextException.class, NO_MESSAGE,
                () -> kms.decrypt(b -> b.ciphertextBlob(sdk(shorter))));
    }

    @Test
    void decrypt_withRandomGarbage_throwsInvalidCiphertext() {
        byte[] garbage = randomBytes(184);

        assertKmsError(InvalidCiphertextException.class, NO_MESSAGE,
                () -> kms.decrypt(b -> b.ciphertextBlob(sdk(garbage))));
    }

    @Test
    void decrypt_blobFromAnotherTrentInstance_throwsAccessDenied() throws Exception {
        SdkBytes foreignBlob;
        try (TrentServer other = TrentServer.start(TrentConfig.builder().port(0).inMemory().build());
             KmsClient otherClient = KmsClients.create(other.endpoint(), Region.US_EAST_1)) {
            String otherKey = otherClient.createKey(b -> { }).keyMetadata().keyId();
            foreignBlob = otherClient.encrypt(b -> b.keyId(otherKey).plaintext(utf8("elsewhere"))).ciphertextBlob();
        }

        assertUnmodeledError("AccessDeniedException", UNKNOWN_KEY_MESSAGE,
                () -> kms.decrypt(b -> b.ciphertextBlob(foreignBlob)));
    }

    @Test
    void decrypt_blobOfAKeyInAnotherRegion_throwsAccessDenied() {
        KmsClient west = clientIn(Region.US_WEST_2);
        String westKey = west.createKey(b -> { }).keyMetadata().keyId();
        SdkBytes blob = west.encrypt(b -> b.keyId(westKey).plaintext(utf8("west"))).ciphertextBlob();

        assertEquals("west", west.decrypt(b -> b.ciphertextBlob(blob)).plaintext().asUtf8String());
        assertUnmodeledError("AccessDeniedException", UNKNOWN_KEY_MESSAGE,
                () -> kms.decrypt(b -> b.ciphertextBlob(blob)));
    }

    @Test
    void encrypt_withSignVerifyKey_throwsInvalidKeyUsage() {
        KeyMetadata signing = newKey(KeySpec.RSA_2048, KeyUsageType.SIGN_VERIFY);

        assertKmsError(InvalidKeyUsageException.class,
                signing.arn() + " key usage is SIGN_VERIFY which is not valid for Encrypt.",
                () -> kms.encrypt(b -> b.keyId(signing.keyId()).plaintext(utf8("test message 123!@#"))));
    }
}
