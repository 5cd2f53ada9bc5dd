package dev.trent.conformance;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** The jar the server module's package phase made (the reactor builds it before these tests run), run as tests need. */
final class TrentJar {

    private TrentJar() {
    }

    static Path built() throws IOException {
        Path jar = Path.of("..", "server", "target", "trent.jar").toAbsolutePath().normalize();
        if (!Files.isRegularFile(jar)) {
            throw new IOException("no " + jar + "; run mvn package first");
        }
        return jar;
    }

    /** {@code java -jar trent.jar args...}, not waited for: for runs expected to end by themselves. */
    static ProcessBuilder command(String... args) throws IOException {
        return new ProcessBuilder(javaJar(args));
    }

    /** {@code trent serve} on a free port with {@code options}, ready. */
    static TrentProcess serve(Duration timeout, String... options) throws IOException {
        return TrentProcess.start(built(), 0, timeout, options);
    }

    /** The same, with the process allowed at most {@code descriptors} open files (the shell's ulimit -n). */
    static TrentProcess serveWithDescriptorLimit(Duration timeout, int descriptors, String... options)
            throws IOException {
        List<String> command = new ArrayList<>(List.of("bash", "-c",
                "ulimit -n " + descriptors + " && exec \"$0\" \"$@\""));
        List<String> serve = new ArrayList<>(List.of("serve", "--port", "0"));
        serve.addAll(List.of(options));
        command.addAll(javaJar(serve.toArray(String[]::new)));
        return TrentProcess.start(command, timeout);
    }

    private static List<String> javaJar(String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar", built().toString()));
        command.addAll(List.of(args));
        return command;
    }
}
