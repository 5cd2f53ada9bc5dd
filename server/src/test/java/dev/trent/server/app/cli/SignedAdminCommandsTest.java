package dev.trent.server.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.trent.server.app.TrentConfig;
import dev.trent.server.auth.AuthMode;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * {@code trent clock} and {@code trent key} against a server with {@code --auth verify}: they sign with the AWS
 * credentials of the environment, as AWS's tools do, and the admin API refuses them without.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SignedAdminCommandsTest {

    private static final Map<String, String> ROOT = Map.of("AWS_ACCESS_KEY_ID", "test",
            "AWS_SECRET_ACCESS_KEY", "test", "AWS_REGION", "eu-west-1");

    private CliAgainstServer trent;

    @BeforeAll
    void start() throws Exception {
        trent = new CliAgainstServer(TrentConfig.builder().authMode(AuthMode.VERIFY));
    }

    @AfterAll
    void stop() {
        trent.close();
    }

    @BeforeEach
    void realTime() {
        assertEquals(0, trent.run(ROOT, "clock", "reset", "--endpoint", trent.endpoint()), trent::err);
    }

    @Test
    void clock_withoutCredentials_isRefused_inOneLine() {
        assertEquals(1, trent.run("clock", "--endpoint", trent.endpoint()));

        assertEquals("trent: Request is missing Authentication Token (HTTP 403)\n", trent.err());
    }

    @Test
    void clock_withTheRootCredentials_isSigned_evenAfterTheServersClockMovedAhead() {
        assertEquals(0, trent.run(ROOT, "clock", "advance", "2h", "--endpoint", trent.endpoint()), trent::err);

        assertEquals(0, trent.run(ROOT, "clock", "--endpoint", trent.endpoint()), trent::err);
        assertTrue(trent.out().contains("(offset +2h)"), trent.out());
    }

    @Test
    void clock_withAWrongSecret_isSignatureMismatch() {
        assertEquals(1, trent.run(Map.of("AWS_ACCESS_KEY_ID", "test", "AWS_SECRET_ACCESS_KEY", "wrong"),
                "clock", "--endpoint", trent.endpoint()));

        assertTrue(trent.err().startsWith("trent: The request signature we calculated does not match the signature"
                + " you provided."), trent.err());
    }

    @Test
    void key_signsPathAndQuery_soTheAnswerIsTheKeysNotARefusal() {
        assertEquals(1, trent.run(ROOT, "key", "lifecycle", "alias/missing-alias", "--account", "111122223333",
                "--endpoint", trent.endpoint()));

        assertTrue(trent.err().contains("alias/missing-alias"), trent.err());
        assertTrue(trent.err().contains("(HTTP 404)"), trent.err());
    }
}
