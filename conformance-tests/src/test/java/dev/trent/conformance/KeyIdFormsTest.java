package dev.trent.conformance;

import static dev.trent.conformance.KmsErrors.assertClientError;
import static dev.trent.conformance.KmsErrors.assertKmsError;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.kms.KmsClient;
import software.amazon.awssdk.services.kms.model.KeyMetadata;
import software.amazon.awssdk.services.kms.model.KeySpec;
import software.amazon.awssdk.services.kms.model.KeyState;
import software.amazon.awssdk.services.kms.model.KeyUsageType;
import software.amazon.awssdk.services.kms.model.NotFoundException;
import software.amazon.awssdk.services.kms.model.SigningAlgorithmSpec;
import software.amazon.awssdk.services.kms.model.Tag;

/** The four ways to name a key, where each is accepted, and the lookup errors. */
class KeyIdFormsTest extends TrentTestBase {

    private KeyMetadata key;
    private String aliasName;

    @BeforeAll
    void createKeyWithAlias() {
        key = newSymmetricKey();
        aliasName = uniqueAlias("forms");
        kms.createAlias(b -> b.aliasName(aliasName).targetKeyId(key.keyId()));
    }

    private List<String> allForms() {
        return List.of(key.keyId(), key.arn(), aliasName, aliasArn(aliasName));
    }

    @Test
    void describeKey_byEachIdForm_returnsTheSameKey() {
        for (String form : allForms()) {
            KeyMetadata described = kms.describeKey(b -> b.keyId(form)).keyMetadata();
            assertEquals(key.keyId(), described.keyId(), "DescribeKey(" + form + ")");
            assertEquals(key.arn(), described.arn(), "DescribeKey(" + form + ")");
        }
    }

    @Test
    void encrypt_byEachIdForm_isDecryptableAndReportsTheKeyArn() {
        byte[] plaintext = randomBytes(48);
        for (String form : allForms()) {
            var encrypted = kms.encrypt(b -> b.keyId(form).plaintext(sdk(plaintext)));
            assertEquals(key.arn(), encrypted.keyId(), "Encrypt(" + form + ").KeyId");
            var decrypted = kms.decrypt(b -> b.ciphertextBlob(encrypted.ciphertextBlob()));
            assertArrayEquals(plaintext, decrypted.plaintext().asByteArray());
        }
    }

    @Test
    void decrypt_withEachIdFormOfTheRightKey_returnsPlaintext() {
        byte[] plaintext = randomBytes(20);
        SdkBytes blob = kms.encrypt(b -> b.keyId(key.keyId()).plaintext(sdk(plaintext))).ciphertextBlob();
        for (String form : allForms()) {
            var decrypted = kms.decrypt(b -> b.ciphertextBlob(blob).keyId(form));
            assertArrayEquals(plaintext, decrypted.plaintext().asByteArray(), "Decrypt with KeyId " + form);
            assertEquals(key.arn(), decrypted.keyId());
        }
    }

    @Test
    void generateDataKey_byAliasArn_usesTheAliasTarget() {
        var dataKey = kms.generateDataKey(b -> b.keyId(aliasArn(aliasName)).numberOfBytes(32));

        assertEquals(key.arn(), dataKey.keyId());
    }

    @Test
    void signAndGetPublicKey_byAlias_useTheAliasTarget() {
        KeyMetadata signing = newKey(KeySpec.RSA_2048, KeyUsageType.SIGN_VERIFY);
        String alias = uniqueAlias("signing");
        kms.createAlias(b -> b.aliasName(alias).targetKeyId(signing.arn()));

        assertEquals(signing.arn(), kms.getPublicKey(b -> b.keyId(alias)).keyId());
        var signature = kms.sign(b -> b.keyId(aliasArn(alias)).message(utf8("hello"))
                .signingAlgorithm(SigningAlgorithmSpec.RSASSA_PKCS1_V1_5_SHA_256));
        assertEquals(signing.arn(), signature.keyId());
    }

    @Test
    void keyManagementOperations_acceptKeyIdAndKeyArn() {
        KeyMetadata managed = newSymmetricKey();

        kms.disableKey(b -> b.keyId(managed.arn()));
        assertEquals(KeyState.DISABLED, kms.describeKey(b -> b.keyId(managed.keyId())).keyMetadata().keyState());
        kms.enableKey(b -> b.keyId(managed.keyId()));
        assertEquals(KeyState.ENABLED, kms.describeKey(b -> b.keyId(managed.arn())).keyMetadata().keyState());
        kms.tagResource(b -> b.keyId(managed.arn()).tags(Tag.builder().tagKey("k").tagValue("v").build()));
        assertEquals(1, kms.listResourceTags(b -> b.keyId(managed.keyId())).tags().size());
    }

    @Test
    void disableKey_byAliasName_isRejectedAndLeavesKeyEnabled() {
        KeyMetadata target = newSymmetricKey();
        String alias = uniqueAlias("no-alias-ops");
        kms.createAlias(b -> b.aliasName(alias).targetKeyId(target.keyId()));

        assertClientError(() -> kms.disableKey(b -> b.keyId(alias)));

        assertEquals(KeyState.ENABLED, kms.describeKey(b -> b.keyId(target.keyId())).keyMetadata().keyState());
    }

    @Test
    void tagResource_byAliasName_isRejected() {
        assertClientError(() -> kms.tagResource(b -> b.keyId(aliasName)
                .tags(Tag.builder().tagKey("k").tagValue("v").build())));

        assertEquals(0, kms.listResourceTags(b -> b.keyId(key.keyId())).tags().size());
    }

    @ParameterizedTest
    @ValueSource(strings = {"fake-key-id", "134f2428cec14b25a1ae9048164dba47", "mrk-fake-key-id"})
    void describeKey_withMalformedKeyId_throwsNotFoundInvalidKeyId(String malformed) {
        assertKmsError(NotFoundException.class, "Invalid keyId '" + malformed + "'",
                () -> kms.describeKey(b -> b.keyId(malformed)));
    }

    @Test
    void encrypt_withMalformedKeyId_throwsNotFoundInvalidKeyId() {
        assertKmsError(NotFoundException.class, "Invalid keyId 'fake-key-id'",
                () -> kms.encrypt(b -> b.keyId("fake-key-id").plaintext(utf8("x"))));
    }

    @Test
    void describeKey_withUnknownWellFormedKeyId_throwsNotFoundWithKeyArn() {
        String unknown = UUID.randomUUID().toString();

        assertKmsError(NotFoundException.class, "Key '" + keyArn(unknown) + "' does not exist",
                () -> kms.describeKey(b -> b.keyId(unknown)));
    }

    @Test
    void describeKey_withUnknownKeyArn_throwsNotFoundWithThatArn() {
        String unknown = keyArn(UUID.randomUUID().toString());

        assertKmsError(NotFoundException.class, "Key '" + unknown + "' does not exist",
                () -> kms.describeKey(b -> b.keyId(unknown)));
    }

    @Test
    void encrypt_withUnknownWellFormedKeyId_throwsNotFoundWithKeyArn() {
        String unknown = UUID.randomUUID().toString();

        assertKmsError(NotFoundException.class, "Key '" + keyArn(unknown) + "' does not exist",
                () -> kms.encrypt(b -> b.keyId(unknown).plaintext(utf8("x"))));
    }

    @Test
    void enableKey_withUnknownKeyId_throwsNotFoundWithKeyArn() {
        String unknown = UUID.randomUUID().toString();

        assertKmsError(NotFoundException.class, "Key '" + keyArn(unknown) + "' does not exist",
                () -> kms.enableKey(b -> b.keyId(unknown)));
    }

    @Test
    void describeKey_withKeyArnOfAnotherRegion_throwsNotFoundInvalidArn() {
        String otherRegionArn = keyArn("us-west-2", key.keyId());

        assertKmsError(NotFoundException.class, "Invalid arn us-west-2",
                () -> kms.describeKey(b -> b.keyId(otherRegionArn)));
    }

    @Test
    void describeKey_bareIdOfKeyInAnotherRegion_throwsNotFoundWithCallerRegionArn() {
        KmsClient west = clientIn(Region.US_WEST_2);
        KeyMetadata westKey = west.createKey(b -> b.description("test key 123")).keyMetadata();

        assertEquals(keyArn("us-west-2", westKey.keyId()), westKey.arn());
        assertEquals(westKey.arn(), west.describeKey(b -> b.keyId(westKey.arn())).keyMetadata().arn());
        assertKmsError(NotFoundException.class, "Key '" + keyArn(westKey.keyId()) + "' does not exist",
                () -> kms.describeKey(b -> b.keyId(westKey.keyId())));
        assertKmsError(NotFoundException.class, "Invalid arn us-west-2",
                () -> kms.describeKey(b -> b.keyId(westKey.arn())));
    }

    @Test
    void encrypt_withUnknownAliasName_throwsNotFoundAliasArn() {
        assertKmsError(NotFoundException.class,
                "Alias " + aliasArn("alias/does-not-exist") + " is not found.",
                () -> kms.encrypt(b -> b.keyId("alias/does-not-exist").plaintext(utf8("x"))));
    }

    @Test
    void describeKey_withUnknownAliasArn_throwsNotFoundAliasArn() {
        String unknown = aliasArn("alias/nobody-here");

        assertKmsError(NotFoundException.class, "Alias " + unknown + " is not found.",
                () -> kms.describeKey(b -> b.keyId(unknown)));
    }
}
