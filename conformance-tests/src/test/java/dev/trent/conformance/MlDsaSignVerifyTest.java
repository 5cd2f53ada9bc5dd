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
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PublicKey;
import java.security.Signature;
import java.util.List;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.jcajce.interfaces.MLDSAPublicKey;
import org.bouncycastle.jcajce.spec.MLDSAParameterSpec;
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
 * ML_DSA_44/65/87 keys with ML_DSA_SHAKE_256: pure ML-DSA (FIPS 204, empty context) over a RAW message, or the
 * same signature computed from an externally supplied 64-byte representative mu (MessageType EXTERNAL_MU).
 * Checked with BouncyCastle's ML-DSA; mu is computed by the FIPS 204 formula from the public key Trent returns.
 */
class MlDsaSignVerifyTest extends TrentTestBase {

    private static final byte[] MESSAGE = "test message !%$@ 1234567890".getBytes(StandardCharsets.UTF_8);
    private static final SigningAlgorithmSpec ML_DSA = SigningAlgorithmSpec.ML_DSA_SHAKE_256;
    private static final List<KeySpec> SPECS = List.of(KeySpec.ML_DSA_44, KeySpec.ML_DSA_65, KeySpec.ML_DSA_87);

    private SetupKeys keys;

    @BeforeAll
    void createMlDsaKeys() {
        keys = new SetupKeys(kms);
        SPECS.forEach(spec -> keys.create(spec, KeyUsageType.SIGN_VERIFY));
    }

    private KeyMetadata key(KeySpec spec) {
        return keys.get(spec, KeyUsageType.SIGN_VERIFY);
    }

    private byte[] spki(KeySpec spec) {
        return kms.getPublicKey(b -> b.keyId(key(spec).keyId())).publicKey().asByteArray();
    }

    private PublicKey publicKey(KeySpec spec) throws Exception {
        return Bc.publicKey("ML-DSA", spki(spec));
    }

    /** mu for {@code message} under the key's encoded public key (the BIT STRING content of its SPKI). */
    private byte[] externalMu(KeySpec spec, byte[] message) throws Exception {
        return Bc.mlDsaExternalMu(Bc.publicKeyBits(Bc.spki(spki(spec))), message);
    }

    private boolean bouncyCastleVerifies(KeySpec spec, byte[] message, byte[] signature) throws Exception {
        return Bc.verify("ML-DSA", Bc.PROVIDER, publicKey(spec), message, signature);
    }

    private SignResponse sign(KeySpec spec, MessageType type, byte[] message) {
        return kms.sign(b -> b.keyId(key(spec).keyId()).signingAlgorithm(ML_DSA).messageType(type)
                .message(sdk(message)));
    }

    private byte[] signature(KeySpec spec, MessageType type, byte[] message) {
        return sign(spec, type, message).signature().asByteArray();
    }

    private VerifyResponse verify(KeySpec spec, MessageType type, byte[] message, byte[] signature) {
        return kms.verify(b -> b.keyId(key(spec).keyId()).signingAlgorithm(ML_DSA).messageType(type)
                .message(sdk(message)).signature(sdk(signature)));
    }

    @ParameterizedTest
    @EnumSource(value = KeySpec.class, names = {"ML_DSA_44", "ML_DSA_65", "ML_DSA_87"})
    void createKey_mlDsaSignVerify_listsMlDsaShake256AndNoDeprecatedSpec(KeySpec spec) {
        KeyMetadata key = key(spec);

        assertEquals(spec, key.keySpec());
        assertNull(key.customerMasterKeySpecAsString(),
                "CustomerMasterKeySpec has no ML_DSA values, so KMS leaves the field out");
        assertEquals(KeyUsageType.SIGN_VERIFY, key.keyUsage());
        assertEquals(List.of(ML_DSA), key.signingAlgorithms());
        assertFalse(key.hasEncryptionAlgorithms(), "no EncryptionAlgorithms on a SIGN_VERIFY key");
        assertFalse(key.hasKeyAgreementAlgorithms(), "no KeyAgreementAlgorithms on a SIGN_VERIFY key");
        assertEquals(KeyState.ENABLED, key.keyState());
        assertEquals(key, kms.describeKey(b -> b.keyId(key.keyId())).keyMetadata());
    }

    @Test
    void createKey_mlDsaWithoutKeyUsage_throwsValidation() {
        assertUnmodeledError("ValidationException",
                "You must specify a KeyUsage value for all KMS keys except for symmetric encryption keys.",
                () -> kms.createKey(b -> b.keySpec(KeySpec.ML_DSA_65)));
    }

    @ParameterizedTest
    @EnumSource(value = KeyUsageType.class, names = {"KEY_AGREEMENT", "ENCRYPT_DECRYPT"})
    void createKey_mlDsaWithOtherUsage_throwsValidation(KeyUsageType usage) {
        assertUnmodeledError("ValidationException", "KeyUsage " + usage + " is not compatible with KeySpec ML_DSA_44",
                () -> kms.createKey(b -> b.keySpec(KeySpec.ML_DSA_44).keyUsage(usage)));
    }

    @ParameterizedTest
    @EnumSource(value = KeySpec.class, names = {"ML_DSA_44", "ML_DSA_65", "ML_DSA_87"})
    void getPublicKey_returnsMlDsaSpkiWithTheKeyProperties(KeySpec spec) throws Exception {
        GetPublicKeyResponse response = kms.getPublicKey(b -> b.keyId(key(spec).arn()));
        byte[] der = response.publicKey().asByteArray();
        SubjectPublicKeyInfo info = Bc.spki(der);
        MLDSAPublicKey parsed = (MLDSAPublicKey) Bc.publicKey("ML-DSA", der);

        assertEquals(key(spec).arn(), response.keyId());
        assertEquals(spec, response.keySpec());
        assertNull(response.customerMasterKeySpecAsString(), "no CustomerMasterKeySpec for " + spec);
        assertEquals(KeyUsageType.SIGN_VERIFY, response.keyUsage());
        assertEquals(List.of(ML_DSA), response.signingAlgorithms());
        assertFalse(response.hasEncryptionAlgorithms(), "no EncryptionAlgorithms for a SIGN_VERIFY key");
        assertTrue(Bc.isDer(der), "SubjectPublicKeyInfo is not DER");
        assertEquals(Bc.mlDsaOid(spec), Bc.algorithmOid(info), "algorithm of the SubjectPublicKeyInfo");
        assertNull(info.getAlgorithm().getParameters(), "ML-DSA algorithm parameters MUST be absent");
        assertEquals(Bc.mlDsaPublicKeyLength(spec), Bc.publicKeyBits(info).length, "FIPS 204 public key size");
        assertEquals(Bc.mlDsaParameterSetName(spec), parsed.getParameterSpec().getName());
        assertArrayEquals(Bc.publicKeyBits(info), parsed.getPublicData());
    }

    @ParameterizedTest
    @EnumSource(value = KeySpec.class, names = {"ML_DSA_44", "ML_DSA_65", "ML_DSA_87"})
    void sign_rawMessage_isPureMlDsaVerifiedByBouncyCastle(KeySpec spec) throws Exception {
        SignResponse signed = sign(spec, MessageType.RAW, MESSAGE);
        byte[] signature = signed.signature().asByteArray();

        assertEquals(key(spec).arn(), signed.keyId());
        assertEquals(ML_DSA, signed.signingAlgorithm());
        assertEquals(Bc.mlDsaSignatureLength(spec), signature.length, "FIPS 204 signature size");
        assertTrue(bouncyCastleVerifies(spec, MESSAGE, signature), "BouncyCastle ML-DSA rejects it");
    }

    @ParameterizedTest
    @EnumSource(value = KeySpec.class, names = {"ML_DSA_44", "ML_DSA_65", "ML_DSA_87"})
    void sign_externalMu_verifiesWithBouncyCastleOverTheMessage(KeySpec spec) throws Exception {
        byte[] mu = externalMu(spec, MESSAGE);

        SignResponse signed = sign(spec, MessageType.EXTERNAL_MU, mu);
        byte[] signature = signed.signature().asByteArray();

        assertEquals(ML_DSA, signed.signingAlgorithm());
        assertEquals(Bc.mlDsaSignatureLength(spec), signature.length);
        assertTrue(bouncyCastleVerifies(spec, MESSAGE, signature),
                "a signature over mu must be the pure ML-DSA signature of the message");
    }

    @Test
    void sign_withoutMessageType_treatsTheMessageAsRaw() throws Exception {
        byte[] signature = kms.sign(b -> b.keyId(key(KeySpec.ML_DSA_44).keyId()).signingAlgorithm(ML_DSA)
                .message(sdk(MESSAGE))).signature().asByteArray();

        assertTrue(bouncyCastleVerifies(KeySpec.ML_DSA_44, MESSAGE, signature));
    }

    @Test
    void sign_rawMessageOf4096Bytes_verifiesWithBouncyCastle() throws Exception {
        byte[] largest = randomBytes(4096);

        byte[] signature = signature(KeySpec.ML_DSA_87, MessageType.RAW, largest);

        assertTrue(bouncyCastleVerifies(KeySpec.ML_DSA_87, largest, signature));
    }

    @ParameterizedTest
    @EnumSource(value = KeySpec.class, names = {"ML_DSA_44", "ML_DSA_65", "ML_DSA_87"})
    void verify_ownRawSignature_returnsValid(KeySpec spec) {
        byte[] signature = signature(spec, MessageType.RAW, MESSAGE);

        VerifyResponse verified = verify(spec, MessageType.RAW, MESSAGE, signature);

        assertEquals(Boolean.TRUE, verified.signatureValid());
        assertEquals(key(spec).arn(), verified.keyId());
        assertEquals(ML_DSA, verified.signingAlgorithm());
    }

    @Test
    void verify_rawSignatureGivenAsExternalMu_returnsValid() throws Exception {
        KeySpec spec = KeySpec.ML_DSA_65;
        byte[] signature = signature(spec, MessageType.RAW, MESSAGE);

        VerifyResponse verified = verify(spec, MessageType.EXTERNAL_MU, externalMu(spec, MESSAGE), signature);

        assertEquals(Boolean.TRUE, verified.signatureValid());
    }

    @Test
    void verify_externalMuSignatureGivenTheRawMessage_returnsValid() throws Exception {
        KeySpec spec = KeySpec.ML_DSA_44;
        byte[] signature = signature(spec, MessageType.EXTERNAL_MU, externalMu(spec, MESSAGE));

        VerifyResponse verified = verify(spec, MessageType.RAW, MESSAGE, signature);

        assertEquals(Boolean.TRUE, verified.signatureValid());
    }

    @Test
    void verify_signatureOfAnotherMessage_throwsInvalidSignatureWithoutMessage() {
        byte[] badSignature = signature(KeySpec.ML_DSA_65, MessageType.RAW, "bad".getBytes(StandardCharsets.UTF_8));

        assertKmsError(KmsInvalidSignatureException.class, NO_MESSAGE,
                () -> verify(KeySpec.ML_DSA_65, MessageType.RAW, MESSAGE, badSignature));
    }

    @Test
    void verify_tamperedSignature_throwsInvalidSignature() {
        byte[] signature = signature(KeySpec.ML_DSA_44, MessageType.RAW, MESSAGE);
        signature[100] ^= 0x01;

        assertKmsError(KmsInvalidSignatureException.class, NO_MESSAGE,
                () -> verify(KeySpec.ML_DSA_44, MessageType.RAW, MESSAGE, signature));
    }

    @Test
    void verify_muOfAnotherMessage_throwsInvalidSignature() throws Exception {
        KeySpec spec = KeySpec.ML_DSA_87;
        byte[] signature = signature(spec, MessageType.RAW, MESSAGE);
        byte[] otherMu = externalMu(spec, "bad message 321".getBytes(StandardCharsets.UTF_8));

        assertKmsError(KmsInvalidSignatureException.class, NO_MESSAGE,
                () -> verify(spec, MessageType.EXTERNAL_MU, otherMu, signature));
    }

    @Test
    void verify_signatureOfAnotherParameterSet_throwsInvalidSignature() {
        byte[] mlDsa44Signature = signature(KeySpec.ML_DSA_44, MessageType.RAW, MESSAGE);

        assertKmsError(KmsInvalidSignatureException.class, NO_MESSAGE,
                () -> verify(KeySpec.ML_DSA_65, MessageType.RAW, MESSAGE, mlDsa44Signature));
    }

    @Test
    void sign_digestMessageType_throwsValidation() {
        assertUnmodeledErrorCode("ValidationException",
                () -> sign(KeySpec.ML_DSA_65, MessageType.DIGEST, randomBytes(64)));
    }

    @Test
    void verify_digestMessageType_throwsValidation() {
        byte[] signature = signature(KeySpec.ML_DSA_65, MessageType.RAW, MESSAGE);

        assertUnmodeledErrorCode("ValidationException",
                () -> verify(KeySpec.ML_DSA_65, MessageType.DIGEST, randomBytes(64), signature));
    }

    @Test
    void sign_externalMuOfWrongLength_throwsValidation() {
        assertUnmodeledErrorCode("ValidationException",
                () -> sign(KeySpec.ML_DSA_44, MessageType.EXTERNAL_MU, randomBytes(32)));
    }

    @Test
    void verify_externalMuOfWrongLength_throwsValidation() {
        byte[] signature = signature(KeySpec.ML_DSA_44, MessageType.RAW, MESSAGE);

        assertUnmodeledErrorCode("ValidationException",
                () -> verify(KeySpec.ML_DSA_44, MessageType.EXTERNAL_MU, MESSAGE, signature));
    }

    @ParameterizedTest
    @EnumSource(value = SigningAlgorithmSpec.class, names = {"ECDSA_SHA_256", "RSASSA_PSS_SHA_256", "ED25519_SHA_512"})
    void sign_algorithmNotOfMlDsa_throwsInvalidKeyUsage(SigningAlgorithmSpec algorithm) {
        KeyMetadata key = key(KeySpec.ML_DSA_65);

        assertKmsError(InvalidKeyUsageException.class,
                "Algorithm " + algorithm + " is incompatible with key spec ML_DSA_65.",
                () -> kms.sign(b -> b.keyId(key.keyId()).signingAlgorithm(algorithm).messageType(MessageType.RAW)
                        .message(sdk(MESSAGE))));
    }

    /** The test's own mu formula agrees with BouncyCastle's (which needs a private key, so a local key pair). */
    @Test
    void externalMuFormula_matchesBouncyCastleCalculateMu() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("ML-DSA", Bc.PROVIDER);
        generator.initialize(MLDSAParameterSpec.ml_dsa_65);
        KeyPair pair = generator.generateKeyPair();
        Signature calculateMu = Signature.getInstance("ML-DSA-CALCULATE-MU", Bc.PROVIDER);
        calculateMu.initSign(pair.getPrivate());
        calculateMu.update(MESSAGE);

        byte[] expected = calculateMu.sign();
        byte[] encodedPublicKey = Bc.publicKeyBits(Bc.spki(pair.getPublic().getEncoded()));

        assertArrayEquals(expected, Bc.mlDsaExternalMu(encodedPublicKey, MESSAGE));
    }
}
