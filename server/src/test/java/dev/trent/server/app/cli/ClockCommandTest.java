package dev.trent.server.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.trent.server.app.TrentConfig;
import dev.trent.server.app.TrentServer;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** {@code trent clock ...} against a really started in-memory server, through the admin API. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ClockCommandTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern NOW = Pattern.compile("now (\\S+Z) ");

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private final ByteArrayOutputStream stdout = new ByteArrayOutputStream();
    private final ByteArrayOutputStream stderr = new ByteArrayOutputStream();
    private TrentServer server;

    @BeforeAll
    void start() throws Exception {
        server = TrentServer.start(TrentConfig.builder().port(0).inMemory().build());
    }

    @AfterAll
    void stop() {
        server.close();
    }

    @BeforeEach
    void realTime() {
        run("clock", "reset", "--endpoint", server.endpoint().toString());
        stdout.reset();
        stderr.reset();
    }

    private int run(String... args) {
        return new Cli(name -> null, ServerLauncher.trentServer(), new StopSignal() {
            @Override
            public void arm(Runnable onJvmShutdown) {
            }

            @Override
            public void await() {
            }
        }).run(args, new PrintStream(stdout, true, StandardCharsets.UTF_8),
                new PrintStream(stderr, true, StandardCharsets.UTF_8));
    }

    private String out() {
        return stdout.toString(StandardCharsets.UTF_8);
    }

    private String err() {
        return stderr.toString(StandardCharsets.UTF_8);
    }

    @Test
    void advance8d_deletesTheKeyWhoseWindowEnds_andSaysSo() throws Exception {
        String keyId = kms("CreateKey", "{}").at("/KeyMetadata/KeyId").asText();
        kms("ScheduleKeyDeletion", "{\"KeyId\":\"" + keyId + "\",\"PendingWindowInDays\":7}");
        Instant before = Instant.now();

        int exit = run("clock", "advance", "8d", "--endpoint", server.endpoint().toString());

        assertEquals(0, exit, err());
        assertEquals("", err());
        List<String> lines = out().lines().toList();
        assertEquals(1, lines.size(), out());
        String line = lines.get(0);
        assertTrue(line.startsWith("Clock advanced 8d: now "), line);
        assertTrue(line.contains("(offset +8d). Fired: 1 key deleted, 0 material expiries, 0 rotations"), line);
        Duration ahead = Duration.between(before, printedNow(line));
        assertTrue(ahead.compareTo(Duration.ofDays(8).minusMinutes(1)) > 0
                && ahead.compareTo(Duration.ofDays(8).plusMinutes(1)) < 0, ahead.toString());
        assertEquals(400, kmsStatus("DescribeKey", "{\"KeyId\":\"" + keyId + "\"}"), "the key is gone");
    }

    @Test
    void clock_showsNowAndOffset_andResetGoesBack() {
        String endpoint = server.endpoint().toString();
        assertEquals(0, run("clock", "--endpoint", endpoint));
        assertTrue(out().matches("Now \\S+Z \\(real time\\)\\.\\R"), out());

        stdout.reset();
        assertEquals(0, run("clock", "--endpoint", endpoint, "advance", "36h"));
        stdout.reset();
        assertEquals(0, run("clock", "--endpoint", endpoint));
        assertTrue(out().contains("(offset +1d 12h)."), out());

        stdout.reset();
        assertEquals(0, run("clock", "reset", "--endpoint", endpoint));
        assertTrue(out().startsWith("Clock reset: now ") && out().contains("(real time)."), out());
    }

    @Test
    void unreachableServer_isOneErrorLine_exit1() throws Exception {
        int freePort;
        try (ServerSocket socket = new ServerSocket(0)) {
            freePort = socket.getLocalPort();
        }

        int exit = run("clock", "advance", "1d", "--endpoint", "http://127.0.0.1:" + freePort);

        assertEquals(1, exit);
        assertOneErrorLine("cannot reach Trent at http://127.0.0.1:" + freePort);
    }

    @Test
    void serverError_isOneErrorLine_exit1() {
        int exit = run("clock", "advance", "101y", "--endpoint", server.endpoint().toString());

        assertEquals(1, exit);
        assertOneErrorLine("advanceSeconds must be a whole number of seconds");
    }

    @Test
    void badDuration_isAUsageError_exit2() {
        assertEquals(2, run("clock", "advance", "8 days", "--endpoint", server.endpoint().toString()));
        assertTrue(err().startsWith("trent: "), err());
        assertEquals("", out());
    }

    @Test
    void badEndpoint_isOneErrorLine_exit1() {
        assertEquals(1, run("clock", "--endpoint", "localhost:4566"));
        assertOneErrorLine("invalid --endpoint");
    }

    private void assertOneErrorLine(String fragment) {
        List<String> lines = err().lines().toList();
        assertEquals(1, lines.size(), err());
        assertTrue(lines.get(0).startsWith("trent: "), err());
        assertTrue(lines.get(0).contains(fragment), err());
        assertFalse(err().contains("\tat "), err());
        assertEquals("", out());
    }

    private static Instant printedNow(String line) {
        Matcher m = NOW.matcher(line);
        assertTrue(m.find(), line);
        return Instant.parse(m.group(1));
    }

    private JsonNode kms(String operation, String body) throws Exception {
        HttpResponse<String> response = send(operation, body);
        assertEquals(200, response.statusCode(), response.body());
        return JSON.readTree(response.body());
    }

    private int kmsStatus(String operation, String body) throws Exception {
        return send(operation, body).statusCode();
    }

    private HttpResponse<String> send(String operation, String body) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(server.endpoint() + "/"))
                .header("X-Amz-Target", "TrentService." + operation)
                .header("Content-Type", "application/x-amz-json-1.1")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
