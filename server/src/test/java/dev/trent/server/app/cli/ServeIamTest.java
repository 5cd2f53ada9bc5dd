package dev.trent.server.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code trent serve --iam} with a wrong file: one line naming file, line and column; exit 1; nothing created. */
class ServeIamTest {

    @TempDir
    Path dir;

    private final CliThatMustNotStart cli = new CliThatMustNotStart();

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

        int exit = cli.run("serve", "--port", "0", "--data-dir", data.toString(), "--iam", iam.toString());

        assertEquals(Cli.FAILURE, exit);
        assertEquals("trent: IAM file " + iam + ", line 4, column 15: name 'no spaces allowed' must be 1 to 64"
                + " characters from letters, digits and +=,.@_-" + System.lineSeparator(),
                cli.err());
        assertEquals("", cli.out());
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

        int exit = cli.run(Map.of("ROOT_SECRET", "x"), "serve", "--port", "0", "--in-memory", "--iam", iam.toString(),
                "--root-credentials", "222233334444:AKIAROOTEXAMPLE0001:ROOT_SECRET");

        assertEquals(Cli.FAILURE, exit);
        assertEquals("trent: IAM file " + iam + ": access key AKIAROOTEXAMPLE0001 is given twice (root access keys"
                + " of the file and of --root-credentials must differ)" + System.lineSeparator(),
                cli.err());
    }
}
