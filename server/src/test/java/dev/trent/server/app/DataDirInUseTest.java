package dev.trent.server.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.trent.storage.DataDirInUseException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two servers started in one JVM on one data dir (as tests or the JUnit extension might): the second is refused
 * with a message naming the first, and the first keeps serving, writes included.
 */
class DataDirInUseTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    private TrentConfig config() {
        return TrentConfig.builder().port(0).dataDir(dir.resolve("data")).build();
    }

    @Test
    void secondServerOnTheSameDataDir_isRefusedNamingTheFirst_andTheFirstKeepsServing() throws Exception {
        try (TrentServer first = TrentServer.start(config())) {
            String keyId = kms(first, "CreateKey", "{}").path("KeyMetadata").path("KeyId").asText();

            DataDirInUseException e = assertThrows(DataDirInUseException.class, () -> TrentServer.start(config()));

            assertEquals("data dir " + dir.resolve("data") + " is in use by another Trent in this process (pid "
                    + ProcessHandle.current().pid() + " on host ", e.getMessage().substring(0,
                    e.getMessage().indexOf(" on host ") + " on host ".length()));
            assertTrue(e.getMessage().contains(", serving " + first.endpoint() + " since "), e.getMessage());
            String blob = kms(first, "Encrypt", "{\"KeyId\":\"" + keyId + "\",\"Plaintext\":\"aGVsbG8=\"}")
                    .path("CiphertextBlob").asText();
            assertEquals("aGVsbG8=", kms(first, "Decrypt", "{\"CiphertextBlob\":\"" + blob + "\"}")
                    .path("Plaintext").asText());
            kms(first, "CreateAlias", "{\"AliasName\":\"alias/after-refusal\",\"TargetKeyId\":\"" + keyId + "\"}");
        }
        try (TrentServer again = TrentServer.start(config())) {
            assertTrue(kms(again, "ListAliases", "{}").path("Aliases").findValuesAsText("AliasName")
                    .contains("alias/after-refusal"), "the alias written after the refusal was kept");
        }
    }

    private JsonNode kms(TrentServer server, String operation, String body) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(server.endpoint() + "/"))
                .header("X-Amz-Target", "TrentService." + operation)
                .header("Content-Type", "application/x-amz-json-1.1")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, response.statusCode(), response.body());
        return JSON.readTree(response.body());
    }
}
