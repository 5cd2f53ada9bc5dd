package dev.trent.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.trent.server.app.TrentConfig;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.kms.model.DataKeyPairSpec;
import software.amazon.awssdk.services.kms.model.DataKeySpec;
import software.amazon.awssdk.services.kms.model.KeySpec;
import software.amazon.awssdk.services.kms.model.KeyUsageType;
import software.amazon.awssdk.services.kms.model.MacAlgorithmSpec;
import software.amazon.awssdk.services.kms.model.MessageType;
import software.amazon.awssdk.services.kms.model.SigningAlgorithmSpec;
import software.amazon.awssdk.services.sts.StsClient;

/**
 * Calls of each operation family that carry or return secrets, then a scan of every stored audit record for
 * them: plaintexts, data keys (and their ciphertexts), private keys, messages, signatures, MACs, random bytes, IAM
 * secret keys and STS session tokens are nowhere in the trail, while each call is recorded.
 */
class AuditTrailSecretsTest extends TrentTestBase {

    @Override
    protected TrentConfig.Builder configure(TrentConfig.Builder builder) {
        return builder.auditTrail(true);
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String TRUST = "{\"Version\":\"2012-10-17\",\"Statement\":{\"Effect\":\"Allow\","
            + "\"Principal\":{\"AWS\":\"arn:aws:iam::" + ACCOUNT + ":root\"},\"Action\":\"sts:AssumeRole\"}}";

    @Test
    void noSecretOfAnyFamily_isInTheTrail() throws Exception {
        List<String> secrets = new ArrayList<>();
        String symmetric = newSymmetricKey().arn();
        SdkBytes plaintext = SdkBytes.fromUtf8String("top secret plaintext 4711");
        secrets.add(plaintext.asUtf8String());
        secrets.add(base64(plaintext));
        SdkBytes ciphertext = kms.encrypt(b -> b.keyId(symmetric).plaintext(plaintext)
                .encryptionContext(Map.of("purpose", "audit"))).ciphertextBlob();
        secrets.add(base64(ciphertext));
        kms.decrypt(b -> b.ciphertextBlob(ciphertext).encryptionContext(Map.of("purpose", "audit")));
        secrets.add(base64(kms.reEncrypt(b -> b.ciphertextBlob(ciphertext).destinationKeyId(symmetric)
                .sourceEncryptionContext(Map.of("purpose", "audit"))).ciphertextBlob()));
        var dataKey = kms.generateDataKey(b -> b.keyId(symmetric).keySpec(DataKeySpec.AES_256));
        secrets.add(base64(dataKey.plaintext()));
        secrets.add(base64(dataKey.ciphertextBlob()));
        var pair = kms.generateDataKeyPair(b -> b.keyId(symmetric).keyPairSpec(DataKeyPairSpec.ECC_NIST_P256));
        secrets.add(base64(pair.privateKeyPlaintext()));
        secrets.add(base64(pair.privateKeyCiphertextBlob()));
        secrets.add(base64(kms.generateRandom(b -> b.numberOfBytes(32)).plaintext()));

        String signing = newKey(KeySpec.ECC_NIST_P256, KeyUsageType.SIGN_VERIFY).arn();
        SdkBytes message = SdkBytes.fromUtf8String("message to sign 0815");
        secrets.add(base64(message));
        SdkBytes signature = kms.sign(b -> b.keyId(signing).message(message).messageType(MessageType.RAW)
                .signingAlgorithm(SigningAlgorithmSpec.ECDSA_SHA_256)).signature();
        secrets.add(base64(signature));
        kms.verify(b -> b.keyId(signing).message(message).signature(signature)
                .signingAlgorithm(SigningAlgorithmSpec.ECDSA_SHA_256));

        String hmac = newKey(KeySpec.HMAC_256, KeyUsageType.GENERATE_VERIFY_MAC).arn();
        secrets.add(base64(kms.generateMac(b -> b.keyId(hmac).message(message)
                .macAlgorithm(MacAlgorithmSpec.HMAC_SHA_256)).mac()));

        try (IamClient iam = QueryClients.iam(server.endpoint(), AwsBasicCredentials.create("test", "test"));
                StsClient sts = QueryClients.sts(server.endpoint(), AwsBasicCredentials.create("test", "test"))) {
            iam.createUser(b -> b.userName("auditor"));
            secrets.add(iam.createAccessKey(b -> b.userName("auditor")).accessKey().secretAccessKey());
            String role = iam.createRole(b -> b.roleName("audited").assumeRolePolicyDocument(TRUST)).role().arn();
            var credentials = sts.assumeRole(b -> b.roleArn(role).roleSessionName("scan")).credentials();
            secrets.add(credentials.secretAccessKey());
            secrets.add(credentials.sessionToken());
        }

        List<String> records = trail();
        String all = String.join("\n", records);
        for (String secret : secrets) {
            assertFalse(all.contains(secret), "the trail holds a secret: " + secret);
        }
        List<String> names = records.stream().map(this::eventName).toList();
        for (String name : List.of("Encrypt", "Decrypt", "ReEncrypt", "GenerateDataKey", "GenerateDataKeyPair",
                "GenerateRandom", "Sign", "Verify", "GenerateMac", "CreateUser", "CreateAccessKey", "CreateRole",
                "AssumeRole")) {
            assertTrue(names.contains(name), name + " is not in the trail: " + names);
        }
        JsonNode decrypt = records.stream().map(this::record).filter(r -> r.path("eventName").asText()
                .equals("Decrypt")).findFirst().orElseThrow();
        assertEquals("audit", decrypt.path("requestParameters").path("encryptionContext").path("purpose").asText());
        assertEquals(symmetric, decrypt.path("resources").path(0).path("ARN").asText());
    }

    private List<String> trail() throws Exception {
        server.auditTrail().flush();
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create(server.endpoint() + "/_trent/audit/log")).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        List<String> links = new ArrayList<>();
        for (Iterator<JsonNode> it = JSON.readTree(response.body()).path("events").elements(); it.hasNext(); ) {
            links.add(new String(Base64.getDecoder().decode(it.next().path("bytes").asText()),
                    StandardCharsets.UTF_8));
        }
        return links;
    }

    private JsonNode record(String link) {
        try {
            return JSON.readTree(link).path("event");
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
    }

    private String eventName(String link) {
        return record(link).path("eventName").asText();
    }

    private static String base64(SdkBytes bytes) {
        return Base64.getEncoder().encodeToString(bytes.asByteArray());
    }
}
