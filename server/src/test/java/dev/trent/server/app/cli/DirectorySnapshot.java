package dev.trent.server.app.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/** Every regular file under a directory with its bytes, to prove a refused command changed none of them. */
record DirectorySnapshot(Map<Path, byte[]> files) {

    static DirectorySnapshot of(Path dir) throws IOException {
        Map<Path, byte[]> files = new TreeMap<>();
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path file : (Iterable<Path>) paths.filter(Files::isRegularFile)::iterator) {
                files.put(dir.relativize(file), Files.readAllBytes(file));
            }
        }
        return new DirectorySnapshot(files);
    }

    void assertUnchangedIn(Path dir) throws IOException {
        Map<Path, byte[]> now = of(dir).files();
        assertEquals(files.keySet(), now.keySet());
        files.forEach((file, bytes) -> assertArrayEquals(bytes, now.get(file), file + " changed"));
    }
}
