package dev.trent.conformance;

import static dev.trent.conformance.KmsErrors.NO_MESSAGE;
import static dev.trent.conformance.KmsErrors.assertKmsError;
import static dev.trent.conformance.KmsErrors.assertUnmodeledError;
import static dev.trent.conformance.KmsErrors.assertUnmodeledErrorCode;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.security.interfaces.RSAPublicKey;
import java.util.Arrays;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.kms.model.DisabledException;
import software.amazon.awssdk.services.kms.model.InvalidKeyUsageException;
import software.amazon.awssdk.services.kms.model.KeyMetadata;
import software.amazon.awssdk.services.kms.model.KeySpec;
import software.amazon.awssdk.services.kms.model.KeyUsageType;
import software.amazon.awssdk.services.kms.model.KmsInvalidSignatureException;
import software.amazon.awssdk.services.kms.model.MessageType;
import software.amazon.awssdk.services.kms.model.SignResponse;
import software.amazon.awssdk.services.kms.model.SigningAlgorithmSpec;
import software.amazon.awssdk.services.kms.model.VerifyResponse;

/** RSA Sign / Verify, checked both through Trent and independently with the JDK. */
class SignVerifyTest extends TrentTestBase {

    private static final byte[] MESSAGE = "test message !%$@ 1234567890".getBytes(StandardCharsets.UTF_8);

    private KeyMetadata key;
    private RSAPublicKey publicKey;

    @BeforeAll
    void createSigningKey() throws Exception {
        key = newKey(KeySpec.RSA_2048, KeyUsageType.SIGN_VERIFY);
        publicKey = Jca.rsaPublicKey(kms.getPublicKey(b -> b.keyId(key.keyId())).publicKey().asByteArray());
    }

    private SignResponse sign(SigningAlgorithmSpec algorithm, MessageType type, byte[] message) {
        return kms.sign(b -> b.keyId(key.keyId()).signingAlgorithm(algorithm).messageType(type)
                .message(sdk(message)));
    }

    @ParameterizedTest
    @EnumSource(value = SigningAlgorithmSpec.class, names = "RSASSA_.*", mode = EnumSource.Mode.MATCH_ANY)
    void sign_rawMessage_verifiesWithJca(SigningAlgorithmSpec algorithm) throws Exception {
        SignResponse signed = sign(algorithm, MessageType.RAW, MESSAGE);

        assertEquals(key.arn(), signed.keyId());
        assertEquals(algorithm, signed.signingAlgorithm());
        assertEquals(256, signed.signature().asByteArray().length, "RSA-2048 signature length");
        assertTrue(Jca.verify(algorithm, publicKey, MESSAGE, signed.signature().asByteArray()),
                "JCA rejects the " + algorithm + " signature");
    }

    @ParameterizedTest
    @EnumSource(value = SigningAlgorithmSpec.class, names = "RSASSA_.*", mode = EnumSource.Mode.MATCH_ANY)
    void sign_digest_verifiesWithJcaOverTheOriginalMessage(SigningAlgorithmSpec algorithm) throws Exception {
        byte[] digest = Jca.digest(algorithm, MESSAGE);

        SignResponse signed = sign(algorithm, MessageType.DIGEST, digest);

        assertTrue(Jca.verify(algorithm, publicKey, MESSAGE, signed.signature().asByteArray()),
                "JCA rejects the " + algorithm + " signature over a digest");
    }

    @ParameterizedTest
    @EnumSource(value = SigningAlgorithmSpec.class, names = "RSASSA_.*", mode = EnumSource.Mode.MATCH_ANY)
    void verify_ownSignature_returnsValid(SigningAlgorithmSpec algorithm) {
        byte[] signature = sign(algorithm, MessageType.RAW, MESSAGE).signature().asByteArray();

        VerifyResponse verified = kms.verify(b -> b.keyId(key.keyId()).signingAlgorithm(algorithm)
                .messageType(MessageType.RAW).message(sdk(MESSAGE)).signature(sdk(signature)));

        assertEquals(Boolean.TRUE, verified.signatureValid());
        assertEquals(key.arn(), verified.keyId());
        assertEquals(algorithm, verified.signingAlgorithm());
    }

    @ParameterizedTest
    @EnumSource(value = SigningAlgorithmSpec.class, names = "RSASSA_.*", mode = EnumSource.Mode.MATCH_ANY)
    void verify_digestOfSignedRawMessage_returnsValid(SigningAlgorithmSpec algorithm) throws Exception {
        byte[] signature = sign(algorithm, MessageType.RAW, MESSAGE).signature().asByteArray();
        byte[] digest = Jca.digest(algorithm, MESSAGE);

        VerifyResponse verified = kms.verify(b -> b.keyId(key.keyId()).signingAlgorithm(algorithm)
                .messageType(MessageType.DIGEST).message(sdk(digest)).signature(sdk(signature)));

        assertEquals(Boolean.TRUE, verified.signatureValid());
    }

    @Test
    void sign_pkcs1RawAndDigest_produceTheSameDeterministicSignature() throws Exception {
        SigningAlgorithmSpec algorithm = SigningAlgorithmSpec.RSASSA_PKCS1_V1_5_SHA_256;

        byte[] raw = sign(algorithm, MessageType.RAW, MESSAGE).signature().asByteArray();
        byte[] digest = sign(algorithm, MessageType.DIGEST, Jca.digest(algorithm, MESSAGE)).signature().asByteArray();

        assertArrayEquals(raw, digest);
    }

    @Test
    void sign_pss_isRandomizedButBothSignaturesVerify() throws Exception {
        SigningAlgorithmSpec algorithm = SigningAlgorithmSpec.RSASSA_PSS_SHA_256;

        byte[] first = sign(algorithm, MessageType.RAW, MESSAGE).signature().asByteArray();
        byte[] second = sign(algorithm, MessageType.RAW, MESSAGE).signature().asByteArray();

        assertFalse(Arrays.equals(first, second), "PSS uses a random salt");
        assertTrue(Jca.verify(algorithm, publicKey, MESSAGE, first));
        assertTrue(Jca.verify(algorithm, publicKey, MESSAGE, second));
    }

    @Test
    void sign_withoutMessageType_treatsTheMessageAsRaw() throws Exception {
        SigningAlgorithmSpec algorithm = SigningAlgorithmSpec.RSASSA_PKCS1_V1_5_SHA_384;

        SignResponse signed = kms.sign(b -> b.keyId(key.keyId()).signingAlgorithm(algorithm).message(sdk(MESSAGE)));

        assertTrue(Jca.verify(algorithm, publicKey, MESSAGE, signed.signature().asByteArray()));
    }

    @Test
    void sign_digestOfWrongLengthForPss256_throwsValidation() {
        assertUnmodeledError("ValidationException", "Digest is invalid length for algorithm RSASSA_PSS_SHA_256.",
                () -> sign(SigningAlgorithmSpec.RSASSA_PSS_SHA_256, MessageType.DIGEST, MESSAGE));
    }

    @Test
    void sign_sha256DigestWithPkcs1Sha512_throwsValidation() throws Exception {
        byte[] sha256 = Jca.digest(SigningAlgorithmSpec.RSASSA_PSS_SHA_256, MESSAGE);

        assertUnmodeledError("ValidationException",
                "Digest is invalid length for algorithm RSASSA_PKCS1_V1_5_SHA_512.",
                () -> sign(SigningAlgorithmSpec.RSASSA_PKCS1_V1_5_SHA_512, MessageType.DIGEST, sha256));
    }

    @Test
    void verify_digestOfWrongLength_throwsValidation() {
        byte[] signature = sign(SigningAlgorithmSpec.RSASSA_PSS_SHA_256, MessageType.RAW, MESSAGE)
                .signature().asByteArray();

        assertUnmodeledErrorCode("ValidationException", () -> kms.verify(b -> b.keyId(key.keyId())
                .signingAlgorithm(SigningAlgorithmSpec.RSASSA_PSS_SHA_256).messageType(MessageType.DIGEST)
                .message(utf8("bad message 321")).signature(sdk(signature))));
    }

    @Test
    void verify_signatureOfAnotherMessage_throwsInvalidSignatureWithoutMessage() {
        SigningAlgorithmSpec algorithm = SigningAlgorithmSpec.RSASSA_PSS_SHA_256;
        byte[] badSignature = sign(algorithm, MessageType.RAW, "bad".getBytes(StandardCharsets.UTF_8))
                .signature().asByteArray();

        assertKmsError(KmsInvalidSignatureException.class, NO_MESSAGE,
                () -> kms.verify(b -> b.keyId(key.keyId()).signingAlgorithm(algorithm)
                        .messageType(MessageType.RAW).message(sdk(MESSAGE)).signature(sdk(badSignature))));
    }

    @Test
    void verify_tamperedSignature_throwsInvalidSignature() {
        SigningAlgorithmSpec algorithm = SigningAlgorithmSpec.RSASSA_PKCS1_V1_5_SHA_256;
        byte[] signature = sign(algorithm, MessageType.RAW, MESSAGE).signature().asByteArray();
        signature[signature.length / 2] ^= 0x40;

        assertKmsError(KmsInvalidSignatureException.class, NO_MESSAGE,
                () -> kms.verify(b -> b.keyId(key.keyId()).signingAlgorithm(algorithm)
                        .message(sdk(MESSAGE)).signature(sdk(signature))));
    }

    @Test
    void verify_withGarbageShorterThanAnRsaSignature_throwsInvalidSignature() {
        assertKmsError(KmsInvalidSignatureException.class, NO_MESSAGE,
                () -> kms.verify(b -> b.keyId(key.keyId()).signingAlgorithm(SigningAlgorithmSpec.RSASSA_PSS_SHA_256)
                        .message(sdk(MESSAGE)).signature(utf8("random text"))));
    }

    @Test
    void verify_withADifferentAlgorithmThanSigned_throwsInvalidSignature() {
        byte[] signature = sign(SigningAlgorithmSpec.RSASSA_PSS_SHA_256, MessageType.RAW, MESSAGE)
                .signature().asByteArray();

        assertKmsError(KmsInvalidSignatureException.class, NO_MESSAGE,
                () -> kms.verify(b -> b.keyId(key.keyId())
                        .signingAlgorithm(SigningAlgorithmSpec.RSASSA_PKCS1_V1_5_SHA_256)
                        .message(sdk(MESSAGE)).signature(sdk(signature))));
    }

    @Test
    void verify_withAnotherKeysSignature_throwsInvalidSignature() {
        KeyMetadata other = newKey(KeySpec.RSA_2048, KeyUsageType.SIGN_VERIFY);
        SigningAlgorithmSpec algorithm = SigningAlgorithmSpec.RSASSA_PKCS1_V1_5_SHA_256;
        SdkBytes signature = kms.sign(b -> b.keyId(other.keyId()).signingAlgorithm(algorithm)
                .message(sdk(MESSAGE))).signature();

        assertKmsError(KmsInvalidSignatureException.class, NO_MESSAGE,
                () -> kms.verify(b -> b.keyId(key.keyId()).signingAlgorithm(algorithm)
                        .message(sdk(MESSAGE)).signature(signature)));
    }

    @Test
    void sign_rawMessageLongerThan4096Bytes_throwsValidation() {
        byte[] large = randomBytes(4097);

        assertUnmodeledError("ValidationException", "1 validation error detected: Value at 'message' failed to "
                        + "satisfy constraint: Member must have length less than or equal to 4096",
                () -> sign(SigningAlgorithmSpec.RSASSA_PSS_SHA_256, MessageType.RAW, large));
    }

    @Test
    void sign_withSymmetricKey_throwsInvalidKeyUsage() {
        KeyMetadata symmetric = newSymmetricKey();

        assertKmsError(InvalidKeyUsageException.class,
                symmetric.arn() + " key usage is ENCRYPT_DECRYPT which is not valid for Sign.",
                () -> kms.sign(b -> b.keyId(symmetric.keyId()).message(sdk(MESSAGE))
                        .signingAlgorithm(SigningAlgorithmSpec.RSASSA_PSS_SHA_256)));
    }

    @Test
    void verify_withSymmetricKey_throwsInvalidKeyUsage() {
        KeyMetadata symmetric = newSymmetricKey();

        assertKmsError(InvalidKeyUsageException.class,
                symmetric.arn() + " key usage is ENCRYPT_DECRYPT which is not valid for Verify.",
                () -> kms.verify(b -> b.keyId(symmetric.keyId()).messageType(MessageType.RAW)
                        .message(utf8("test message")).signature(utf8("random text"))
                        .signingAlgorithm(SigningAlgorithmSpec.ECDSA_SHA_256)));
    }

    @Test
    void sign_withAlgorithmTheKeyDoesNotSupport_isRejected() {
        KmsErrors.assertClientError(() -> kms.sign(b -> b.keyId(key.keyId()).message(sdk(MESSAGE))
                .signingAlgorithm(SigningAlgorithmSpec.ECDSA_SHA_256)));
    }

    @Test
    void sign_withDisabledKey_throwsDisabled() {
        KeyMetadata disabled = newKey(KeySpec.RSA_2048, KeyUsageType.SIGN_VERIFY);
        kms.disableKey(b -> b.keyId(disabled.keyId()));

        assertKmsError(DisabledException.class, disabled.arn() + " is disabled.",
                () -> kms.sign(b -> b.keyId(disabled.keyId()).message(sdk(MESSAGE))
                        .signingAlgorithm(SigningAlgorithmSpec.RSASSA_PSS_SHA_256)));
    }
}
