package dev.trent.server.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Scripts of an init folder run once Trent is ready, and the LocalStack endpoints that tell about them. */
class ReadyScriptsTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private final HttpClient http = HttpClient.newHttpClient();

    private JsonNode get(TrentServer server, String path) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(server.endpoint() + path)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, response.statusCode(), response.body());
        return JSON.readTree(response.body());
    }

    @Test
    void scriptsRunInNameOrder_withTrentsEndpointAndAwslocal_andAFailureDoesNotStopTheRest() throws Exception {
        Path init = Files.createDirectory(dir.resolve("ready.d"));
        Path seen = dir.resolve("seen.txt");
        Files.writeString(init.resolve("01-env.sh"), "echo \"$AWS_ENDPOINT_URL $AWS_DEFAULT_REGION\" >> '" + seen
                + "'\ncommand -v awslocal >/dev/null && echo awslocal >> '" + seen + "'\n");
        Files.writeString(init.resolve("02-fails.sh"), "exit 3\n");
        Files.writeString(init.resolve("03-last.sh"), "echo last >> '" + seen + "'\n");
        Files.writeString(init.resolve("notes.txt"), "not a script\n");

        try (TrentServer server = TrentServer.start(TrentConfig.builder().port(0).inMemory().initDir(init).build())) {
            JsonNode ready = awaitReady(server);

            assertEquals("01-env.sh", ready.at("/scripts/0/name").asText());
            assertEquals("SUCCESSFUL", ready.at("/scripts/0/state").asText());
            assertEquals("ERROR", ready.at("/scripts/1/state").asText());
            assertEquals("SUCCESSFUL", ready.at("/scripts/2/state").asText());
            assertEquals(3, ready.get("scripts").size(), "only scripts run");
            assertEquals(server.endpoint() + " us-east-1\nawslocal\nlast\n", Files.readString(seen));
            JsonNode stages = get(server, "/_localstack/init");
            assertTrue(stages.at("/completed/READY").asBoolean());
            assertEquals("READY", stages.at("/scripts/0/stage").asText());
        }
    }

    @Test
    void withASelfSignedCertificate_scriptsTrustItThroughAwsCaBundle() throws Exception {
        Assumptions.assumeTrue(new ProcessBuilder("sh", "-c", "command -v curl").start().waitFor() == 0,
                "curl is not installed");
        Path init = Files.createDirectory(dir.resolve("ready.d"));
        Path seen = dir.resolve("health.json");
        Files.writeString(init.resolve("01-health.sh"), "curl -sf --cacert \"$AWS_CA_BUNDLE\""
                + " \"$AWS_ENDPOINT_URL/_localstack/health\" > '" + seen + ".tmp' && mv '" + seen + ".tmp' '" + seen
                + "'\n");

        try (TrentServer server = TrentServer.start(TrentConfig.builder().port(0).inMemory().initDir(init)
                .tlsSelfSigned().build())) {
            Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
            while (!Files.exists(seen) && Instant.now().isBefore(deadline)) {
                Thread.sleep(50);
            }
            assertTrue(server.endpoint().toString().startsWith("https://"));
            assertEquals("running", JSON.readTree(Files.readString(seen)).at("/services/kms").asText());
        }
    }

    @Test
    void withoutScripts_theReadyStageIsCompleteAtOnce_andHealthSaysKmsIsRunning() throws Exception {
        try (TrentServer server = TrentServer.start(TrentConfig.builder().port(0).inMemory().build())) {
            JsonNode ready = get(server, "/_localstack/init/ready");
            assertTrue(ready.get("completed").asBoolean());
            assertEquals(0, ready.get("scripts").size());
            JsonNode health = get(server, "/_localstack/health");
            assertEquals("running", health.at("/services/kms").asText());
            assertEquals("community", health.get("edition").asText());
        }
    }

    private JsonNode awaitReady(TrentServer server) throws Exception {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
        while (true) {
            JsonNode ready = get(server, "/_localstack/init/ready");
            if (ready.get("completed").asBoolean() || Instant.now().isAfter(deadline)) {
                return ready;
            }
            Thread.sleep(20);
        }
    }
}
