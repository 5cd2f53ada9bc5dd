package dev.trent.conformance;

import static dev.trent.conformance.KmsErrors.assertUnmodeledError;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import software.amazon.awssdk.services.kms.model.CustomerMasterKeySpec;
import software.amazon.awssdk.services.kms.model.EncryptionAlgorithmSpec;
import software.amazon.awssdk.services.kms.model.InvalidMarkerException;
import software.amazon.awssdk.services.kms.model.KeyListEntry;
import software.amazon.awssdk.services.kms.model.KeyManagerType;
import software.amazon.awssdk.services.kms.model.KeyMetadata;
import software.amazon.awssdk.services.kms.model.KeySpec;
import software.amazon.awssdk.services.kms.model.KeyState;
import software.amazon.awssdk.services.kms.model.KeyUsageType;
import software.amazon.awssdk.services.kms.model.ListKeysResponse;
import software.amazon.awssdk.services.kms.model.OriginType;
import software.amazon.awssdk.services.kms.model.SigningAlgorithmSpec;
import software.amazon.awssdk.services.kms.model.Tag;

/** CreateKey, DescribeKey, ListKeys, UpdateKeyDescription. */
@SuppressWarnings("deprecation") // CustomerMasterKeySpec is deprecated but still part of the wire contract
class KeyManagementTest extends TrentTestBase {

    private static final String UUID_PATTERN = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";

    static final List<SigningAlgorithmSpec> RSA_SIGNING_ALGORITHMS = List.of(
            SigningAlgorithmSpec.RSASSA_PKCS1_V1_5_SHA_256,
            SigningAlgorithmSpec.RSASSA_PKCS1_V1_5_SHA_384,
            SigningAlgorithmSpec.RSASSA_PKCS1_V1_5_SHA_512,
            SigningAlgorithmSpec.RSASSA_PSS_SHA_256,
            SigningAlgorithmSpec.RSASSA_PSS_SHA_384,
            SigningAlgorithmSpec.RSASSA_PSS_SHA_512);

    static final List<EncryptionAlgorithmSpec> RSA_ENCRYPTION_ALGORITHMS = List.of(
            EncryptionAlgorithmSpec.RSAES_OAEP_SHA_1, EncryptionAlgorithmSpec.RSAES_OAEP_SHA_256);

    @Test
    void createKey_withoutParameters_returnsEnabledSymmetricCustomerKey() {
        Instant before = Instant.now();
        KeyMetadata key = kms.createKey(b -> { }).keyMetadata();
        Instant after = Instant.now();

        assertTrue(key.keyId().matches(UUID_PATTERN), "KeyId is a lower-case UUID: " + key.keyId());
        assertEquals(ACCOUNT, key.awsAccountId());
        assertEquals(keyArn(key.keyId()), key.arn());
        assertWithin(key.creationDate(), before, after);
        assertEquals(Boolean.TRUE, key.enabled());
        assertEquals(KeyState.ENABLED, key.keyState());
        assertEquals(KeyUsageType.ENCRYPT_DECRYPT, key.keyUsage());
        assertEquals(OriginType.AWS_KMS, key.origin());
        assertEquals(KeyManagerType.CUSTOMER, key.keyManager());
        assertEquals(KeySpec.SYMMETRIC_DEFAULT, key.keySpec());
        assertEquals(CustomerMasterKeySpec.SYMMETRIC_DEFAULT, key.customerMasterKeySpec());
        assertEquals(List.of(EncryptionAlgorithmSpec.SYMMETRIC_DEFAULT), key.encryptionAlgorithms());
        assertFalse(key.hasSigningAlgorithms(), "no SigningAlgorithms on a symmetric key");
        assertFalse(key.hasMacAlgorithms(), "no MacAlgorithms on a symmetric key");
        assertEquals(Boolean.FALSE, key.multiRegion());
        assertNull(key.multiRegionConfiguration());
        assertNull(key.deletionDate());
        assertNull(key.pendingDeletionWindowInDays());
        assertNull(key.validTo());
        assertNotNull(key.currentKeyMaterialId(), "CurrentKeyMaterialId on a symmetric AWS_KMS key");
        assertTrue(key.currentKeyMaterialId().matches("[0-9a-f]{64}"), key.currentKeyMaterialId());
    }

    @Test
    void describeKey_returnsTheMetadataCreateKeyReturned() {
        KeyMetadata created = kms.createKey(b -> b.description("test key 123")
                .keyUsage(KeyUsageType.ENCRYPT_DECRYPT).origin(OriginType.AWS_KMS)).keyMetadata();

        KeyMetadata described = kms.describeKey(b -> b.keyId(created.keyId())).keyMetadata();

        assertEquals("test key 123", described.description());
        assertEquals(created, described);
    }

    @Test
    void createKey_twice_givesDistinctKeysAndKeyMaterial() {
        KeyMetadata first = newSymmetricKey();
        KeyMetadata second = newSymmetricKey();

        assertFalse(first.keyId().equals(second.keyId()));
        assertFalse(first.currentKeyMaterialId().equals(second.currentKeyMaterialId()));
    }

    @ParameterizedTest
    @EnumSource(value = KeySpec.class, names = {"RSA_2048", "RSA_3072", "RSA_4096"})
    void createKey_rsaSignVerify_listsTheSixRsaSigningAlgorithms(KeySpec spec) {
        KeyMetadata key = newKey(spec, KeyUsageType.SIGN_VERIFY);

        assertEquals(spec, key.keySpec());
        assertEquals(CustomerMasterKeySpec.fromValue(spec.toString()), key.customerMasterKeySpec());
        assertEquals(KeyUsageType.SIGN_VERIFY, key.keyUsage());
        assertEquals(RSA_SIGNING_ALGORITHMS, key.signingAlgorithms());
        assertFalse(key.hasEncryptionAlgorithms(), "no EncryptionAlgorithms on a SIGN_VERIFY key");
        assertEquals(KeyState.ENABLED, key.keyState());
        assertNull(key.currentKeyMaterialId(), "CurrentKeyMaterialId is for symmetric keys only");
        assertEquals(key, kms.describeKey(b -> b.keyId(key.keyId())).keyMetadata());
    }

    @Test
    void createKey_rsaEncryptDecrypt_listsBothOaepAlgorithms() {
        KeyMetadata key = newKey(KeySpec.RSA_2048, KeyUsageType.ENCRYPT_DECRYPT);

        assertEquals(KeySpec.RSA_2048, key.keySpec());
        assertEquals(CustomerMasterKeySpec.RSA_2048, key.customerMasterKeySpec());
        assertEquals(KeyUsageType.ENCRYPT_DECRYPT, key.keyUsage());
        assertEquals(RSA_ENCRYPTION_ALGORITHMS, key.encryptionAlgorithms());
        assertFalse(key.hasSigningAlgorithms(), "no SigningAlgorithms on an ENCRYPT_DECRYPT key");
        assertEquals(OriginType.AWS_KMS, key.origin());
        assertEquals(KeyManagerType.CUSTOMER, key.keyManager());
        assertEquals(Boolean.FALSE, key.multiRegion());
    }

    @Test
    void createKey_withDeprecatedCustomerMasterKeySpec_setsBothSpecFields() {
        KeyMetadata key = kms.createKey(b -> b.customerMasterKeySpec(CustomerMasterKeySpec.RSA_2048)
                .keyUsage(KeyUsageType.SIGN_VERIFY)).keyMetadata();

        assertEquals(KeySpec.RSA_2048, key.keySpec());
        assertEquals(CustomerMasterKeySpec.RSA_2048, key.customerMasterKeySpec());
        assertEquals(RSA_SIGNING_ALGORITHMS, key.signingAlgorithms());
    }

    @Test
    void createKey_symmetricWithDeprecatedSpec_isSymmetricDefault() {
        KeyMetadata key = kms.createKey(b -> b.customerMasterKeySpec(CustomerMasterKeySpec.SYMMETRIC_DEFAULT))
                .keyMetadata();

        assertEquals(KeySpec.SYMMETRIC_DEFAULT, key.keySpec());
        assertEquals(List.of(EncryptionAlgorithmSpec.SYMMETRIC_DEFAULT), key.encryptionAlgorithms());
    }

    @ParameterizedTest
    @EnumSource(value = KeySpec.class, names = {"RSA_2048", "RSA_4096"})
    void createKey_rsaWithoutKeyUsage_throwsValidation(KeySpec spec) {
        assertUnmodeledError("ValidationException",
                "You must specify a KeyUsage value for all KMS keys except for symmetric encryption keys.",
                () -> kms.createKey(b -> b.keySpec(spec)));
    }

    @Test
    void createKey_rsaWithKeyAgreementUsage_throwsValidation() {
        assertUnmodeledError("ValidationException", "KeyUsage KEY_AGREEMENT is not compatible with KeySpec RSA_2048",
                () -> kms.createKey(b -> b.keySpec(KeySpec.RSA_2048).keyUsage(KeyUsageType.KEY_AGREEMENT)));
    }

    @Test
    void createKey_symmetricWithSignVerifyUsage_throwsValidation() {
        assertUnmodeledError("ValidationException",
                "KeyUsage SIGN_VERIFY is not compatible with KeySpec SYMMETRIC_DEFAULT",
                () -> kms.createKey(b -> b.keySpec(KeySpec.SYMMETRIC_DEFAULT).keyUsage(KeyUsageType.SIGN_VERIFY)));
    }

    @Test
    void createKey_withBothKeySpecAndCustomerMasterKeySpec_throwsValidation() {
        KmsErrors.assertUnmodeledErrorCode("ValidationException", () -> kms.createKey(b -> b
                .keySpec(KeySpec.RSA_2048).customerMasterKeySpec(CustomerMasterKeySpec.RSA_2048)
                .keyUsage(KeyUsageType.SIGN_VERIFY)));
    }

    @Test
    void createKey_withDescriptionAndTags_storesBoth() {
        KeyMetadata key = kms.createKey(b -> b.description("payments key")
                .tags(Tag.builder().tagKey("team").tagValue("payments").build(),
                        Tag.builder().tagKey("env").tagValue("").build())).keyMetadata();

        assertEquals("payments key", key.description());
        Map<String, String> tags = kms.listResourceTags(b -> b.keyId(key.keyId())).tags().stream()
                .collect(Collectors.toMap(Tag::tagKey, Tag::tagValue));
        assertEquals(Map.of("team", "payments", "env", ""), tags);
    }

    @Test
    void updateKeyDescription_changesTheDescribedDescription() {
        KeyMetadata key = kms.createKey(b -> b.description("old_description")).keyMetadata();

        kms.updateKeyDescription(b -> b.keyId(key.keyId()).description("new_description"));

        KeyMetadata described = kms.describeKey(b -> b.keyId(key.keyId())).keyMetadata();
        assertEquals("new_description", described.description());
        assertEquals(key.creationDate(), described.creationDate());
    }

    @Test
    void updateKeyDescription_byKeyArn_changesTheDescription() {
        KeyMetadata key = newSymmetricKey();

        kms.updateKeyDescription(b -> b.keyId(key.arn()).description(""));

        assertEquals("", kms.describeKey(b -> b.keyId(key.keyId())).keyMetadata().description());
    }

    @Test
    void listKeys_withoutLimit_includesEveryCreatedKeyWithItsArn() {
        KeyMetadata a = newSymmetricKey();
        KeyMetadata b = newKey(KeySpec.RSA_2048, KeyUsageType.SIGN_VERIFY);

        ListKeysResponse page = kms.listKeys(r -> r.limit(1000));

        assertFalse(page.truncated());
        assertNull(page.nextMarker());
        Map<String, String> arns = page.keys().stream()
                .collect(Collectors.toMap(KeyListEntry::keyId, KeyListEntry::keyArn));
        assertEquals(a.arn(), arns.get(a.keyId()));
        assertEquals(b.arn(), arns.get(b.keyId()));
        arns.forEach((id, arn) -> assertEquals(keyArn(id), arn));
    }

    @Test
    void listKeys_pagedByLimit_visitsEveryKeyOnceAndSetsTruncated() {
        Set<String> created = new HashSet<>();
        for (int i = 0; i < 3; i++) {
            created.add(newSymmetricKey().keyId());
        }
        int total = kms.listKeys(r -> r.limit(1000)).keys().size();

        List<String> seen = new ArrayList<>();
        String marker = null;
        int pages = 0;
        do {
            String current = marker;
            ListKeysResponse page = kms.listKeys(r -> r.limit(2).marker(current));
            pages++;
            assertTrue(page.keys().size() <= 2, "page larger than Limit: " + page.keys().size());
            page.keys().forEach(k -> seen.add(k.keyId()));
            if (page.truncated()) {
                assertNotNull(page.nextMarker(), "a truncated page carries NextMarker");
            } else {
                assertNull(page.nextMarker(), "the last page carries no NextMarker");
            }
            marker = page.truncated() ? page.nextMarker() : null;
        } while (marker != null && pages < 1000);

        assertEquals(total, seen.size(), "keys seen over all pages");
        assertEquals(total, new HashSet<>(seen).size(), "a key appeared on two pages");
        assertTrue(seen.containsAll(created));
        assertTrue(pages >= 2, "at least two pages for " + total + " keys");
    }

    @Test
    void listKeys_limitOne_returnsOneKeyAndTruncated() {
        newSymmetricKey();
        newSymmetricKey();

        ListKeysResponse page = kms.listKeys(r -> r.limit(1));

        assertEquals(1, page.keys().size());
        assertTrue(page.truncated());
        assertNotNull(page.nextMarker());
    }

    @Test
    void listKeys_withAMarkerItNeverIssued_throwsInvalidMarker() {
        KmsErrors.assertKmsErrorType(InvalidMarkerException.class,
                () -> kms.listKeys(r -> r.marker("not-a-marker-from-this-server")));
    }

    @ParameterizedTest
    @CsvSource({"0, greater than or equal to 1", "1001, less than or equal to 1000"})
    void listKeys_withLimitOutOfRange_throwsValidation(int limit, String constraint) {
        assertUnmodeledError("ValidationException", "1 validation error detected: Value '" + limit
                        + "' at 'limit' failed to satisfy constraint: Member must have value " + constraint,
                () -> kms.listKeys(r -> r.limit(limit)));
    }

    @Test
    void createKey_withDescriptionLongerThan8192_throwsValidation() {
        String description = "d".repeat(8193);

        assertUnmodeledError("ValidationException", "1 validation error detected: Value '" + description
                        + "' at 'description' failed to satisfy constraint: "
                        + "Member must have length less than or equal to 8192",
                () -> kms.createKey(b -> b.description(description)));
    }

    @Test
    void createKey_withDescriptionOf8192_isAccepted() {
        String description = "d".repeat(8192);

        KeyMetadata key = kms.createKey(b -> b.description(description)).keyMetadata();

        assertEquals(description, kms.describeKey(b -> b.keyId(key.keyId())).keyMetadata().description());
    }

    private static void assertWithin(Instant actual, Instant before, Instant after) {
        Instant low = before.minus(Duration.ofSeconds(2));
        Instant high = after.plus(Duration.ofSeconds(2));
        assertNotNull(actual);
        assertTrue(!actual.isBefore(low) && !actual.isAfter(high),
                actual + " is not between " + low + " and " + high);
    }
}
