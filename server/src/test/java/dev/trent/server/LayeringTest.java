package dev.trent.server;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The package rules of the architecture, checked on the sources: the domain knows nothing of Netty or
 * Jackson, only {@code http} and {@code app} touch Netty, and only {@code repository} and {@code app} talk
 * to storage.
 */
class LayeringTest {

    private static final Path MAIN = Path.of("src/main/java/dev/trent/server");

    @Test
    void domainPackages_importNeitherNettyNorJackson() {
        List<String> offences = new ArrayList<>();
        for (String pkg : List.of("key", "crypto", "service", "ciphertext", "error", "repository", "time", "auth")) {
            offences.addAll(imports(pkg, "io.netty"));
        }
        for (String pkg : List.of("key", "crypto", "service", "ciphertext", "error", "time", "auth")) {
            offences.addAll(imports(pkg, "com.fasterxml"));
        }
        assertEquals(List.of(), offences);
    }

    @Test
    void onlyHttpAndApp_importNetty() {
        List<String> offences = new ArrayList<>();
        for (String pkg : List.of("api", "admin", "key", "crypto", "service", "ciphertext", "error", "repository",
                "time", "keystore")) {
            offences.addAll(imports(pkg, "io.netty"));
        }
        assertEquals(List.of(), offences);
    }

    @Test
    void onlyRepositoryAndApp_talkToStorage() {
        List<String> offences = new ArrayList<>();
        for (String pkg : List.of("api", "admin", "http", "key", "crypto", "service", "ciphertext", "error",
                "time", "keystore")) {
            offences.addAll(imports(pkg, "dev.trent.storage"));
        }
        assertEquals(List.of(), offences);
    }

    private static List<String> imports(String pkg, String forbiddenPrefix) {
        Path dir = MAIN.resolve(pkg.replace('.', '/'));
        if (!Files.isDirectory(dir)) {
            throw new IllegalStateException("no package " + pkg);
        }
        try (Stream<Path> files = Files.walk(dir)) {
            List<String> offences = new ArrayList<>();
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                for (String line : Files.readAllLines(file)) {
                    String trimmed = line.trim();
                    if ((trimmed.startsWith("import " + forbiddenPrefix) || trimmed.startsWith("import static " + forbiddenPrefix))) {
                        offences.add(MAIN.relativize(file) + ": " + trimmed);
                    }
                }
            }
            return offences;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
