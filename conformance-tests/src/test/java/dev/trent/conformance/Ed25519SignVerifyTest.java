package dev.trent.conformance;

import static dev.trent.conformance.KmsErrors.NO_MESSAGE;
import static dev.trent.conformance.KmsErrors.assertKmsError;
import static dev.trent.conformance.KmsErrors.assertUnmodeledError;
import static dev.trent.conformance.KmsErrors.assertUnmodeledErrorCode;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.security.KeyFactory;
import java.security.MessageDigest;
import java.security.PublicKey;
import java.security.interfaces.EdECPublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.util.Arrays;
import java.util.List;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import software.amazon.awssdk.services.kms.model.GetPublicKeyResponse;
import software.amazon.awssdk.services.kms.model.InvalidKeyUsageException;
import software.amazon.awssdk.services.kms.model.KeyMetadata;
import software.amazon.awssdk.services.kms.model.KeySpec;
import software.amazon.awssdk.services.kms.model.KeyState;
import software.amazon.awssdk.services.kms.model.KeyUsageType;
import software.amazon.awssdk.services.kms.model.KmsInvalidSignatureException;
import software.amazon.awssdk.services.kms.model.MessageType;
import software.amazon.awssdk.services.kms.model.SignResponse;
import software.amazon.awssdk.services.kms.model.SigningAlgorithmSpec;
import software.amazon.awssdk.services.kms.model.VerifyResponse;

/**
 * ECC_NIST_EDWARDS25519 keys: ED25519_SHA_512 is pure Ed25519 (RFC 8032) over a RAW message; ED25519_PH_SHA_512
 * takes a 64-byte SHA-512 digest (MessageType DIGEST) and KMS still applies the Ed25519ph prehash, so the
 * signature is Ed25519ph with an empty context over the digest bytes as the message. Checked with the JDK's EdDSA
 * and with BouncyCastle (the JDK has no Ed25519ph).
 */
class Ed25519SignVerifyTest extends TrentTestBase {

    private static final byte[] MESSAGE = "test message !%$@ 1234567890".getBytes(StandardCharsets.UTF_8);
    private static final KeySpec SPEC = KeySpec.ECC_NIST_EDWARDS25519;
    private static final SigningAlgorithmSpec PURE = SigningAlgorithmSpec.ED25519_SHA_512;
    private static final SigningAlgorithmSpec PREHASH = SigningAlgorithmSpec.ED25519_PH_SHA_512;

    private SetupKeys keys;

    @BeforeAll
    void createEd25519Key() {
        keys = new SetupKeys(kms);
        keys.create(SPEC, KeyUsageType.SIGN_VERIFY);
    }

    private KeyMetadata key() {
        return keys.get(SPEC, KeyUsageType.SIGN_VERIFY);
    }

    private byte[] spki() {
        return kms.getPublicKey(b -> b.keyId(key().keyId())).publicKey().asByteArray();
    }

    private PublicKey jdkPublicKey() throws Exception {
        return KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(spki()));
    }

    private byte[] rawPublicKey() throws Exception {
        return Bc.publicKeyBits(Bc.spki(spki()));
    }

    private static byte[] sha512(byte[] message) throws Exception {
        return MessageDigest.getInstance("SHA-512").digest(message);
    }

    private SignResponse sign(SigningAlgorithmSpec algorithm, MessageType type, byte[] message) {
        return kms.sign(b -> b.keyId(key().keyId()).signingAlgorithm(algorithm).messageType(type)
                .message(sdk(message)));
    }

    private byte[] signature(SigningAlgorithmSpec algorithm, MessageType type, byte[] message) {
        return sign(algorithm, type, message).signature().asByteArray();
    }

    private VerifyResponse verify(SigningAlgorithmSpec algorithm, MessageType type, byte[] message,
            byte[] signature) {
        return kms.verify(b -> b.keyId(key().keyId()).signingAlgorithm(algorithm).messageType(type)
                .message(sdk(message)).signature(sdk(signature)));
    }

    @Test
    void createKey_ed25519SignVerify_listsBothEdDsaAlgorithmsAndNoDeprecatedSpec() {
        KeyMetadata key = key();

        assertEquals(SPEC, key.keySpec());
        assertNull(key.customerMasterKeySpecAsString(),
                "CustomerMasterKeySpec has no ECC_NIST_EDWARDS25519 value, so KMS leaves the field out");
        assertEquals(KeyUsageType.SIGN_VERIFY, key.keyUsage());
        assertEquals(List.of(PURE, PREHASH), key.signingAlgorithms());
        assertFalse(key.hasEncryptionAlgorithms(), "no EncryptionAlgorithms on a SIGN_VERIFY key");
        assertFalse(key.hasKeyAgreementAlgorithms(), "no KeyAgreementAlgorithms on a SIGN_VERIFY key");
        assertEquals(KeyState.ENABLED, key.keyState());
        assertEquals(key, kms.describeKey(b -> b.keyId(key.keyId())).keyMetadata());
    }

    @Test
    void createKey_ed25519WithoutKeyUsage_throwsValidation() {
        assertUnmodeledError("ValidationException",
                "You must specify a KeyUsage value for all KMS keys except for symmetric encryption keys.",
                () -> kms.createKey(b -> b.keySpec(SPEC)));
    }

    @ParameterizedTest
    @EnumSource(value = KeyUsageType.class, names = {"KEY_AGREEMENT", "ENCRYPT_DECRYPT"})
    void createKey_ed25519WithOtherUsage_throwsValidation(KeyUsageType usage) {
        assertUnmodeledError("ValidationException",
                "KeyUsage " + usage + " is not compatible with KeySpec ECC_NIST_EDWARDS25519",
                () -> kms.createKey(b -> b.keySpec(SPEC).keyUsage(usage)));
    }

    @Test
    void getPublicKey_returnsRfc8410SpkiWithTheKeyProperties() throws Exception {
        GetPublicKeyResponse response = kms.getPublicKey(b -> b.keyId(key().arn()));
        byte[] der = response.publicKey().asByteArray();
        SubjectPublicKeyInfo info = Bc.spki(der);

        assertEquals(key().arn(), response.keyId());
        assertEquals(SPEC, response.keySpec());
        assertNull(response.customerMasterKeySpecAsString(), "no CustomerMasterKeySpec for ECC_NIST_EDWARDS25519");
        assertEquals(KeyUsageType.SIGN_VERIFY, response.keyUsage());
        assertEquals(List.of(PURE, PREHASH), response.signingAlgorithms());
        assertFalse(response.hasEncryptionAlgorithms(), "no EncryptionAlgorithms for a SIGN_VERIFY key");
        assertTrue(Bc.isDer(der), "SubjectPublicKeyInfo is not DER");
        assertEquals(44, der.length, "RFC 8410 Ed25519 SubjectPublicKeyInfo length");
        assertEquals(Bc.ED25519_OID, Bc.algorithmOid(info));
        assertNull(info.getAlgorithm().getParameters(), "RFC 8410: the parameters MUST be absent");
        assertEquals(Bc.ED25519_PUBLIC_KEY_LENGTH, Bc.publicKeyBits(info).length);
    }

    @Test
    void getPublicKey_isReadByJdkAndBouncyCastleAsTheSameEd25519Key() throws Exception {
        byte[] der = spki();

        EdECPublicKey jdk = (EdECPublicKey) KeyFactory.getInstance("Ed25519")
                .generatePublic(new X509EncodedKeySpec(der));
        PublicKey bc = Bc.publicKey("Ed25519", der);

        assertEquals("Ed25519", jdk.getParams().getName());
        assertArrayEquals(der, bc.getEncoded());
        assertArrayEquals(der, jdk.getEncoded());
    }

    @Test
    void sign_pureEd25519Raw_verifiesWithJdkAndBouncyCastle() throws Exception {
        SignResponse signed = sign(PURE, MessageType.RAW, MESSAGE);
        byte[] signature = signed.signature().asByteArray();

        assertEquals(key().arn(), signed.keyId());
        assertEquals(PURE, signed.signingAlgorithm());
        assertEquals(Bc.ED25519_SIGNATURE_LENGTH, signature.length, "Ed25519 signature length");
        assertTrue(Bc.verify("Ed25519", null, jdkPublicKey(), MESSAGE, signature), "the JDK rejects it");
        assertTrue(Bc.verify("Ed25519", Bc.PROVIDER, Bc.publicKey("Ed25519", spki()), MESSAGE, signature),
                "BouncyCastle rejects it");
    }

    @Test
    void sign_pureEd25519_isDeterministic() {
        byte[] first = signature(PURE, MessageType.RAW, MESSAGE);
        byte[] second = signature(PURE, MessageType.RAW, MESSAGE);

        assertArrayEquals(first, second, "RFC 8032 Ed25519 signatures are deterministic");
    }

    @Test
    void sign_pureWithoutMessageType_treatsTheMessageAsRaw() throws Exception {
        byte[] signature = kms.sign(b -> b.keyId(key().keyId()).signingAlgorithm(PURE).message(sdk(MESSAGE)))
                .signature().asByteArray();

        assertTrue(Bc.verify("Ed25519", null, jdkPublicKey(), MESSAGE, signature));
    }

    @Test
    void sign_pureRawMessageOf4096Bytes_verifiesWithJdk() throws Exception {
        byte[] largest = randomBytes(4096);

        byte[] signature = signature(PURE, MessageType.RAW, largest);

        assertTrue(Bc.verify("Ed25519", null, jdkPublicKey(), largest, signature));
    }

    @Test
    void sign_prehashOfSha512Digest_isEd25519phOverTheDigestBytes() throws Exception {
        byte[] digest = sha512(MESSAGE);

        SignResponse signed = sign(PREHASH, MessageType.DIGEST, digest);
        byte[] signature = signed.signature().asByteArray();

        assertEquals(PREHASH, signed.signingAlgorithm());
        assertEquals(Bc.ED25519_SIGNATURE_LENGTH, signature.length);
        assertTrue(Bc.verifyEd25519ph(rawPublicKey(), digest, signature),
                "not Ed25519ph (empty context) over the 64 digest bytes");
        assertFalse(Bc.verifyEd25519ph(rawPublicKey(), MESSAGE, signature),
                "KMS prehashes the digest again, so this is not Ed25519ph over the original message");
        assertFalse(Bc.verify("Ed25519", null, jdkPublicKey(), digest, signature),
                "Ed25519ph is not pure Ed25519 over the digest");
    }

    @Test
    void sign_prehash_isDeterministic() throws Exception {
        byte[] digest = sha512(MESSAGE);

        assertArrayEquals(signature(PREHASH, MessageType.DIGEST, digest),
                signature(PREHASH, MessageType.DIGEST, digest));
    }

    @Test
    void verify_pureSignature_returnsValid() {
        byte[] signature = signature(PURE, MessageType.RAW, MESSAGE);

        VerifyResponse verified = verify(PURE, MessageType.RAW, MESSAGE, signature);

        assertEquals(Boolean.TRUE, verified.signatureValid());
        assertEquals(key().arn(), verified.keyId());
        assertEquals(PURE, verified.signingAlgorithm());
    }

    @Test
    void verify_prehashSignature_returnsValid() throws Exception {
        byte[] digest = sha512(MESSAGE);
        byte[] signature = signature(PREHASH, MessageType.DIGEST, digest);

        VerifyResponse verified = verify(PREHASH, MessageType.DIGEST, digest, signature);

        assertEquals(Boolean.TRUE, verified.signatureValid());
        assertEquals(PREHASH, verified.signingAlgorithm());
    }

    @Test
    void verify_prehashSignatureAsPureOverTheDigest_throwsInvalidSignature() throws Exception {
        byte[] digest = sha512(MESSAGE);
        byte[] signature = signature(PREHASH, MessageType.DIGEST, digest);

        assertKmsError(KmsInvalidSignatureException.class, NO_MESSAGE,
                () -> verify(PURE, MessageType.RAW, digest, signature));
    }

    @Test
    void verify_pureSignatureAsPrehashOfItsDigest_throwsInvalidSignature() throws Exception {
        byte[] signature = signature(PURE, MessageType.RAW, MESSAGE);

        assertKmsError(KmsInvalidSignatureException.class, NO_MESSAGE,
                () -> verify(PREHASH, MessageType.DIGEST, sha512(MESSAGE), signature));
    }

    @Test
    void verify_signatureOfAnotherMessage_throwsInvalidSignatureWithoutMessage() {
        byte[] badSignature = signature(PURE, MessageType.RAW, "bad".getBytes(StandardCharsets.UTF_8));

        assertKmsError(KmsInvalidSignatureException.class, NO_MESSAGE,
                () -> verify(PURE, MessageType.RAW, MESSAGE, badSignature));
    }

    @Test
    void verify_tamperedPureSignature_throwsInvalidSignature() {
        byte[] signature = signature(PURE, MessageType.RAW, MESSAGE);
        signature[10] ^= 0x01;

        assertKmsError(KmsInvalidSignatureException.class, NO_MESSAGE,
                () -> verify(PURE, MessageType.RAW, MESSAGE, signature));
    }

    @Test
    void verify_tamperedPrehashSignature_throwsInvalidSignature() throws Exception {
        byte[] digest = sha512(MESSAGE);
        byte[] signature = signature(PREHASH, MessageType.DIGEST, digest);
        signature[40] ^= 0x01;

        assertKmsError(KmsInvalidSignatureException.class, NO_MESSAGE,
                () -> verify(PREHASH, MessageType.DIGEST, digest, signature));
    }

    @Test
    void verify_signatureOfWrongLength_throwsInvalidSignature() {
        byte[] signature = signature(PURE, MessageType.RAW, MESSAGE);
        byte[] truncated = Arrays.copyOf(signature, 63);

        assertKmsError(KmsInvalidSignatureException.class, NO_MESSAGE,
                () -> verify(PURE, MessageType.RAW, MESSAGE, truncated));
    }

    @Test
    void sign_pureWithDigestMessageType_throwsValidation() throws Exception {
        byte[] digest = sha512(MESSAGE);

        assertUnmodeledErrorCode("ValidationException", () -> sign(PURE, MessageType.DIGEST, digest));
    }

    @Test
    void sign_prehashWithRawMessageType_throwsValidation() {
        assertUnmodeledErrorCode("ValidationException", () -> sign(PREHASH, MessageType.RAW, MESSAGE));
    }

    @Test
    void sign_prehashWithoutMessageType_throwsValidation() {
        assertUnmodeledErrorCode("ValidationException",
                () -> kms.sign(b -> b.keyId(key().keyId()).signingAlgorithm(PREHASH).message(sdk(MESSAGE))));
    }

    @Test
    void sign_prehashWithSha256SizedDigest_throwsValidation() throws Exception {
        byte[] sha256 = MessageDigest.getInstance("SHA-256").digest(MESSAGE);

        assertUnmodeledErrorCode("ValidationException", () -> sign(PREHASH, MessageType.DIGEST, sha256));
    }

    @Test
    void sign_pureWithExternalMu_throwsValidation() {
        assertUnmodeledErrorCode("ValidationException", () -> sign(PURE, MessageType.EXTERNAL_MU, randomBytes(64)));
    }

    @Test
    void verify_pureWithDigestMessageType_throwsValidation() throws Exception {
        byte[] signature = signature(PURE, MessageType.RAW, MESSAGE);
        byte[] digest = sha512(MESSAGE);

        assertUnmodeledErrorCode("ValidationException", () -> verify(PURE, MessageType.DIGEST, digest, signature));
    }

    @Test
    void verify_prehashWithRawMessageType_throwsValidation() throws Exception {
        byte[] signature = signature(PREHASH, MessageType.DIGEST, sha512(MESSAGE));

        assertUnmodeledErrorCode("ValidationException", () -> verify(PREHASH, MessageType.RAW, MESSAGE, signature));
    }

    @ParameterizedTest
    @EnumSource(value = SigningAlgorithmSpec.class, names = {"ECDSA_SHA_256", "ECDSA_SHA_512", "RSASSA_PSS_SHA_512",
        "ML_DSA_SHAKE_256"})
    void sign_algorithmNotOfEd25519_throwsInvalidKeyUsage(SigningAlgorithmSpec algorithm) {
        assertKmsError(InvalidKeyUsageException.class,
                "Algorithm " + algorithm + " is incompatible with key spec ECC_NIST_EDWARDS25519.",
                () -> sign(algorithm, MessageType.RAW, MESSAGE));
    }
}
