package dev.trent.server.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code trent serve --seed} with a seed file that is wrong: one line naming file, line and problem; exit 1. */
class ServeSeedTest {

    @TempDir
    Path dir;

    private final CliThatMustNotStart cli = new CliThatMustNotStart();

    @Test
    void badSeedFile_oneLineWithFileAndLine_exit1_andNoDataDir() throws Exception {
        Path seed = dir.resolve("seed.yaml");
        Files.writeString(seed, """
                keys:
                  - id: 11111111-2222-3333-4444-555555555555
                    material: dG9vIHNob3J0
                """);
        Path data = dir.resolve("data");

        int exit = cli.run("serve", "--port", "0", "--data-dir", data.toString(), "--seed", seed.toString());

        assertEquals(Cli.FAILURE, exit);
        assertEquals("trent: seed file " + seed + ", line 3, column 15: material is not valid for a SYMMETRIC_DEFAULT"
                + " key: symmetric key material must be 32 bytes" + System.lineSeparator(),
                cli.err());
        assertEquals("", cli.out());
        assertFalse(Files.exists(data.resolve("trent.db")));
    }

    @Test
    void missingSeedFile_oneLine_exit1() {
        Path seed = dir.resolve("nowhere.yaml");

        int exit = cli.run("serve", "--port", "0", "--in-memory", "--seed", seed.toString());

        assertEquals(Cli.FAILURE, exit);
        assertEquals("trent: seed file " + seed + " does not exist" + System.lineSeparator(),
                cli.err());
    }
}
