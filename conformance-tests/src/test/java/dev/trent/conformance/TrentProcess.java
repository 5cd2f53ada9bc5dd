package dev.trent.conformance;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Trent's runnable jar as a child process of a JVM test, the way a Testcontainers container is used: start it
 * on a free port, wait until it prints {@code Ready.}, read the endpoint from its start-up line, stop it with
 * SIGTERM. The README's migration guide shows this class as the example to copy.
 */
final class TrentProcess implements AutoCloseable {

    private static final Pattern ENDPOINT = Pattern.compile("(http://127\\.0\\.0\\.1:\\d+)");

    private final Process process;
    private final URI endpoint;
    private final List<String> output;
    private final AtomicReference<Thread> drain;

    private TrentProcess(Process process, URI endpoint, List<String> output, AtomicReference<Thread> drain) {
        this.process = process;
        this.endpoint = endpoint;
        this.output = output;
        this.drain = drain;
    }

    /** The jar the server module's package phase made; the reactor builds it before the tests run. */
    static Path builtJar() throws IOException {
        Path jar = Path.of("..", "server", "target", "trent.jar").toAbsolutePath().normalize();
        if (!Files.isRegularFile(jar)) {
            throw new IOException("no " + jar + "; run mvn package first");
        }
        return jar;
    }

    /** {@code java -jar jar args...}, not waited for: for runs expected to end by themselves. */
    static ProcessBuilder command(Path jar, String... args) {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar", jar.toString()));
        command.addAll(List.of(args));
        return new ProcessBuilder(command);
    }

    /** Starts {@code java -jar jar serve --port 0 extraArgs...} and returns once it is ready. */
    static TrentProcess start(Path jar, Duration timeout, String... extraArgs) throws IOException {
        List<String> args = new ArrayList<>(List.of("serve", "--port", "0"));
        args.addAll(List.of(extraArgs));
        return launch(command(jar, args.toArray(String[]::new)).command(), timeout);
    }

    /** The same, with the process allowed at most {@code descriptors} open files (the shell's ulimit -n). */
    static TrentProcess startWithDescriptorLimit(Path jar, Duration timeout, int descriptors, String... extraArgs)
            throws IOException {
        List<String> command = new ArrayList<>(List.of("bash", "-c",
                "ulimit -n " + descriptors + " && exec \"$0\" \"$@\""));
        List<String> args = new ArrayList<>(List.of("serve", "--port", "0"));
        args.addAll(List.of(extraArgs));
        command.addAll(command(jar, args.toArray(String[]::new)).command());
        return launch(command, timeout);
    }

    private static TrentProcess launch(List<String> command, Duration timeout) throws IOException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        List<String> output = new ArrayList<>();
        AtomicReference<Thread> drain = new AtomicReference<>();
        CompletableFuture<URI> ready = CompletableFuture.supplyAsync(() -> awaitReady(process, output, drain));
        try {
            return new TrentProcess(process, ready.get(timeout.toMillis(), TimeUnit.MILLISECONDS), output, drain);
        } catch (Exception e) {
            process.destroyForcibly();
            throw new IOException("Trent did not get ready within " + timeout + "; it printed " + output, e);
        }
    }

    private static URI awaitReady(Process process, List<String> output, AtomicReference<Thread> drainer) {
        BufferedReader lines = new BufferedReader(new InputStreamReader(process.getInputStream(),
                StandardCharsets.UTF_8));
        URI endpoint = null;
        try {
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                synchronized (output) {
                    output.add(line);
                }
                Matcher m = ENDPOINT.matcher(line);
                if (endpoint == null && m.find()) {
                    endpoint = URI.create(m.group(1));
                }
                if (line.equals("Ready.") && endpoint != null) {
                    // Keep draining, or a chatty server would block on a full pipe.
                    Thread drain = new Thread(() -> lines.lines().forEach(l -> {
                        synchronized (output) {
                            output.add(l);
                        }
                    }));
                    drain.setDaemon(true);
                    drainer.set(drain);
                    drain.start();
                    return endpoint;
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        throw new IllegalStateException("Trent exited before it was ready");
    }

    URI endpoint() {
        return endpoint;
    }

    long pid() {
        return process.pid();
    }

    /**
     * Kills Trent with SIGKILL, as a crash or an OOM killer would: no shutdown hook runs, nothing is released
     * but by the OS. Returns once the process is gone and its last output is read.
     */
    void kill() throws InterruptedException {
        process.toHandle().destroyForcibly();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            throw new IllegalStateException("Trent did not die within 30 s of SIGKILL");
        }
        Thread rest = drain.get();
        if (rest != null) {
            rest.join(5_000);
        }
    }

    /** Stops Trent with SIGTERM and returns its exit code. */
    int stop() throws InterruptedException {
        // SIGTERM through the handle: Process.destroy() would also close the pipe before the last lines are read.
        process.toHandle().destroy();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
        Thread rest = drain.get();
        if (rest != null) {
            rest.join(5_000);
        }
        return process.waitFor();
    }

    List<String> output() {
        synchronized (output) {
            return List.copyOf(output);
        }
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            stop();
        }
    }
}
