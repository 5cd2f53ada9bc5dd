package dev.trent.conformance;

import static dev.trent.conformance.KmsErrors.assertUnmodeledError;
import static dev.trent.conformance.KmsErrors.assertUnmodeledErrorCode;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.KeyFactory;
import java.security.KeyPairGenerator;
import java.security.Provider;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Arrays;
import java.util.List;
import javax.crypto.KeyAgreement;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.bouncycastle.asn1.ASN1EncodableVector;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.DEROctetString;
import org.bouncycastle.asn1.DERSequence;
import org.bouncycastle.crypto.digests.SM3Digest;
import org.bouncycastle.crypto.engines.SM2Engine;
import org.bouncycastle.crypto.params.ECDomainParameters;
import org.bouncycastle.crypto.params.ECPublicKeyParameters;
import org.bouncycastle.crypto.params.ParametersWithRandom;
import org.bouncycastle.jce.interfaces.ECPublicKey;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.bouncycastle.jce.spec.ECParameterSpec;
import org.bouncycastle.util.BigIntegers;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.kms.model.AlgorithmSpec;
import software.amazon.awssdk.services.kms.model.EncryptionAlgorithmSpec;
import software.amazon.awssdk.services.kms.model.ExpirationModelType;
import software.amazon.awssdk.services.kms.model.GetParametersForImportResponse;
import software.amazon.awssdk.services.kms.model.KeyAgreementAlgorithmSpec;
import software.amazon.awssdk.services.kms.model.KeyMetadata;
import software.amazon.awssdk.services.kms.model.KeySpec;
import software.amazon.awssdk.services.kms.model.KeyUsageType;
import software.amazon.awssdk.services.kms.model.MacAlgorithmSpec;
import software.amazon.awssdk.services.kms.model.MessageType;
import software.amazon.awssdk.services.kms.model.OriginType;
import software.amazon.awssdk.services.kms.model.SigningAlgorithmSpec;
import software.amazon.awssdk.services.kms.model.WrappingKeySpec;

/**
 * SM2 keys through the SDK, every result checked by BouncyCastle's own SM2: SM2DSA with the default
 * distinguishing ID 1234567812345678 (RAW, and DIGEST with e = SM3(Z_A || M)), SM2PKE with GM/T 0009 DER
 * ciphertexts (also as the wrapping of imported key material), ECDH on the SM2 curve.
 */
class Sm2KeyTest extends TrentTestBase {

    private static final Provider BC = new BouncyCastleProvider();
    private static final byte[] MESSAGE = "SM2 message".getBytes(StandardCharsets.UTF_8);

    private KeyMetadata signing;
    private KeyMetadata encryption;
    private KeyMetadata agreement;

    @BeforeAll
    void createKeys() {
        signing = newKey(KeySpec.SM2, KeyUsageType.SIGN_VERIFY);
        encryption = newKey(KeySpec.SM2, KeyUsageType.ENCRYPT_DECRYPT);
        agreement = newKey(KeySpec.SM2, KeyUsageType.KEY_AGREEMENT);
    }

    @Test
    void describeKey_listsTheAlgorithmOfEachUsage() {
        assertEquals(List.of(SigningAlgorithmSpec.SM2_DSA), signing.signingAlgorithms());
        assertEquals(List.of(EncryptionAlgorithmSpec.SM2_PKE), encryption.encryptionAlgorithms());
        assertEquals(List.of(KeyAgreementAlgorithmSpec.ECDH), agreement.keyAgreementAlgorithms());
        assertEquals(KeySpec.SM2, signing.keySpec());
    }

    @Test
    void sign_raw_verifiesWithBouncyCastle() throws Exception {
        byte[] signature = kms.sign(b -> b.keyId(signing.keyId()).message(sdk(MESSAGE))
                .signingAlgorithm(SigningAlgorithmSpec.SM2_DSA)).signature().asByteArray();

        assertTrue(bouncyCastleVerifies(signing, signature));
    }

    @Test
    void sign_digest_ofZaAndMessage_verifiesAsASignatureOfTheMessage() throws Exception {
        byte[] e = digest(publicKey(signing), MESSAGE);
        byte[] signature = kms.sign(b -> b.keyId(signing.keyId()).message(sdk(e)).messageType(MessageType.DIGEST)
                .signingAlgorithm(SigningAlgorithmSpec.SM2_DSA)).signature().asByteArray();

        assertTrue(bouncyCastleVerifies(signing, signature));
        assertTrue(kms.verify(b -> b.keyId(signing.keyId()).message(sdk(MESSAGE)).signature(sdk(signature))
                .signingAlgorithm(SigningAlgorithmSpec.SM2_DSA)).signatureValid());
    }

    @Test
    void sign_digestOfWrongLength_throwsValidation() {
        assertUnmodeledError("ValidationException", "Digest is invalid length for algorithm SM2DSA.",
                () -> kms.sign(b -> b.keyId(signing.keyId()).message(sdk(new byte[20])).messageType(MessageType.DIGEST)
                        .signingAlgorithm(SigningAlgorithmSpec.SM2_DSA)));
    }

    @Test
    void ciphertextMadeByBouncyCastle_decryptsInTrent() throws Exception {
        byte[] plaintext = randomBytes(1024);
        byte[] ciphertext = sm2Encrypt(publicKey(encryption), plaintext);

        byte[] decrypted = kms.decrypt(b -> b.keyId(encryption.keyId()).ciphertextBlob(sdk(ciphertext))
                .encryptionAlgorithm(EncryptionAlgorithmSpec.SM2_PKE)).plaintext().asByteArray();

        assertArrayEquals(plaintext, decrypted);
    }

    @Test
    void encrypt_thenDecrypt_roundTrips_upTo1024Bytes() {
        byte[] plaintext = randomBytes(1024);
        SdkBytes ciphertext = kms.encrypt(b -> b.keyId(encryption.keyId()).plaintext(sdk(plaintext))
                .encryptionAlgorithm(EncryptionAlgorithmSpec.SM2_PKE)).ciphertextBlob();

        assertArrayEquals(plaintext, kms.decrypt(b -> b.keyId(encryption.keyId()).ciphertextBlob(ciphertext)
                .encryptionAlgorithm(EncryptionAlgorithmSpec.SM2_PKE)).plaintext().asByteArray());
        assertUnmodeledError("ValidationException",
                "Algorithm SM2PKE and key spec SM2 cannot encrypt data larger than 1024 bytes.",
                () -> kms.encrypt(b -> b.keyId(encryption.keyId()).plaintext(sdk(randomBytes(1025)))
                        .encryptionAlgorithm(EncryptionAlgorithmSpec.SM2_PKE)));
    }

    @Test
    void deriveSharedSecret_matchesBouncyCastleEcdh() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC", BC);
        generator.initialize(new ECGenParameterSpec("sm2p256v1"));
        var peer = generator.generateKeyPair();

        byte[] secret = kms.deriveSharedSecret(b -> b.keyId(agreement.keyId())
                .keyAgreementAlgorithm(KeyAgreementAlgorithmSpec.ECDH)
                .publicKey(sdk(peer.getPublic().getEncoded()))).sharedSecret().asByteArray();

        KeyAgreement ecdh = KeyAgreement.getInstance("ECDH", BC);
        ecdh.init(peer.getPrivate());
        ecdh.doPhase(publicKey(agreement), true);
        assertArrayEquals(ecdh.generateSecret(), secret);
    }

    @Test
    void importKeyMaterial_wrappedWithSm2pke_givesTheMacsOfThoseBytes() throws Exception {
        KeyMetadata hmac = kms.createKey(b -> b.keySpec(KeySpec.HMAC_256).keyUsage(KeyUsageType.GENERATE_VERIFY_MAC)
                .origin(OriginType.EXTERNAL)).keyMetadata();
        GetParametersForImportResponse parameters = kms.getParametersForImport(b -> b.keyId(hmac.keyId())
                .wrappingAlgorithm(AlgorithmSpec.SM2_PKE).wrappingKeySpec(WrappingKeySpec.SM2));
        ECPublicKey wrappingKey = (ECPublicKey) KeyFactory.getInstance("EC", BC)
                .generatePublic(new X509EncodedKeySpec(parameters.publicKey().asByteArray()));
        byte[] material = randomBytes(32);
        byte[] wrapped = sm2Encrypt(wrappingKey, material);

        kms.importKeyMaterial(b -> b.keyId(hmac.keyId()).importToken(parameters.importToken())
                .encryptedKeyMaterial(sdk(wrapped))
                .expirationModel(ExpirationModelType.KEY_MATERIAL_DOES_NOT_EXPIRE));

        Mac jdk = Mac.getInstance("HmacSHA256");
        jdk.init(new SecretKeySpec(material, "HmacSHA256"));
        assertArrayEquals(jdk.doFinal(MESSAGE), kms.generateMac(b -> b.keyId(hmac.keyId()).message(sdk(MESSAGE))
                .macAlgorithm(MacAlgorithmSpec.HMAC_SHA_256)).mac().asByteArray());
    }

    @Test
    void getParametersForImport_rsaAlgorithmWithSm2Spec_throwsValidation() {
        KeyMetadata external = kms.createKey(b -> b.origin(OriginType.EXTERNAL)).keyMetadata();
        assertUnmodeledErrorCode("ValidationException", () -> kms.getParametersForImport(b -> b.keyId(external.keyId())
                .wrappingAlgorithm(AlgorithmSpec.RSAES_OAEP_SHA_256).wrappingKeySpec(WrappingKeySpec.SM2)));
    }

    /** SM2PKE with BouncyCastle's SM2Engine, laid out as GM/T 0009 DER. */
    private static byte[] sm2Encrypt(ECPublicKey publicKey, byte[] plaintext) throws Exception {
        ECParameterSpec spec = publicKey.getParameters();
        SM2Engine engine = new SM2Engine(SM2Engine.Mode.C1C3C2);
        engine.init(true, new ParametersWithRandom(new ECPublicKeyParameters(publicKey.getQ(),
                new ECDomainParameters(spec.getCurve(), spec.getG(), spec.getN(), spec.getH())), new java.security.SecureRandom()));
        byte[] raw = engine.processBlock(plaintext, 0, plaintext.length);
        ASN1EncodableVector fields = new ASN1EncodableVector();
        fields.add(new ASN1Integer(new BigInteger(1, Arrays.copyOfRange(raw, 1, 33))));
        fields.add(new ASN1Integer(new BigInteger(1, Arrays.copyOfRange(raw, 33, 65))));
        fields.add(new DEROctetString(Arrays.copyOfRange(raw, 65, 97)));
        fields.add(new DEROctetString(Arrays.copyOfRange(raw, 97, raw.length)));
        return new DERSequence(fields).getEncoded("DER");
    }

    private boolean bouncyCastleVerifies(KeyMetadata key, byte[] signature) throws Exception {
        Signature verifier = Signature.getInstance("SM3withSM2", BC);
        verifier.initVerify((PublicKey) publicKey(key));
        verifier.update(MESSAGE);
        return verifier.verify(signature);
    }

    private ECPublicKey publicKey(KeyMetadata key) throws Exception {
        byte[] spki = kms.getPublicKey(b -> b.keyId(key.keyId())).publicKey().asByteArray();
        return (ECPublicKey) KeyFactory.getInstance("EC", BC).generatePublic(new X509EncodedKeySpec(spki));
    }

    /** e = SM3(Z_A || M) with Z_A over the default distinguishing ID (GB/T 32918.2 section 5.5). */
    private static byte[] digest(ECPublicKey publicKey, byte[] message) {
        ECParameterSpec domain = publicKey.getParameters();
        byte[] id = "1234567812345678".getBytes(StandardCharsets.US_ASCII);
        SM3Digest z = new SM3Digest();
        z.update((byte) 0x00);
        z.update((byte) 0x80);
        z.update(id, 0, id.length);
        for (BigInteger value : new BigInteger[] {
            domain.getCurve().getA().toBigInteger(), domain.getCurve().getB().toBigInteger(),
            domain.getG().getAffineXCoord().toBigInteger(), domain.getG().getAffineYCoord().toBigInteger(),
            publicKey.getQ().getAffineXCoord().toBigInteger(), publicKey.getQ().getAffineYCoord().toBigInteger()}) {
            byte[] bytes = BigIntegers.asUnsignedByteArray(32, value);
            z.update(bytes, 0, bytes.length);
        }
        byte[] za = new byte[32];
        z.doFinal(za, 0);
        SM3Digest e = new SM3Digest();
        e.update(za, 0, za.length);
        e.update(message, 0, message.length);
        byte[] out = new byte[32];
        e.doFinal(out, 0);
        return out;
    }
}
