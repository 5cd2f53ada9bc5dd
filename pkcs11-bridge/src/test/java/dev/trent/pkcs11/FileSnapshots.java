package dev.trent.pkcs11;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/** The files under a directory and their bytes, to prove that something wrote nothing there. */
final class FileSnapshots {

    private FileSnapshots() {
    }

    static Map<Path, byte[]> of(Path dir) throws IOException {
        Map<Path, byte[]> files = new TreeMap<>();
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path file : (Iterable<Path>) paths.filter(Files::isRegularFile)::iterator) {
                files.put(dir.relativize(file), Files.readAllBytes(file));
            }
        }
        return files;
    }

    static void assertUnchanged(Map<Path, byte[]> before, Path dir) throws IOException {
        Map<Path, byte[]> after = of(dir);
        assertEquals(before.keySet(), after.keySet());
        before.forEach((file, bytes) -> assertArrayEquals(bytes, after.get(file), file + " changed"));
    }
}
