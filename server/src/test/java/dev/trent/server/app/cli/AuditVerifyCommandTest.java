package dev.trent.server.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.trent.server.app.KmsOverHttp;
import dev.trent.server.app.TrentConfig;
import dev.trent.server.app.TrentServer;
import dev.trent.storage.KeyFileRootOfTrust;
import dev.trent.storage.SqlitePhysicalStore;
import dev.trent.storage.Storage;
import dev.trent.storage.WriteBatch;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code trent audit verify}: sound on an untouched trail; each kind of tampering, done to the SQLite file
 * directly (or through the store by someone holding its key), is found and the first broken event named.
 */
class AuditVerifyCommandTest {

    private static final int EVENTS = 6;

    @TempDir
    Path dir;

    private Path data;
    private final ByteArrayOutputStream stdout = new ByteArrayOutputStream();
    private final ByteArrayOutputStream stderr = new ByteArrayOutputStream();

    @BeforeEach
    void sixCallsRecorded() throws Exception {
        data = dir.resolve("data");
        try (TrentServer server = TrentServer.start(TrentConfig.builder().port(0).auditTrail(true).dataDir(data).build())) {
            KmsOverHttp kms = new KmsOverHttp(server);
            String keyId = kms.ok("CreateKey", "{}").path("KeyMetadata").path("KeyId").asText();
            for (int i = 1; i < EVENTS; i++) {
                kms.ok("Encrypt", "{\"KeyId\":\"" + keyId + "\",\"Plaintext\":\"AAAA\"}");
            }
        }
    }

    @Test
    void untouchedTrail_isSound() {
        assertEquals(0, verify(), stderr.toString(StandardCharsets.UTF_8));
        assertEquals(data + ": audit trail sound (6 events, 1 digests)", out().strip());
    }

    @Test
    void deletedEvent_isNamed() throws Exception {
        sql("DELETE FROM records WHERE path = '" + event(3) + "'");
        assertBroken(3, "event 3 is missing: it was deleted");
    }

    @Test
    void reorderedEvents_areNamed() throws Exception {
        byte[] two = value(event(2));
        byte[] four = value(event(4));
        setValue(event(2), four);
        setValue(event(4), two);
        // Each record is sealed to its own path, so a moved one no longer opens.
        assertBroken(2, "event 2 cannot be read: ");
    }

    @Test
    void editedEvent_isNamed() throws Exception {
        byte[] sealed = value(event(5));
        sealed[sealed.length - 1] ^= 1;
        setValue(event(5), sealed);
        assertBroken(5, "event 5 cannot be read: ");
    }

    @Test
    void eventEditedByWhoeverHoldsTheKey_isNamed() {
        withStore(storage -> {
            String link = new String(storage.barrier().get(event(2)).orElseThrow(), StandardCharsets.UTF_8);
            storage.barrier().commit(new WriteBatch().put(event(2),
                    link.replace("\"Encrypt\"", "\"Decrypt\"").getBytes(StandardCharsets.UTF_8)));
        });
        assertBroken(2, "event 2 is not the one event 3 follows: event 2 was edited or replaced, or event 3 was");
    }

    @Test
    void insertedRow_isNamed() throws Exception {
        try (Connection c = connection(); PreparedStatement insert = c.prepareStatement(
                "INSERT INTO records (path, value) VALUES (?, x'00000001010203')")) {
            insert.setString(1, event(7));
            insert.execute();
        }
        assertBroken(7, "events 7..7 follow the last event the chain head names (6): they were inserted");
    }

    @Test
    void eventAppendedByWhoeverHoldsTheKey_isNamed() {
        withStore(storage -> {
            byte[] six = storage.barrier().get(event(6)).orElseThrow();
            String hash = java.util.HexFormat.of().formatHex(sha256(six));
            storage.barrier().commit(new WriteBatch().put(event(7), ("{\"sequence\":7,\"previousHash\":\"" + hash
                    + "\",\"event\":{\"eventName\":\"Decrypt\"}}").getBytes(StandardCharsets.UTF_8)));
        });
        assertBroken(7, "events 7..7 follow the last event the chain head names (6): they were inserted");
    }

    @Test
    void truncatedLog_isNamed() throws Exception {
        sql("DELETE FROM records WHERE path >= '" + event(5) + "' AND path < 'audit/events0'");
        assertBroken(5, "events 5..6 are missing: the log was truncated after event 4");
    }

    @Test
    void runningServer_isCheckedThroughItsEndpoint() throws Exception {
        try (TrentServer server = TrentServer.start(TrentConfig.builder().port(0).auditTrail(true).dataDir(data).build())) {
            new KmsOverHttp(server).ok("ListKeys", "{}");
            assertEquals(0, run("audit", "verify", "--endpoint", server.endpoint().toString()),
                    stderr.toString(StandardCharsets.UTF_8));
            assertEquals(server.endpoint() + ": audit trail sound (7 events, 1 digests)", out().strip());
        }
    }

    @Test
    void export_writesOneRecordPerLine_orCloudTrailsGzipLogFile() throws Exception {
        assertEquals(0, run("audit", "export", "--data-dir", data.toString()), stderr.toString(StandardCharsets.UTF_8));
        String[] lines = out().split("\n");
        assertEquals(EVENTS, lines.length);
        assertEquals("CreateKey", KmsOverHttp.JSON.readTree(lines[0]).path("eventName").asText());
        assertEquals("Encrypt", KmsOverHttp.JSON.readTree(lines[EVENTS - 1]).path("eventName").asText());

        Path file = dir.resolve("trail.json.gz");
        assertEquals(0, run("audit", "export", "--data-dir", data.toString(), "--format", "cloudtrail",
                "--output", file.toString()));
        try (java.io.InputStream in = new java.util.zip.GZIPInputStream(java.nio.file.Files.newInputStream(file))) {
            com.fasterxml.jackson.databind.JsonNode log = KmsOverHttp.JSON.readTree(in);
            assertEquals(EVENTS, log.path("Records").size());
            assertEquals(KmsOverHttp.JSON.readTree(lines[2]), log.path("Records").get(2));
        }
        assertEquals(1, run("audit", "export", "--data-dir", data.toString(), "--format", "cloudtrail"));
        assertEquals("trent: --format cloudtrail writes gzip; give --output FILE",
                stderr.toString(StandardCharsets.UTF_8).strip());
    }

    private void assertBroken(long event, String problem) {
        assertEquals(4, verify(), stderr.toString(StandardCharsets.UTF_8));
        String[] lines = out().split("\n");
        assertTrue(lines[0].startsWith(data + ": " + problem), out());
        assertEquals(data + ": first broken event: " + event, lines[lines.length - 1]);
    }

    private int verify() {
        return run("audit", "verify", "--data-dir", data.toString());
    }

    private static String event(long sequence) {
        return "audit/events/" + String.format("%020d", sequence);
    }

    private void withStore(java.util.function.Consumer<Storage> change) {
        try (Storage storage = Storage.open(SqlitePhysicalStore.open(data.resolve("trent.db")),
                KeyFileRootOfTrust.provider(data.resolve("master.key")))) {
            change.accept(storage);
        }
    }

    private static byte[] sha256(byte[] bytes) {
        try {
            return java.security.MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private Connection connection() throws Exception {
        return DriverManager.getConnection("jdbc:sqlite:" + data.resolve("trent.db"));
    }

    private void sql(String statement) throws Exception {
        try (Connection c = connection(); Statement s = c.createStatement()) {
            s.execute(statement);
        }
    }

    private byte[] value(String path) throws Exception {
        try (Connection c = connection(); PreparedStatement select = c.prepareStatement(
                "SELECT value FROM records WHERE path = ?")) {
            select.setString(1, path);
            try (ResultSet row = select.executeQuery()) {
                assertTrue(row.next(), path);
                return row.getBytes(1);
            }
        }
    }

    private void setValue(String path, byte[] value) throws Exception {
        try (Connection c = connection(); PreparedStatement update = c.prepareStatement(
                "UPDATE records SET value = ? WHERE path = ?")) {
            update.setBytes(1, value);
            update.setString(2, path);
            assertEquals(1, update.executeUpdate());
        }
    }

    private int run(String... args) {
        stdout.reset();
        stderr.reset();
        return new Cli(Map.<String, String>of()::get, config -> {
            throw new AssertionError("audit verify must not start a server");
        }, new ServeOptionsTest.NoStopSignal()).run(args, new PrintStream(stdout, true, StandardCharsets.UTF_8),
                new PrintStream(stderr, true, StandardCharsets.UTF_8));
    }

    private String out() {
        return stdout.toString(StandardCharsets.UTF_8);
    }
}
