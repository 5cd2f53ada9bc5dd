package dev.trent.conformance;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
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
 * Trent's runnable jar as a child process of a JVM test, the way a Testcontainers container is used: start it,
 * wait until it prints {@code Ready.}, read the endpoint from its start-up line, stop it with SIGTERM. It needs
 * nothing but the JDK, so it can be copied into any project as it is (change the package); the migration guide
 * shows how.
 */
public final class TrentProcess implements AutoCloseable {

    /** The start-up line: {@code Trent 1.2.3 on http://127.0.0.1:4566 | data: ... | root of trust: ...}. */
    private static final Pattern ENDPOINT = Pattern.compile("^Trent \\S+ on (https?://\\S+) \\|");

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

    /**
     * Starts {@code java -jar jar serve --port port serveOptions...} with the JVM running this test, and returns
     * once Trent is ready. {@code port} 0 picks a free port ({@link #endpoint()} says which); the options are any
     * of {@code trent serve}'s but {@code --port}, such as {@code "--in-memory"}.
     */
    public static TrentProcess start(Path jar, int port, Duration timeout, String... serveOptions)
            throws IOException {
        for (String option : serveOptions) {
            if (option.equals("--port") || option.startsWith("--port=")) {
                throw new IllegalArgumentException("give the port as the port argument, not as a serve option");
            }
        }
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar", jar.toString(),
                "serve", "--port", Integer.toString(port)));
        command.addAll(List.of(serveOptions));
        return start(command, timeout);
    }

    /**
     * Runs {@code command}, which must start {@code trent serve} (for example through a wrapper that sets a
     * limit first), and returns once Trent is ready.
     */
    public static TrentProcess start(List<String> command, Duration timeout) throws IOException {
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

    /** Where Trent listens, for the SDK's {@code endpointOverride}. */
    public URI endpoint() {
        return endpoint;
    }

    public long pid() {
        return process.pid();
    }

    /** Everything Trent printed so far, stdout and stderr together. */
    public List<String> output() {
        synchronized (output) {
            return List.copyOf(output);
        }
    }

    /** Stops Trent with SIGTERM and returns its exit code (0 for a clean stop, which prints {@code Stopped.}). */
    public int stop() throws InterruptedException {
        // SIGTERM through the handle: Process.destroy() would also close the pipe before the last lines are read.
        process.toHandle().destroy();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
        awaitLastOutput();
        return process.waitFor();
    }

    /**
     * Kills Trent with SIGKILL, as a crash or an OOM killer would: no shutdown hook runs, nothing is released
     * but by the OS. Returns once the process is gone and its last output is read.
     */
    public void kill() throws InterruptedException {
        process.toHandle().destroyForcibly();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            throw new IllegalStateException("Trent did not die within 30 s of SIGKILL");
        }
        awaitLastOutput();
    }

    private void awaitLastOutput() throws InterruptedException {
        Thread rest = drain.get();
        if (rest != null) {
            rest.join(5_000);
        }
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            stop();
        }
    }
}
