package dev.trent.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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
import java.time.Instant;
import java.util.Base64;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The awsJson1.1 wire format seen without an SDK in between: error bodies, headers, number timestamps and
 * base64 blobs. Requests are unsigned, so the server answers in its default Region.
 */
class ProtocolErrorsTest extends TrentTestBase {

    private static final String JSON_11 = "application/x-amz-json-1.1";
    private static final ObjectMapper JSON = new ObjectMapper();

    private HttpClient http;

    @BeforeAll
    void createHttpClient() {
        http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(10)).build();
    }

    private HttpResponse<String> post(String target, String body) throws IOException, InterruptedException {
        URI root = server.endpoint().resolve("/");
        HttpRequest request = HttpRequest.newBuilder(root)
                .timeout(Duration.ofSeconds(30))
                .header("X-Amz-Target", target)
                .header("Content-Type", JSON_11)
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
                .build();
        return http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private static JsonNode json(HttpResponse<String> response) throws IOException {
        return JSON.readTree(response.body());
    }

    private static void assertAwsJsonHeaders(HttpResponse<String> response) {
        String contentType = response.headers().firstValue("Content-Type").orElse("");
        assertTrue(contentType.startsWith(JSON_11), "Content-Type was '" + contentType + "'");
        String requestId = response.headers().firstValue("x-amzn-RequestId").orElse("");
        assertFalse(requestId.isBlank(), "x-amzn-RequestId header missing");
    }

    @Test
    void unknownTarget_returns400UnknownOperation() throws Exception {
        HttpResponse<String> response = post("TrentService.NoSuchOperation", "{}");

        assertEquals(400, response.statusCode(), response.body());
        assertEquals("UnknownOperationException", json(response).path("__type").asText(), response.body());
        assertAwsJsonHeaders(response);
    }

    @Test
    void targetWithAnotherServicePrefix_returns400UnknownOperation() throws Exception {
        HttpResponse<String> response = post("DynamoDB_20120810.ListTables", "{}");

        assertEquals(400, response.statusCode(), response.body());
        assertEquals("UnknownOperationException", json(response).path("__type").asText(), response.body());
    }

    @Test
    void malformedJson_returns400SerializationException() throws Exception {
        HttpResponse<String> response = post("TrentService.DescribeKey", "{\"KeyId\": ");

        assertEquals(400, response.statusCode(), response.body());
        assertEquals("SerializationException", json(response).path("__type").asText(), response.body());
        assertAwsJsonHeaders(response);
    }

    @Test
    void success_hasJsonContentTypeAndRequestId() throws Exception {
        HttpResponse<String> response = post("TrentService.ListKeys", "{}");

        assertEquals(200, response.statusCode(), response.body());
        assertAwsJsonHeaders(response);
        assertTrue(json(response).path("Keys").isArray(), response.body());
    }

    @Test
    void requestIds_differBetweenRequests() throws Exception {
        String first = post("TrentService.ListKeys", "{}").headers().firstValue("x-amzn-RequestId").orElse("");
        String second = post("TrentService.ListKeys", "{}").headers().firstValue("x-amzn-RequestId").orElse("");

        assertFalse(first.isBlank());
        assertFalse(first.equals(second), "two requests share RequestId " + first);
    }

    @Test
    void emptyBody_isAcceptedLikeAnEmptyObject() throws Exception {
        HttpResponse<String> response = post("TrentService.ListKeys", "");

        assertEquals(200, response.statusCode(), response.body());
        assertTrue(json(response).path("Keys").isArray(), response.body());
    }

    @Test
    void errorWithMessage_usesTypeNameAndLowerCaseMessageMember() throws Exception {
        HttpResponse<String> response = post("TrentService.DescribeKey", "{\"KeyId\":\"fake-key-id\"}");

        assertEquals(400, response.statusCode(), response.body());
        JsonNode body = json(response);
        assertEquals("NotFoundException", body.path("__type").asText(), response.body());
        assertEquals("Invalid keyId 'fake-key-id'", body.path("message").asText(), response.body());
        assertAwsJsonHeaders(response);
    }

    @Test
    void invalidCiphertext_bodyCarriesNoMessage() throws Exception {
        String garbage = Base64.getEncoder().encodeToString(randomBytes(120));

        HttpResponse<String> response = post("TrentService.Decrypt", "{\"CiphertextBlob\":\"" + garbage + "\"}");

        assertEquals(400, response.statusCode(), response.body());
        JsonNode body = json(response);
        assertEquals("InvalidCiphertextException", body.path("__type").asText(), response.body());
        assertFalse(body.has("message") || body.has("Message"), "AWS sends no message: " + response.body());
    }

    @Test
    void createKey_timestampIsEpochSecondsNumber() throws Exception {
        long now = Instant.now().getEpochSecond();

        HttpResponse<String> response = post("TrentService.CreateKey", "{}");

        assertEquals(200, response.statusCode(), response.body());
        JsonNode creationDate = json(response).path("KeyMetadata").path("CreationDate");
        assertTrue(creationDate.isNumber(), "CreationDate is not a JSON number: " + creationDate);
        assertTrue(Math.abs(creationDate.asDouble() - now) < 60, "CreationDate is not epoch seconds: " + creationDate);
    }

    @Test
    void encryptAndDecrypt_carryBlobsAsBase64() throws Exception {
        String keyId = json(post("TrentService.CreateKey", "{}")).path("KeyMetadata").path("KeyId").asText();
        String plaintext = Base64.getEncoder().encodeToString("hello".getBytes(StandardCharsets.UTF_8));

        HttpResponse<String> encrypted = post("TrentService.Encrypt",
                "{\"KeyId\":\"" + keyId + "\",\"Plaintext\":\"" + plaintext + "\"}");
        String blob = json(encrypted).path("CiphertextBlob").asText();
        HttpResponse<String> decrypted = post("TrentService.Decrypt", "{\"CiphertextBlob\":\"" + blob + "\"}");

        assertEquals(200, encrypted.statusCode(), encrypted.body());
        assertTrue(Base64.getDecoder().decode(blob).length > 5, "CiphertextBlob is not base64: " + blob);
        assertEquals(200, decrypted.statusCode(), decrypted.body());
        assertEquals(plaintext, json(decrypted).path("Plaintext").asText());
        assertEquals(keyArn(keyId), json(decrypted).path("KeyId").asText());
    }

    @Test
    void operationWithoutOutput_answers200() throws Exception {
        String keyId = json(post("TrentService.CreateKey", "{}")).path("KeyMetadata").path("KeyId").asText();

        HttpResponse<String> response = post("TrentService.DisableKey", "{\"KeyId\":\"" + keyId + "\"}");

        assertEquals(200, response.statusCode(), response.body());
        assertAwsJsonHeaders(response);
        assertTrue(response.body().isEmpty() || json(response).isEmpty(), "body: " + response.body());
    }

    @Test
    void sdkResponse_carriesTheRequestIdHeader() {
        String requestId = kms.listKeys().responseMetadata().requestId();

        assertFalse(requestId == null || requestId.isBlank() || requestId.equals("UNKNOWN"),
                "RequestId seen by the SDK: " + requestId);
    }
}
