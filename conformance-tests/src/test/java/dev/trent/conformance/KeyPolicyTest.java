package dev.trent.conformance;

import static dev.trent.conformance.KmsErrors.assertKmsError;
import static dev.trent.conformance.KmsErrors.assertKmsErrorType;
import static dev.trent.conformance.KmsErrors.assertUnmodeledErrorCode;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.trent.server.app.TrentConfig;
import dev.trent.server.app.TrentServer;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.kms.KmsClient;
import software.amazon.awssdk.services.kms.model.GetKeyPolicyResponse;
import software.amazon.awssdk.services.kms.model.KeyMetadata;
import software.amazon.awssdk.services.kms.model.LimitExceededException;
import software.amazon.awssdk.services.kms.model.ListKeyPoliciesResponse;
import software.amazon.awssdk.services.kms.model.MalformedPolicyDocumentException;
import software.amazon.awssdk.services.kms.model.NotFoundException;

/**
 * GetKeyPolicy, PutKeyPolicy, ListKeyPolicies and CreateKey's Policy, on a server with a non-default account so
 * that the default policy visibly names the configured account's root.
 */
class KeyPolicyTest extends TrentTestBase {

    private static final String POLICY_ACCOUNT = "123456789012";
    private static final String ROOT = "arn:aws:iam::" + POLICY_ACCOUNT + ":root";
    private static final String LOCKOUT = "The new key policy will not allow you to update the key policy in the future.";
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dataDir;

    @Override
    protected TrentConfig.Builder configure(TrentConfig.Builder builder) {
        return builder.accountId(POLICY_ACCOUNT);
    }

    @Test
    void defaultPolicy_allowsTheConfiguredAccountRootEverything() throws Exception {
        KeyMetadata key = newSymmetricKey();
        GetKeyPolicyResponse response = kms.getKeyPolicy(b -> b.keyId(key.keyId()));
        assertEquals("default", response.policyName());
        JsonNode policy = JSON.readTree(response.policy());
        assertEquals("2012-10-17", policy.get("Version").asText());
        assertEquals("key-default-1", policy.get("Id").asText());
        JsonNode statement = policy.get("Statement").get(0);
        assertEquals("Enable IAM User Permissions", statement.get("Sid").asText());
        assertEquals("Allow", statement.get("Effect").asText());
        assertEquals(ROOT, statement.get("Principal").get("AWS").asText());
        assertEquals("kms:*", statement.get("Action").asText());
        assertEquals("*", statement.get("Resource").asText());
        assertEquals(response.policy(), kms.getKeyPolicy(b -> b.keyId(key.arn()).policyName("default")).policy());
    }

    @Test
    void putThenGet_returnsTheExactDocument() {
        KeyMetadata key = newSymmetricKey();
        String document = rootPolicy("kms:*") + "\n";
        kms.putKeyPolicy(b -> b.keyId(key.arn()).policy(document));
        GetKeyPolicyResponse response = kms.getKeyPolicy(b -> b.keyId(key.keyId()).policyName("default"));
        assertEquals(document, response.policy());
        assertEquals("default", response.policyName());
    }

    @Test
    void createKey_withPolicy_storesIt() {
        String document = rootPolicy("kms:PutKeyPolicy");
        KeyMetadata key = kms.createKey(b -> b.policy(document)).keyMetadata();
        assertEquals(document, kms.getKeyPolicy(b -> b.keyId(key.keyId())).policy());
    }

    @Test
    void malformedPolicies_areMalformedPolicyDocument() {
        KeyMetadata key = newSymmetricKey();
        String before = kms.getKeyPolicy(b -> b.keyId(key.keyId())).policy();
        for (String document : List.of("{\"Version\":\"2012-10-17\",", "{\"Version\":\"2012-10-17\"}",
                "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":\"*\"}]}")) {
            assertKmsErrorType(MalformedPolicyDocumentException.class,
                    () -> kms.putKeyPolicy(b -> b.keyId(key.keyId()).policy(document)));
        }
        assertKmsErrorType(MalformedPolicyDocumentException.class,
                () -> kms.createKey(b -> b.policy("not json at all")));
        assertEquals(before, kms.getKeyPolicy(b -> b.keyId(key.keyId())).policy());
    }

    @Test
    void lockout_isRefusedWithoutBypass_andAllowedWithIt() {
        KeyMetadata key = newSymmetricKey();
        String lockout = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":{\"AWS\":\""
                + ROOT + "\"},\"Action\":[\"kms:Encrypt\",\"kms:Decrypt\"],\"Resource\":\"*\"}]}";
        assertKmsError(MalformedPolicyDocumentException.class, LOCKOUT,
                () -> kms.putKeyPolicy(b -> b.keyId(key.keyId()).policy(lockout)));
        assertKmsError(MalformedPolicyDocumentException.class, LOCKOUT,
                () -> kms.createKey(b -> b.policy(lockout)));

        kms.putKeyPolicy(b -> b.keyId(key.keyId()).policy(lockout).bypassPolicyLockoutSafetyCheck(true));
        assertEquals(lockout, kms.getKeyPolicy(b -> b.keyId(key.keyId())).policy());
        KeyMetadata created = kms.createKey(b -> b.policy(lockout).bypassPolicyLockoutSafetyCheck(true)).keyMetadata();
        assertEquals(lockout, kms.getKeyPolicy(b -> b.keyId(created.keyId())).policy());
    }

    @Test
    void policyOverTheQuota_isLimitExceeded() {
        KeyMetadata key = newSymmetricKey();
        String big = "{\"Version\":\"2012-10-17\",\"Id\":\"" + "x".repeat(32768) + "\",\"Statement\":[{\"Effect\":"
                + "\"Allow\",\"Principal\":\"*\",\"Action\":\"kms:*\",\"Resource\":\"*\"}]}";
        assertKmsErrorType(LimitExceededException.class, () -> kms.putKeyPolicy(b -> b.keyId(key.keyId()).policy(big)));
    }

    @Test
    void listKeyPolicies_namesDefault() {
        KeyMetadata key = newSymmetricKey();
        ListKeyPoliciesResponse response = kms.listKeyPolicies(b -> b.keyId(key.arn()));
        assertEquals(List.of("default"), response.policyNames());
        assertFalse(response.truncated());
        assertNull(response.nextMarker());
        assertEquals(List.of("default"), kms.listKeyPolicies(b -> b.keyId(key.keyId()).limit(1)).policyNames());
    }

    @Test
    void unknownKeyOrPolicyName_isNotFound() {
        String unknown = "0b3c0b1e-7a39-4f8e-9d1c-5e2f6a7b8c9d";
        String unknownArn = "arn:aws:kms:" + REGION + ":" + POLICY_ACCOUNT + ":key/" + unknown;
        String message = "Key '" + unknownArn + "' does not exist";
        assertKmsError(NotFoundException.class, message, () -> kms.getKeyPolicy(b -> b.keyId(unknown)));
        assertKmsError(NotFoundException.class, message,
                () -> kms.putKeyPolicy(b -> b.keyId(unknown).policy(rootPolicy("kms:*"))));
        assertKmsError(NotFoundException.class, message, () -> kms.listKeyPolicies(b -> b.keyId(unknown)));

        KeyMetadata key = newSymmetricKey();
        assertKmsErrorType(NotFoundException.class, () -> kms.getKeyPolicy(b -> b.keyId(key.keyId()).policyName("other")));
        assertUnmodeledErrorCode("ValidationException",
                () -> kms.getKeyPolicy(b -> b.keyId(key.keyId()).policyName("not-a-word")));
    }

    @Test
    void policies_surviveARestart() throws Exception {
        TrentConfig config = TrentConfig.builder().port(0).dataDir(dataDir).accountId(POLICY_ACCOUNT).build();
        String document = rootPolicy("kms:*");
        String keyWithPolicy;
        String keyWithDefault;
        String defaultPolicy;
        try (TrentServer first = TrentServer.start(config);
             KmsClient client = KmsClients.create(first.endpoint(), Region.US_EAST_1)) {
            keyWithPolicy = client.createKey(b -> b.description("policy")).keyMetadata().keyId();
            keyWithDefault = client.createKey(b -> b.description("default")).keyMetadata().keyId();
            client.putKeyPolicy(b -> b.keyId(keyWithPolicy).policy(document));
            defaultPolicy = client.getKeyPolicy(b -> b.keyId(keyWithDefault)).policy();
        }
        try (TrentServer second = TrentServer.start(config);
             KmsClient client = KmsClients.create(second.endpoint(), Region.US_EAST_1)) {
            assertEquals(document, client.getKeyPolicy(b -> b.keyId(keyWithPolicy)).policy());
            assertEquals(defaultPolicy, client.getKeyPolicy(b -> b.keyId(keyWithDefault)).policy());
        }
    }

    private static String rootPolicy(String action) {
        return "{\n  \"Version\": \"2012-10-17\",\n  \"Statement\": [{\"Sid\": \"root\", \"Effect\": \"Allow\","
                + " \"Principal\": {\"AWS\": \"" + ROOT + "\"}, \"Action\": \"" + action + "\", \"Resource\": \"*\"}]\n}";
    }
}
