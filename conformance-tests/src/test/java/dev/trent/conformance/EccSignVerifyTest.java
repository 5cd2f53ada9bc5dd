package dev.trent.conformance;

import static dev.trent.conformance.KmsErrors.NO_MESSAGE;
import static dev.trent.conformance.KmsErrors.assertKmsError;
import static dev.trent.conformance.KmsErrors.assertUnmodeledError;
import static dev.trent.conformance.KmsErrors.assertUnmodeledErrorCode;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.KeyFactory;
import java.security.Provider;
import java.security.interfaces.ECPublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.util.List;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import software.amazon.awssdk.services.kms.model.CustomerMasterKeySpec;
import software.amazon.awssdk.services.kms.model.GetPublicKeyResponse;
import software.amazon.awssdk.services.kms.model.InvalidKeyUsageException;
import software.amazon.awssdk.services.kms.model.KeyAgreementAlgorithmSpec;
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
 * ECDSA keys on P-256, P-384, P-521 and secp256k1 (and the NIST curves' KEY_AGREEMENT keys as far as Sign and
 * Verify are concerned), checked through Trent and independently: the JDK for the NIST curves, BouncyCastle for
 * secp256k1, which JDK 17 no longer implements. (The SDK names the secp256k1 constant ECC_SECG_P256_K1; its wire
 * value, used in messages, is ECC_SECG_P256K1.)
 */
class EccSignVerifyTest extends TrentTestBase {

    private static final byte[] MESSAGE = "test message !%$@ 1234567890".getBytes(StandardCharsets.UTF_8);
    private static final String KEY_USAGE_REQUIRED =
            "You must specify a KeyUsage value for all KMS keys except for symmetric encryption keys.";

    private static final List<KeySpec> SIGNING_SPECS = List.of(KeySpec.ECC_NIST_P256, KeySpec.ECC_NIST_P384,
            KeySpec.ECC_NIST_P521, KeySpec.ECC_SECG_P256_K1);
    private static final List<KeySpec> AGREEMENT_SPECS = List.of(KeySpec.ECC_NIST_P256, KeySpec.ECC_NIST_P384,
            KeySpec.ECC_NIST_P521);

    private SetupKeys keys;

    @BeforeAll
    void createEccKeys() {
        keys = new SetupKeys(kms);
        SIGNING_SPECS.forEach(spec -> keys.create(spec, KeyUsageType.SIGN_VERIFY));
        AGREEMENT_SPECS.forEach(spec -> keys.create(spec, KeyUsageType.KEY_AGREEMENT));
    }

    private KeyMetadata signingKey(KeySpec spec) {
        return keys.get(spec, KeyUsageType.SIGN_VERIFY);
    }

    private KeyMetadata agreementKey(KeySpec spec) {
        return keys.get(spec, KeyUsageType.KEY_AGREEMENT);
    }

    private static boolean isSecp256k1(KeySpec spec) {
        return spec == KeySpec.ECC_SECG_P256_K1;
    }

    /** The JDK parses and verifies NIST-curve keys; BouncyCastle handles secp256k1. */
    private static Provider independentProvider(KeySpec spec) {
        return isSecp256k1(spec) ? Bc.PROVIDER : null;
    }

    private static ECPublicKey parse(KeySpec spec, byte[] spki) throws Exception {
        return (ECPublicKey) (isSecp256k1(spec) ? Bc.publicKey("EC", spki)
                : KeyFactory.getInstance("EC").generatePublic(new X509EncodedKeySpec(spki)));
    }

    private ECPublicKey publicKey(KeySpec spec) throws Exception {
        return parse(spec, kms.getPublicKey(b -> b.keyId(signingKey(spec).keyId())).publicKey().asByteArray());
    }

    private boolean independentlyVerifies(KeySpec spec, byte[] message, byte[] signature) throws Exception {
        return Bc.verify(Bc.ecdsaJcaName(Bc.ecdsaAlgorithm(spec)), independentProvider(spec), publicKey(spec),
                message, signature);
    }

    private SignResponse sign(KeySpec spec, MessageType type, byte[] message) {
        return kms.sign(b -> b.keyId(signingKey(spec).keyId()).signingAlgorithm(Bc.ecdsaAlgorithm(spec))
                .messageType(type).message(sdk(message)));
    }

    private byte[] signature(KeySpec spec, MessageType type, byte[] message) {
        return sign(spec, type, message).signature().asByteArray();
    }

    private VerifyResponse verify(KeySpec spec, MessageType type, byte[] message, byte[] signature) {
        return kms.verify(b -> b.keyId(signingKey(spec).keyId()).signingAlgorithm(Bc.ecdsaAlgorithm(spec))
                .messageType(type).message(sdk(message)).signature(sdk(signature)));
    }

    @ParameterizedTest
    @EnumSource(value = KeySpec.class, names = {"ECC_NIST_P256", "ECC_NIST_P384", "ECC_NIST_P521", "ECC_SECG_P256_K1"})
    void createKey_eccSignVerify_listsTheOneEcdsaAlgorithmOfTheCurve(KeySpec spec) {
        KeyMetadata key = signingKey(spec);

        assertEquals(spec, key.keySpec());
        assertEquals(CustomerMasterKeySpec.fromValue(spec.toString()), key.customerMasterKeySpec());
        assertEquals(KeyUsageType.SIGN_VERIFY, key.keyUsage());
        assertEquals(List.of(Bc.ecdsaAlgorithm(spec)), key.signingAlgorithms());
        assertFalse(key.hasEncryptionAlgorithms(), "no EncryptionAlgorithms on a SIGN_VERIFY key");
        assertFalse(key.hasKeyAgreementAlgorithms(), "no KeyAgreementAlgorithms on a SIGN_VERIFY key");
        assertFalse(key.hasMacAlgorithms(), "no MacAlgorithms on a SIGN_VERIFY key");
        assertEquals(KeyState.ENABLED, key.keyState());
        assertNull(key.currentKeyMaterialId(), "CurrentKeyMaterialId is for symmetric keys only");
        assertEquals(key, kms.describeKey(b -> b.keyId(key.keyId())).keyMetadata());
    }

    @ParameterizedTest
    @EnumSource(value = KeySpec.class, names = {"ECC_NIST_P256", "ECC_NIST_P384", "ECC_NIST_P521"})
    void createKey_nistCurveKeyAgreement_listsEcdhAndNoSigningAlgorithms(KeySpec spec) {
        KeyMetadata key = agreementKey(spec);

        assertEquals(spec, key.keySpec());
        assertEquals(CustomerMasterKeySpec.fromValue(spec.toString()), key.customerMasterKeySpec());
        assertEquals(KeyUsageType.KEY_AGREEMENT, key.keyUsage());
        assertEquals(List.of(KeyAgreementAlgorithmSpec.ECDH), key.keyAgreementAlgorithms());
        assertFalse(key.hasSigningAlgorithms(), "no SigningAlgorithms on a KEY_AGREEMENT key");
        assertFalse(key.hasEncryptionAlgorithms(), "no EncryptionAlgorithms on a KEY_AGREEMENT key");
        assertEquals(key, kms.describeKey(b -> b.keyId(key.keyId())).keyMetadata());
    }

    @ParameterizedTest
    @EnumSource(value = KeySpec.class, names = {"ECC_NIST_P256", "ECC_NIST_P521", "ECC_SECG_P256_K1"})
    void createKey_eccWithoutKeyUsage_throwsValidation(KeySpec spec) {
        assertUnmodeledError("ValidationException", KEY_USAGE_REQUIRED, () -> kms.createKey(b -> b.keySpec(spec)));
    }

    @Test
    void createKey_eccWithDeprecatedSpecAndNoKeyUsage_throwsValidation() {
        assertUnmodeledError("ValidationException", KEY_USAGE_REQUIRED,
                () -> kms.createKey(b -> b.customerMasterKeySpec(CustomerMasterKeySpec.ECC_NIST_P384)));
    }

    @Test
    void createKey_secp256k1WithKeyAgreementUsage_throwsValidation() {
        assertUnmodeledError("ValidationException",
                "KeyUsage KEY_AGREEMENT is not compatible with KeySpec ECC_SECG_P256K1",
                () -> kms.createKey(b -> b.keySpec(KeySpec.ECC_SECG_P256_K1).keyUsage(KeyUsageType.KEY_AGREEMENT)));
    }

    @ParameterizedTest
    @EnumSource(value = KeySpec.class, names = {"ECC_NIST_P256", "ECC_SECG_P256_K1"})
    void createKey_eccWithEncryptDecryptUsage_throwsValidation(KeySpec spec) {
        assertUnmodeledError("ValidationException", "KeyUsage ENCRYPT_DECRYPT is not compatible with KeySpec " + spec,
                () -> kms.createKey(b -> b.keySpec(spec).keyUsage(KeyUsageType.ENCRYPT_DECRYPT)));
    }

    @Test
    void createKey_withDeprecatedEccSpec_setsBothSpecFields() {
        KeyMetadata key = kms.createKey(b -> b.customerMasterKeySpec(CustomerMasterKeySpec.ECC_SECG_P256_K1)
                .keyUsage(KeyUsageType.SIGN_VERIFY)).keyMetadata();

        assertEquals(KeySpec.ECC_SECG_P256_K1, key.keySpec());
        assertEquals(CustomerMasterKeySpec.ECC_SECG_P256_K1, key.customerMasterKeySpec());
        assertEquals(List.of(SigningAlgorithmSpec.ECDSA_SHA_256), key.signingAlgorithms());
    }

    @ParameterizedTest
    @EnumSource(value = KeySpec.class, names = {"ECC_NIST_P256", "ECC_NIST_P384", "ECC_NIST_P521", "ECC_SECG_P256_K1"})
    void getPublicKey_signingKey_returnsNamedCurveSpkiWithTheKeyProperties(KeySpec spec) throws Exception {
        KeyMetadata key = signingKey(spec);

        GetPublicKeyResponse response = kms.getPublicKey(b -> b.keyId(key.keyId()));
        byte[] der = response.publicKey().asByteArray();
        SubjectPublicKeyInfo info = Bc.spki(der);
        ECPublicKey parsed = parse(spec, der);

        assertEquals(key.arn(), response.keyId());
        assertEquals(spec, response.keySpec());
        assertEquals(CustomerMasterKeySpec.fromValue(spec.toString()), response.customerMasterKeySpec());
        assertEquals(KeyUsageType.SIGN_VERIFY, response.keyUsage());
        assertEquals(List.of(Bc.ecdsaAlgorithm(spec)), response.signingAlgorithms());
        assertFalse(response.hasEncryptionAlgorithms(), "no EncryptionAlgorithms for a SIGN_VERIFY key");
        assertFalse(response.hasKeyAgreementAlgorithms(), "no KeyAgreementAlgorithms for a SIGN_VERIFY key");
        assertTrue(Bc.isDer(der), "SubjectPublicKeyInfo is not DER");
        assertEquals(Bc.EC_PUBLIC_KEY_OID, Bc.algorithmOid(info), "algorithm of the SubjectPublicKeyInfo");
        assertEquals(Bc.curveOid(spec), Bc.parameterOid(info), "namedCurve parameter (RFC 5480)");
        int coordinateBytes = (Bc.curveBits(spec) + 7) / 8;
        byte[] point = Bc.publicKeyBits(info);
        assertEquals(1 + 2 * coordinateBytes, point.length, "uncompressed EC point length");
        assertEquals(0x04, point[0], "uncompressed EC point marker");
        assertEquals(Bc.curveBits(spec), parsed.getParams().getCurve().getField().getFieldSize());
        assertTrue(Bc.isOnCurve(parsed), "the public point is not on " + spec);
    }

    @ParameterizedTest
    @EnumSource(value = KeySpec.class, names = {"ECC_NIST_P256", "ECC_NIST_P384", "ECC_NIST_P521"})
    void getPublicKey_keyAgreementKey_listsEcdhOnly(KeySpec spec) throws Exception {
        KeyMetadata key = agreementKey(spec);

        GetPublicKeyResponse response = kms.getPublicKey(b -> b.keyId(key.arn()));
        ECPublicKey parsed = parse(spec, response.publicKey().asByteArray());

        assertEquals(key.arn(), response.keyId());
        assertEquals(spec, response.keySpec());
        assertEquals(KeyUsageType.KEY_AGREEMENT, response.keyUsage());
        assertEquals(List.of(KeyAgreementAlgorithmSpec.ECDH), response.keyAgreementAlgorithms());
        assertFalse(response.hasSigningAlgorithms(), "no SigningAlgorithms for a KEY_AGREEMENT key");
        assertFalse(response.hasEncryptionAlgorithms(), "no EncryptionAlgorithms for a KEY_AGREEMENT key");
        assertEquals(Bc.curveOid(spec), Bc.parameterOid(Bc.spki(response.publicKey().asByteArray())));
        assertTrue(Bc.isOnCurve(parsed), "the public point is not on " + spec);
    }

    @ParameterizedTest
    @EnumSource(value = KeySpec.class, names = {"ECC_NIST_P256", "ECC_NIST_P384", "ECC_NIST_P521", "ECC_SECG_P256_K1"})
    void sign_rawMessage_returnsDerSignatureThatVerifiesIndependently(KeySpec spec) throws Exception {
        SignResponse signed = sign(spec, MessageType.RAW, MESSAGE);
        byte[] signature = signed.signature().asByteArray();

        assertEquals(signingKey(spec).arn(), signed.keyId());
        assertEquals(Bc.ecdsaAlgorithm(spec), signed.signingAlgorithm());
        assertTrue(Bc.isDer(signature), "ECDSA signature is not DER (RFC 3279 ECDSA-Sig-Value)");
        BigInteger order = publicKey(spec).getParams().getOrder();
        for (BigInteger value : Bc.ecdsaRs(signature)) {
            assertTrue(value.signum() > 0 && value.compareTo(order) < 0, "r and s lie in [1, n-1]");
        }
        assertTrue(independentlyVerifies(spec, MESSAGE, signature), "independent verifier rejects " + spec);
    }

    @ParameterizedTest
    @EnumSource(value = KeySpec.class, names = {"ECC_NIST_P256", "ECC_NIST_P384", "ECC_NIST_P521", "ECC_SECG_P256_K1"})
    void sign_digest_verifiesIndependentlyOverTheOriginalMessage(KeySpec spec) throws Exception {
        byte[] digest = Jca.digest(Bc.ecdsaAlgorithm(spec), MESSAGE);

        SignResponse signed = sign(spec, MessageType.DIGEST, digest);

        assertEquals(Bc.ecdsaAlgorithm(spec), signed.signingAlgorithm());
        assertTrue(Bc.isDer(signed.signature().asByteArray()), "ECDSA signature is not DER");
        assertTrue(independentlyVerifies(spec, MESSAGE, signed.signature().asByteArray()),
                "independent verifier rejects the " + spec + " signature over a digest");
    }

    @Test
    void sign_withoutMessageType_treatsTheMessageAsRaw() throws Exception {
        KeySpec spec = KeySpec.ECC_NIST_P384;

        SignResponse signed = kms.sign(b -> b.keyId(signingKey(spec).keyId())
                .signingAlgorithm(SigningAlgorithmSpec.ECDSA_SHA_384).message(sdk(MESSAGE)));

        assertTrue(independentlyVerifies(spec, MESSAGE, signed.signature().asByteArray()));
    }

    @Test
    void sign_rawMessageOf4096Bytes_verifiesIndependently() throws Exception {
        byte[] largest = randomBytes(4096);

        byte[] signature = signature(KeySpec.ECC_NIST_P256, MessageType.RAW, largest);

        assertTrue(independentlyVerifies(KeySpec.ECC_NIST_P256, largest, signature));
    }

    @Test
    void sign_withAlias_signsWithTheTargetKey() throws Exception {
        KeySpec spec = KeySpec.ECC_SECG_P256_K1;
        String alias = uniqueAlias("ecc");
        kms.createAlias(b -> b.aliasName(alias).targetKeyId(signingKey(spec).keyId()));

        SignResponse signed = kms.sign(b -> b.keyId(alias).signingAlgorithm(SigningAlgorithmSpec.ECDSA_SHA_256)
                .message(sdk(MESSAGE)));

        assertEquals(signingKey(spec).arn(), signed.keyId());
        assertTrue(independentlyVerifies(spec, MESSAGE, signed.signature().asByteArray()));
    }

    @ParameterizedTest
    @EnumSource(value = KeySpec.class, names = {"ECC_NIST_P256", "ECC_NIST_P384", "ECC_NIST_P521", "ECC_SECG_P256_K1"})
    void verify_ownRawSignature_returnsValid(KeySpec spec) {
        byte[] signature = signature(spec, MessageType.RAW, MESSAGE);

        VerifyResponse verified = verify(spec, MessageType.RAW, MESSAGE, signature);

        assertEquals(Boolean.TRUE, verified.signatureValid());
        assertEquals(signingKey(spec).arn(), verified.keyId());
        assertEquals(Bc.ecdsaAlgorithm(spec), verified.signingAlgorithm());
    }

    @ParameterizedTest
    @EnumSource(value = KeySpec.class, names = {"ECC_NIST_P256", "ECC_NIST_P384", "ECC_NIST_P521", "ECC_SECG_P256_K1"})
    void verify_digestOfSignedRawMessage_returnsValid(KeySpec spec) throws Exception {
        byte[] signature = signature(spec, MessageType.RAW, MESSAGE);
        byte[] digest = Jca.digest(Bc.ecdsaAlgorithm(spec), MESSAGE);

        VerifyResponse verified = verify(spec, MessageType.DIGEST, digest, signature);

        assertEquals(Boolean.TRUE, verified.signatureValid());
    }

    @Test
    void verify_rawMessageOfSignedDigest_returnsValid() throws Exception {
        KeySpec spec = KeySpec.ECC_NIST_P521;
        byte[] signature = signature(spec, MessageType.DIGEST, Jca.digest(SigningAlgorithmSpec.ECDSA_SHA_512, MESSAGE));

        VerifyResponse verified = verify(spec, MessageType.RAW, MESSAGE, signature);

        assertEquals(Boolean.TRUE, verified.signatureValid());
    }

    @ParameterizedTest
    @EnumSource(value = KeySpec.class, names = {"ECC_NIST_P256", "ECC_NIST_P384", "ECC_NIST_P521", "ECC_SECG_P256_K1"})
    void verify_signatureOfAnotherMessage_throwsInvalidSignatureWithoutMessage(KeySpec spec) {
        byte[] badSignature = signature(spec, MessageType.RAW, "bad".getBytes(StandardCharsets.UTF_8));

        assertKmsError(KmsInvalidSignatureException.class, NO_MESSAGE,
                () -> verify(spec, MessageType.RAW, MESSAGE, badSignature));
    }

    @Test
    void verify_otherMessageThanSigned_throwsInvalidSignature() {
        KeySpec spec = KeySpec.ECC_NIST_P384;
        byte[] signature = signature(spec, MessageType.RAW, MESSAGE);

        assertKmsError(KmsInvalidSignatureException.class, NO_MESSAGE,
                () -> verify(spec, MessageType.RAW, "bad message 321".getBytes(StandardCharsets.UTF_8), signature));
    }

    @Test
    void verify_tamperedSignature_throwsInvalidSignature() {
        KeySpec spec = KeySpec.ECC_NIST_P256;
        byte[] signature = signature(spec, MessageType.RAW, MESSAGE);
        signature[signature.length - 1] ^= 0x01;

        assertKmsError(KmsInvalidSignatureException.class, NO_MESSAGE,
                () -> verify(spec, MessageType.RAW, MESSAGE, signature));
    }

    @Test
    void verify_p1363SignatureInsteadOfDer_throwsInvalidSignature() throws Exception {
        KeySpec spec = KeySpec.ECC_NIST_P256;
        byte[] p1363 = Bc.ecdsaP1363(signature(spec, MessageType.RAW, MESSAGE), Bc.curveBits(spec));

        assertKmsError(KmsInvalidSignatureException.class, NO_MESSAGE,
                () -> verify(spec, MessageType.RAW, MESSAGE, p1363));
    }

    @Test
    void verify_garbageThatIsNotDer_throwsInvalidSignature() {
        assertKmsError(KmsInvalidSignatureException.class, NO_MESSAGE,
                () -> verify(KeySpec.ECC_NIST_P256, MessageType.RAW, MESSAGE,
                        "random text".getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void verify_signatureOfTheSecp256k1KeyWithTheP256Key_throwsInvalidSignature() {
        byte[] otherCurve = signature(KeySpec.ECC_SECG_P256_K1, MessageType.RAW, MESSAGE);

        assertKmsError(KmsInvalidSignatureException.class, NO_MESSAGE,
                () -> verify(KeySpec.ECC_NIST_P256, MessageType.RAW, MESSAGE, otherCurve));
    }

    @ParameterizedTest
    @EnumSource(value = KeySpec.class, names = {"ECC_NIST_P256", "ECC_NIST_P384", "ECC_NIST_P521", "ECC_SECG_P256_K1"})
    void sign_digestOfWrongLength_throwsValidation(KeySpec spec) {
        assertUnmodeledError("ValidationException",
                "Digest is invalid length for algorithm " + Bc.ecdsaAlgorithm(spec) + ".",
                () -> sign(spec, MessageType.DIGEST, MESSAGE));
    }

    @Test
    void sign_sha256DigestWithEcdsaSha384_throwsValidation() throws Exception {
        byte[] sha256 = Jca.digest(SigningAlgorithmSpec.ECDSA_SHA_256, MESSAGE);

        assertUnmodeledError("ValidationException", "Digest is invalid length for algorithm ECDSA_SHA_384.",
                () -> sign(KeySpec.ECC_NIST_P384, MessageType.DIGEST, sha256));
    }

    @Test
    void verify_digestOfWrongLength_throwsValidation() {
        KeySpec spec = KeySpec.ECC_NIST_P256;
        byte[] signature = signature(spec, MessageType.RAW, MESSAGE);

        assertUnmodeledErrorCode("ValidationException", () -> verify(spec, MessageType.DIGEST,
                "bad message 321".getBytes(StandardCharsets.UTF_8), signature));
    }

    @Test
    void sign_externalMuWithEcdsa_throwsValidation() {
        assertUnmodeledErrorCode("ValidationException",
                () -> sign(KeySpec.ECC_NIST_P521, MessageType.EXTERNAL_MU, randomBytes(64)));
    }

    @ParameterizedTest
    @CsvSource({
        "ECC_NIST_P256, ECDSA_SHA_384",
        "ECC_NIST_P256, ECDSA_SHA_512",
        "ECC_NIST_P384, ECDSA_SHA_256",
        "ECC_NIST_P521, ECDSA_SHA_384",
        "ECC_SECG_P256_K1, ECDSA_SHA_512",
        "ECC_NIST_P256, RSASSA_PSS_SHA_256",
        "ECC_NIST_P384, RSASSA_PKCS1_V1_5_SHA_384",
        "ECC_NIST_P256, ED25519_SHA_512",
        "ECC_SECG_P256_K1, ML_DSA_SHAKE_256"
    })
    void sign_algorithmNotOfTheKeySpec_throwsInvalidKeyUsage(KeySpec spec, SigningAlgorithmSpec algorithm) {
        KeyMetadata key = signingKey(spec);

        assertKmsError(InvalidKeyUsageException.class,
                "Algorithm " + algorithm + " is incompatible with key spec " + spec + ".",
                () -> kms.sign(b -> b.keyId(key.keyId()).signingAlgorithm(algorithm).messageType(MessageType.RAW)
                        .message(sdk(MESSAGE))));
    }

    @Test
    void verify_algorithmNotOfTheKeySpec_throwsInvalidKeyUsage() {
        KeyMetadata key = signingKey(KeySpec.ECC_NIST_P256);
        byte[] signature = signature(KeySpec.ECC_NIST_P256, MessageType.RAW, MESSAGE);

        assertKmsError(InvalidKeyUsageException.class,
                "Algorithm ECDSA_SHA_384 is incompatible with key spec ECC_NIST_P256.",
                () -> kms.verify(b -> b.keyId(key.keyId()).signingAlgorithm(SigningAlgorithmSpec.ECDSA_SHA_384)
                        .messageType(MessageType.RAW).message(sdk(MESSAGE)).signature(sdk(signature))));
    }

    @Test
    void sign_withKeyAgreementKey_throwsInvalidKeyUsage() {
        KeyMetadata key = agreementKey(KeySpec.ECC_NIST_P256);

        assertKmsError(InvalidKeyUsageException.class,
                key.arn() + " key usage is KEY_AGREEMENT which is not valid for Sign.",
                () -> kms.sign(b -> b.keyId(key.keyId()).signingAlgorithm(SigningAlgorithmSpec.ECDSA_SHA_256)
                        .messageType(MessageType.RAW).message(sdk(MESSAGE))));
    }

    @Test
    void verify_withKeyAgreementKey_throwsInvalidKeyUsage() {
        KeyMetadata key = agreementKey(KeySpec.ECC_NIST_P384);
        byte[] signature = signature(KeySpec.ECC_NIST_P384, MessageType.RAW, MESSAGE);

        assertKmsError(InvalidKeyUsageException.class,
                key.arn() + " key usage is KEY_AGREEMENT which is not valid for Verify.",
                () -> kms.verify(b -> b.keyId(key.keyId()).signingAlgorithm(SigningAlgorithmSpec.ECDSA_SHA_384)
                        .messageType(MessageType.RAW).message(sdk(MESSAGE)).signature(sdk(signature))));
    }
}
