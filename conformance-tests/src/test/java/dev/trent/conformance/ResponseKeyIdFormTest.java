package dev.trent.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.spec.ECGenParameterSpec;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.kms.model.AlgorithmSpec;
import software.amazon.awssdk.services.kms.model.CreateGrantResponse;
import software.amazon.awssdk.services.kms.model.DataKeyPairSpec;
import software.amazon.awssdk.services.kms.model.ExpirationModelType;
import software.amazon.awssdk.services.kms.model.GetParametersForImportResponse;
import software.amazon.awssdk.services.kms.model.GrantOperation;
import software.amazon.awssdk.services.kms.model.KeyAgreementAlgorithmSpec;
import software.amazon.awssdk.services.kms.model.KeyMetadata;
import software.amazon.awssdk.services.kms.model.KeySpec;
import software.amazon.awssdk.services.kms.model.KeyUsageType;
import software.amazon.awssdk.services.kms.model.MacAlgorithmSpec;
import software.amazon.awssdk.services.kms.model.OriginType;
import software.amazon.awssdk.services.kms.model.SigningAlgorithmSpec;
import software.amazon.awssdk.services.kms.model.WrappingKeySpec;

/**
 * The form of the KeyId member in every answer that has one, named by the key id: AWS answers the key ARN where
 * the model documents "key ARN" (and for RotateKeyOnDemand, GetKeyRotationStatus, DeriveSharedSecret and the MAC
 * operations, as recorded), and the bare key id where it documents "the globally unique identifier" or "unique
 * identifier of the key" (KeyMetadata, GetKeyLastUsage, ListKeys, ListKeyRotations).
 */
class ResponseKeyIdFormTest extends TrentTestBase {

    @Test
    void symmetricOperations_answerTheKeyArn() throws Exception {
        KeyMetadata key = newSymmetricKey();
        String id = key.keyId();
        SdkBytes blob = kms.encrypt(b -> b.keyId(id).plaintext(utf8("form"))).ciphertextBlob();

        assertEquals(key.arn(), kms.encrypt(b -> b.keyId(id).plaintext(utf8("form"))).keyId(), "Encrypt");
        assertEquals(key.arn(), kms.decrypt(b -> b.ciphertextBlob(blob)).keyId(), "Decrypt");
        var reEncrypted = kms.reEncrypt(b -> b.ciphertextBlob(blob).destinationKeyId(id));
        assertEquals(key.arn(), reEncrypted.keyId(), "ReEncrypt.KeyId");
        assertEquals(key.arn(), reEncrypted.sourceKeyId(), "ReEncrypt.SourceKeyId");
        assertEquals(key.arn(), kms.generateDataKey(b -> b.keyId(id).numberOfBytes(16)).keyId(), "GenerateDataKey");
        assertEquals(key.arn(), kms.generateDataKeyWithoutPlaintext(b -> b.keyId(id).numberOfBytes(16)).keyId(),
                "GenerateDataKeyWithoutPlaintext");
        assertEquals(key.arn(), kms.generateDataKeyPair(b -> b.keyId(id).keyPairSpec(DataKeyPairSpec.ECC_NIST_P256))
                .keyId(), "GenerateDataKeyPair");
        assertEquals(key.arn(), kms.generateDataKeyPairWithoutPlaintext(b -> b.keyId(id)
                .keyPairSpec(DataKeyPairSpec.ECC_NIST_P256)).keyId(), "GenerateDataKeyPairWithoutPlaintext");
        assertEquals(key.arn(), kms.rotateKeyOnDemand(b -> b.keyId(id)).keyId(), "RotateKeyOnDemand");
        KeyRotations.awaitOnDemandRotationDone(kms, id);
        assertEquals(key.arn(), kms.getKeyRotationStatus(b -> b.keyId(id)).keyId(), "GetKeyRotationStatus");
        assertEquals(id, kms.getKeyLastUsage(b -> b.keyId(id)).keyId(), "GetKeyLastUsage");
        assertEquals(id, kms.describeKey(b -> b.keyId(key.arn())).keyMetadata().keyId(), "DescribeKey");
        assertEquals(id, kms.listKeyRotations(b -> b.keyId(id)).rotations().get(0).keyId(), "ListKeyRotations");
        assertEquals(1, kms.listKeys().keys().stream().filter(k -> k.keyId().equals(id)).count(), "ListKeys");
        CreateGrantResponse grant = kms.createGrant(b -> b.keyId(id).granteePrincipal("arn:aws:iam::" + ACCOUNT
                + ":role/form").operations(GrantOperation.DECRYPT));
        assertEquals(key.arn(), kms.listGrants(b -> b.keyId(id).grantId(grant.grantId())).grants().get(0).keyId(),
                "ListGrants");
        assertEquals(key.arn(), kms.scheduleKeyDeletion(b -> b.keyId(id).pendingWindowInDays(7)).keyId(),
                "ScheduleKeyDeletion");
        assertEquals(key.arn(), kms.cancelKeyDeletion(b -> b.keyId(id)).keyId(), "CancelKeyDeletion");
    }

    @Test
    void asymmetricAndMacOperations_answerTheKeyArn() throws Exception {
        KeyMetadata signing = newKey(KeySpec.ECC_NIST_P256, KeyUsageType.SIGN_VERIFY);
        SdkBytes message = utf8("form");
        var signed = kms.sign(b -> b.keyId(signing.keyId()).message(message)
                .signingAlgorithm(SigningAlgorithmSpec.ECDSA_SHA_256));
        assertEquals(signing.arn(), signed.keyId(), "Sign");
        assertEquals(signing.arn(), kms.verify(b -> b.keyId(signing.keyId()).message(message)
                .signature(signed.signature()).signingAlgorithm(SigningAlgorithmSpec.ECDSA_SHA_256)).keyId(), "Verify");
        assertEquals(signing.arn(), kms.getPublicKey(b -> b.keyId(signing.keyId())).keyId(), "GetPublicKey");

        KeyMetadata hmac = newKey(KeySpec.HMAC_256, KeyUsageType.GENERATE_VERIFY_MAC);
        var mac = kms.generateMac(b -> b.keyId(hmac.keyId()).message(message).macAlgorithm(MacAlgorithmSpec.HMAC_SHA_256));
        assertEquals(hmac.arn(), mac.keyId(), "GenerateMac");
        assertEquals(hmac.arn(), kms.verifyMac(b -> b.keyId(hmac.keyId()).message(message).mac(mac.mac())
                .macAlgorithm(MacAlgorithmSpec.HMAC_SHA_256)).keyId(), "VerifyMac");

        KeyMetadata agreement = newKey(KeySpec.ECC_NIST_P256, KeyUsageType.KEY_AGREEMENT);
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec("secp256r1"));
        KeyPair peer = generator.generateKeyPair();
        assertEquals(agreement.arn(), kms.deriveSharedSecret(b -> b.keyId(agreement.keyId())
                .keyAgreementAlgorithm(KeyAgreementAlgorithmSpec.ECDH)
                .publicKey(sdk(peer.getPublic().getEncoded()))).keyId(), "DeriveSharedSecret");
    }

    @Test
    void importOperations_answerTheKeyArn() throws Exception {
        KeyMetadata key = kms.createKey(b -> b.origin(OriginType.EXTERNAL)).keyMetadata();
        GetParametersForImportResponse parameters = kms.getParametersForImport(b -> b.keyId(key.keyId())
                .wrappingAlgorithm(AlgorithmSpec.RSAES_OAEP_SHA_256).wrappingKeySpec(WrappingKeySpec.RSA_2048));
        assertEquals(key.arn(), parameters.keyId(), "GetParametersForImport");

        byte[] wrapped = Jca.wrapForImport(parameters, randomBytes(32));
        assertEquals(key.arn(), kms.importKeyMaterial(b -> b.keyId(key.keyId()).importToken(parameters.importToken())
                .encryptedKeyMaterial(sdk(wrapped)).expirationModel(ExpirationModelType.KEY_MATERIAL_DOES_NOT_EXPIRE))
                .keyId(), "ImportKeyMaterial");
        assertEquals(key.arn(), kms.deleteImportedKeyMaterial(b -> b.keyId(key.keyId())).keyId(),
                "DeleteImportedKeyMaterial");
    }
}
