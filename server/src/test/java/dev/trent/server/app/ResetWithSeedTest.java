package dev.trent.server.app;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A reset returns a seeded server to the state it started in: empty, then its seed applied again. */
class ResetWithSeedTest {

    private static final String SEEDED = "0b3f4c1e-8a7d-4e2b-9c6a-1d2e3f405162";

    @TempDir
    Path dir;

    @Test
    void reset_keepsTheSeededKeyAndAlias_andRemovesTheRest() throws Exception {
        Path seed = dir.resolve("seed.yaml");
        Files.writeString(seed, """
                keys:
                  - id: %s
                    description: seeded
                    aliases: [alias/seeded]
                """.formatted(SEEDED));
        try (TrentServer server = TrentServer.start(TrentConfig.builder().port(0).inMemory().seedFile(seed).build())) {
            Http http = new Http(server);
            http.kms("CreateKey", "{\"Description\":\"made by a test\"}");
            assertEquals(2, http.keyIds().size());

            server.reset();

            assertEquals(List.of(SEEDED), http.keyIds());
            assertEquals("seeded", http.kms("DescribeKey", "{\"KeyId\":\"alias/seeded\"}")
                    .at("/KeyMetadata/Description").asText());
        }
    }

    private record Http(TrentServer server) {

        JsonNode kms(String operation, String body) throws Exception {
            return new KmsOverHttp(server).ok(operation, body);
        }

        List<String> keyIds() throws Exception {
            List<String> ids = new ArrayList<>();
            kms("ListKeys", "{}").get("Keys").forEach(k -> ids.add(k.get("KeyId").asText()));
            return ids;
        }
    }
}
