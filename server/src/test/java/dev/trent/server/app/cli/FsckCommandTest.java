package dev.trent.server.app.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.trent.server.app.TrentConfig;
import dev.trent.server.app.TrentServer;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code trent fsck}: one line per problem, exit 0 for a sound data dir and 4 for a damaged one, nothing changed. */
class FsckCommandTest {

    @TempDir
    Path dir;

    private final ByteArrayOutputStream stdout = new ByteArrayOutputStream();
    private final ByteArrayOutputStream stderr = new ByteArrayOutputStream();

    @Test
    void soundDataDir_exitsZero() throws Exception {
        Path data = dir.resolve("data");
        TrentServer.start(TrentConfig.builder().port(0).dataDir(data).build()).close();
        assertEquals(0, run("fsck", "--data-dir", data.toString()), stderr.toString(StandardCharsets.UTF_8));
        assertEquals(data + ": sound", out().strip());
    }

    @Test
    void deletedRecord_isListed_exitsFour_andNothingChanges() throws Exception {
        Path data = dir.resolve("data");
        TrentServer.start(TrentConfig.builder().port(0).dataDir(data).build()).close();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + data.resolve("trent.db"));
                Statement statement = c.createStatement()) {
            statement.execute("INSERT INTO records (path, value) VALUES ('keys/000000000000/us-east-1/"
                    + "0b3f4c1e-8a7d-4e2b-9c6a-1d2e3f405162', x'00000001010203')");
        }
        byte[] before = Files.readAllBytes(data.resolve("trent.db"));
        assertEquals(4, run("fsck", "--data-dir", data.toString()));
        assertTrue(out().contains("failed its integrity check"), out());
        assertTrue(out().contains("do not match the integrity manifest (1 rows more than written)"), out());
        assertTrue(out().strip().endsWith("2 problems found"), out());
        assertArrayEquals(before, Files.readAllBytes(data.resolve("trent.db")));
    }

    @Test
    void noDataDir_isOneTrentLine() {
        assertEquals(1, run("fsck", "--data-dir", dir.resolve("nothing").toString()));
        assertTrue(stderr.toString(StandardCharsets.UTF_8).startsWith("trent: there is no Trent data directory at "),
                stderr.toString(StandardCharsets.UTF_8));
    }

    private int run(String... args) {
        stdout.reset();
        stderr.reset();
        return new Cli(Map.<String, String>of()::get, config -> {
            throw new AssertionError("fsck must not start a server");
        }, new ServeOptionsTest.NoStopSignal()).run(args, new PrintStream(stdout, true, StandardCharsets.UTF_8),
                new PrintStream(stderr, true, StandardCharsets.UTF_8));
    }

    private String out() {
        return stdout.toString(StandardCharsets.UTF_8);
    }
}
