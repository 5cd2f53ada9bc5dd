package dev.trent.conformance;

import static dev.trent.conformance.KmsErrors.assertKmsError;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.trent.server.app.TrentConfig;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.kms.KmsClient;
import software.amazon.awssdk.services.kms.model.AlreadyExistsException;
import software.amazon.awssdk.services.kms.model.KeyMetadata;
import software.amazon.awssdk.services.kms.model.NotFoundException;

/**
 * ARNs carry the configured account and the Region of the caller's SigV4 credential scope; keys and aliases
 * are scoped to that Region. This server runs with a non-default account and default Region.
 */
class AccountAndRegionTest extends TrentTestBase {

    private static final String CONFIGURED_ACCOUNT = "111122223333";
    private static final String DEFAULT_REGION = "eu-central-1";

    @Override
    protected TrentConfig.Builder configure(TrentConfig.Builder builder) {
        return builder.accountId(CONFIGURED_ACCOUNT).defaultRegion(DEFAULT_REGION);
    }

    private static String arn(String region, String resource) {
        return "arn:aws:kms:" + region + ":" + CONFIGURED_ACCOUNT + ":" + resource;
    }

    @Test
    void createKey_usesTheConfiguredAccountAndTheSigningRegion() {
        KeyMetadata key = newSymmetricKey();

        assertEquals(CONFIGURED_ACCOUNT, key.awsAccountId());
        assertEquals(arn("us-east-1", "key/" + key.keyId()), key.arn());
    }

    @Test
    void createKey_inAnotherSigningRegion_getsThatRegionInItsArn() {
        KeyMetadata key = clientIn(Region.AP_SOUTHEAST_2).createKey(b -> { }).keyMetadata();

        assertEquals(arn("ap-southeast-2", "key/" + key.keyId()), key.arn());
    }

    @Test
    void unknownKey_messageUsesTheConfiguredAccount() {
        String unknown = UUID.randomUUID().toString();

        assertKmsError(NotFoundException.class, "Key '" + arn("us-east-1", "key/" + unknown) + "' does not exist",
                () -> kms.describeKey(b -> b.keyId(unknown)));
    }

    @Test
    void aliasArn_usesTheConfiguredAccount() {
        KeyMetadata key = newSymmetricKey();
        String name = uniqueAlias("account");

        kms.createAlias(b -> b.aliasName(name).targetKeyId(key.keyId()));

        assertEquals(arn("us-east-1", name), kms.listAliases(b -> b.keyId(key.keyId())).aliases().get(0).aliasArn());
        assertKmsError(AlreadyExistsException.class,
                "An alias with the name " + arn("us-east-1", name) + " already exists",
                () -> kms.createAlias(b -> b.aliasName(name).targetKeyId(key.keyId())));
    }

    @Test
    void listKeys_inAnotherRegion_doesNotShowThisRegionsKeys() {
        KmsClient west = clientIn(Region.US_WEST_2);
        KeyMetadata eastKey = newSymmetricKey();
        KeyMetadata westKey = west.createKey(b -> { }).keyMetadata();

        assertTrue(west.listKeys(b -> b.limit(1000)).keys().stream().anyMatch(k -> k.keyId().equals(westKey.keyId())));
        assertFalse(west.listKeys(b -> b.limit(1000)).keys().stream().anyMatch(k -> k.keyId().equals(eastKey.keyId())));
        assertFalse(kms.listKeys(b -> b.limit(1000)).keys().stream().anyMatch(k -> k.keyId().equals(westKey.keyId())));
    }

    @Test
    void sameAliasName_inTwoRegions_pointsAtEachRegionsKey() {
        KmsClient west = clientIn(Region.US_WEST_2);
        KeyMetadata eastKey = newSymmetricKey();
        KeyMetadata westKey = west.createKey(b -> { }).keyMetadata();
        String name = uniqueAlias("regional");

        kms.createAlias(b -> b.aliasName(name).targetKeyId(eastKey.keyId()));
        west.createAlias(b -> b.aliasName(name).targetKeyId(westKey.keyId()));

        assertEquals(eastKey.keyId(), kms.describeKey(b -> b.keyId(name)).keyMetadata().keyId());
        assertEquals(westKey.keyId(), west.describeKey(b -> b.keyId(name)).keyMetadata().keyId());
        assertEquals(arn("us-west-2", name), west.listAliases(b -> b.keyId(westKey.keyId())).aliases().get(0).aliasArn());
    }

    @Test
    void unsignedRequest_usesTheConfiguredDefaultRegion() throws Exception {
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        HttpRequest request = HttpRequest.newBuilder(server.endpoint().resolve("/"))
                .timeout(Duration.ofSeconds(30))
                .header("X-Amz-Target", "TrentService.CreateKey")
                .header("Content-Type", "application/x-amz-json-1.1")
                .POST(HttpRequest.BodyPublishers.ofString("{}", StandardCharsets.UTF_8))
                .build();

        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());

        assertEquals(200, response.statusCode(), response.body());
        JsonNode metadata = new ObjectMapper().readTree(response.body()).path("KeyMetadata");
        String keyId = metadata.path("KeyId").asText();
        assertEquals(arn(DEFAULT_REGION, "key/" + keyId), metadata.path("Arn").asText());
        assertEquals(CONFIGURED_ACCOUNT, metadata.path("AWSAccountId").asText());
    }
}
