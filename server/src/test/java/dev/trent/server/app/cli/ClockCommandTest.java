package dev.trent.server.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.ServerSocket;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
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

    private static final Pattern NOW = Pattern.compile("now (\\S+Z) ");

    private CliAgainstServer trent;

    @BeforeAll
    void start() throws Exception {
        trent = new CliAgainstServer();
    }

    @AfterAll
    void stop() {
        trent.close();
    }

    @BeforeEach
    void realTime() {
        run("clock", "reset", "--endpoint", trent.endpoint());
    }

    private int run(String... args) {
        return trent.run(args);
    }

    private String out() {
        return trent.out();
    }

    private String err() {
        return trent.err();
    }

    @Test
    void advance8d_deletesTheKeyWhoseWindowEnds_andSaysSo() throws Exception {
        String keyId = trent.kms("CreateKey", "{}").at("/KeyMetadata/KeyId").asText();
        trent.kms("ScheduleKeyDeletion", "{\"KeyId\":\"" + keyId + "\",\"PendingWindowInDays\":7}");
        Instant before = Instant.now();

        int exit = run("clock", "advance", "8d", "--endpoint", trent.endpoint());

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
        assertEquals(400, trent.kmsStatus("DescribeKey", "{\"KeyId\":\"" + keyId + "\"}"), "the key is gone");
    }

    @Test
    void clock_showsNowAndOffset_andResetGoesBack() {
        String endpoint = trent.endpoint();
        assertEquals(0, run("clock", "--endpoint", endpoint));
        assertTrue(out().matches("Now \\S+Z \\(real time\\)\\.\\R"), out());

        assertEquals(0, run("clock", "--endpoint", endpoint, "advance", "36h"));
        assertEquals(0, run("clock", "--endpoint", endpoint));
        assertTrue(out().contains("(offset +1d 12h)."), out());

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
        int exit = run("clock", "advance", "101y", "--endpoint", trent.endpoint());

        assertEquals(1, exit);
        assertOneErrorLine("advanceSeconds must be a whole number of seconds");
    }

    @Test
    void badDuration_isAWrongValue_exit1() {
        assertEquals(1, run("clock", "advance", "8 days", "--endpoint", trent.endpoint()));
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

    @Test
    void theEndpoint_comesFromAwsEndpointUrlKms_thenAwsEndpointUrl() {
        assertEquals(0, trent.run(Map.of("AWS_ENDPOINT_URL", trent.endpoint()), "clock"), err());
        assertTrue(out().startsWith("Now "), out());
        assertEquals(0, trent.run(Map.of("AWS_ENDPOINT_URL_KMS", trent.endpoint(),
                "AWS_ENDPOINT_URL", "http://127.0.0.1:1"), "clock"), err());
        assertEquals(1, trent.run(Map.of("AWS_ENDPOINT_URL", "http://127.0.0.1:1"), "clock"));
        assertOneErrorLine("cannot reach Trent at http://127.0.0.1:1");
    }
}
