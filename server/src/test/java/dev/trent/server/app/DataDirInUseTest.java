package dev.trent.server.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.trent.storage.DataDirInUseException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two servers started in one JVM on one data dir (as tests or the JUnit extension might): the second is refused
 * with a message naming the first, and the first keeps serving, writes included.
 */
class DataDirInUseTest {


    @TempDir
    Path dir;


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

    private static JsonNode kms(TrentServer server, String operation, String body) throws Exception {
        return new KmsOverHttp(server).ok(operation, body);
    }
}
