package dev.trent.conformance;

import static dev.trent.conformance.KmsErrors.assertKmsError;
import static dev.trent.conformance.KmsErrors.assertKmsErrorType;
import static dev.trent.conformance.KmsErrors.assertUnmodeledError;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.trent.server.app.TrentConfig;
import dev.trent.server.app.TrentServer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.MGF1ParameterSpec;
import java.security.spec.PSSParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;
import javax.crypto.Cipher;
import javax.crypto.KeyGenerator;
import javax.crypto.Mac;
import javax.crypto.SecretKey;
import javax.crypto.spec.OAEPParameterSpec;
import javax.crypto.spec.PSource;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.kms.KmsClient;
import software.amazon.awssdk.services.kms.model.AlgorithmSpec;
import software.amazon.awssdk.services.kms.model.ExpirationModelType;
import software.amazon.awssdk.services.kms.model.ExpiredImportTokenException;
import software.amazon.awssdk.services.kms.model.GetParametersForImportResponse;
import software.amazon.awssdk.services.kms.model.ImportKeyMaterialResponse;
import software.amazon.awssdk.services.kms.model.IncorrectKeyMaterialException;
import software.amazon.awssdk.services.kms.model.InvalidCiphertextException;
import software.amazon.awssdk.services.kms.model.InvalidImportTokenException;
import software.amazon.awssdk.services.kms.model.KeyMetadata;
import software.amazon.awssdk.services.kms.model.KeySpec;
import software.amazon.awssdk.services.kms.model.KeyState;
import software.amazon.awssdk.services.kms.model.KeyUsageType;
import software.amazon.awssdk.services.kms.model.KmsInvalidStateException;
import software.amazon.awssdk.services.kms.model.MacAlgorithmSpec;
import software.amazon.awssdk.services.kms.model.OriginType;
import software.amazon.awssdk.services.kms.model.SigningAlgorithmSpec;
import software.amazon.awssdk.services.kms.model.UnsupportedOperationException;
import software.amazon.awssdk.services.kms.model.WrappingKeySpec;

/**
 * Bring your own key through the AWS SDK: material is wrapped here with the JDK's own providers (an
 * implementation independent of Trent's), imported, and shown to be exactly the known material.
 */
class ImportKeyMaterialTest extends TrentTestBase {

    /** Trent's KeyMaterialId: HMAC-SHA-256 keyed by the material over this label and the key id. */
    private static final byte[] MATERIAL_ID_LABEL = "trent imported key material id v1".getBytes(StandardCharsets.UTF_8);
    private static final List<AlgorithmSpec> ALGORITHMS = List.of(AlgorithmSpec.RSAES_PKCS1_V1_5,
            AlgorithmSpec.RSAES_OAEP_SHA_1, AlgorithmSpec.RSAES_OAEP_SHA_256, AlgorithmSpec.RSA_AES_KEY_WRAP_SHA_1,
            AlgorithmSpec.RSA_AES_KEY_WRAP_SHA_256);

    private final OffsetClock clock = new OffsetClock();

    @TempDir
    Path dataDir;

    @Override
    protected TrentConfig.Builder configure(TrentConfig.Builder builder) {
        return builder.clock(clock);
    }

    @Test
    void everyWrappingAlgorithm_withRsa2048And3072_importsTheKnownSymmetricMaterial() throws Exception {
        for (AlgorithmSpec algorithm : ALGORITHMS) {
            for (WrappingKeySpec wrappingSpec : List.of(WrappingKeySpec.RSA_2048, WrappingKeySpec.RSA_3072)) {
                String what = algorithm + " with " + wrappingSpec;
                KeyMetadata key = newExternalKey(KeySpec.SYMMETRIC_DEFAULT, KeyUsageType.ENCRYPT_DECRYPT);
                GetParametersForImportResponse parameters = kms.getParametersForImport(b -> b.keyId(key.keyId())
                        .wrappingAlgorithm(algorithm).wrappingKeySpec(wrappingSpec));
                assertEquals(key.arn(), parameters.keyId(), what);
                assertEquals(Integer.parseInt(wrappingSpec.toString().substring(4)),
                        Jca.rsaPublicKey(parameters.publicKey().asByteArray()).getModulus().bitLength(), what);
                Duration validity = Duration.between(clock.instant(), parameters.parametersValidTo());
                assertTrue(validity.compareTo(Duration.ofHours(23)) > 0 && validity.compareTo(Duration.ofHours(25)) < 0,
                        what + ": parameters valid for 24 hours, not " + validity);

                byte[] material = randomBytes(32);
                byte[] wrapped = wrap(algorithm, parameters, material);
                ImportKeyMaterialResponse imported = kms.importKeyMaterial(b -> b.keyId(key.keyId())
                        .importToken(parameters.importToken())
                        .encryptedKeyMaterial(sdk(wrapped))
                        .expirationModel(ExpirationModelType.KEY_MATERIAL_DOES_NOT_EXPIRE));
                assertEquals(key.arn(), imported.keyId(), what);
                assertEquals(expectedMaterialId(key.keyId(), material), imported.keyMaterialId(), what);

                KeyMetadata after = kms.describeKey(b -> b.keyId(key.keyId())).keyMetadata();
                assertEquals(KeyState.ENABLED, after.keyState(), what);
                assertEquals(ExpirationModelType.KEY_MATERIAL_DOES_NOT_EXPIRE, after.expirationModel(), what);
                assertNull(after.validTo(), what);
                assertEquals(imported.keyMaterialId(), after.currentKeyMaterialId(), what);
                var blob = kms.encrypt(b -> b.keyId(key.keyId()).plaintext(utf8("hello"))).ciphertextBlob();
                assertEquals("hello", kms.decrypt(b -> b.ciphertextBlob(blob)).plaintext().asUtf8String(), what);
            }
        }
    }

    @Test
    void knownSymmetricBytes_sameIdOnReimport_otherKeyOtherId_differentBytesRefused() throws Exception {
        byte[] material = randomBytes(32);
        KeyMetadata first = newExternalKey(KeySpec.SYMMETRIC_DEFAULT, KeyUsageType.ENCRYPT_DECRYPT);
        KeyMetadata second = newExternalKey(KeySpec.SYMMETRIC_DEFAULT, KeyUsageType.ENCRYPT_DECRYPT);
        String firstId = importMaterial(first, material, AlgorithmSpec.RSAES_OAEP_SHA_256).keyMaterialId();
        String secondId = importMaterial(second, material, AlgorithmSpec.RSA_AES_KEY_WRAP_SHA_1).keyMaterialId();
        assertEquals(expectedMaterialId(first.keyId(), material), firstId);
        assertEquals(expectedMaterialId(second.keyId(), material), secondId);
        assertNotEquals(firstId, secondId, "AWS derives the id from the key ID and the material");

        var blob = kms.encrypt(b -> b.keyId(first.keyId()).plaintext(utf8("kept"))).ciphertextBlob();
        var deleted = kms.deleteImportedKeyMaterial(b -> b.keyId(first.keyId()));
        assertEquals(first.arn(), deleted.keyId());
        assertEquals(firstId, deleted.keyMaterialId());
        KeyMetadata pending = kms.describeKey(b -> b.keyId(first.keyId())).keyMetadata();
        assertEquals(KeyState.PENDING_IMPORT, pending.keyState());
        assertNull(pending.expirationModel(), "recorded: no ExpirationModel after deletion");
        assertEquals(firstId, pending.currentKeyMaterialId(), "recorded: CurrentKeyMaterialId stays");

        assertKmsErrorType(IncorrectKeyMaterialException.class,
                () -> importMaterial(first, randomBytes(32), AlgorithmSpec.RSAES_OAEP_SHA_256));
        assertEquals(firstId, importMaterial(first, material, AlgorithmSpec.RSAES_OAEP_SHA_1).keyMaterialId());
        assertEquals("kept", kms.decrypt(b -> b.ciphertextBlob(blob)).plaintext().asUtf8String());
    }

    @Test
    void hmacKey_importedKnownBytes_macEqualsJcaHmac() throws Exception {
        byte[] material = randomBytes(32);
        KeyMetadata key = newExternalKey(KeySpec.HMAC_256, KeyUsageType.GENERATE_VERIFY_MAC);
        importMaterial(key, material, AlgorithmSpec.RSAES_OAEP_SHA_256);
        byte[] message = "message to authenticate".getBytes(StandardCharsets.UTF_8);
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(material, "HmacSHA256"));
        assertArrayEquals(mac.doFinal(message), kms.generateMac(b -> b.keyId(key.keyId()).message(sdk(message))
                .macAlgorithm(MacAlgorithmSpec.HMAC_SHA_256)).mac().asByteArray());
    }

    @Test
    void rsaAndEccKeys_importedFromJcaPkcs8_publicKeyMatches_andSignaturesVerify() throws Exception {
        KeyPairGenerator rsa = KeyPairGenerator.getInstance("RSA");
        rsa.initialize(2048);
        KeyPair rsaPair = rsa.generateKeyPair();
        KeyMetadata rsaKey = newExternalKey(KeySpec.RSA_2048, KeyUsageType.SIGN_VERIFY);
        importMaterial(rsaKey, rsaPair.getPrivate().getEncoded(), AlgorithmSpec.RSA_AES_KEY_WRAP_SHA_256);
        assertSignsAs(rsaKey, rsaPair.getPublic(), SigningAlgorithmSpec.RSASSA_PSS_SHA_256, "RSASSA-PSS",
                new PSSParameterSpec("SHA-256", "MGF1", MGF1ParameterSpec.SHA256, 32, 1));

        KeyPairGenerator ec = KeyPairGenerator.getInstance("EC");
        ec.initialize(new ECGenParameterSpec("secp256r1"));
        KeyPair ecPair = ec.generateKeyPair();
        KeyMetadata ecKey = newExternalKey(KeySpec.ECC_NIST_P256, KeyUsageType.SIGN_VERIFY);
        importMaterial(ecKey, ecPair.getPrivate().getEncoded(), AlgorithmSpec.RSA_AES_KEY_WRAP_SHA_1);
        assertSignsAs(ecKey, ecPair.getPublic(), SigningAlgorithmSpec.ECDSA_SHA_256, "SHA256withECDSA", null);

        KeyMetadata p384Key = newExternalKey(KeySpec.ECC_NIST_P384, KeyUsageType.SIGN_VERIFY);
        assertKmsErrorType(IncorrectKeyMaterialException.class, () -> importMaterial(p384Key,
                ecPair.getPrivate().getEncoded(), AlgorithmSpec.RSA_AES_KEY_WRAP_SHA_256));
    }

    @Test
    void pendingImportKey_refusesEncrypt_andAwsKmsKeyHasNoImportParameters() {
        KeyMetadata key = newExternalKey(KeySpec.SYMMETRIC_DEFAULT, KeyUsageType.ENCRYPT_DECRYPT);
        assertEquals(KeyState.PENDING_IMPORT, key.keyState());
        assertEquals(OriginType.EXTERNAL, key.origin());
        assertFalse(key.enabled());
        assertNull(key.currentKeyMaterialId());
        assertKmsError(KmsInvalidStateException.class, key.arn() + " is pending import.",
                () -> kms.encrypt(b -> b.keyId(key.keyId()).plaintext(utf8("x"))));

        KeyMetadata generated = newSymmetricKey();
        String notExternal = generated.arn() + " origin is AWS_KMS which is not valid for this operation.";
        assertKmsError(UnsupportedOperationException.class, notExternal, () -> kms.getParametersForImport(b -> b
                .keyId(generated.keyId()).wrappingAlgorithm(AlgorithmSpec.RSAES_OAEP_SHA_256)
                .wrappingKeySpec(WrappingKeySpec.RSA_2048)));
        assertKmsError(UnsupportedOperationException.class, notExternal,
                () -> kms.deleteImportedKeyMaterial(b -> b.keyId(generated.keyId())));
    }

    @Test
    void tokens_wrongKeyInvalid_expiredAfter24Hours_missingValidToRefused_badWrappingInvalidCiphertext()
            throws Exception {
        KeyMetadata key = newExternalKey(KeySpec.SYMMETRIC_DEFAULT, KeyUsageType.ENCRYPT_DECRYPT);
        KeyMetadata other = newExternalKey(KeySpec.SYMMETRIC_DEFAULT, KeyUsageType.ENCRYPT_DECRYPT);
        GetParametersForImportResponse parameters = parameters(other, AlgorithmSpec.RSAES_OAEP_SHA_256);
        byte[] wrapped = wrap(AlgorithmSpec.RSAES_OAEP_SHA_256, parameters, randomBytes(32));
        assertKmsErrorType(InvalidImportTokenException.class, () -> kms.importKeyMaterial(b -> b.keyId(key.keyId())
                .importToken(parameters.importToken()).encryptedKeyMaterial(sdk(wrapped))
                .expirationModel(ExpirationModelType.KEY_MATERIAL_DOES_NOT_EXPIRE)));
        assertUnmodeledError("ValidationException",
                "A validTo date must be set if the ExpirationModel is KEY_MATERIAL_EXPIRES",
                () -> kms.importKeyMaterial(b -> b.keyId(other.keyId()).importToken(parameters.importToken())
                        .encryptedKeyMaterial(sdk(wrapped))));
        assertKmsError(InvalidCiphertextException.class, KmsErrors.NO_MESSAGE,
                () -> kms.importKeyMaterial(b -> b.keyId(other.keyId()).importToken(parameters.importToken())
                        .encryptedKeyMaterial(sdk(randomBytes(256)))
                        .expirationModel(ExpirationModelType.KEY_MATERIAL_DOES_NOT_EXPIRE)));

        clock.advance(Duration.ofHours(25));
        assertKmsErrorType(ExpiredImportTokenException.class, () -> kms.importKeyMaterial(b -> b.keyId(other.keyId())
                .importToken(parameters.importToken()).encryptedKeyMaterial(sdk(wrapped))
                .expirationModel(ExpirationModelType.KEY_MATERIAL_DOES_NOT_EXPIRE)));
    }

    @Test
    void expiringMaterial_isDeletedWhenValidToPasses_andTheKeyWaitsForImport() throws Exception {
        KeyMetadata key = newExternalKey(KeySpec.SYMMETRIC_DEFAULT, KeyUsageType.ENCRYPT_DECRYPT);
        GetParametersForImportResponse parameters = parameters(key, AlgorithmSpec.RSA_AES_KEY_WRAP_SHA_256);
        Instant validTo = clock.instant().plus(Duration.ofHours(2));
        byte[] wrapped = wrap(AlgorithmSpec.RSA_AES_KEY_WRAP_SHA_256, parameters, randomBytes(32));
        kms.importKeyMaterial(b -> b.keyId(key.keyId()).importToken(parameters.importToken())
                .encryptedKeyMaterial(sdk(wrapped))
                .expirationModel(ExpirationModelType.KEY_MATERIAL_EXPIRES).validTo(validTo));
        KeyMetadata imported = kms.describeKey(b -> b.keyId(key.keyId())).keyMetadata();
        assertEquals(ExpirationModelType.KEY_MATERIAL_EXPIRES, imported.expirationModel());
        assertEquals(validTo.toEpochMilli(), imported.validTo().toEpochMilli());

        clock.advance(Duration.ofHours(3));
        server.expireImportedMaterialNow();
        assertEquals(KeyState.PENDING_IMPORT, kms.describeKey(b -> b.keyId(key.keyId())).keyMetadata().keyState());
        assertKmsError(KmsInvalidStateException.class, key.arn() + " is pending import.",
                () -> kms.encrypt(b -> b.keyId(key.keyId()).plaintext(utf8("x"))));
    }

    @Test
    void importedMaterial_neverReachesTheDataDirInTheClear() throws Exception {
        byte[] symmetric = randomBytes(32);
        byte[] hmac = randomBytes(64);
        try (TrentServer onDisk = TrentServer.start(TrentConfig.builder().port(0).dataDir(dataDir).build());
             KmsClient client = KmsClients.create(onDisk.endpoint(), Region.US_EAST_1)) {
            importWith(client, KeySpec.SYMMETRIC_DEFAULT, KeyUsageType.ENCRYPT_DECRYPT, symmetric);
            importWith(client, KeySpec.HMAC_512, KeyUsageType.GENERATE_VERIFY_MAC, hmac);
        }
        List<Path> files;
        try (Stream<Path> walk = Files.walk(dataDir)) {
            files = walk.filter(Files::isRegularFile).toList();
        }
        assertFalse(files.isEmpty(), "the server wrote nothing");
        for (Path file : files) {
            byte[] content = Files.readAllBytes(file);
            assertFalse(contains(content, symmetric), "symmetric material in clear in " + file.getFileName());
            assertFalse(contains(content, hmac), "HMAC material in clear in " + file.getFileName());
            assertFalse(contains(content, java.util.Arrays.copyOf(symmetric, 16)), "material prefix in " + file);
        }
    }

    private void importWith(KmsClient client, KeySpec spec, KeyUsageType usage, byte[] material) throws Exception {
        KeyMetadata key = client.createKey(b -> b.keySpec(spec).keyUsage(usage).origin(OriginType.EXTERNAL))
                .keyMetadata();
        GetParametersForImportResponse parameters = client.getParametersForImport(b -> b.keyId(key.keyId())
                .wrappingAlgorithm(AlgorithmSpec.RSAES_OAEP_SHA_256).wrappingKeySpec(WrappingKeySpec.RSA_2048));
        byte[] wrapped = wrap(AlgorithmSpec.RSAES_OAEP_SHA_256, parameters, material);
        client.importKeyMaterial(b -> b.keyId(key.keyId()).importToken(parameters.importToken())
                .encryptedKeyMaterial(sdk(wrapped))
                .expirationModel(ExpirationModelType.KEY_MATERIAL_DOES_NOT_EXPIRE));
    }

    private KeyMetadata newExternalKey(KeySpec spec, KeyUsageType usage) {
        return kms.createKey(b -> b.keySpec(spec).keyUsage(usage).origin(OriginType.EXTERNAL)).keyMetadata();
    }

    private GetParametersForImportResponse parameters(KeyMetadata key, AlgorithmSpec algorithm) {
        return kms.getParametersForImport(b -> b.keyId(key.arn()).wrappingAlgorithm(algorithm)
                .wrappingKeySpec(WrappingKeySpec.RSA_2048));
    }

    private ImportKeyMaterialResponse importMaterial(KeyMetadata key, byte[] material, AlgorithmSpec algorithm)
            throws GeneralSecurityException {
        GetParametersForImportResponse parameters = parameters(key, algorithm);
        byte[] wrapped = wrap(algorithm, parameters, material);
        return kms.importKeyMaterial(b -> b.keyId(key.keyId()).importToken(parameters.importToken())
                .encryptedKeyMaterial(sdk(wrapped)).expirationModel(ExpirationModelType.KEY_MATERIAL_DOES_NOT_EXPIRE));
    }

    private void assertSignsAs(KeyMetadata key, PublicKey expected, SigningAlgorithmSpec algorithm, String jcaName,
                               PSSParameterSpec pss) throws GeneralSecurityException {
        assertArrayEquals(expected.getEncoded(),
                kms.getPublicKey(b -> b.keyId(key.keyId())).publicKey().asByteArray(), key.keySpecAsString());
        byte[] message = "signed by imported material".getBytes(StandardCharsets.UTF_8);
        byte[] signature = kms.sign(b -> b.keyId(key.keyId()).message(sdk(message)).signingAlgorithm(algorithm))
                .signature().asByteArray();
        Signature verifier = Signature.getInstance(jcaName);
        if (pss != null) {
            verifier.setParameter(pss);
        }
        verifier.initVerify(expected);
        verifier.update(message);
        assertTrue(verifier.verify(signature), key.keySpecAsString() + " signature does not verify with JCA");
    }

    /** Wraps {@code material} as an AWS client does, with the JDK's providers (SunJCE, SunRsaSign) only. */
    private static byte[] wrap(AlgorithmSpec algorithm, GetParametersForImportResponse parameters, byte[] material)
            throws GeneralSecurityException {
        PublicKey publicKey = Jca.rsaPublicKey(parameters.publicKey().asByteArray());
        OAEPParameterSpec sha1 = new OAEPParameterSpec("SHA-1", "MGF1", MGF1ParameterSpec.SHA1, PSource.PSpecified.DEFAULT);
        OAEPParameterSpec sha256 = new OAEPParameterSpec("SHA-256", "MGF1", MGF1ParameterSpec.SHA256,
                PSource.PSpecified.DEFAULT);
        return switch (algorithm) {
            case RSAES_PKCS1_V1_5 -> rsa("RSA/ECB/PKCS1Padding", null, publicKey, material);
            case RSAES_OAEP_SHA_1 -> rsa("RSA/ECB/OAEPPadding", sha1, publicKey, material);
            case RSAES_OAEP_SHA_256 -> rsa("RSA/ECB/OAEPPadding", sha256, publicKey, material);
            case RSA_AES_KEY_WRAP_SHA_1 -> rsaAes(sha1, publicKey, material);
            case RSA_AES_KEY_WRAP_SHA_256 -> rsaAes(sha256, publicKey, material);
            default -> throw new IllegalArgumentException(algorithm.toString());
        };
    }

    private static byte[] rsa(String transformation, OAEPParameterSpec spec, PublicKey key, byte[] data)
            throws GeneralSecurityException {
        Cipher cipher = Cipher.getInstance(transformation);
        if (spec == null) {
            cipher.init(Cipher.ENCRYPT_MODE, key, new SecureRandom());
        } else {
            cipher.init(Cipher.ENCRYPT_MODE, key, spec, new SecureRandom());
        }
        return cipher.doFinal(data);
    }

    /** RSA-OAEP over a fresh AES-256 key, then AES key wrap with padding (RFC 5649, SunJCE AES/KWP/NoPadding). */
    private static byte[] rsaAes(OAEPParameterSpec spec, PublicKey key, byte[] material)
            throws GeneralSecurityException {
        KeyGenerator generator = KeyGenerator.getInstance("AES");
        generator.init(256);
        SecretKey aes = generator.generateKey();
        byte[] head = rsa("RSA/ECB/OAEPPadding", spec, key, aes.getEncoded());
        Cipher kwp = Cipher.getInstance("AES/KWP/NoPadding");
        kwp.init(Cipher.ENCRYPT_MODE, aes);
        byte[] body = kwp.doFinal(material);
        byte[] out = java.util.Arrays.copyOf(head, head.length + body.length);
        System.arraycopy(body, 0, out, head.length, body.length);
        return out;
    }

    private static String expectedMaterialId(String keyId, byte[] material) throws GeneralSecurityException {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(material, "HmacSHA256"));
        mac.update(MATERIAL_ID_LABEL);
        return HexFormat.of().formatHex(mac.doFinal(keyId.getBytes(StandardCharsets.UTF_8)));
    }

    private static boolean contains(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }
}
