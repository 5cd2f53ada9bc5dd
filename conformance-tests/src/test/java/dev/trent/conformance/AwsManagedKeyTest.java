package dev.trent.conformance;

import static dev.trent.conformance.KmsErrors.assertKmsError;
import static dev.trent.conformance.KmsErrors.assertUnmodeledError;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.kms.KmsClient;
import software.amazon.awssdk.services.kms.model.AliasListEntry;
import software.amazon.awssdk.services.kms.model.DataKeySpec;
import software.amazon.awssdk.services.kms.model.EncryptResponse;
import software.amazon.awssdk.services.kms.model.ExpirationModelType;
import software.amazon.awssdk.services.kms.model.GetKeyRotationStatusResponse;
import software.amazon.awssdk.services.kms.model.InvalidAliasNameException;
import software.amazon.awssdk.services.kms.model.KeyManagerType;
import software.amazon.awssdk.services.kms.model.KeyMetadata;
import software.amazon.awssdk.services.kms.model.KeyState;
import software.amazon.awssdk.services.kms.model.NotFoundException;
import software.amazon.awssdk.services.kms.model.OriginType;
import software.amazon.awssdk.services.kms.model.Tag;

/**
 * AWS managed keys through the real SDK: created on first use of {@code alias/aws/<name>}, used like any
 * symmetric key, listed with their aliases, and refused every change with the AccessDeniedException of a key
 * policy that grants none.
 */
class AwsManagedKeyTest extends TrentTestBase {

    private static final String RESERVED_MESSAGE = "Alias names beginning with alias/aws/ are reserved for AWS "
            + "managed keys.";

    @Test
    void encrypt_withAnAwsAlias_createsTheKey_andDecryptNeedsNoKeyId() {
        SdkBytes plaintext = utf8("object body");

        EncryptResponse encrypted = kms.encrypt(b -> b.keyId("alias/aws/s3").plaintext(plaintext));
        SdkBytes decrypted = kms.decrypt(b -> b.ciphertextBlob(encrypted.ciphertextBlob())).plaintext();

        assertEquals(plaintext, decrypted);
        KeyMetadata key = kms.describeKey(b -> b.keyId("alias/aws/s3")).keyMetadata();
        assertEquals(key.arn(), encrypted.keyId());
    }

    @Test
    void describeKey_reportsAnAwsManagedKey_andTheSameKeyEveryTime() {
        KeyMetadata first = kms.describeKey(b -> b.keyId("alias/aws/secretsmanager")).keyMetadata();
        KeyMetadata again = kms.describeKey(b -> b.keyId(aliasArn("alias/aws/secretsmanager"))).keyMetadata();

        assertEquals(KeyManagerType.AWS, first.keyManager());
        assertEquals(OriginType.AWS_KMS, first.origin());
        assertEquals(KeyState.ENABLED, first.keyState());
        assertEquals("SYMMETRIC_DEFAULT", first.keySpecAsString());
        assertEquals("ENCRYPT_DECRYPT", first.keyUsageAsString());
        assertEquals(ACCOUNT, first.awsAccountId());
        assertEquals(keyArn(first.keyId()), first.arn());
        assertEquals("AWS managed key for secretsmanager, created by Trent on first use of alias/aws/secretsmanager.",
                first.description());
        assertEquals(first, again);
        assertEquals(KeyManagerType.CUSTOMER, newSymmetricKey().keyManager());
    }

    @Test
    void generateDataKey_andReEncrypt_acceptAwsAliases() {
        KeyMetadata source = newSymmetricKey();
        SdkBytes blob = kms.encrypt(b -> b.keyId(source.keyId()).plaintext(utf8("moved"))).ciphertextBlob();

        var dataKey = kms.generateDataKey(b -> b.keyId("alias/aws/dynamodb").keySpec(DataKeySpec.AES_256));
        var reEncrypted = kms.reEncrypt(b -> b.ciphertextBlob(blob).destinationKeyId("alias/aws/lambda"));

        KeyMetadata dynamodb = kms.describeKey(b -> b.keyId("alias/aws/dynamodb")).keyMetadata();
        KeyMetadata lambda = kms.describeKey(b -> b.keyId("alias/aws/lambda")).keyMetadata();
        assertEquals(dynamodb.arn(), dataKey.keyId());
        assertEquals(lambda.arn(), reEncrypted.keyId());
        assertEquals(dataKey.plaintext(), kms.decrypt(b -> b.ciphertextBlob(dataKey.ciphertextBlob())).plaintext());
        assertEquals(utf8("moved"), kms.decrypt(b -> b.ciphertextBlob(reEncrypted.ciphertextBlob())).plaintext());
    }

    @Test
    void listAliases_andListKeys_showTheCreatedKey() {
        KeyMetadata key = kms.describeKey(b -> b.keyId("alias/aws/ebs")).keyMetadata();

        AliasListEntry alias = kms.listAliases().aliases().stream()
                .filter(a -> a.aliasName().equals("alias/aws/ebs")).findFirst().orElseThrow();
        assertEquals(key.keyId(), alias.targetKeyId());
        assertEquals(aliasArn("alias/aws/ebs"), alias.aliasArn());
        assertEquals(key.creationDate(), alias.creationDate());
        assertEquals(key.creationDate(), alias.lastUpdatedDate());
        assertEquals(List.of(alias), kms.listAliases(b -> b.keyId(key.keyId())).aliases());
        assertEquals(List.of(alias), kms.listAliases(b -> b.keyId(key.arn())).aliases());
        assertTrue(kms.listKeys().keys().stream().anyMatch(k -> k.keyId().equals(key.keyId())));
    }

    @Test
    void anUnusedAwsAlias_isNotListed_andAMalformedOneIsNotFound() {
        assertFalse(kms.listAliases().aliases().stream().anyMatch(a -> a.aliasName().equals("alias/aws/unused")));
        assertKmsError(NotFoundException.class, "Alias " + aliasArn("alias/aws/S3") + " is not found.",
                () -> kms.describeKey(b -> b.keyId("alias/aws/S3")));
        assertFalse(kms.listAliases().aliases().stream().anyMatch(a -> a.aliasName().equals("alias/aws/S3")));
    }

    @Test
    void rotation_isAutomaticEveryYear_andThePolicyAllowsUseThroughTheService() {
        KeyMetadata key = kms.describeKey(b -> b.keyId("alias/aws/sqs")).keyMetadata();

        GetKeyRotationStatusResponse status = kms.getKeyRotationStatus(b -> b.keyId(key.keyId()));
        assertTrue(status.keyRotationEnabled());
        assertEquals(365, status.rotationPeriodInDays());
        assertEquals(key.creationDate().plusSeconds(365L * 24 * 3600), status.nextRotationDate());
        String policy = kms.getKeyPolicy(b -> b.keyId(key.keyId()).policyName("default")).policy();
        assertTrue(policy.contains("\"kms:ViaService\" : \"sqs.us-east-1.amazonaws.com\""), policy);
        assertTrue(policy.contains("\"kms:CallerAccount\" : \"" + ACCOUNT + "\""), policy);
    }

    @Test
    void everyChange_isAccessDenied() {
        KeyMetadata key = kms.describeKey(b -> b.keyId("alias/aws/sns")).keyMetadata();
        String id = key.keyId();
        KeyMetadata customer = newSymmetricKey();
        String customerAlias = uniqueAlias("customer");
        kms.createAlias(b -> b.aliasName(customerAlias).targetKeyId(customer.keyId()));
        String defaultPolicy = kms.getKeyPolicy(b -> b.keyId(customer.keyId()).policyName("default")).policy();

        assertDenied("PutKeyPolicy", key, () -> kms.putKeyPolicy(b -> b.keyId(id).policyName("default")
                .policy(defaultPolicy)));
        assertDenied("DisableKey", key, () -> kms.disableKey(b -> b.keyId(id)));
        assertDenied("EnableKey", key, () -> kms.enableKey(b -> b.keyId(id)));
        assertDenied("ScheduleKeyDeletion", key, () -> kms.scheduleKeyDeletion(b -> b.keyId(id)
                .pendingWindowInDays(7)));
        assertDenied("CancelKeyDeletion", key, () -> kms.cancelKeyDeletion(b -> b.keyId(id)));
        assertDenied("TagResource", key, () -> kms.tagResource(b -> b.keyId(id)
                .tags(Tag.builder().tagKey("team").tagValue("a").build())));
        assertDenied("UntagResource", key, () -> kms.untagResource(b -> b.keyId(id).tagKeys("team")));
        assertDenied("UpdateKeyDescription", key, () -> kms.updateKeyDescription(b -> b.keyId(id)
                .description("mine")));
        assertDenied("EnableKeyRotation", key, () -> kms.enableKeyRotation(b -> b.keyId(id)));
        assertDenied("DisableKeyRotation", key, () -> kms.disableKeyRotation(b -> b.keyId(id)));
        assertDenied("RotateKeyOnDemand", key, () -> kms.rotateKeyOnDemand(b -> b.keyId(id)));
        assertDenied("ImportKeyMaterial", key, () -> kms.importKeyMaterial(b -> b.keyId(id)
                .importToken(sdk(randomBytes(64))).encryptedKeyMaterial(sdk(randomBytes(256)))
                .expirationModel(ExpirationModelType.KEY_MATERIAL_DOES_NOT_EXPIRE)));
        assertDenied("DeleteImportedKeyMaterial", key, () -> kms.deleteImportedKeyMaterial(b -> b.keyId(id)));
        assertDenied("ReplicateKey", key, () -> kms.replicateKey(b -> b.keyId(id).replicaRegion("us-west-2")));
        assertDenied("UpdatePrimaryRegion", key, () -> kms.updatePrimaryRegion(b -> b.keyId(id)
                .primaryRegion("us-west-2")));
        assertDenied("CreateAlias", key, () -> kms.createAlias(b -> b.aliasName(uniqueAlias("onto-managed"))
                .targetKeyId(id)));
        assertDenied("UpdateAlias", key, () -> kms.updateAlias(b -> b.aliasName(customerAlias).targetKeyId(id)));

        KeyMetadata after = kms.describeKey(b -> b.keyId(id)).keyMetadata();
        assertEquals(key, after);
        assertTrue(kms.listResourceTags(b -> b.keyId(id)).tags().isEmpty());
        assertEquals(customer.keyId(), kms.describeKey(b -> b.keyId(customerAlias)).keyMetadata().keyId());
    }

    @Test
    void theAwsAliases_cannotBeCreatedUpdatedOrDeleted() {
        KeyMetadata managed = kms.describeKey(b -> b.keyId("alias/aws/kinesis")).keyMetadata();
        KeyMetadata customer = newSymmetricKey();

        assertKmsError(InvalidAliasNameException.class, RESERVED_MESSAGE,
                () -> kms.createAlias(b -> b.aliasName("alias/aws/other").targetKeyId(customer.keyId())));
        assertKmsError(InvalidAliasNameException.class, RESERVED_MESSAGE,
                () -> kms.updateAlias(b -> b.aliasName("alias/aws/kinesis").targetKeyId(customer.keyId())));
        assertKmsError(InvalidAliasNameException.class, RESERVED_MESSAGE,
                () -> kms.deleteAlias(b -> b.aliasName("alias/aws/kinesis")));

        assertEquals(managed.keyId(), kms.describeKey(b -> b.keyId("alias/aws/kinesis")).keyMetadata().keyId());
    }

    @Test
    void eachRegionAndAccount_getsItsOwnAwsManagedKey() {
        KmsClient west = clientIn(Region.US_WEST_2);
        KmsClient otherAccount = KmsClients.create(server.endpoint(), Region.US_EAST_1, "444455556666");
        try {
            KeyMetadata here = kms.describeKey(b -> b.keyId("alias/aws/rds")).keyMetadata();
            KeyMetadata inWest = west.describeKey(b -> b.keyId("alias/aws/rds")).keyMetadata();
            KeyMetadata inOtherAccount = otherAccount.describeKey(b -> b.keyId("alias/aws/rds")).keyMetadata();

            assertNotEquals(here.keyId(), inWest.keyId());
            assertNotEquals(here.keyId(), inOtherAccount.keyId());
            assertTrue(inWest.arn().startsWith("arn:aws:kms:us-west-2:" + ACCOUNT + ":key/"), inWest.arn());
            assertEquals("444455556666", inOtherAccount.awsAccountId());
            assertEquals(KeyManagerType.AWS, inOtherAccount.keyManager());
            String westPolicy = west.getKeyPolicy(b -> b.keyId(inWest.keyId()).policyName("default")).policy();
            assertTrue(westPolicy.contains("rds.us-west-2.amazonaws.com"), westPolicy);
            assertEquals(here.keyId(), kms.describeKey(b -> b.keyId("alias/aws/rds")).keyMetadata().keyId());
            assertNotNull(otherAccount.listAliases().aliases().stream()
                    .filter(a -> a.aliasName().equals("alias/aws/rds")
                            && a.targetKeyId().equals(inOtherAccount.keyId()))
                    .findFirst().orElse(null));
        } finally {
            otherAccount.close();
        }
    }

    private static void assertDenied(String operation, KeyMetadata key, Executable call) {
        assertUnmodeledError("AccessDeniedException", "User: arn:aws:iam::" + ACCOUNT + ":root is not authorized "
                + "to perform: kms:" + operation + " on resource: " + key.arn()
                + " because no resource-based policy allows the kms:" + operation + " action", call);
    }
}
