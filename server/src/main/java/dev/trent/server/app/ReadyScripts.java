package dev.trent.server.app;

import dev.trent.server.admin.InitScriptStatus;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Stream;

/**
 * The scripts of a folder, run once Trent is ready, one after the other in name order: LocalStack's
 * {@code ready.d} convention, so init scripts written for LocalStack work unchanged. Each {@code .sh} file runs
 * with {@code sh}; other executable files run as they are. They see the AWS CLI's environment pointed at Trent
 * ({@code AWS_ENDPOINT_URL}, a Region, dummy credentials) and an {@code awslocal} command on their PATH that is
 * {@code aws --endpoint-url} Trent. Their output goes to Trent's log; a failing script is reported and the next
 * one runs.
 */
final class ReadyScripts implements InitScriptStatus {

    private static final Logger LOG = Logger.getLogger(ReadyScripts.class.getName());

    private final List<Path> files;
    private final Map<Path, String> states = new ConcurrentHashMap<>();
    private volatile boolean completed;

    private ReadyScripts(List<Path> files) {
        this.files = files;
        files.forEach(f -> states.put(f, "UNKNOWN"));
        completed = files.isEmpty();
    }

    /** The scripts in {@code dir}: its regular files ending in {@code .sh} or executable, in name order. */
    static ReadyScripts in(Path dir) {
        if (!Files.isDirectory(dir)) {
            throw new IllegalArgumentException("the init scripts folder " + dir + " is not a directory");
        }
        try (Stream<Path> entries = Files.list(dir)) {
            return new ReadyScripts(entries
                    .filter(Files::isRegularFile)
                    .filter(f -> f.getFileName().toString().endsWith(".sh") || Files.isExecutable(f))
                    .sorted()
                    .toList());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + dir, e);
        }
    }

    @Override
    public boolean completed() {
        return completed;
    }

    @Override
    public List<Script> scripts() {
        List<Script> out = new ArrayList<>();
        for (Path file : files) {
            out.add(new Script(file.getFileName().toString(), file.toAbsolutePath().toString(), states.get(file)));
        }
        return out;
    }

    /**
     * Runs the scripts on a background thread against Trent at {@code endpoint}; with a self-signed certificate,
     * {@code AWS_CA_BUNDLE} names its PEM file so the AWS CLI trusts it.
     */
    void start(URI endpoint, String region, Optional<Path> caBundle) {
        if (files.isEmpty()) {
            return;
        }
        Thread runner = new Thread(() -> runAll(endpoint, region, caBundle), "trent-ready-scripts");
        runner.setDaemon(true);
        runner.start();
    }

    private void runAll(URI endpoint, String region, Optional<Path> caBundle) {
        try {
            Path bin = awslocal(endpoint);
            for (Path file : files) {
                states.put(file, "RUNNING");
                states.put(file, run(file, endpoint, region, caBundle, bin) ? "SUCCESSFUL" : "ERROR");
            }
        } catch (IOException e) {
            LOG.log(Level.WARNING, "the init scripts could not run", e);
            files.forEach(f -> states.replace(f, "UNKNOWN", "ERROR"));
        } finally {
            completed = true;
        }
    }

    private static boolean run(Path file, URI endpoint, String region, Optional<Path> caBundle, Path bin) {
        List<String> command = file.getFileName().toString().endsWith(".sh")
                ? List.of("sh", file.toAbsolutePath().toString())
                : List.of(file.toAbsolutePath().toString());
        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(file.toAbsolutePath().getParent().toFile())
                .redirectErrorStream(true);
        Map<String, String> env = builder.environment();
        env.put("AWS_ENDPOINT_URL", endpoint.toString());
        caBundle.ifPresent(pem -> env.put("AWS_CA_BUNDLE", pem.toAbsolutePath().toString()));
        env.putIfAbsent("AWS_DEFAULT_REGION", region);
        env.putIfAbsent("AWS_REGION", region);
        env.putIfAbsent("AWS_ACCESS_KEY_ID", "test");
        env.putIfAbsent("AWS_SECRET_ACCESS_KEY", "test");
        env.put("PATH", bin + java.io.File.pathSeparator + env.getOrDefault("PATH", ""));
        try {
            Process process = builder.start();
            try (var output = process.inputReader()) {
                output.lines().forEach(line -> LOG.info(file.getFileName() + ": " + line));
            }
            int exit = process.waitFor();
            if (exit != 0) {
                LOG.warning("init script " + file.getFileName() + " exited with " + exit);
            }
            return exit == 0;
        } catch (IOException e) {
            LOG.log(Level.WARNING, "init script " + file.getFileName() + " could not run", e);
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** A folder with an {@code awslocal} command: the AWS CLI pointed at Trent, as LocalStack's scripts expect. */
    private static Path awslocal(URI endpoint) throws IOException {
        Path bin = Files.createTempDirectory("trent-awslocal");
        bin.toFile().deleteOnExit();
        Path script = bin.resolve("awslocal");
        Files.writeString(script, "#!/bin/sh\nexec aws --endpoint-url \"" + endpoint + "\" \"$@\"\n");
        script.toFile().setExecutable(true);
        script.toFile().deleteOnExit();
        return bin;
    }
}
