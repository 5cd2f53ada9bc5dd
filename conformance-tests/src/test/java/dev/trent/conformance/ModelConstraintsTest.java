package dev.trent.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * For every one of the model's 54 operations, a request that breaks the model's constraints (length, pattern,
 * range, enum, list length, a missing required member), sent over HTTP as the SDKs send it: the answer is AWS's
 * ValidationException with every violation, in the model's member order, in AWS's grammar. Each request names a
 * key that does not exist, so an operation that looked anything up before validating would answer NotFound.
 */
class ModelConstraintsTest extends TrentTestBase {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String NO_KEY = "1234abcd-12ab-34cd-56ef-1234567890ab";
    private static final String K = "\"KeyId\":\"" + NO_KEY + "\"";
    private static final String ENCRYPTION_ALGORITHMS = "[SYMMETRIC_DEFAULT, RSAES_OAEP_SHA_1, RSAES_OAEP_SHA_256, SM2PKE]";
    private static final String SIGNING_ALGORITHMS = "[RSASSA_PSS_SHA_256, RSASSA_PSS_SHA_384, RSASSA_PSS_SHA_512, "
            + "RSASSA_PKCS1_V1_5_SHA_256, RSASSA_PKCS1_V1_5_SHA_384, RSASSA_PKCS1_V1_5_SHA_512, ECDSA_SHA_256, "
            + "ECDSA_SHA_384, ECDSA_SHA_512, SM2DSA, ML_DSA_SHAKE_256, ED25519_SHA_512, ED25519_PH_SHA_512]";
    private static final String DATA_KEY_PAIR_SPECS = "[RSA_2048, RSA_3072, RSA_4096, ECC_NIST_P256, ECC_NIST_P384, "
            + "ECC_NIST_P521, ECC_SECG_P256K1, SM2, ECC_NIST_EDWARDS25519]";
    private static final String GRANT_OPERATIONS = "[Decrypt, Encrypt, GenerateDataKey, "
            + "GenerateDataKeyWithoutPlaintext, ReEncryptFrom, ReEncryptTo, Sign, Verify, GetPublicKey, CreateGrant, "
            + "RetireGrant, DescribeKey, GenerateDataKeyPair, GenerateDataKeyPairWithoutPlaintext, GenerateMac, "
            + "VerifyMac, DeriveSharedSecret]";
    private static final String LONG_KEY_ID = "k".repeat(2049);

    private record Case(String operation, String body, String message) {
    }

    private HttpClient http;

    @BeforeAll
    void createHttpClient() {
        http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(10)).build();
    }

    private static String value(String shown, String path, String constraint) {
        return "Value '" + shown + "' at '" + path + "' failed to satisfy constraint: " + constraint;
    }

    private static String hidden(String path, String constraint) {
        return "Value at '" + path + "' failed to satisfy constraint: " + constraint;
    }

    private static String missing(String path) {
        return "Value null at '" + path + "' failed to satisfy constraint: Member must not be null";
    }

    private static String pattern(String shown) {
        return "Member must satisfy regular expression pattern: " + shown;
    }

    private static String atLeast(int length) {
        return "Member must have length greater than or equal to " + length;
    }

    private static String atMost(int length) {
        return "Member must have length less than or equal to " + length;
    }

    private static String oneOf(String values) {
        return "Member must satisfy enum value set: " + values;
    }

    private static String errors(String... violations) {
        return (violations.length == 1 ? "1 validation error detected: "
                : violations.length + " validation errors detected: ") + String.join("; ", violations);
    }

    private static Case of(String operation, String body, String... violations) {
        return new Case(operation, "{" + body + "}", errors(violations));
    }

    private static List<Case> cases() {
        return List.of(
                of("CancelKeyDeletion", "\"KeyId\":\"\"", value("", "keyId", atLeast(1))),
                of("ConnectCustomKeyStore", "\"CustomKeyStoreId\":\"" + "c".repeat(65) + "\"",
                        value("c".repeat(65), "customKeyStoreId", atMost(64))),
                of("CreateAlias", "\"AliasName\":\"alias/my-alias!\"",
                        value("alias/my-alias!", "aliasName", pattern("^[a-zA-Z0-9:/_-]+$")), missing("targetKeyId")),
                of("CreateCustomKeyStore", "\"CustomKeyStoreName\":\"s\",\"XksProxyUriEndpoint\":\"http://x\"",
                        value("http://x", "xksProxyUriEndpoint", pattern("^https://[a-zA-Z0-9.-]+$")),
                        value("http://x", "xksProxyUriEndpoint", atLeast(10))),
                of("CreateGrant", K + ",\"Operations\":[\"Decrypt\",\"Fly\"],\"Name\":\"my grant\"",
                        value("[Decrypt, Fly]", "operations", "Member must satisfy constraint: ["
                                + oneOf(GRANT_OPERATIONS) + "]"),
                        value("my grant", "name", pattern("^[a-zA-Z0-9:/_-]+$"))),
                of("CreateKey", "\"KeySpec\":\"AES\",\"XksKeyId\":\"a b\"",
                        value("AES", "keySpec", oneOf("[RSA_2048, ECC_NIST_P384, ECC_NIST_P256, ECC_NIST_P521, "
                                + "HMAC_384, RSA_3072, ECC_SECG_P256K1, RSA_4096, SYMMETRIC_DEFAULT, HMAC_256, HMAC_224, "
                                + "HMAC_512, SM2, ML_DSA_44, ML_DSA_65, ML_DSA_87, ECC_NIST_EDWARDS25519]")),
                        value("a b", "xksKeyId", pattern("^[a-zA-Z0-9-_.]+$"))),
                of("Decrypt", "\"CiphertextBlob\":\"AAAA\",\"KeyId\":\"\",\"EncryptionAlgorithm\":\"AES\"",
                        value("", "keyId", atLeast(1)), value("AES", "encryptionAlgorithm", oneOf(ENCRYPTION_ALGORITHMS))),
                of("DeleteAlias", "\"AliasName\":\"alias/a$b\"",
                        value("alias/a$b", "aliasName", pattern("^[a-zA-Z0-9:/_-]+$"))),
                of("DeleteCustomKeyStore", "\"CustomKeyStoreId\":\"\"", value("", "customKeyStoreId", atLeast(1))),
                of("DeleteImportedKeyMaterial", K + ",\"KeyMaterialId\":\"ABC\"",
                        value("ABC", "keyMaterialId", pattern("^[a-f0-9]+$")), value("ABC", "keyMaterialId", atLeast(64))),
                of("DeriveSharedSecret", K + ",\"KeyAgreementAlgorithm\":\"ECDH\",\"PublicKey\":\"AAAA\","
                                + "\"Recipient\":{\"KeyEncryptionAlgorithm\":\"RSA\"}",
                        value("RSA", "recipient.keyEncryptionAlgorithm", oneOf("[RSAES_OAEP_SHA_256]"))),
                of("DescribeCustomKeyStores", "\"Limit\":0,\"Marker\":\"a\\u0001\"",
                        value("0", "limit", "Member must have value greater than or equal to 1"),
                        value("a\u0001", "marker", pattern("[\\u0020-\\u00FF]*"))),
                of("DescribeKey", K + ",\"GrantTokens\":[\"\"]", value("", "grantTokens.1.member", atLeast(1))),
                of("DisableKey", "", missing("keyId")),
                of("DisableKeyRotation", "\"KeyId\":\"" + LONG_KEY_ID + "\"", value(LONG_KEY_ID, "keyId", atMost(2048))),
                of("DisconnectCustomKeyStore", "", missing("customKeyStoreId")),
                of("EnableKey", "\"KeyId\":\"\"", value("", "keyId", atLeast(1))),
                of("EnableKeyRotation", K + ",\"RotationPeriodInDays\":89",
                        value("89", "rotationPeriodInDays", "Member must have value greater than or equal to 90")),
                of("Encrypt", "", missing("keyId"), missing("plaintext")),
                of("GenerateDataKey", K + ",\"NumberOfBytes\":1025,\"KeySpec\":\"AES_512\"",
                        value("1025", "numberOfBytes", "Member must have value less than or equal to 1024"),
                        value("AES_512", "keySpec", oneOf("[AES_256, AES_128]"))),
                of("GenerateDataKeyPair", K + ",\"KeyPairSpec\":\"RSA_1024\"",
                        value("RSA_1024", "keyPairSpec", oneOf(DATA_KEY_PAIR_SPECS))),
                of("GenerateDataKeyPairWithoutPlaintext", "\"KeyPairSpec\":\"X\"",
                        missing("keyId"), value("X", "keyPairSpec", oneOf(DATA_KEY_PAIR_SPECS))),
                of("GenerateDataKeyWithoutPlaintext", K + ",\"NumberOfBytes\":0,\"KeySpec\":\"X\"",
                        value("X", "keySpec", oneOf("[AES_256, AES_128]")),
                        value("0", "numberOfBytes", "Member must have value greater than or equal to 1")),
                of("GenerateMac", "\"Message\":\"AAAA\"," + K + ",\"MacAlgorithm\":\"INVALID\"",
                        value("INVALID", "macAlgorithm", oneOf("[HMAC_SHA_384, HMAC_SHA_256, HMAC_SHA_224, HMAC_SHA_512]"))),
                of("GenerateRandom", "\"NumberOfBytes\":0",
                        value("0", "numberOfBytes", "Member must have value greater than or equal to 1")),
                of("GetKeyLastUsage", "\"KeyId\":\"\"", value("", "keyId", atLeast(1))),
                of("GetKeyPolicy", K + ",\"PolicyName\":\"my-policy\"",
                        value("my-policy", "policyName", pattern("[\\w]+"))),
                of("GetKeyRotationStatus", "", missing("keyId")),
                of("GetParametersForImport", K + ",\"WrappingAlgorithm\":\"RSA\",\"WrappingKeySpec\":\"RSA_1024\"",
                        value("RSA", "wrappingAlgorithm", oneOf("[RSAES_PKCS1_V1_5, RSAES_OAEP_SHA_1, RSAES_OAEP_SHA_256, "
                                + "RSA_AES_KEY_WRAP_SHA_1, RSA_AES_KEY_WRAP_SHA_256, SM2PKE]")),
                        value("RSA_1024", "wrappingKeySpec", oneOf("[RSA_2048, RSA_3072, RSA_4096, SM2]"))),
                of("GetPublicKey", "\"KeyId\":\"\"", value("", "keyId", atLeast(1))),
                of("ImportKeyMaterial", K + ",\"ImportToken\":\"AAAA\",\"EncryptedKeyMaterial\":\"AAAA\","
                                + "\"KeyMaterialDescription\":\"bad!\"",
                        value("bad!", "keyMaterialDescription", pattern("^[a-zA-Z0-9:/_\\s.-]+$"))),
                of("ListAliases", "\"Limit\":1001",
                        value("1001", "limit", "Member must have value less than or equal to 1000")),
                of("ListGrants", "\"Limit\":0,\"GranteePrincipal\":\"a b\"",
                        value("0", "limit", "Member must have value greater than or equal to 1"), missing("keyId"),
                        value("a b", "granteePrincipal", pattern("^[\\w+=,.@:/-]+$"))),
                of("ListKeyPolicies", K + ",\"Marker\":\"\"", value("", "marker", atLeast(1))),
                of("ListKeyRotations", K + ",\"IncludeKeyMaterial\":\"ALL\"",
                        value("ALL", "includeKeyMaterial", oneOf("[ALL_KEY_MATERIAL, ROTATIONS_ONLY]"))),
                of("ListKeys", "\"Limit\":0", value("0", "limit", "Member must have value greater than or equal to 1")),
                of("ListResourceTags", K + ",\"Limit\":2000",
                        value("2000", "limit", "Member must have value less than or equal to 1000")),
                of("ListRetirableGrants", "\"RetiringPrincipal\":\"a b\"",
                        value("a b", "retiringPrincipal", pattern("^[\\w+=,.@:/-]+$"))),
                of("PutKeyPolicy", K + ",\"Policy\":\"{\\u0100}\"",
                        value("{\u0100}", "policy", pattern("[\\u0009\\u000A\\u000D\\u0020-\\u00FF]+"))),
                of("ReEncrypt", "\"CiphertextBlob\":\"AAAA\",\"DestinationKeyId\":\"\","
                                + "\"DestinationEncryptionAlgorithm\":\"X\"",
                        value("", "destinationKeyId", atLeast(1)),
                        value("X", "destinationEncryptionAlgorithm", oneOf(ENCRYPTION_ALGORITHMS))),
                of("ReplicateKey", K + ",\"ReplicaRegion\":\"mars\"",
                        value("mars", "replicaRegion", pattern("^([a-z]+-){2,3}\\d+$"))),
                of("RetireGrant", "\"GrantId\":\"\"", value("", "grantId", atLeast(1))),
                of("RevokeGrant", K, missing("grantId")),
                of("RotateKeyOnDemand", "\"KeyId\":\"\"", value("", "keyId", atLeast(1))),
                of("ScheduleKeyDeletion", K + ",\"PendingWindowInDays\":31",
                        value("31", "pendingWindowInDays", "Member must have value less than or equal to 30")),
                of("Sign", K + ",\"Message\":\"AAAA\",\"MessageType\":\"RAWR\",\"SigningAlgorithm\":\"X\"",
                        value("RAWR", "messageType", oneOf("[RAW, DIGEST, EXTERNAL_MU]")),
                        value("X", "signingAlgorithm", oneOf(SIGNING_ALGORITHMS))),
                of("TagResource", K + ",\"Tags\":[{\"TagKey\":\"\",\"TagValue\":\"v\"}]",
                        value("", "tags.1.member.tagKey", atLeast(1))),
                of("UntagResource", K + ",\"TagKeys\":[\"a\",\"\"]", value("", "tagKeys.2.member", atLeast(1))),
                of("UpdateAlias", "\"AliasName\":\"alias/x@y\",\"TargetKeyId\":\"" + NO_KEY + "\"",
                        value("alias/x@y", "aliasName", pattern("^[a-zA-Z0-9:/_-]+$"))),
                of("UpdateCustomKeyStore", "\"CustomKeyStoreId\":\"cks-1\",\"XksProxyAuthenticationCredential\":"
                                + "{\"AccessKeyId\":\"abc\",\"RawSecretAccessKey\":\"x\"}",
                        hidden("xksProxyAuthenticationCredential.accessKeyId", pattern("^[A-Z2-7]+$")),
                        hidden("xksProxyAuthenticationCredential.accessKeyId", atLeast(20)),
                        hidden("xksProxyAuthenticationCredential.rawSecretAccessKey", atLeast(43))),
                of("UpdateKeyDescription", K, missing("description")),
                of("UpdatePrimaryRegion", K + ",\"PrimaryRegion\":\"x\"",
                        value("x", "primaryRegion", pattern("^([a-z]+-){2,3}\\d+$"))),
                of("Verify", K + ",\"Message\":\"AAAA\",\"Signature\":\"AAAA\",\"SigningAlgorithm\":\"X\"",
                        value("X", "signingAlgorithm", oneOf(SIGNING_ALGORITHMS))),
                of("VerifyMac", "\"Message\":\"\"," + K + ",\"MacAlgorithm\":\"HMAC_SHA_256\",\"Mac\":\"AAAA\"",
                        hidden("message", atLeast(1))));
    }

    private HttpResponse<String> post(String operation, String body) throws IOException, InterruptedException {
        URI root = server.endpoint().resolve("/");
        HttpRequest request = HttpRequest.newBuilder(root)
                .timeout(Duration.ofSeconds(30))
                .header("X-Amz-Target", "TrentService." + operation)
                .header("Content-Type", "application/x-amz-json-1.1")
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
                .build();
        return http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    @Test
    void everyOperation_reportsModelViolations_asAwsDoes_beforeLookingAnythingUp() throws Exception {
        List<Case> cases = cases();
        assertEquals(54, new TreeSet<>(cases.stream().map(Case::operation).toList()).size(),
                "one case for each of the model's operations");
        Map<String, String> failures = new TreeMap<>();
        for (Case c : cases) {
            HttpResponse<String> response = post(c.operation(), c.body());
            JsonNode body = JSON.readTree(response.body());
            String got = response.statusCode() + " " + body.path("__type").asText() + ": " + body.path("message").asText();
            String expected = "400 ValidationException: " + c.message();
            if (!expected.equals(got)) {
                failures.put(c.operation(), "\n  expected " + expected + "\n  got      " + got);
            }
        }
        assertTrue(failures.isEmpty(), failures.toString());
    }

    @Test
    void aliasNames_outsideTheModelPattern_getTheModelMessage_beforeTrentsOwnChecks() throws Exception {
        List<String> failures = new ArrayList<>();
        for (String name : List.of("alias/my-alias!", "alias/my$alias", "alias/me@there")) {
            for (String operation : List.of("CreateAlias", "UpdateAlias")) {
                HttpResponse<String> response = post(operation, "{\"AliasName\":\"" + name + "\",\"TargetKeyId\":\""
                        + NO_KEY + "\"}");
                String got = JSON.readTree(response.body()).path("message").asText();
                String expected = "1 validation error detected: Value '" + name + "' at 'aliasName' failed to satisfy "
                        + "constraint: Member must satisfy regular expression pattern: ^[a-zA-Z0-9:/_-]+$";
                if (response.statusCode() != 400 || !expected.equals(got)) {
                    failures.add(operation + " " + name + ": " + response.statusCode() + " " + got);
                }
            }
        }
        assertTrue(failures.isEmpty(), String.join("\n", failures));
    }
}
