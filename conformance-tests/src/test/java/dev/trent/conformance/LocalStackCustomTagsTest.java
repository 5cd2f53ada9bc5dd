package dev.trent.conformance;

import static dev.trent.conformance.KmsErrors.assertKmsErrorType;
import static dev.trent.conformance.KmsErrors.assertUnmodeledErrorCode;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.security.spec.ECGenParameterSpec;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.kms.model.AlreadyExistsException;
import software.amazon.awssdk.services.kms.model.CreateKeyRequest;
import software.amazon.awssdk.services.kms.model.DataKeySpec;
import software.amazon.awssdk.services.kms.model.GenerateDataKeyResponse;
import software.amazon.awssdk.services.kms.model.KeyMetadata;
import software.amazon.awssdk.services.kms.model.KeySpec;
import software.amazon.awssdk.services.kms.model.KeyUsageType;
import software.amazon.awssdk.services.kms.model.MacAlgorithmSpec;
import software.amazon.awssdk.services.kms.model.MessageType;
import software.amazon.awssdk.services.kms.model.OriginType;
import software.amazon.awssdk.services.kms.model.SigningAlgorithmSpec;
import software.amazon.awssdk.services.kms.model.Tag;

/** LocalStack's reserved CreateKey tags, _custom_id_ and _custom_key_material_, through the AWS SDK. */
class LocalStackCustomTagsTest extends TrentTestBase {

    private static final String CUSTOM_ID = "_custom_id_";
    private static final String CUSTOM_MATERIAL = "_custom_key_material_";

    private KeyMetadata create(CreateKeyRequest.Builder request, Tag... tags) {
        return kms.createKey(request.tags(tags).build()).keyMetadata();
    }

    private static Tag tag(String key, String value) {
        return Tag.builder().tagKey(key).tagValue(value).build();
    }

    @Test
    void customIdAndAesMaterial_makeAnOrdinaryKey_withoutTheReservedTags() {
        String id = UUID.randomUUID().toString();
        KeyMetadata key = create(CreateKeyRequest.builder().description("known"),
                tag(CUSTOM_ID, id), tag(CUSTOM_MATERIAL, Base64.getEncoder().encodeToString(randomBytes(32))),
                tag("team", "payments"));

        assertEquals(id, key.keyId());
        assertEquals(keyArn(id), key.arn());
        assertEquals(OriginType.AWS_KMS, key.origin());
        assertEquals(List.of(tag("team", "payments")), kms.listResourceTags(r -> r.keyId(id)).tags());

        GenerateDataKeyResponse dataKey = kms.generateDataKey(r -> r.keyId(id).keySpec(DataKeySpec.AES_256));
        assertArrayEquals(dataKey.plaintext().asByteArray(),
                kms.decrypt(r -> r.ciphertextBlob(dataKey.ciphertextBlob())).plaintext().asByteArray());
        SdkBytes ciphertext = kms.encrypt(r -> r.keyId(id).plaintext(utf8("hello"))).ciphertextBlob();
        assertEquals("hello", kms.decrypt(r -> r.ciphertextBlob(ciphertext)).plaintext().asUtf8String());

        kms.rotateKeyOnDemand(r -> r.keyId(id));
        assertEquals(1, kms.listKeyRotations(r -> r.keyId(id)).rotations().size());
        assertEquals("hello", kms.decrypt(r -> r.ciphertextBlob(ciphertext)).plaintext().asUtf8String());
    }

    @Test
    void hmacMaterial_macsAsJcaDoes() throws Exception {
        byte[] material = randomBytes(32);
        byte[] message = "known answer".getBytes(StandardCharsets.UTF_8);
        CreateKeyRequest.Builder request = CreateKeyRequest.builder().keySpec(KeySpec.HMAC_256)
                .keyUsage(KeyUsageType.GENERATE_VERIFY_MAC);
        String id = create(request,
                tag(CUSTOM_MATERIAL, Base64.getEncoder().encodeToString(material))).keyId();

        Mac jca = Mac.getInstance("HmacSHA256");
        jca.init(new SecretKeySpec(material, "HmacSHA256"));
        assertArrayEquals(jca.doFinal(message), kms.generateMac(r -> r.keyId(id).message(sdk(message))
                .macAlgorithm(MacAlgorithmSpec.HMAC_SHA_256)).mac().asByteArray());
    }

    @Test
    void eccMaterial_asBase64Der_signsWithThatKey() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec("secp256r1"));
        KeyPair pair = generator.generateKeyPair();
        CreateKeyRequest.Builder request = CreateKeyRequest.builder().keySpec(KeySpec.ECC_NIST_P256)
                .keyUsage(KeyUsageType.SIGN_VERIFY);
        String id = create(request,
                tag(CUSTOM_MATERIAL, Base64.getEncoder().encodeToString(pair.getPrivate().getEncoded()))).keyId();
        byte[] message = "signed by a known key".getBytes(StandardCharsets.UTF_8);

        byte[] signature = kms.sign(r -> r.keyId(id).message(sdk(message)).messageType(MessageType.RAW)
                .signingAlgorithm(SigningAlgorithmSpec.ECDSA_SHA_256)).signature().asByteArray();

        Signature verifier = Signature.getInstance("SHA256withECDSA");
        verifier.initVerify(pair.getPublic());
        verifier.update(message);
        assertTrue(verifier.verify(signature));
    }

    @Test
    void errors_idInUse_malformedId_wrongMaterial() {
        String id = UUID.randomUUID().toString();
        create(CreateKeyRequest.builder(), tag(CUSTOM_ID, id));

        AlreadyExistsException inUse = assertKmsErrorType(AlreadyExistsException.class,
                () -> create(CreateKeyRequest.builder(), tag(CUSTOM_ID, id)));
        assertTrue(inUse.awsErrorDetails().errorMessage().contains(id), inUse.getMessage());
        assertUnmodeledErrorCode("ValidationException",
                () -> create(CreateKeyRequest.builder(), tag(CUSTOM_ID, "my-key")));
        assertUnmodeledErrorCode("ValidationException", () -> create(CreateKeyRequest.builder(),
                tag(CUSTOM_MATERIAL, Base64.getEncoder().encodeToString(randomBytes(16)))));
        assertUnmodeledErrorCode("ValidationException", () -> create(CreateKeyRequest.builder(),
                tag(CUSTOM_MATERIAL, "not base64!")));
        // The same id is free in another Region.
        assertEquals(id, clientIn(Region.EU_WEST_1).createKey(r -> r.tags(tag(CUSTOM_ID, id))).keyMetadata().keyId());
    }
}
