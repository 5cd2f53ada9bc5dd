package dev.trent.pkcs11;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.SecureRandom;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A SoftHSM2 token of one test's own, initialised with {@code softhsm2-util}: its own label, SO PIN and user PIN,
 * and its own copy of the SoftHSM2 library. Tests skip, saying why, when SoftHSM2 is not installed.
 *
 * <p>Why it is built this way. SoftHSM2 reads its configuration (the file {@code SOFTHSM2_CONF} names) and the
 * tokens in its token directory once, in {@code C_Initialize}, and the JDK calls {@code C_Initialize} once per
 * library path per JVM. A JVM cannot set its own environment, so the build sets {@code SOFTHSM2_CONF} for the
 * test JVM to a file under the module's {@code target} directory, which this class writes, naming a token
 * directory beside it; never the machine's own tokens. Each test's token goes there under a random label, and the
 * test reaches it through a fresh copy of the library: a different file, so the dynamic linker loads it as a
 * separate library whose {@code C_Initialize} runs after the token exists. So tests share no token, no PIN and no
 * initialised library. Test JVMs running at the same time (two builds in one tree) share the configuration and
 * the token directory, so the configuration never changes once written, and a file lock keeps their
 * {@code softhsm2-util} runs apart: two of them initialising "the first free slot" at once would pick the same
 * slot.
 */
public final class SoftHsmToken implements AutoCloseable {

    /** The system property the build sets to the same path as {@code SOFTHSM2_CONF}. */
    static final String CONF_PROPERTY = "trent.test.softhsm2.conf";

    private static final List<Path> LIBRARY_CANDIDATES = List.of(
            Path.of("/usr/lib/softhsm/libsofthsm2.so"),
            Path.of("/usr/lib/x86_64-linux-gnu/softhsm/libsofthsm2.so"),
            Path.of("/usr/lib/aarch64-linux-gnu/softhsm/libsofthsm2.so"),
            Path.of("/usr/lib64/pkcs11/libsofthsm2.so"),
            Path.of("/usr/local/lib/softhsm/libsofthsm2.so"),
            Path.of("/opt/homebrew/lib/softhsm/libsofthsm2.so"));
    private static final SecureRandom RANDOM = new SecureRandom();
    /** Threads of one JVM cannot share a file lock, so they queue here first. */
    private static final Object SOFTHSM2_UTIL = new Object();

    private final Path conf;
    private final Path installed;
    private final Path directory;
    private final String label;
    private final String pin;
    private final Path library;
    private int libraryCopies;

    private SoftHsmToken(Path conf, Path installed, Path directory, String label, String pin) {
        this.conf = conf;
        this.installed = installed;
        this.directory = directory;
        this.label = label;
        this.pin = pin;
        this.library = freshLibrary();
    }

    /** A new token; skips the calling test when SoftHSM2 is not installed. */
    public static SoftHsmToken create() {
        Path installed = installedLibrary().orElse(null);
        assumeTrue(installed != null && onPath("softhsm2-util"), "SoftHSM2 is not installed (no libsofthsm2.so in "
                + LIBRARY_CANDIDATES + " or no softhsm2-util on the PATH); install the softhsm2 package to run the "
                + "PKCS#11 tests");
        Path conf = configuredConf();
        Path directory = createDirectory(writeConf(conf), "token-");
        String label = "t-" + HexFormat.of().formatHex(bytes(8));
        String pin = HexFormat.of().formatHex(bytes(6));
        softhsm2Util(conf, "--init-token", "--free", "--label", label, "--so-pin", HexFormat.of().formatHex(bytes(6)),
                "--pin", pin);
        return new SoftHsmToken(conf, installed, directory, label, pin);
    }

    /** The token's label. */
    public String label() {
        return label;
    }

    /** The user PIN (a new array each time). */
    public char[] pin() {
        return pin.toCharArray();
    }

    /** The user PIN as text, for an environment variable. */
    public String pinText() {
        return pin;
    }

    /** The library copy this token is reached through. */
    public Path library() {
        return library;
    }

    /**
     * Another copy of the library, initialised by the JDK afresh on first use: what a restarted process would see,
     * the token as stored, not as one library instance remembers it.
     */
    public Path freshLibrary() {
        Path copy = directory.resolve("lib-" + (++libraryCopies)).resolve("libsofthsm2.so");
        try {
            Files.createDirectories(copy.getParent());
            return Files.copy(installed, copy);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Deletes the token and its library copies. */
    @Override
    public void close() {
        softhsm2Util(conf, "--delete-token", "--token", label);
        deleteTree(directory);
    }

    @Override
    public String toString() {
        return "SoftHsmToken['" + label + "']";
    }

    private static Optional<Path> installedLibrary() {
        String override = System.getProperty("trent.test.softhsm2.library");
        if (override != null) {
            return Optional.of(Path.of(override)).filter(Files::isRegularFile);
        }
        return LIBRARY_CANDIDATES.stream().filter(Files::isRegularFile).findFirst();
    }

    private static boolean onPath(String command) {
        String path = System.getenv("PATH");
        return path != null && Stream.of(path.split(java.io.File.pathSeparator))
                .anyMatch(dir -> Files.isExecutable(Path.of(dir, command)));
    }

    /**
     * The configuration file of this JVM's SoftHSM2, which must be the one the build named in both the environment
     * and a system property; otherwise the library would read the machine's own configuration and tokens.
     */
    private static Path configuredConf() {
        String environment = System.getenv("SOFTHSM2_CONF");
        String property = System.getProperty(CONF_PROPERTY);
        if (environment == null || property == null || !Path.of(environment).equals(Path.of(property))) {
            throw new IllegalStateException("the PKCS#11 tests need SOFTHSM2_CONF and the system property "
                    + CONF_PROPERTY + " set to the same file, which the tests write (Maven's surefire configuration "
                    + "does this); SOFTHSM2_CONF=" + environment + ", " + CONF_PROPERTY + "=" + property);
        }
        return Path.of(environment).toAbsolutePath();
    }

    /**
     * Writes the configuration (always the same text, so concurrent JVMs agree on it) and returns the directory
     * that holds it, the token directory and the library copies.
     */
    private static Path writeConf(Path conf) {
        Path home = conf.getParent();
        Path tokens = home.resolve("tokens");
        String text = String.join("\n",
                "directories.tokendir = " + tokens,
                "objectstore.backend = file",
                "log.level = ERROR",
                "slots.removable = false",
                "");
        try {
            Files.createDirectories(tokens);
            if (!Files.exists(conf) || !Files.readString(conf, StandardCharsets.UTF_8).equals(text)) {
                Path written = Files.writeString(Files.createTempFile(home, "softhsm2", ".conf"), text,
                        StandardCharsets.UTF_8);
                Files.move(written, conf, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            }
            return home;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void softhsm2Util(Path conf, String... arguments) {
        ProcessBuilder builder = new ProcessBuilder(Stream.concat(Stream.of("softhsm2-util"), Stream.of(arguments))
                .toList()).redirectErrorStream(true);
        // Always explicit: without it softhsm2-util would work on the machine's own tokens.
        builder.environment().put("SOFTHSM2_CONF", conf.toString());
        synchronized (SOFTHSM2_UTIL) {
            try (FileChannel lockFile = FileChannel.open(conf.resolveSibling("softhsm2-util.lock"),
                    StandardOpenOption.CREATE, StandardOpenOption.WRITE)) {
                FileLock lock = lockFile.lock();
                try {
                    Process process = builder.start();
                    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
                    if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
                        throw new IllegalStateException("softhsm2-util " + String.join(" ", arguments) + " failed: "
                                + output.strip());
                    }
                } finally {
                    lock.release();
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while running softhsm2-util", e);
            }
        }
    }

    private static Path createDirectory(Path parent, String prefix) {
        try {
            return Files.createTempDirectory(parent, prefix);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] bytes(int count) {
        byte[] bytes = new byte[count];
        RANDOM.nextBytes(bytes);
        return bytes;
    }

    private static void deleteTree(Path root) {
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : (Iterable<Path>) paths.sorted(Comparator.reverseOrder())::iterator) {
                Files.deleteIfExists(path);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
