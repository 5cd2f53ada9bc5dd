package dev.trent.conformance;

import static dev.trent.conformance.KmsErrors.assertClientError;
import static dev.trent.conformance.KmsErrors.assertKmsError;
import static dev.trent.conformance.KmsErrors.assertKmsErrorType;
import static dev.trent.conformance.KmsErrors.assertUnmodeledError;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.security.interfaces.RSAPublicKey;
import java.util.EnumMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.kms.model.CustomerMasterKeySpec;
import software.amazon.awssdk.services.kms.model.DecryptResponse;
import software.amazon.awssdk.services.kms.model.EncryptResponse;
import software.amazon.awssdk.services.kms.model.EncryptionAlgorithmSpec;
import software.amazon.awssdk.services.kms.model.GetPublicKeyResponse;
import software.amazon.awssdk.services.kms.model.InvalidKeyUsageException;
import software.amazon.awssdk.services.kms.model.KeyMetadata;
import software.amazon.awssdk.services.kms.model.KeySpec;
import software.amazon.awssdk.services.kms.model.KeyUsageType;
import software.amazon.awssdk.services.kms.model.ReEncryptResponse;

/** GetPublicKey and RSAES-OAEP Encrypt / Decrypt, cross-checked with the JDK. */
@SuppressWarnings("deprecation") // CustomerMasterKeySpec is deprecated but still part of the wire contract
class RsaEncryptionTest extends TrentTestBase {

    private final Map<KeySpec, KeyMetadata> keys = new EnumMap<>(KeySpec.class);
    private final Map<KeySpec, RSAPublicKey> publicKeys = new EnumMap<>(KeySpec.class);

    @BeforeAll
    void createOneKeyPerRsaSize() throws Exception {
        for (KeySpec spec : new KeySpec[] {KeySpec.RSA_2048, KeySpec.RSA_3072, KeySpec.RSA_4096}) {
            KeyMetadata key = newKey(spec, KeyUsageType.ENCRYPT_DECRYPT);
            keys.put(spec, key);
            publicKeys.put(spec, Jca.rsaPublicKey(
                    kms.getPublicKey(b -> b.keyId(key.keyId())).publicKey().asByteArray()));
        }
    }

    @ParameterizedTest
    @CsvSource({"RSA_2048, 2048", "RSA_3072, 3072", "RSA_4096, 4096"})
    void getPublicKey_returnsSpkiOfTheRightSizeAndTheKeyProperties(KeySpec spec, int bits) throws Exception {
        KeyMetadata key = keys.get(spec);

        GetPublicKeyResponse response = kms.getPublicKey(b -> b.keyId(key.arn()));
        RSAPublicKey parsed = Jca.rsaPublicKey(response.publicKey().asByteArray());

        assertEquals(bits, parsed.getModulus().bitLength());
        assertEquals(key.arn(), response.keyId());
        assertEquals(spec, response.keySpec());
        assertEquals(CustomerMasterKeySpec.fromValue(spec.toString()), response.customerMasterKeySpec());
        assertEquals(KeyUsageType.ENCRYPT_DECRYPT, response.keyUsage());
        assertEquals(KeyManagementTest.RSA_ENCRYPTION_ALGORITHMS, response.encryptionAlgorithms());
        assertFalse(response.hasSigningAlgorithms(), "no SigningAlgorithms for an ENCRYPT_DECRYPT key");
    }

    @Test
    void getPublicKey_ofSigningKey_listsSigningAlgorithmsOnly() throws Exception {
        KeyMetadata signing = newKey(KeySpec.RSA_2048, KeyUsageType.SIGN_VERIFY);

        GetPublicKeyResponse response = kms.getPublicKey(b -> b.keyId(signing.keyId()));

        assertEquals(KeyUsageType.SIGN_VERIFY, response.keyUsage());
        assertEquals(KeyManagementTest.RSA_SIGNING_ALGORITHMS, response.signingAlgorithms());
        assertFalse(response.hasEncryptionAlgorithms(), "no EncryptionAlgorithms for a SIGN_VERIFY key");
        assertEquals(2048, Jca.rsaPublicKey(response.publicKey().asByteArray()).getModulus().bitLength());
    }

    @Test
    void getPublicKey_ofSymmetricKey_isRejected() {
        KeyMetadata symmetric = newSymmetricKey();

        assertKmsErrorType(software.amazon.awssdk.services.kms.model.UnsupportedOperationException.class,
                () -> kms.getPublicKey(b -> b.keyId(symmetric.keyId())));
    }

    @ParameterizedTest
    @CsvSource({
        "RSA_2048, RSAES_OAEP_SHA_1", "RSA_2048, RSAES_OAEP_SHA_256",
        "RSA_3072, RSAES_OAEP_SHA_1", "RSA_3072, RSAES_OAEP_SHA_256",
        "RSA_4096, RSAES_OAEP_SHA_1", "RSA_4096, RSAES_OAEP_SHA_256"})
    void jcaEncryptWithPublicKey_thenTrentDecrypt_returnsThePlaintext(KeySpec spec, EncryptionAlgorithmSpec algorithm)
            throws Exception {
        KeyMetadata key = keys.get(spec);
        byte[] plaintext = randomBytes(32);
        byte[] ciphertext = Jca.oaepEncrypt(algorithm, publicKeys.get(spec), plaintext);

        DecryptResponse decrypted = kms.decrypt(b -> b.keyId(key.keyId()).ciphertextBlob(sdk(ciphertext))
                .encryptionAlgorithm(algorithm));

        assertArrayEquals(plaintext, decrypted.plaintext().asByteArray());
        assertEquals(key.arn(), decrypted.keyId());
        assertEquals(algorithm, decrypted.encryptionAlgorithm());
        assertNull(decrypted.keyMaterialId(), "KeyMaterialId is reported for symmetric keys only");
    }

    @ParameterizedTest
    @CsvSource({"RSA_2048, RSAES_OAEP_SHA_1", "RSA_2048, RSAES_OAEP_SHA_256", "RSA_4096, RSAES_OAEP_SHA_256"})
    void trentEncrypt_thenTrentDecrypt_returnsThePlaintext(KeySpec spec, EncryptionAlgorithmSpec algorithm) {
        KeyMetadata key = keys.get(spec);
        byte[] plaintext = randomBytes(100);

        EncryptResponse encrypted = kms.encrypt(b -> b.keyId(key.keyId()).plaintext(sdk(plaintext))
                .encryptionAlgorithm(algorithm));
        DecryptResponse decrypted = kms.decrypt(b -> b.keyId(key.arn()).ciphertextBlob(encrypted.ciphertextBlob())
                .encryptionAlgorithm(algorithm));

        assertEquals(key.arn(), encrypted.keyId());
        assertEquals(algorithm, encrypted.encryptionAlgorithm());
        assertEquals(publicKeys.get(spec).getModulus().bitLength() / 8, encrypted.ciphertextBlob().asByteArray().length,
                "raw RSA-OAEP ciphertext is one modulus long");
        assertArrayEquals(plaintext, decrypted.plaintext().asByteArray());
    }

    @ParameterizedTest
    @CsvSource({
        "RSA_2048, RSAES_OAEP_SHA_1, 214", "RSA_2048, RSAES_OAEP_SHA_256, 190",
        "RSA_3072, RSAES_OAEP_SHA_1, 342", "RSA_3072, RSAES_OAEP_SHA_256, 318",
        "RSA_4096, RSAES_OAEP_SHA_1, 470", "RSA_4096, RSAES_OAEP_SHA_256, 446"})
    void encrypt_atTheOaepLimit_succeedsAndOneByteMoreThrowsValidation(
            KeySpec spec, EncryptionAlgorithmSpec algorithm, int limit) {
        KeyMetadata key = keys.get(spec);
        byte[] atLimit = randomBytes(limit);
        byte[] overLimit = randomBytes(limit + 1);

        SdkBytes ciphertext = kms.encrypt(b -> b.keyId(key.keyId()).plaintext(sdk(atLimit))
                .encryptionAlgorithm(algorithm)).ciphertextBlob();
        assertArrayEquals(atLimit, kms.decrypt(b -> b.keyId(key.keyId()).ciphertextBlob(ciphertext)
                .encryptionAlgorithm(algorithm)).plaintext().asByteArray());
        assertUnmodeledError("ValidationException", "Algorithm " + algorithm + " and key spec " + spec
                        + " cannot encrypt data larger than " + limit + " bytes.",
                () -> kms.encrypt(b -> b.keyId(key.keyId()).plaintext(sdk(overLimit)).encryptionAlgorithm(algorithm)));
    }

    @Test
    void encrypt_with900BytesOnRsa2048_throwsValidationNamingTheLimit() {
        byte[] plaintext = randomBytes(900);

        assertUnmodeledError("ValidationException",
                "Algorithm RSAES_OAEP_SHA_256 and key spec RSA_2048 cannot encrypt data larger than 190 bytes.",
                () -> kms.encrypt(b -> b.keyId(keys.get(KeySpec.RSA_2048).keyId()).plaintext(sdk(plaintext))
                        .encryptionAlgorithm(EncryptionAlgorithmSpec.RSAES_OAEP_SHA_256)));
    }

    @Test
    void encrypt_withOaepOnSymmetricKey_isRejected() {
        KeyMetadata symmetric = newSymmetricKey();

        assertClientError(() -> kms.encrypt(b -> b.keyId(symmetric.keyId()).plaintext(utf8("x"))
                .encryptionAlgorithm(EncryptionAlgorithmSpec.RSAES_OAEP_SHA_256)));
    }

    @Test
    void encrypt_withSymmetricDefaultOnRsaKey_isRejected() {
        assertClientError(() -> kms.encrypt(b -> b.keyId(keys.get(KeySpec.RSA_2048).keyId()).plaintext(utf8("x"))
                .encryptionAlgorithm(EncryptionAlgorithmSpec.SYMMETRIC_DEFAULT)));
    }

    @Test
    void encrypt_withRsaSignVerifyKeyAndOaep_throwsInvalidKeyUsage() {
        KeyMetadata signing = newKey(KeySpec.RSA_2048, KeyUsageType.SIGN_VERIFY);

        assertKmsError(InvalidKeyUsageException.class,
                signing.arn() + " key usage is SIGN_VERIFY which is not valid for Encrypt.",
                () -> kms.encrypt(b -> b.keyId(signing.keyId()).plaintext(utf8("hello"))
                        .encryptionAlgorithm(EncryptionAlgorithmSpec.RSAES_OAEP_SHA_256)));
    }

    @Test
    void reEncrypt_fromRsaCiphertextToSymmetricKey_isDecryptable() throws Exception {
        KeyMetadata rsa = keys.get(KeySpec.RSA_2048);
        KeyMetadata symmetric = newSymmetricKey();
        byte[] plaintext = randomBytes(40);
        byte[] ciphertext = Jca.oaepEncrypt(EncryptionAlgorithmSpec.RSAES_OAEP_SHA_256,
                publicKeys.get(KeySpec.RSA_2048), plaintext);

        ReEncryptResponse moved = kms.reEncrypt(b -> b.ciphertextBlob(sdk(ciphertext))
                .sourceKeyId(rsa.keyId())
                .sourceEncryptionAlgorithm(EncryptionAlgorithmSpec.RSAES_OAEP_SHA_256)
                .destinationKeyId(symmetric.keyId()));

        assertEquals(rsa.arn(), moved.sourceKeyId());
        assertEquals(symmetric.arn(), moved.keyId());
        assertEquals(EncryptionAlgorithmSpec.RSAES_OAEP_SHA_256, moved.sourceEncryptionAlgorithm());
        assertEquals(EncryptionAlgorithmSpec.SYMMETRIC_DEFAULT, moved.destinationEncryptionAlgorithm());
        assertArrayEquals(plaintext, kms.decrypt(b -> b.ciphertextBlob(moved.ciphertextBlob()))
                .plaintext().asByteArray());
    }
}
