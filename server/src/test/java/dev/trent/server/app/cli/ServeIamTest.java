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

/** {@code trent serve --iam} with a wrong file: one line naming file, line and column; exit 1; nothing created. */
class ServeIamTest {

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
    void badIamFile_oneLineWithFileLineAndColumn_exit1_andNoDataDir() throws Exception {
        Path iam = dir.resolve("iam.yaml");
        Files.writeString(iam, """
                accounts:
                  "111122223333":
                    users:
                      - name: "no spaces allowed"
                """);
        Path data = dir.resolve("data");

        int exit = serve("serve", "--port", "0", "--data-dir", data.toString(), "--iam", iam.toString());

        assertEquals(Cli.FAILURE, exit);
        assertEquals("trent: IAM file " + iam + ", line 4, column 15: name 'no spaces allowed' must be 1 to 64"
                + " characters from letters, digits and +=,.@_-" + System.lineSeparator(),
                stderr.toString(StandardCharsets.UTF_8));
        assertEquals("", stdout.toString(StandardCharsets.UTF_8));
        assertFalse(Files.exists(data.resolve("trent.db")));
    }

    @Test
    void rootKeyGivenTwice_isRefusedNamingTheFile() throws Exception {
        Path iam = dir.resolve("iam.yaml");
        Files.writeString(iam, """
                accounts:
                  "111122223333":
                    rootAccessKeys: [{accessKeyId: AKIAROOTEXAMPLE0001, secretAccessKey: s}]
                """);

        int exit = new Cli(Map.of("ROOT_SECRET", "x")::get, ServerLauncher.trentServer(), neverStarted).run(
                new String[] {"serve", "--port", "0", "--in-memory", "--iam", iam.toString(), "--root-credentials",
                        "222233334444:AKIAROOTEXAMPLE0001:ROOT_SECRET"},
                new PrintStream(stdout, true, StandardCharsets.UTF_8),
                new PrintStream(stderr, true, StandardCharsets.UTF_8));

        assertEquals(Cli.FAILURE, exit);
        assertEquals("trent: IAM file " + iam + ": access key AKIAROOTEXAMPLE0001 is given twice (root access keys"
                + " of the file and of --root-credentials must differ)" + System.lineSeparator(),
                stderr.toString(StandardCharsets.UTF_8));
    }
}
