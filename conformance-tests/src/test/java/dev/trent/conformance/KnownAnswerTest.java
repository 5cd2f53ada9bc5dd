package dev.trent.conformance;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.AlgorithmParameters;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.ECParameterSpec;
import java.security.spec.ECPoint;
import java.security.spec.ECPrivateKeySpec;
import java.security.spec.ECPublicKeySpec;
import java.security.spec.MGF1ParameterSpec;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import javax.crypto.Cipher;
import javax.crypto.KeyGenerator;
import javax.crypto.Mac;
import javax.crypto.SecretKey;
import javax.crypto.spec.OAEPParameterSpec;
import javax.crypto.spec.PSource;
import javax.crypto.spec.SecretKeySpec;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.DERSequence;
import org.bouncycastle.crypto.params.Ed25519PrivateKeyParameters;
import org.bouncycastle.crypto.signers.Ed25519Signer;
import org.bouncycastle.crypto.signers.Ed25519phSigner;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.kms.model.AlgorithmSpec;
import software.amazon.awssdk.services.kms.model.ExpirationModelType;
import software.amazon.awssdk.services.kms.model.GetParametersForImportResponse;
import software.amazon.awssdk.services.kms.model.KeyMetadata;
import software.amazon.awssdk.services.kms.model.KeySpec;
import software.amazon.awssdk.services.kms.model.KeyUsageType;
import software.amazon.awssdk.services.kms.model.MacAlgorithmSpec;
import software.amazon.awssdk.services.kms.model.MessageType;
import software.amazon.awssdk.services.kms.model.OriginType;
import software.amazon.awssdk.services.kms.model.SigningAlgorithmSpec;
import software.amazon.awssdk.services.kms.model.WrappingKeySpec;

/**
 * Trent's cryptography against published known answers. Each key is created with Origin EXTERNAL and given fixed
 * material through ImportKeyMaterial, so what Trent returns is fixed too: Ed25519 public keys and signatures are
 * the RFC 8032 section 7.1 vectors, the HMAC outputs are those of RFC 4231, the P-256 public point is that of
 * RFC 6979 appendix A.2.5 and Trent accepts that appendix's signatures. Where no published vector can go through
 * the KMS API as is (Ed25519ph over a 64-byte digest, RSA PKCS#1 v1.5 with a key of our own, HMAC with other key
 * lengths) the expected bytes come from an independent implementation (BouncyCastle's low-level API, the JDK's
 * providers) over the same key and input, and are compared byte for byte because those schemes are deterministic.
 */
class KnownAnswerTest extends TrentTestBase {

    private static final HexFormat HEX = HexFormat.of();

    /** SubjectPublicKeyInfo of an Ed25519 key up to the 32 key bytes (RFC 8410 section 4). */
    private static final byte[] ED25519_SPKI_PREFIX = HEX.parseHex("302a300506032b6570032100");
    /** PKCS#8 PrivateKeyInfo v1 of an Ed25519 key up to the 32-byte seed: the CurvePrivateKey OCTET STRING is
     * itself inside the privateKey OCTET STRING (RFC 8410 section 7). */
    private static final byte[] ED25519_PKCS8_PREFIX = HEX.parseHex("302e020100300506032b657004220420");
    /** SubjectPublicKeyInfo of a P-256 key up to the uncompressed point (RFC 5480: id-ecPublicKey, secp256r1). */
    private static final byte[] P256_SPKI_PREFIX =
            HEX.parseHex("3059301306072a8648ce3d020106082a8648ce3d030107034200");

    /** The RFC 8032 section 7.1 Ed25519 vectors whose message is not empty (KMS refuses an empty message). */
    private static final List<Ed25519Vector> RFC8032_ED25519 = List.of(
            new Ed25519Vector("TEST 2",
                    "4ccd089b28ff96da9db6c346ec114e0f5b8a319f35aba624da8cf6ed4fb8a6fb",
                    "3d4017c3e843895a92b70aa74d1b7ebc9c982ccf2ec4968cc0cd55f12af4660c",
                    "72",
                    "92a009a9f0d4cab8720e820b5f642540a2b27b5416503f8fb3762223ebdb69da"
                            + "085ac1e43e15996e458f3613d0f11d8c387b2eaeb4302aeeb00d291612bb0c00"),
            new Ed25519Vector("TEST 3",
                    "c5aa8df43f9f837bedb7442f31dcb7b166d38535076f094b85ce3a2e0b4458f7",
                    "fc51cd8e6218a1a38da47ed00230f0580816ed13ba3303ac5deb911548908025",
                    "af82",
                    "6291d657deec24024827e69c3abe01a30ce548a284743a445e3680d7db5ac3ac"
                            + "18ff9b538d16f290ae67f760984dc6594a7c15e9716ed28dc027beceea1ec40a"));

    /** RFC 8032 section 7.3, TEST abc (Ed25519ph, no context). */
    private static final Ed25519Vector RFC8032_ED25519PH_ABC = new Ed25519Vector("Ed25519ph TEST abc",
            "833fe62409237b9d62ec77587520911e9a759cec1d19755b7da901b96dca3d42",
            "ec172b93ad5e563bf4932c70e1245034c35467ef2efd4d64ebf819683467e2bf",
            "616263",
            "98a70222f0b8121aa9d30f813d683f809e462b469c7ff87639499bb94e6dae41"
                    + "31f85042463c2a355a2003d062adf5aaa10b8c61e636062aaad11c2a26083406");

    /** RFC 6979 appendix A.2.5 (P-256): private key x and public key (Ux, Uy). */
    private static final BigInteger RFC6979_P256_X =
            new BigInteger("c9afa9d845ba75166b5c215767b1d6934e50c3db36e89b127b8a622b120f6721", 16);
    private static final BigInteger RFC6979_P256_UX =
            new BigInteger("60fed4ba255a9d31c961eb74c6356d68c049b8923b61fa6ce669622e60f29fb6", 16);
    private static final BigInteger RFC6979_P256_UY =
            new BigInteger("7903fe1008b8bc99a41ae9e95628bc64f2f1b20c2d7e9f5177a3c294d4462299", 16);
    /** RFC 6979 appendix A.2.5, the SHA-256 signatures (r, s) of "sample" and "test" with that key. */
    private static final List<String[]> RFC6979_P256_SHA256 = List.of(
            new String[] {"sample",
                "efd48b2aacb6a8fd1140dd9cd45e81d69d2c877b56aaf991c34d0ea84eaf3716",
                "f7cb1c942d657c41d436c7a1b6e29f65f3e900dbb9aff4064dc4ab2f843acda8"},
            new String[] {"test",
                "f1abb023518351cd71d881567b1ea663ed3efcf6c5132b354f28d3b0b7d38367",
                "019f4113742a2b14bd25926b49c649155f267e60d3814b4c0cc84250e46f0083"});

    /*
     * RFC 4231 cannot be used as is: KMS (and Trent) take HMAC key material from the hash's output length up to its
     * block size (HMAC_256: 32 to 64 bytes, HMAC_384: 48 to 128, HMAC_512: 64 to 128). The RFC's keys are 20, 4,
     * 20, 25 and 20 bytes (test cases 1 to 5, too short) and 131 bytes (test cases 6 and 7, too long). A key
     * longer than the block size is first hashed (RFC 2104 section 2), so HMAC-SHA-n keyed by the 131 bytes of
     * 0xaa is HMAC-SHA-n keyed by SHA-n of them; that hash has exactly the output length, which KMS accepts. So
     * test cases 6 and 7 are reproduced by importing SHA-n(key) and expecting the RFC's published MACs.
     */
    private static final String RFC4231_CASE6_DATA = "Test Using Larger Than Block-Size Key - Hash Key First";
    private static final String RFC4231_CASE7_DATA = "This is a test using a larger than block-size key and a larger"
            + " than block-size data. The key needs to be hashed before being used by the HMAC algorithm.";
    /** Algorithm, case 6 MAC, case 7 MAC (RFC 4231 sections 4.7 and 4.8). */
    private static final List<String[]> RFC4231_CASES_6_AND_7 = List.of(
            new String[] {"256",
                "60e431591ee0b67f0d8a26aacbf5b77f8e0bc6213728c5140546040f0ee37f54",
                "9b09ffa71b942fcb27635fbcd5b0e944bfdc63644f0713938a7f51535c3a35e2"},
            new String[] {"384",
                "4ece084485813e9088d2c63a041bc5b44f9ef1012a2b588f3cd11f05033ac4c60c2ef6ab4030fe8296248df163f44952",
                "6617178e941f020d351e2f254e8fd32c602420feb0b8fb9adccebb82461e99c5a678cc31e799176d3860e6110c46523e"},
            new String[] {"512",
                "80b24263c7c1a3ebb71493c1dd7be8b49b46d1f41b4aeec1121b013783f8f352"
                        + "6b56d037e05f2598bd0fd2215d6a1e5295e64f73f63f0aec8b915a985d786598",
                "e37b6a775dc87dbaa4dfa9f96e5e3ffddebd71f8867289865df5a32d20cdc944"
                        + "b6022cac3c4982b10d5eeb55c3e4de15134676fb6de0446065c97440fa8c6a58"});

    @Test
    void ed25519_rfc8032Tests2And3_publicKeyAndSignatureAreThePublishedOnes() throws Exception {
        for (Ed25519Vector vector : RFC8032_ED25519) {
            KeyMetadata key = importEd25519(vector);
            byte[] spki = publicKey(key);
            assertEquals(vector.publicKeyHex(), HEX.formatHex(Arrays.copyOfRange(spki, spki.length - 32, spki.length)),
                    vector.name() + ": the raw public key is the RFC's PUBLIC KEY");
            assertArrayEquals(concat(ED25519_SPKI_PREFIX, vector.publicKey()), spki,
                    vector.name() + ": GetPublicKey is the RFC 8410 SubjectPublicKeyInfo of the RFC's PUBLIC KEY");

            byte[] signature = kms.sign(b -> b.keyId(key.keyId()).message(sdk(vector.message()))
                    .messageType(MessageType.RAW).signingAlgorithm(SigningAlgorithmSpec.ED25519_SHA_512))
                    .signature().asByteArray();
            assertEquals(HEX.formatHex(vector.signature()), HEX.formatHex(signature),
                    vector.name() + ": Sign(ED25519_SHA_512, RAW) of the RFC's MESSAGE is the RFC's SIGNATURE");
            assertEquals(HEX.formatHex(bcEd25519(vector.secretKey(), vector.message())), HEX.formatHex(signature),
                    vector.name() + ": and BouncyCastle's Ed25519 signature");

            assertTrue(kms.verify(b -> b.keyId(key.keyId()).message(sdk(vector.message()))
                    .messageType(MessageType.RAW).signingAlgorithm(SigningAlgorithmSpec.ED25519_SHA_512)
                    .signature(sdk(vector.signature()))).signatureValid(),
                    vector.name() + ": Verify accepts the RFC's SIGNATURE");
        }
    }

    @Test
    void ed25519ph_rfc8032TestAbcKey_publicKeyIsPublished_signatureOverDigestIsEd25519phOfTheDigest()
            throws Exception {
        Ed25519Vector vector = RFC8032_ED25519PH_ABC;
        // Guard on the oracle: BouncyCastle's Ed25519ph reproduces the RFC's signature of "abc" with this key.
        assertEquals(HEX.formatHex(vector.signature()), HEX.formatHex(bcEd25519ph(vector.secretKey(),
                vector.message())), "BouncyCastle Ed25519ph does not reproduce RFC 8032 TEST abc");

        KeyMetadata key = importEd25519(vector);
        assertArrayEquals(concat(ED25519_SPKI_PREFIX, vector.publicKey()), publicKey(key),
                "GetPublicKey is the RFC 8410 SubjectPublicKeyInfo of the RFC's PUBLIC KEY");

        // KMS's ED25519_PH_SHA_512 takes a 64-byte SHA-512 digest D (MessageType DIGEST) and still applies the
        // Ed25519ph prehash to it, so the signature is Ed25519ph with message D, not the RFC's signature of "abc"
        // (reproducing that would mean passing the 3 bytes "abc" as a digest, which KMS refuses).
        byte[] sha512OfAbc = MessageDigest.getInstance("SHA-512").digest(vector.message());
        byte[] counting = new byte[64];
        for (int i = 0; i < counting.length; i++) {
            counting[i] = (byte) i;
        }
        for (byte[] digest : List.of(sha512OfAbc, counting)) {
            byte[] signature = kms.sign(b -> b.keyId(key.keyId()).message(sdk(digest))
                    .messageType(MessageType.DIGEST).signingAlgorithm(SigningAlgorithmSpec.ED25519_PH_SHA_512))
                    .signature().asByteArray();
            assertEquals(HEX.formatHex(bcEd25519ph(vector.secretKey(), digest)), HEX.formatHex(signature),
                    "Sign(ED25519_PH_SHA_512, DIGEST " + HEX.formatHex(digest) + ") is Ed25519ph over those bytes");
            assertTrue(kms.verify(b -> b.keyId(key.keyId()).message(sdk(digest)).messageType(MessageType.DIGEST)
                    .signingAlgorithm(SigningAlgorithmSpec.ED25519_PH_SHA_512).signature(sdk(signature)))
                    .signatureValid(), "Verify accepts its own Ed25519ph signature");
        }
        assertFalse(Arrays.equals(vector.signature(), kms.sign(b -> b.keyId(key.keyId()).message(sdk(sha512OfAbc))
                        .messageType(MessageType.DIGEST).signingAlgorithm(SigningAlgorithmSpec.ED25519_PH_SHA_512))
                        .signature().asByteArray()),
                "the digest SHA-512(abc) is prehashed again, so the RFC's signature of abc must not come out");
    }

    @Test
    void rsaPkcs1v15_importedKey_signaturesEqualJcaByteForByte_rawAndDigest() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        KeyPair pair = generator.generateKeyPair();
        KeyMetadata key = importKey(KeySpec.RSA_2048, KeyUsageType.SIGN_VERIFY, pair.getPrivate().getEncoded());
        assertArrayEquals(pair.getPublic().getEncoded(), publicKey(key), "GetPublicKey of the imported RSA key");

        byte[] sized = new byte[4096];
        for (int i = 0; i < sized.length; i++) {
            sized[i] = (byte) (i * 31 + 7);
        }
        List<byte[]> messages = List.of("abc".getBytes(StandardCharsets.US_ASCII), new byte[] {0}, sized);
        List<SigningAlgorithmSpec> algorithms = List.of(SigningAlgorithmSpec.RSASSA_PKCS1_V1_5_SHA_256,
                SigningAlgorithmSpec.RSASSA_PKCS1_V1_5_SHA_384, SigningAlgorithmSpec.RSASSA_PKCS1_V1_5_SHA_512);
        for (SigningAlgorithmSpec algorithm : algorithms) {
            String hash = Jca.hashOf(algorithm);
            for (byte[] message : messages) {
                String what = algorithm + " over " + message.length + " bytes";
                byte[] expected = jcaSign(hash.replace("-", "") + "withRSA", pair.getPrivate(), message);
                byte[] raw = kms.sign(b -> b.keyId(key.keyId()).message(sdk(message)).messageType(MessageType.RAW)
                        .signingAlgorithm(algorithm)).signature().asByteArray();
                assertEquals(HEX.formatHex(expected), HEX.formatHex(raw), what + ", RAW");

                byte[] digest = MessageDigest.getInstance(hash).digest(message);
                byte[] fromDigest = kms.sign(b -> b.keyId(key.keyId()).message(sdk(digest))
                        .messageType(MessageType.DIGEST).signingAlgorithm(algorithm)).signature().asByteArray();
                assertEquals(HEX.formatHex(expected), HEX.formatHex(fromDigest), what + ", DIGEST");
            }
        }
    }

    @Test
    void hmac_importedKnownKeys_macEqualsJcaHmac_forShortLongAnd4096ByteMessages() throws Exception {
        byte[] large = new byte[4096];
        for (int i = 0; i < large.length; i++) {
            large[i] = (byte) (255 - i % 251);
        }
        List<byte[]> messages = List.of(new byte[] {0x42},
                "what do ya want for nothing?".getBytes(StandardCharsets.US_ASCII), large);
        for (String bits : List.of("256", "384", "512")) {
            int minimum = Integer.parseInt(bits) / 8;
            int blockSize = bits.equals("256") ? 64 : 128;
            for (int length : List.of(minimum, blockSize)) {
                byte[] material = new byte[length];
                for (int i = 0; i < length; i++) {
                    material[i] = (byte) (i + 1);
                }
                KeyMetadata key = importKey(KeySpec.fromValue("HMAC_" + bits), KeyUsageType.GENERATE_VERIFY_MAC,
                        material);
                MacAlgorithmSpec algorithm = MacAlgorithmSpec.fromValue("HMAC_SHA_" + bits);
                for (byte[] message : messages) {
                    Mac mac = Mac.getInstance("HmacSHA" + bits);
                    mac.init(new SecretKeySpec(material, "HmacSHA" + bits));
                    byte[] expected = mac.doFinal(message);
                    byte[] actual = kms.generateMac(b -> b.keyId(key.keyId()).message(sdk(message))
                            .macAlgorithm(algorithm)).mac().asByteArray();
                    assertEquals(HEX.formatHex(expected), HEX.formatHex(actual),
                            algorithm + " with a " + length + "-byte key over " + message.length + " bytes");
                }
            }
        }
    }

    @Test
    void hmac_rfc4231Cases6And7_withTheOversizedKeyHashedDown_giveThePublishedMacs() throws Exception {
        byte[] rfcKey = new byte[131];
        Arrays.fill(rfcKey, (byte) 0xaa);
        for (String[] vector : RFC4231_CASES_6_AND_7) {
            String bits = vector[0];
            byte[] material = MessageDigest.getInstance("SHA-" + bits).digest(rfcKey);
            KeyMetadata key = importKey(KeySpec.fromValue("HMAC_" + bits), KeyUsageType.GENERATE_VERIFY_MAC, material);
            MacAlgorithmSpec algorithm = MacAlgorithmSpec.fromValue("HMAC_SHA_" + bits);
            for (int i = 0; i < 2; i++) {
                byte[] data = (i == 0 ? RFC4231_CASE6_DATA : RFC4231_CASE7_DATA).getBytes(StandardCharsets.US_ASCII);
                String expected = vector[1 + i];
                String what = "RFC 4231 test case " + (6 + i) + ", " + algorithm;
                byte[] mac = kms.generateMac(b -> b.keyId(key.keyId()).message(sdk(data)).macAlgorithm(algorithm))
                        .mac().asByteArray();
                assertEquals(expected, HEX.formatHex(mac), what);
                assertTrue(kms.verifyMac(b -> b.keyId(key.keyId()).message(sdk(data)).macAlgorithm(algorithm)
                        .mac(sdk(HEX.parseHex(expected)))).macValid(), what + ": VerifyMac accepts the RFC's MAC");
            }
        }
    }

    @Test
    void ecdsaP256_rfc6979A25Key_publicPointIsPublished_signaturesVerify_andRfcSignaturesAreAccepted()
            throws Exception {
        AlgorithmParameters parameters = AlgorithmParameters.getInstance("EC");
        parameters.init(new ECGenParameterSpec("secp256r1"));
        ECParameterSpec curve = parameters.getParameterSpec(ECParameterSpec.class);
        KeyFactory factory = KeyFactory.getInstance("EC");
        PrivateKey privateKey = factory.generatePrivate(new ECPrivateKeySpec(RFC6979_P256_X, curve));
        PublicKey expectedPublic = factory.generatePublic(
                new ECPublicKeySpec(new ECPoint(RFC6979_P256_UX, RFC6979_P256_UY), curve));

        KeyMetadata key = importKey(KeySpec.ECC_NIST_P256, KeyUsageType.SIGN_VERIFY, privateKey.getEncoded());
        byte[] spki = publicKey(key);
        byte[] point = concat(new byte[] {4}, unsigned32(RFC6979_P256_UX), unsigned32(RFC6979_P256_UY));
        assertArrayEquals(concat(P256_SPKI_PREFIX, point), spki,
                "GetPublicKey is the RFC 5480 SubjectPublicKeyInfo of the RFC's (Ux, Uy)");
        assertArrayEquals(expectedPublic.getEncoded(), spki, "and the JDK's encoding of that public key");

        for (String[] vector : RFC6979_P256_SHA256) {
            byte[] message = vector[0].getBytes(StandardCharsets.US_ASCII);
            // ECDSA in KMS is randomized, so Trent's signature is checked by verification, not by equality.
            byte[] signature = kms.sign(b -> b.keyId(key.keyId()).message(sdk(message)).messageType(MessageType.RAW)
                    .signingAlgorithm(SigningAlgorithmSpec.ECDSA_SHA_256)).signature().asByteArray();
            assertTrue(Bc.verify("SHA256withECDSA", null, expectedPublic, message, signature),
                    "the JDK verifies Trent's ECDSA_SHA_256 signature of \"" + vector[0] + "\"");

            byte[] digest = MessageDigest.getInstance("SHA-256").digest(message);
            byte[] overDigest = kms.sign(b -> b.keyId(key.keyId()).message(sdk(digest))
                    .messageType(MessageType.DIGEST).signingAlgorithm(SigningAlgorithmSpec.ECDSA_SHA_256))
                    .signature().asByteArray();
            assertTrue(Bc.verify("SHA256withECDSA", null, expectedPublic, message, overDigest),
                    "the JDK verifies Trent's DIGEST signature as one of \"" + vector[0] + "\"");

            byte[] published = new DERSequence(new ASN1Encodable[] {
                new ASN1Integer(new BigInteger(vector[1], 16)), new ASN1Integer(new BigInteger(vector[2], 16))
            }).getEncoded();
            assertTrue(Bc.verify("SHA256withECDSA", null, expectedPublic, message, published),
                    "guard: the JDK accepts the RFC 6979 signature of \"" + vector[0] + "\"");
            assertTrue(kms.verify(b -> b.keyId(key.keyId()).message(sdk(message)).messageType(MessageType.RAW)
                    .signingAlgorithm(SigningAlgorithmSpec.ECDSA_SHA_256).signature(sdk(published)))
                    .signatureValid(), "Verify accepts the RFC 6979 signature of \"" + vector[0] + "\"");
            assertTrue(kms.verify(b -> b.keyId(key.keyId()).message(sdk(digest)).messageType(MessageType.DIGEST)
                    .signingAlgorithm(SigningAlgorithmSpec.ECDSA_SHA_256).signature(sdk(published)))
                    .signatureValid(), "Verify accepts the RFC 6979 signature of \"" + vector[0] + "\" as DIGEST");
        }
    }

    // ---------------------------------------------------------------------------------------------------------

    /** One RFC 8032 vector; the hex strings are kept as typed from the RFC. */
    private record Ed25519Vector(String name, String secretKeyHex, String publicKeyHex, String messageHex,
                                 String signatureHex) {
        byte[] secretKey() {
            return HEX.parseHex(secretKeyHex);
        }

        byte[] publicKey() {
            return HEX.parseHex(publicKeyHex);
        }

        byte[] message() {
            return HEX.parseHex(messageHex);
        }

        byte[] signature() {
            return HEX.parseHex(signatureHex);
        }
    }

    private KeyMetadata importEd25519(Ed25519Vector vector) throws GeneralSecurityException {
        byte[] pkcs8 = concat(ED25519_PKCS8_PREFIX, vector.secretKey());
        return importKey(KeySpec.ECC_NIST_EDWARDS25519, KeyUsageType.SIGN_VERIFY, pkcs8);
    }

    /** Creates an EXTERNAL key and imports {@code material}, wrapped with RSA-OAEP-SHA-256 and AES key wrap. */
    private KeyMetadata importKey(KeySpec spec, KeyUsageType usage, byte[] material) throws GeneralSecurityException {
        KeyMetadata key = kms.createKey(b -> b.keySpec(spec).keyUsage(usage).origin(OriginType.EXTERNAL))
                .keyMetadata();
        GetParametersForImportResponse parameters = kms.getParametersForImport(b -> b.keyId(key.keyId())
                .wrappingAlgorithm(AlgorithmSpec.RSA_AES_KEY_WRAP_SHA_256).wrappingKeySpec(WrappingKeySpec.RSA_2048));
        byte[] wrapped = wrapRsaAesSha256(Jca.rsaPublicKey(parameters.publicKey().asByteArray()), material);
        kms.importKeyMaterial(b -> b.keyId(key.keyId()).importToken(parameters.importToken())
                .encryptedKeyMaterial(sdk(wrapped)).expirationModel(ExpirationModelType.KEY_MATERIAL_DOES_NOT_EXPIRE));
        return key;
    }

    /** RSA_AES_KEY_WRAP_SHA_256: RSA-OAEP (SHA-256, MGF1-SHA-256) of a fresh AES-256 key, then AES-KWP (RFC 5649). */
    private static byte[] wrapRsaAesSha256(PublicKey wrappingKey, byte[] material) throws GeneralSecurityException {
        KeyGenerator generator = KeyGenerator.getInstance("AES");
        generator.init(256);
        SecretKey aes = generator.generateKey();
        Cipher oaep = Cipher.getInstance("RSA/ECB/OAEPPadding");
        oaep.init(Cipher.ENCRYPT_MODE, wrappingKey, new OAEPParameterSpec("SHA-256", "MGF1", MGF1ParameterSpec.SHA256,
                PSource.PSpecified.DEFAULT), new SecureRandom());
        byte[] head = oaep.doFinal(aes.getEncoded());
        Cipher kwp = Cipher.getInstance("AES/KWP/NoPadding");
        kwp.init(Cipher.ENCRYPT_MODE, aes);
        return concat(head, kwp.doFinal(material));
    }

    private byte[] publicKey(KeyMetadata key) {
        return kms.getPublicKey(b -> b.keyId(key.keyId())).publicKey().asByteArray();
    }

    private static byte[] jcaSign(String algorithm, PrivateKey key, byte[] message) throws GeneralSecurityException {
        Signature signer = Signature.getInstance(algorithm);
        signer.initSign(key);
        signer.update(message);
        return signer.sign();
    }

    /** Pure Ed25519 (RFC 8032 section 5.1.6) with BouncyCastle's low-level API. */
    private static byte[] bcEd25519(byte[] seed, byte[] message) {
        Ed25519Signer signer = new Ed25519Signer();
        signer.init(true, new Ed25519PrivateKeyParameters(seed, 0));
        signer.update(message, 0, message.length);
        return signer.generateSignature();
    }

    /** Ed25519ph with an empty context: BouncyCastle applies the SHA-512 prehash to {@code message}. */
    private static byte[] bcEd25519ph(byte[] seed, byte[] message) {
        Ed25519phSigner signer = new Ed25519phSigner(new byte[0]);
        signer.init(true, new Ed25519PrivateKeyParameters(seed, 0));
        signer.update(message, 0, message.length);
        return signer.generateSignature();
    }

    /** A P-256 coordinate as exactly 32 big-endian bytes. */
    private static byte[] unsigned32(BigInteger value) {
        byte[] bytes = value.toByteArray();
        byte[] out = new byte[32];
        int length = Math.min(bytes.length, 32);
        System.arraycopy(bytes, bytes.length - length, out, 32 - length, length);
        return out;
    }

    private static byte[] concat(byte[]... parts) {
        int length = 0;
        for (byte[] part : parts) {
            length += part.length;
        }
        byte[] out = new byte[length];
        int at = 0;
        for (byte[] part : parts) {
            System.arraycopy(part, 0, out, at, part.length);
            at += part.length;
        }
        return out;
    }
}
