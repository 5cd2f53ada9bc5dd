package dev.trent.server.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code trent serve --seed} with a seed file that is wrong: one line naming file, line and problem; exit 1. */
class ServeSeedTest {

    @TempDir
    Path dir;

    private final ByteArrayOutputStream stdout = new ByteArrayOutputStream();
    private final ByteArrayOutputStream stderr = new ByteArrayOutputStream();

    private final StopSignal neverStarted = new StopSignal() {
        @Override
        public void arm(Runnable onStop) {
        }

        @Override
        public void await() {
            throw new AssertionError("the server must not start");
        }
    };

    private int serve(String... args) {
        return new Cli(Map.<String, String>of()::get, ServerLauncher.trentServer(), neverStarted).run(args,
                new PrintStream(stdout, true, StandardCharsets.UTF_8),
                new PrintStream(stderr, true, StandardCharsets.UTF_8));
    }

    @Test
    void badSeedFile_oneLineWithFileAndLine_exit1_andNoDataDir() throws Exception {
        Path seed = dir.resolve("seed.yaml");
        Files.writeString(seed, """
                keys:
                  - id: 11111111-2222-3333-4444-555555555555
                    material: dG9vIHNob3J0
                """);
        Path data = dir.resolve("data");

        int exit = serve("serve", "--port", "0", "--data-dir", data.toString(), "--seed", seed.toString());

        assertEquals(Cli.FAILURE, exit);
        assertEquals("trent: seed file " + seed + ", line 3, column 15: material is not valid for a SYMMETRIC_DEFAULT"
                + " key: symmetric key material must be 32 bytes" + System.lineSeparator(),
                stderr.toString(StandardCharsets.UTF_8));
        assertEquals("", stdout.toString(StandardCharsets.UTF_8));
        assertFalse(Files.exists(data.resolve("trent.db")));
    }

    @Test
    void missingSeedFile_oneLine_exit1() {
        Path seed = dir.resolve("nowhere.yaml");

        int exit = serve("serve", "--port", "0", "--in-memory", "--seed", seed.toString());

        assertEquals(Cli.FAILURE, exit);
        assertEquals("trent: seed file " + seed + " does not exist" + System.lineSeparator(),
                stderr.toString(StandardCharsets.UTF_8));
    }
}
