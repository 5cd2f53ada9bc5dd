package dev.trent.server.app.cli;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * The command line run with captured output and a stop signal that fails the test if a server got as far as
 * waiting for it: for start-ups that must be refused before anything opens.
 */
final class CliThatMustNotStart {

    private final ByteArrayOutputStream stdout = new ByteArrayOutputStream();
    private final ByteArrayOutputStream stderr = new ByteArrayOutputStream();

    private static final StopSignal NEVER_STARTED = new StopSignal() {
        @Override
        public void arm(Runnable onStop) {
        }

        @Override
        public void await() {
            throw new AssertionError("the server must not start");
        }
    };

    int run(String... args) {
        return run(Map.of(), args);
    }

    int run(Map<String, String> environment, String... args) {
        return new Cli(environment::get, ServerLauncher.trentServer(), NEVER_STARTED).run(args,
                new PrintStream(stdout, true, StandardCharsets.UTF_8),
                new PrintStream(stderr, true, StandardCharsets.UTF_8));
    }

    String out() {
        return stdout.toString(StandardCharsets.UTF_8);
    }

    String err() {
        return stderr.toString(StandardCharsets.UTF_8);
    }
}
