package dev.trent.server.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every KMS call a started server answers is in its audit trail, as CloudTrail records it, with no secret. */
class AuditTrailServerTest {

    private static final HttpClient CLIENT = HttpClient.newHttpClient();
    private static final String PLAINTEXT = "the launch code is 0000";

    @TempDir
    Path data;

    private TrentServer start() throws Exception {
        return TrentServer.start(TrentConfig.builder().port(0).auditTrail(true).dataDir(data).build());
    }

    @Test
    void withoutTheOption_nothingIsRecorded_andLookupEventsIsNotAnswered() throws Exception {
        try (TrentServer server = TrentServer.start(TrentConfig.builder().port(0).dataDir(data).build())) {
            KmsOverHttp kms = new KmsOverHttp(server);
            kms.ok("CreateKey", "{}");

            assertNull(server.auditTrail());
            HttpResponse<String> lookup = CLIENT.send(HttpRequest.newBuilder(server.endpoint())
                    .header("Content-Type", "application/x-amz-json-1.1")
                    .header("X-Amz-Target", "com.amazonaws.cloudtrail.v20131101.CloudTrail_20131101.LookupEvents")
                    .POST(HttpRequest.BodyPublishers.ofString("{}")).build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(400, lookup.statusCode());
            assertEquals(404, CLIENT.send(HttpRequest.newBuilder(server.endpoint().resolve("/_trent/audit/public-key"))
                    .GET().build(), HttpResponse.BodyHandlers.ofString()).statusCode());
        }
    }

    @Test
    void encrypt_isRecordedAsCloudTrailDoes_withTheRequestIdTheResponseCarried() throws Exception {
        try (TrentServer server = start()) {
            KmsOverHttp kms = new KmsOverHttp(server);
            String arn = kms.ok("CreateKey", "{}").path("KeyMetadata").path("Arn").asText();
            HttpResponse<String> encrypt = kms.call("Encrypt", "{\"KeyId\":\"" + arn + "\",\"Plaintext\":\""
                    + base64(PLAINTEXT) + "\",\"EncryptionContext\":{\"Department\":\"Engineering\"}}");
            assertEquals(200, encrypt.statusCode());
            String requestId = encrypt.headers().firstValue("x-amzn-RequestId").orElseThrow();

            JsonNode event = only(events(server), "Encrypt");
            assertEquals("1.09", event.path("eventVersion").asText());
            assertEquals("kms.amazonaws.com", event.path("eventSource").asText());
            assertEquals("AwsApiCall", event.path("eventType").asText());
            assertEquals(requestId, event.path("requestID").asText());
            assertEquals(arn, event.path("requestParameters").path("keyId").asText());
            assertEquals("Engineering",
                    event.path("requestParameters").path("encryptionContext").path("Department").asText());
            assertFalse(event.path("requestParameters").has("plaintext"));
            assertTrue(event.path("responseElements").isNull());
            assertTrue(event.path("readOnly").asBoolean());
            assertEquals("Root", event.path("userIdentity").path("type").asText());
            String account = arn.split(":")[4];
            assertEquals(account, event.path("userIdentity").path("accountId").asText());
            assertEquals(account, event.path("userIdentity").path("principalId").asText());
            assertEquals("arn:aws:iam::" + account + ":root", event.path("userIdentity").path("arn").asText());
            assertEquals(account, event.path("recipientAccountId").asText());
            assertEquals("Management", event.path("eventCategory").asText());
            assertTrue(event.path("managementEvent").asBoolean());
            assertEquals("AWS::KMS::Key", event.path("resources").path(0).path("type").asText());
            assertEquals(arn, event.path("resources").path(0).path("ARN").asText());
            assertFalse(event.path("eventID").asText().isEmpty());
        }
    }

    @Test
    void createKey_isWrittenByTheCommitThatCreatedTheKey_beforeTheResponse() throws Exception {
        try (TrentServer server = start()) {
            KmsOverHttp kms = new KmsOverHttp(server);
            String arn = kms.ok("CreateKey", "{\"Description\":\"payments\"}").path("KeyMetadata").path("Arn")
                    .asText();
            // No flush: a control-plane event is in the store once its call has answered.
            JsonNode event = only(storedEvents(server), "CreateKey");
            assertFalse(event.path("readOnly").asBoolean());
            assertEquals("payments", event.path("requestParameters").path("description").asText());
            assertEquals(arn, event.path("resources").path(0).path("ARN").asText());
            assertFalse(event.has("errorCode"));
        }
    }

    @Test
    void refusedCall_isRecordedWithItsErrorCodeAndMessage() throws Exception {
        try (TrentServer server = start()) {
            KmsOverHttp kms = new KmsOverHttp(server);
            String missing = "arn:aws:kms:us-east-1:000000000000:key/1234abcd-12ab-34cd-56ef-1234567890ab";
            HttpResponse<String> refused = kms.call("DescribeKey", "{\"KeyId\":\"" + missing + "\"}");
            assertEquals(400, refused.statusCode());
            JsonNode body = KmsOverHttp.JSON.readTree(refused.body());

            JsonNode event = only(events(server), "DescribeKey");
            assertEquals("NotFoundException", event.path("errorCode").asText());
            assertEquals(body.path("message").asText(), event.path("errorMessage").asText());
            assertEquals(missing, event.path("resources").path(0).path("ARN").asText());
        }
    }

    @Test
    void noPlaintextDataKeyOrCiphertext_isAnywhereInTheTrail() throws Exception {
        try (TrentServer server = start()) {
            KmsOverHttp kms = new KmsOverHttp(server);
            String arn = kms.ok("CreateKey", "{}").path("KeyMetadata").path("Arn").asText();
            String ciphertext = kms.ok("Encrypt", "{\"KeyId\":\"" + arn + "\",\"Plaintext\":\"" + base64(PLAINTEXT)
                    + "\"}").path("CiphertextBlob").asText();
            kms.ok("Decrypt", "{\"CiphertextBlob\":\"" + ciphertext + "\"}");
            JsonNode dataKey = kms.ok("GenerateDataKey", "{\"KeyId\":\"" + arn + "\",\"KeySpec\":\"AES_256\"}");

            String trail = String.join("\n", rawLog(server));
            for (String secret : List.of(PLAINTEXT, base64(PLAINTEXT), ciphertext,
                    dataKey.path("Plaintext").asText(), dataKey.path("CiphertextBlob").asText())) {
                assertFalse(trail.contains(secret), "the trail holds a secret: " + secret);
            }
            assertEquals(List.of("CreateKey", "Encrypt", "Decrypt", "GenerateDataKey"),
                    events(server).stream().map(e -> e.path("eventName").asText()).toList());
        }
    }

    @Test
    void publicKey_isServedAsPem() throws Exception {
        try (TrentServer server = start()) {
            HttpResponse<String> pem = CLIENT.send(HttpRequest.newBuilder(
                    URI.create(server.endpoint() + "/_trent/audit/public-key")).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(200, pem.statusCode());
            assertEquals("application/x-pem-file", pem.headers().firstValue("Content-Type").orElseThrow());
            assertTrue(pem.body().startsWith("-----BEGIN PUBLIC KEY-----\n"), pem.body());
            assertEquals(server.auditTrail().publicKeyPem(), pem.body());
        }
    }

    @Test
    void reset_wipesTheTrail_andStartsANewChainWithTheResetAsItsFirstEvent() throws Exception {
        try (TrentServer server = start()) {
            KmsOverHttp kms = new KmsOverHttp(server);
            kms.ok("CreateKey", "{}");
            kms.ok("ListKeys", "{}");
            String oldKey = server.auditTrail().publicKeyPem();
            server.reset();

            List<JsonNode> events = events(server);
            assertEquals(List.of("ResetState"), events.stream().map(e -> e.path("eventName").asText()).toList());
            assertEquals("trent.local", events.get(0).path("eventSource").asText());
            assertEquals("AwsServiceEvent", events.get(0).path("eventType").asText());
            assertFalse(oldKey.equals(server.auditTrail().publicKeyPem()), "a new chain has a new key");
            kms.ok("ListKeys", "{}");
            assertEquals(List.of("ResetState", "ListKeys"),
                    events(server).stream().map(e -> e.path("eventName").asText()).toList());
        }
        assertTrue(AuditCheck.run(TrentConfig.builder().dataDir(data).build()).sound());
    }

    @Test
    void deletionAndRotationByTrent_areServiceEvents_datedWhenTheyFellDue() throws Exception {
        try (TrentServer server = start()) {
            KmsOverHttp kms = new KmsOverHttp(server);
            String doomed = kms.ok("CreateKey", "{}").path("KeyMetadata").path("Arn").asText();
            String rotating = kms.ok("CreateKey", "{}").path("KeyMetadata").path("Arn").asText();
            java.time.Instant deletionDate = java.time.Instant.ofEpochSecond(kms.ok("ScheduleKeyDeletion",
                    "{\"KeyId\":\"" + doomed + "\",\"PendingWindowInDays\":7}").path("DeletionDate").asLong());
            kms.ok("EnableKeyRotation", "{\"KeyId\":\"" + rotating + "\",\"RotationPeriodInDays\":90}");

            HttpResponse<String> moved = CLIENT.send(HttpRequest.newBuilder(URI.create(server.endpoint()
                    + "/_trent/clock")).POST(HttpRequest.BodyPublishers.ofString("{\"advanceSeconds\":"
                    + 91 * 86400 + "}")).build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(200, moved.statusCode(), moved.body());

            List<JsonNode> stored = storedEvents(server);
            JsonNode deleted = only(stored, "DeleteKey");
            assertEquals("AwsServiceEvent", deleted.path("eventType").asText());
            assertEquals("AWS Internal", deleted.path("userIdentity").path("invokedBy").asText());
            assertEquals(doomed, deleted.path("resources").path(0).path("ARN").asText());
            assertEquals(doomed.substring(doomed.lastIndexOf('/') + 1),
                    deleted.path("serviceEventDetails").path("keyId").asText());
            assertFalse(deleted.has("requestID"));
            // Moving the clock fires each due action at its own instant: the deletion is dated when it fell due.
            assertEquals(deletionDate.toString(), deleted.path("eventTime").asText());

            JsonNode rotated = only(stored, "RotateKey");
            assertEquals("AUTOMATIC", rotated.path("serviceEventDetails").path("rotationType").asText());
            assertEquals(rotating, rotated.path("resources").path(0).path("ARN").asText());
        }
    }

    @Test
    void eventsOlderThanTheRetention_arePrunedByTheClock_andTheTrailStillVerifies() throws Exception {
        try (TrentServer server = TrentServer.start(TrentConfig.builder().port(0).auditTrail(true).dataDir(data)
                .auditRetention(java.time.Duration.ofDays(1)).build())) {
            KmsOverHttp kms = new KmsOverHttp(server);
            kms.ok("ListKeys", "{}");
            kms.ok("ListAliases", "{}");
            server.auditTrail().flush();
            HttpResponse<String> moved = CLIENT.send(HttpRequest.newBuilder(URI.create(server.endpoint()
                    + "/_trent/clock")).POST(HttpRequest.BodyPublishers.ofString("{\"advanceSeconds\":"
                    + 2 * 86400 + "}")).build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(200, moved.statusCode(), moved.body());
            kms.ok("DescribeKey", "{\"KeyId\":\"" + kms.ok("CreateKey", "{}").path("KeyMetadata").path("KeyId")
                    .asText() + "\"}");
            // The clock move itself is recorded once it is done, so it is kept.
            assertEquals(List.of("POST /_trent/clock", "CreateKey", "DescribeKey"),
                    events(server).stream().map(e -> e.path("eventName").asText()).toList());
        }
        {
            var verdict = AuditCheck.run(TrentConfig.builder().dataDir(data).build());
            assertEquals(List.of(), verdict.problems());
            assertEquals(3, verdict.events());
        }
    }

    @Test
    void adminActions_areRecordedUnderTrentsOwnSource_readsAreNot() throws Exception {
        try (TrentServer server = start()) {
            KmsOverHttp kms = new KmsOverHttp(server);
            String arn = kms.ok("CreateKey", "{}").path("KeyMetadata").path("Arn").asText();
            kms.admin("/_trent/health");
            String path = "/_trent/keys/" + arn.substring(arn.lastIndexOf('/') + 1) + "/suspend";
            HttpResponse<String> suspended = CLIENT.send(HttpRequest.newBuilder(URI.create(server.endpoint() + path))
                    .POST(HttpRequest.BodyPublishers.ofString("{\"reason\":\"incident 7\"}")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(200, suspended.statusCode(), suspended.body());

            // Suspending disables the key: the event is in the commit that did it, before the answer.
            JsonNode event = only(storedEvents(server), "POST " + path);
            assertEquals("trent.local", event.path("eventSource").asText());
            assertEquals("incident 7", event.path("requestParameters").path("body").path("reason").asText());
            assertEquals(arn, event.path("resources").path(0).path("ARN").asText());
            assertEquals("Root", event.path("userIdentity").path("type").asText());

            HttpResponse<String> reset = CLIENT.send(HttpRequest.newBuilder(URI.create(server.endpoint()
                    + "/_trent/reset")).POST(HttpRequest.BodyPublishers.noBody()).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(200, reset.statusCode(), reset.body());
            assertEquals(List.of("ResetState", "POST /_trent/reset"),
                    events(server).stream().map(e -> e.path("eventName").asText()).toList());
        }
        assertTrue(AuditCheck.run(TrentConfig.builder().dataDir(data).build()).sound());
    }

    static JsonNode only(List<JsonNode> events, String name) {
        List<JsonNode> named = events.stream().filter(e -> e.path("eventName").asText().equals(name)).toList();
        assertEquals(1, named.size(), events.toString());
        return named.get(0);
    }

    /** The CloudTrail records of the trail, in order, once everything queued is written. */
    static List<JsonNode> events(TrentServer server) throws Exception {
        server.auditTrail().flush();
        return storedEvents(server);
    }

    /** The CloudTrail records written so far, without waiting for the queue. */
    static List<JsonNode> storedEvents(TrentServer server) throws Exception {
        List<JsonNode> events = new ArrayList<>();
        for (String link : linksOf(server)) {
            events.add(KmsOverHttp.JSON.readTree(link).path("event"));
        }
        return events;
    }

    private static List<String> rawLog(TrentServer server) throws Exception {
        server.auditTrail().flush();
        return linksOf(server);
    }

    private static List<String> linksOf(TrentServer server) throws Exception {
        HttpResponse<String> response = CLIENT.send(HttpRequest.newBuilder(
                URI.create(server.endpoint() + "/_trent/audit/log")).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        JsonNode log = KmsOverHttp.JSON.readTree(response.body());
        List<String> links = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = log.path("events").fields(); it.hasNext(); ) {
            links.add(new String(Base64.getDecoder().decode(it.next().getValue().path("bytes").asText()),
                    StandardCharsets.UTF_8));
        }
        return links;
    }

    private static String base64(String text) {
        return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }
}
