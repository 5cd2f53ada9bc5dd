package dev.trent.server.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.trent.server.app.TrentConfig;
import dev.trent.server.app.TrentServer;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * A really started in-memory Trent, the command line run against it in the test JVM with captured output, and
 * plain KMS requests to set up what the commands act on.
 */
final class CliAgainstServer implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private final ByteArrayOutputStream stdout = new ByteArrayOutputStream();
    private final ByteArrayOutputStream stderr = new ByteArrayOutputStream();
    private final TrentServer server;

    CliAgainstServer() throws Exception {
        this(TrentConfig.builder());
    }

    /** A server configured by {@code config}, in memory on a free port. */
    CliAgainstServer(TrentConfig.Builder config) throws Exception {
        server = TrentServer.start(config.port(0).inMemory().build());
    }

    String endpoint() {
        return server.endpoint().toString();
    }

    /** Runs {@code trent args...}, capturing only this run's output; returns the exit code. */
    int run(String... args) {
        return run(Map.of(), args);
    }

    /** Runs {@code trent args...} with {@code environment} as its only environment variables. */
    int run(Map<String, String> environment, String... args) {
        stdout.reset();
        stderr.reset();
        return new Cli(environment::get, ServerLauncher.trentServer(), new StopSignal() {
            @Override
            public void arm(Runnable onJvmShutdown) {
            }

            @Override
            public void await() {
            }
        }).run(args, new PrintStream(stdout, true, StandardCharsets.UTF_8),
                new PrintStream(stderr, true, StandardCharsets.UTF_8));
    }

    String out() {
        return stdout.toString(StandardCharsets.UTF_8);
    }

    String err() {
        return stderr.toString(StandardCharsets.UTF_8);
    }

    /** A KMS operation that must succeed; its JSON answer. */
    JsonNode kms(String operation, String body) throws Exception {
        HttpResponse<String> response = send(operation, body);
        assertEquals(200, response.statusCode(), response.body());
        return JSON.readTree(response.body());
    }

    /** A KMS operation that must succeed, signed (as far as Trent reads a signature) for {@code region}. */
    JsonNode kmsIn(String region, String operation, String body) throws Exception {
        HttpResponse<String> response = http.send(request(operation, body)
                .header("Authorization", "AWS4-HMAC-SHA256 Credential=test/20260101/" + region
                        + "/kms/aws4_request, SignedHeaders=host;x-amz-date, Signature=00")
                .build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, response.statusCode(), response.body());
        return JSON.readTree(response.body());
    }

    int kmsStatus(String operation, String body) throws Exception {
        return send(operation, body).statusCode();
    }

    private HttpResponse<String> send(String operation, String body) throws Exception {
        return http.send(request(operation, body).build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpRequest.Builder request(String operation, String body) {
        return HttpRequest.newBuilder(URI.create(server.endpoint() + "/"))
                .header("X-Amz-Target", "TrentService." + operation)
                .header("Content-Type", "application/x-amz-json-1.1")
                .POST(HttpRequest.BodyPublishers.ofString(body));
    }

    @Override
    public void close() {
        server.close();
    }
}
