package dev.trent.conformance;

import static dev.trent.conformance.KmsErrors.NO_MESSAGE;
import static dev.trent.conformance.KmsErrors.assertKmsError;
import static dev.trent.conformance.KmsErrors.assertKmsErrorType;
import static dev.trent.conformance.KmsErrors.assertUnmodeledErrorCode;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.math.BigInteger;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.Provider;
import java.security.PublicKey;
import java.security.Signature;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.DERNull;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.asn1.x9.ECNamedCurveTable;
import org.bouncycastle.asn1.x9.X9ECParameters;
import org.bouncycastle.crypto.params.Ed25519PrivateKeyParameters;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.bouncycastle.math.ec.ECPoint;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.kms.model.DataKeyPairSpec;
import software.amazon.awssdk.services.kms.model.DecryptResponse;
import software.amazon.awssdk.services.kms.model.DisabledException;
import software.amazon.awssdk.services.kms.model.DryRunOperationException;
import software.amazon.awssdk.services.kms.model.EncryptionAlgorithmSpec;
import software.amazon.awssdk.services.kms.model.GenerateDataKeyPairResponse;
import software.amazon.awssdk.services.kms.model.GenerateDataKeyPairWithoutPlaintextResponse;
import software.amazon.awssdk.services.kms.model.InvalidCiphertextException;
import software.amazon.awssdk.services.kms.model.InvalidKeyUsageException;
import software.amazon.awssdk.services.kms.model.KeyMetadata;
import software.amazon.awssdk.services.kms.model.KeySpec;
import software.amazon.awssdk.services.kms.model.KeyUsageType;
import software.amazon.awssdk.services.kms.model.KmsException;
import software.amazon.awssdk.services.kms.model.KmsInvalidStateException;
import software.amazon.awssdk.services.kms.model.NotFoundException;

/**
 * GenerateDataKeyPair and GenerateDataKeyPairWithoutPlaintext for every key pair spec outside China: the public key
 * must be a DER SubjectPublicKeyInfo (RFC 5280 with RFC 3279 / RFC 5480 / RFC 8410 algorithm identifiers), the
 * private key a DER PKCS#8 PrivateKeyInfo (RFC 5958), both parsed by a KeyFactory, the two halves must belong
 * together (an independent signature verifies, and the public key is recomputed from the private key), and the
 * private key ciphertext must be an ordinary symmetric ciphertext that Decrypt opens. The JDK parses and signs
 * wherever it can; BouncyCastle (passed by instance, never registered) handles secp256k1, which JDK 17 dropped.
 */
class DataKeyPairTest extends TrentTestBase {

    private static final String DRY_RUN = "The request would have succeeded, but the DryRun option is set.";
    private static final Provider BOUNCY_CASTLE = new BouncyCastleProvider();

    private static final String RSA_ENCRYPTION_OID = "1.2.840.113549.1.1.1";
    private static final String EC_PUBLIC_KEY_OID = "1.2.840.10045.2.1";
    private static final String ED25519_OID = "1.3.101.112";

    private static final byte[] MESSAGE = "data key pair message".getBytes(StandardCharsets.UTF_8);

    /** The key pair specs of the KMS model but SM2 (tested on its own below); the SDK spells secp256k1 P256_K1. */
    private static final List<DataKeyPairSpec> SPECS = List.of(DataKeyPairSpec.RSA_2048, DataKeyPairSpec.RSA_3072,
            DataKeyPairSpec.RSA_4096, DataKeyPairSpec.ECC_NIST_P256, DataKeyPairSpec.ECC_NIST_P384,
            DataKeyPairSpec.ECC_NIST_P521, DataKeyPairSpec.ECC_SECG_P256_K1, DataKeyPairSpec.ECC_NIST_EDWARDS25519);

    private KeyMetadata key;

    static List<DataKeyPairSpec> keyPairSpecs() {
        return SPECS;
    }

    @BeforeAll
    void createKey() {
        key = newSymmetricKey();
    }

    private GenerateDataKeyPairResponse generate(DataKeyPairSpec spec) {
        return kms.generateDataKeyPair(b -> b.keyId(key.keyId()).keyPairSpec(spec));
    }

    private GenerateDataKeyPairWithoutPlaintextResponse generateWithoutPlaintext(DataKeyPairSpec spec) {
        return kms.generateDataKeyPairWithoutPlaintext(b -> b.keyId(key.keyId()).keyPairSpec(spec));
    }

    private byte[] decrypt(SdkBytes ciphertext) {
        return kms.decrypt(b -> b.ciphertextBlob(ciphertext)).plaintext().asByteArray();
    }

    private static boolean isRsa(DataKeyPairSpec spec) {
        return spec.toString().startsWith("RSA_");
    }

    private static boolean isEd25519(DataKeyPairSpec spec) {
        return spec == DataKeyPairSpec.ECC_NIST_EDWARDS25519;
    }

    private static int rsaBits(DataKeyPairSpec spec) {
        return Integer.parseInt(spec.toString().substring("RSA_".length()));
    }

    /** The namedCurve OID (RFC 5480) of an ECDSA key pair spec. */
    private static String curveOid(DataKeyPairSpec spec) {
        return switch (spec) {
            case ECC_NIST_P256 -> "1.2.840.10045.3.1.7";
            case ECC_NIST_P384 -> "1.3.132.0.34";
            case ECC_NIST_P521 -> "1.3.132.0.35";
            case ECC_SECG_P256_K1 -> "1.3.132.0.10";
            default -> throw new IllegalArgumentException("not an ECDSA key pair spec: " + spec);
        };
    }

    private static int coordinateLength(DataKeyPairSpec spec) {
        return spec == DataKeyPairSpec.ECC_NIST_P384 ? 48 : spec == DataKeyPairSpec.ECC_NIST_P521 ? 66 : 32;
    }

    private static String keyAlgorithm(DataKeyPairSpec spec) {
        return isRsa(spec) ? "RSA" : isEd25519(spec) ? "Ed25519" : "EC";
    }

    /** A signature algorithm a user of the spec would pick. */
    private static String signatureAlgorithm(DataKeyPairSpec spec) {
        return switch (spec) {
            case RSA_2048, RSA_3072, RSA_4096 -> "SHA256withRSA";
            case ECC_NIST_P256, ECC_SECG_P256_K1 -> "SHA256withECDSA";
            case ECC_NIST_P384 -> "SHA384withECDSA";
            case ECC_NIST_P521 -> "SHA512withECDSA";
            case ECC_NIST_EDWARDS25519 -> "Ed25519";
            default -> throw new IllegalArgumentException("no signature algorithm for " + spec);
        };
    }

    /** The JDK for everything it implements; BouncyCastle for secp256k1. */
    private static Provider provider(DataKeyPairSpec spec) {
        return spec == DataKeyPairSpec.ECC_SECG_P256_K1 ? BOUNCY_CASTLE : null;
    }

    private static KeyFactory keyFactory(DataKeyPairSpec spec) throws GeneralSecurityException {
        Provider provider = provider(spec);
        return provider == null ? KeyFactory.getInstance(keyAlgorithm(spec))
                : KeyFactory.getInstance(keyAlgorithm(spec), provider);
    }

    private static Signature signature(DataKeyPairSpec spec) throws GeneralSecurityException {
        Provider provider = provider(spec);
        return provider == null ? Signature.getInstance(signatureAlgorithm(spec))
                : Signature.getInstance(signatureAlgorithm(spec), provider);
    }

    private static PublicKey parsePublic(DataKeyPairSpec spec, byte[] spki) throws GeneralSecurityException {
        return keyFactory(spec).generatePublic(new X509EncodedKeySpec(spki));
    }

    private static PrivateKey parsePrivate(DataKeyPairSpec spec, byte[] pkcs8) throws GeneralSecurityException {
        return keyFactory(spec).generatePrivate(new PKCS8EncodedKeySpec(pkcs8));
    }

    /** True if {@code encoding} is exactly one ASN.1 value in distinguished encoding. */
    private static boolean isDer(byte[] encoding) {
        try {
            return Arrays.equals(encoding, ASN1Primitive.fromByteArray(encoding).getEncoded(ASN1Encoding.DER));
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    /** The algorithm identifier every spec must carry, in the public and in the private key. */
    private static void assertAlgorithmIdentifier(DataKeyPairSpec spec, AlgorithmIdentifier identifier, String where) {
        String oid = identifier.getAlgorithm().getId();
        ASN1Encodable parameters = identifier.getParameters();
        if (isRsa(spec)) {
            assertEquals(RSA_ENCRYPTION_OID, oid, where + ": rsaEncryption");
            assertEquals(DERNull.INSTANCE, parameters, where + ": rsaEncryption parameters are NULL (RFC 3279)");
        } else if (isEd25519(spec)) {
            assertEquals(ED25519_OID, oid, where + ": id-Ed25519");
            assertNull(parameters, where + ": id-Ed25519 has absent parameters (RFC 8410)");
        } else {
            assertEquals(EC_PUBLIC_KEY_OID, oid, where + ": id-ecPublicKey");
            assertTrue(parameters instanceof ASN1ObjectIdentifier, where + ": namedCurve parameters (RFC 5480)");
            assertEquals(curveOid(spec), ((ASN1ObjectIdentifier) parameters).getId(), where + ": namedCurve");
        }
    }

    private static boolean signatureVerifies(DataKeyPairSpec spec, byte[] privateKey, byte[] publicKey)
            throws GeneralSecurityException {
        Signature signer = signature(spec);
        signer.initSign(parsePrivate(spec, privateKey));
        signer.update(MESSAGE);
        byte[] signed = signer.sign();

        Signature verifier = signature(spec);
        verifier.initVerify(parsePublic(spec, publicKey));
        verifier.update(MESSAGE);
        return verifier.verify(signed);
    }

    /** Recomputes the public key from the private key alone and compares it with the returned one. */
    private static void assertPublicKeyBelongsToPrivateKey(DataKeyPairSpec spec, byte[] privateKey, byte[] publicKey)
            throws Exception {
        if (isRsa(spec)) {
            RSAPrivateCrtKey priv = (RSAPrivateCrtKey) parsePrivate(spec, privateKey);
            RSAPublicKey pub = (RSAPublicKey) parsePublic(spec, publicKey);
            assertEquals(priv.getPrimeP().multiply(priv.getPrimeQ()), priv.getModulus(), "n = p * q");
            assertEquals(pub.getModulus(), priv.getModulus(), "modulus of the two halves");
            assertEquals(pub.getPublicExponent(), priv.getPublicExponent(), "public exponent of the two halves");
        } else if (isEd25519(spec)) {
            byte[] seed = ASN1OctetString.getInstance(PrivateKeyInfo.getInstance(privateKey).parsePrivateKey())
                    .getOctets();
            assertEquals(32, seed.length, "Ed25519 private key length (RFC 8410 CurvePrivateKey)");
            byte[] derived = new Ed25519PrivateKeyParameters(seed, 0).generatePublicKey().getEncoded();
            assertArrayEquals(derived, SubjectPublicKeyInfo.getInstance(publicKey).getPublicKeyData().getOctets(),
                    "Ed25519 public key derived from the private key");
        } else {
            BigInteger d = ((ECPrivateKey) parsePrivate(spec, privateKey)).getS();
            ECPublicKey pub = (ECPublicKey) parsePublic(spec, publicKey);
            X9ECParameters curve = ECNamedCurveTable.getByOID(new ASN1ObjectIdentifier(curveOid(spec)));
            assertTrue(d.signum() > 0 && d.compareTo(curve.getN()) < 0, "private scalar lies in [1, n-1]");
            ECPoint derived = curve.getG().multiply(d).normalize();
            assertEquals(derived.getAffineXCoord().toBigInteger(), pub.getW().getAffineX(), "x of d*G");
            assertEquals(derived.getAffineYCoord().toBigInteger(), pub.getW().getAffineY(), "y of d*G");
        }
    }

    @ParameterizedTest
    @MethodSource("keyPairSpecs")
    void generateDataKeyPair_returnsKeyArnSpecMaterialIdAndAllThreeKeys(DataKeyPairSpec spec) {
        GenerateDataKeyPairResponse pair = generate(spec);

        assertEquals(key.arn(), pair.keyId());
        assertEquals(spec, pair.keyPairSpec());
        assertEquals(key.currentKeyMaterialId(), pair.keyMaterialId());
        assertNotNull(pair.publicKey(), "PublicKey");
        assertNotNull(pair.privateKeyPlaintext(), "PrivateKeyPlaintext");
        assertNotNull(pair.privateKeyCiphertextBlob(), "PrivateKeyCiphertextBlob");
        assertNull(pair.ciphertextForRecipient(), "CiphertextForRecipient is only for a Recipient");
    }

    @ParameterizedTest
    @MethodSource("keyPairSpecs")
    void generateDataKeyPair_publicKey_isDerSubjectPublicKeyInfoOfTheSpec(DataKeyPairSpec spec) throws Exception {
        byte[] der = generate(spec).publicKey().asByteArray();

        assertTrue(isDer(der), "PublicKey is not one DER value");
        SubjectPublicKeyInfo info = SubjectPublicKeyInfo.getInstance(der);
        assertAlgorithmIdentifier(spec, info.getAlgorithm(), "SubjectPublicKeyInfo");
        PublicKey parsed = parsePublic(spec, der);
        if (isRsa(spec)) {
            assertEquals(rsaBits(spec), ((RSAPublicKey) parsed).getModulus().bitLength(), "RSA modulus length");
        } else if (isEd25519(spec)) {
            assertEquals(32, info.getPublicKeyData().getOctets().length, "Ed25519 public key length");
        } else {
            byte[] point = info.getPublicKeyData().getOctets();
            assertEquals(1 + 2 * coordinateLength(spec), point.length, "uncompressed EC point length");
            assertEquals(0x04, point[0], "uncompressed EC point marker");
        }
    }

    @ParameterizedTest
    @MethodSource("keyPairSpecs")
    void generateDataKeyPair_privateKeyPlaintext_isDerPkcs8OfTheSpec(DataKeyPairSpec spec) throws Exception {
        byte[] der = generate(spec).privateKeyPlaintext().asByteArray();

        assertTrue(isDer(der), "PrivateKeyPlaintext is not one DER value");
        PrivateKeyInfo info = PrivateKeyInfo.getInstance(der);
        assertAlgorithmIdentifier(spec, info.getPrivateKeyAlgorithm(), "PrivateKeyInfo");
        PrivateKey parsed = parsePrivate(spec, der);
        if (isRsa(spec)) {
            assertEquals(rsaBits(spec), ((RSAPrivateCrtKey) parsed).getModulus().bitLength(), "RSA modulus length");
        }
    }

    @ParameterizedTest
    @MethodSource("keyPairSpecs")
    void generateDataKeyPair_signatureWithPrivateKey_verifiesWithPublicKey(DataKeyPairSpec spec) throws Exception {
        GenerateDataKeyPairResponse pair = generate(spec);

        assertTrue(signatureVerifies(spec, pair.privateKeyPlaintext().asByteArray(), pair.publicKey().asByteArray()),
                signatureAlgorithm(spec) + " signature of the private key does not verify with the public key");
    }

    @ParameterizedTest
    @MethodSource("keyPairSpecs")
    void generateDataKeyPair_publicKey_isTheOneOfThePrivateKey(DataKeyPairSpec spec) throws Exception {
        GenerateDataKeyPairResponse pair = generate(spec);

        assertPublicKeyBelongsToPrivateKey(spec, pair.privateKeyPlaintext().asByteArray(),
                pair.publicKey().asByteArray());
    }

    @ParameterizedTest
    @MethodSource("keyPairSpecs")
    void generateDataKeyPair_privateKeyCiphertext_decryptsToThePrivateKeyPlaintext(DataKeyPairSpec spec) {
        GenerateDataKeyPairResponse pair = generate(spec);

        DecryptResponse decrypted = kms.decrypt(b -> b.ciphertextBlob(pair.privateKeyCiphertextBlob()));

        assertArrayEquals(pair.privateKeyPlaintext().asByteArray(), decrypted.plaintext().asByteArray());
        assertEquals(key.arn(), decrypted.keyId());
        assertEquals(EncryptionAlgorithmSpec.SYMMETRIC_DEFAULT, decrypted.encryptionAlgorithm());
    }

    @Test
    void generateDataKeyPair_withEncryptionContext_needsItToDecrypt() {
        Map<String, String> context = Map.of("context-key", "context-value");
        GenerateDataKeyPairResponse pair = kms.generateDataKeyPair(b -> b.keyId(key.keyId())
                .keyPairSpec(DataKeyPairSpec.RSA_2048).encryptionContext(context));

        assertKmsError(InvalidCiphertextException.class, NO_MESSAGE,
                () -> kms.decrypt(b -> b.ciphertextBlob(pair.privateKeyCiphertextBlob()).keyId(key.keyId())));
        byte[] decrypted = kms.decrypt(b -> b.ciphertextBlob(pair.privateKeyCiphertextBlob())
                .encryptionContext(context)).plaintext().asByteArray();
        assertArrayEquals(pair.privateKeyPlaintext().asByteArray(), decrypted);
    }

    @Test
    void generateDataKeyPair_twice_givesDifferentKeyPairs() {
        GenerateDataKeyPairResponse first = generate(DataKeyPairSpec.ECC_NIST_P256);
        GenerateDataKeyPairResponse second = generate(DataKeyPairSpec.ECC_NIST_P256);

        assertFalse(Arrays.equals(first.publicKey().asByteArray(), second.publicKey().asByteArray()));
        assertFalse(Arrays.equals(first.privateKeyPlaintext().asByteArray(),
                second.privateKeyPlaintext().asByteArray()));
    }

    @Test
    void generateDataKeyPair_byKeyArnAndAliases_usesTheKeyAndReportsItsArn() {
        String aliasName = uniqueAlias("pair");
        kms.createAlias(b -> b.aliasName(aliasName).targetKeyId(key.keyId()));

        for (String form : new String[] {key.arn(), aliasName, aliasArn(aliasName)}) {
            GenerateDataKeyPairResponse pair = kms.generateDataKeyPair(b -> b.keyId(form)
                    .keyPairSpec(DataKeyPairSpec.ECC_NIST_P384));
            assertEquals(key.arn(), pair.keyId(), "GenerateDataKeyPair(" + form + ").KeyId");
            assertArrayEquals(pair.privateKeyPlaintext().asByteArray(), decrypt(pair.privateKeyCiphertextBlob()));
        }
    }

    @ParameterizedTest
    @MethodSource("keyPairSpecs")
    void generateDataKeyPairWithoutPlaintext_returnsKeyArnSpecMaterialIdAndPublicKey(DataKeyPairSpec spec)
            throws Exception {
        GenerateDataKeyPairWithoutPlaintextResponse pair = generateWithoutPlaintext(spec);

        assertEquals(key.arn(), pair.keyId());
        assertEquals(spec, pair.keyPairSpec());
        assertEquals(key.currentKeyMaterialId(), pair.keyMaterialId());
        assertNotNull(pair.privateKeyCiphertextBlob(), "PrivateKeyCiphertextBlob");
        byte[] der = pair.publicKey().asByteArray();
        assertTrue(isDer(der), "PublicKey is not one DER value");
        assertAlgorithmIdentifier(spec, SubjectPublicKeyInfo.getInstance(der).getAlgorithm(), "SubjectPublicKeyInfo");
        assertNotNull(parsePublic(spec, der));
    }

    @ParameterizedTest
    @MethodSource("keyPairSpecs")
    void generateDataKeyPairWithoutPlaintext_decryptedPrivateKey_matchesThePublicKey(DataKeyPairSpec spec)
            throws Exception {
        GenerateDataKeyPairWithoutPlaintextResponse pair = generateWithoutPlaintext(spec);

        byte[] privateKey = decrypt(pair.privateKeyCiphertextBlob());

        assertTrue(isDer(privateKey), "decrypted private key is not one DER value");
        assertAlgorithmIdentifier(spec, PrivateKeyInfo.getInstance(privateKey).getPrivateKeyAlgorithm(),
                "PrivateKeyInfo");
        assertTrue(signatureVerifies(spec, privateKey, pair.publicKey().asByteArray()),
                signatureAlgorithm(spec) + " signature of the decrypted private key does not verify");
        assertPublicKeyBelongsToPrivateKey(spec, privateKey, pair.publicKey().asByteArray());
    }

    @Test
    void generateDataKeyPairWithoutPlaintext_onTheWire_hasNoPrivateKeyPlaintextMember() throws Exception {
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(10)).build();
        HttpRequest request = HttpRequest.newBuilder(server.endpoint().resolve("/"))
                .timeout(Duration.ofSeconds(30))
                .header("X-Amz-Target", "TrentService.GenerateDataKeyPairWithoutPlaintext")
                .header("Content-Type", "application/x-amz-json-1.1")
                .POST(HttpRequest.BodyPublishers.ofString(
                        "{\"KeyId\":\"" + key.keyId() + "\",\"KeyPairSpec\":\"ECC_NIST_P256\"}",
                        StandardCharsets.UTF_8))
                .build();

        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));

        assertEquals(200, response.statusCode(), response.body());
        JsonNode body = new ObjectMapper().readTree(response.body());
        assertFalse(body.has("PrivateKeyPlaintext"), response.body());
        for (String member : new String[] {"KeyId", "KeyPairSpec", "KeyMaterialId", "PublicKey",
            "PrivateKeyCiphertextBlob"}) {
            assertTrue(body.hasNonNull(member), member + " missing from " + response.body());
        }
    }

    @Test
    void generateDataKeyPairWithoutPlaintext_withEncryptionContext_needsItToDecrypt() throws Exception {
        Map<String, String> context = Map.of("context-key", "context-value");
        GenerateDataKeyPairWithoutPlaintextResponse pair = kms.generateDataKeyPairWithoutPlaintext(b -> b
                .keyId(key.keyId()).keyPairSpec(DataKeyPairSpec.ECC_NIST_P256).encryptionContext(context));

        assertKmsError(InvalidCiphertextException.class, NO_MESSAGE,
                () -> kms.decrypt(b -> b.ciphertextBlob(pair.privateKeyCiphertextBlob()).keyId(key.keyId())));
        byte[] privateKey = kms.decrypt(b -> b.ciphertextBlob(pair.privateKeyCiphertextBlob())
                .encryptionContext(context)).plaintext().asByteArray();
        assertTrue(signatureVerifies(DataKeyPairSpec.ECC_NIST_P256, privateKey, pair.publicKey().asByteArray()));
    }

    @Test
    void generateDataKeyPairWithoutPlaintext_twice_givesDifferentPublicKeys() {
        byte[] first = generateWithoutPlaintext(DataKeyPairSpec.ECC_NIST_EDWARDS25519).publicKey().asByteArray();
        byte[] second = generateWithoutPlaintext(DataKeyPairSpec.ECC_NIST_EDWARDS25519).publicKey().asByteArray();

        assertFalse(Arrays.equals(first, second));
    }

    @Test
    void generateDataKeyPair_dryRun_throwsDryRunOperation() {
        assertKmsError(DryRunOperationException.class, DRY_RUN,
                () -> kms.generateDataKeyPair(b -> b.keyId(key.keyId()).keyPairSpec(DataKeyPairSpec.RSA_2048)
                        .dryRun(true)));
    }

    @Test
    void generateDataKeyPairWithoutPlaintext_dryRun_throwsDryRunOperation() {
        assertKmsError(DryRunOperationException.class, DRY_RUN,
                () -> kms.generateDataKeyPairWithoutPlaintext(b -> b.keyId(key.keyId())
                        .keyPairSpec(DataKeyPairSpec.RSA_2048).dryRun(true)));
    }

    @Test
    void generateDataKeyPair_dryRunFalse_returnsTheKeyPair() {
        GenerateDataKeyPairResponse pair = kms.generateDataKeyPair(b -> b.keyId(key.keyId())
                .keyPairSpec(DataKeyPairSpec.ECC_NIST_P256).dryRun(false));

        assertArrayEquals(pair.privateKeyPlaintext().asByteArray(), decrypt(pair.privateKeyCiphertextBlob()));
    }

    @Test
    void generateDataKeyPair_dryRunWithSignVerifyKey_throwsInvalidKeyUsage() {
        KeyMetadata signing = newKey(KeySpec.RSA_2048, KeyUsageType.SIGN_VERIFY);

        assertKmsError(InvalidKeyUsageException.class,
                signing.arn() + " key usage is SIGN_VERIFY which is not valid for GenerateDataKeyPair.",
                () -> kms.generateDataKeyPair(b -> b.keyId(signing.keyId()).keyPairSpec(DataKeyPairSpec.RSA_2048)
                        .dryRun(true)));
    }

    @Test
    void generateDataKeyPair_withSignVerifyKey_throwsInvalidKeyUsage() {
        KeyMetadata signing = newKey(KeySpec.RSA_2048, KeyUsageType.SIGN_VERIFY);

        assertKmsError(InvalidKeyUsageException.class,
                signing.arn() + " key usage is SIGN_VERIFY which is not valid for GenerateDataKeyPair.",
                () -> kms.generateDataKeyPair(b -> b.keyId(signing.keyId()).keyPairSpec(DataKeyPairSpec.RSA_2048)));
    }

    @Test
    void generateDataKeyPairWithoutPlaintext_withHmacKey_throwsInvalidKeyUsage() {
        KeyMetadata hmac = newKey(KeySpec.HMAC_256, KeyUsageType.GENERATE_VERIFY_MAC);

        assertKmsError(InvalidKeyUsageException.class,
                hmac.arn() + " key usage is GENERATE_VERIFY_MAC which is not valid for "
                        + "GenerateDataKeyPairWithoutPlaintext.",
                () -> kms.generateDataKeyPairWithoutPlaintext(b -> b.keyId(hmac.keyId())
                        .keyPairSpec(DataKeyPairSpec.ECC_NIST_P256)));
    }

    @Test
    void generateDataKeyPair_withRsaEncryptionKey_throwsInvalidKeyUsage() {
        KeyMetadata rsa = newKey(KeySpec.RSA_2048, KeyUsageType.ENCRYPT_DECRYPT);

        assertKmsErrorType(InvalidKeyUsageException.class,
                () -> kms.generateDataKeyPair(b -> b.keyId(rsa.keyId()).keyPairSpec(DataKeyPairSpec.RSA_2048)));
    }

    @Test
    void generateDataKeyPairWithoutPlaintext_withRsaEncryptionKey_throwsInvalidKeyUsage() {
        KeyMetadata rsa = newKey(KeySpec.RSA_3072, KeyUsageType.ENCRYPT_DECRYPT);

        assertKmsErrorType(InvalidKeyUsageException.class,
                () -> kms.generateDataKeyPairWithoutPlaintext(b -> b.keyId(rsa.keyId())
                        .keyPairSpec(DataKeyPairSpec.ECC_NIST_P256)));
    }

    @Test
    void generateDataKeyPair_withUnknownKeyPairSpec_throwsValidationListingTheSpecs() {
        KmsException e = assertUnmodeledErrorCode("ValidationException",
                () -> kms.generateDataKeyPair(b -> b.keyId(key.keyId()).keyPairSpec("RSA_1024")));

        String message = e.awsErrorDetails().errorMessage();
        assertNotNull(message, "ValidationException message");
        assertTrue(message.startsWith("1 validation error detected: Value 'RSA_1024' at 'keyPairSpec' failed to "
                + "satisfy constraint: Member must satisfy enum value set: ["), message);
        for (DataKeyPairSpec spec : SPECS) {
            assertTrue(message.contains(spec.toString()), spec + " missing from: " + message);
        }
        assertTrue(message.contains("SM2"), "SM2 missing from: " + message);
    }

    @Test
    void generateDataKeyPairWithoutPlaintext_withUnknownKeyPairSpec_throwsValidation() {
        assertUnmodeledErrorCode("ValidationException",
                () -> kms.generateDataKeyPairWithoutPlaintext(b -> b.keyId(key.keyId()).keyPairSpec("ECC_NIST_P224")));
    }

    @Test
    void generateDataKeyPair_withoutKeyPairSpec_throwsValidation() {
        assertUnmodeledErrorCode("ValidationException", () -> kms.generateDataKeyPair(b -> b.keyId(key.keyId())));
    }

    @Test
    void generateDataKeyPair_sm2_givesAPairBouncyCastleSignsAndVerifiesWith() throws Exception {
        GenerateDataKeyPairResponse pair = generate(DataKeyPairSpec.SM2);
        java.security.KeyFactory factory = java.security.KeyFactory.getInstance("EC", BC);
        java.security.PrivateKey privateKey = factory.generatePrivate(
                new java.security.spec.PKCS8EncodedKeySpec(pair.privateKeyPlaintext().asByteArray()));
        java.security.PublicKey publicKey = factory.generatePublic(
                new java.security.spec.X509EncodedKeySpec(pair.publicKey().asByteArray()));

        java.security.Signature signer = java.security.Signature.getInstance("SM3withSM2", BC);
        signer.initSign(privateKey);
        signer.update(MESSAGE);
        byte[] signature = signer.sign();
        java.security.Signature verifier = java.security.Signature.getInstance("SM3withSM2", BC);
        verifier.initVerify(publicKey);
        verifier.update(MESSAGE);
        assertTrue(verifier.verify(signature));
        assertEquals(DataKeyPairSpec.SM2, pair.keyPairSpec());
    }

    private static final java.security.Provider BC = new org.bouncycastle.jce.provider.BouncyCastleProvider();

    @Test
    void generateDataKeyPair_withMalformedKeyId_throwsNotFound() {
        assertKmsError(NotFoundException.class, "Invalid keyId 'key_id'",
                () -> kms.generateDataKeyPair(b -> b.keyId("key_id").keyPairSpec(DataKeyPairSpec.RSA_2048)));
    }

    @Test
    void generateDataKeyPair_withDisabledKey_throwsDisabled() {
        KeyMetadata disabled = newSymmetricKey();
        kms.disableKey(b -> b.keyId(disabled.keyId()));

        assertKmsError(DisabledException.class, disabled.arn() + " is disabled.",
                () -> kms.generateDataKeyPair(b -> b.keyId(disabled.keyId()).keyPairSpec(DataKeyPairSpec.RSA_2048)));
    }

    @Test
    void generateDataKeyPairWithoutPlaintext_withDisabledKey_throwsDisabled() {
        KeyMetadata disabled = newSymmetricKey();
        kms.disableKey(b -> b.keyId(disabled.keyId()));

        assertKmsError(DisabledException.class, disabled.arn() + " is disabled.",
                () -> kms.generateDataKeyPairWithoutPlaintext(b -> b.keyId(disabled.keyId())
                        .keyPairSpec(DataKeyPairSpec.ECC_NIST_P256)));
    }

    @Test
    void generateDataKeyPairAndWithoutPlaintext_withKeyPendingDeletion_throwInvalidState() {
        KeyMetadata pending = newSymmetricKey();
        kms.scheduleKeyDeletion(b -> b.keyId(pending.keyId()).pendingWindowInDays(7));

        assertKmsError(KmsInvalidStateException.class, pending.arn() + " is pending deletion.",
                () -> kms.generateDataKeyPair(b -> b.keyId(pending.keyId()).keyPairSpec(DataKeyPairSpec.RSA_2048)));
        assertKmsError(KmsInvalidStateException.class, pending.arn() + " is pending deletion.",
                () -> kms.generateDataKeyPairWithoutPlaintext(b -> b.keyId(pending.keyId())
                        .keyPairSpec(DataKeyPairSpec.ECC_NIST_P256)));
    }
}
