package dev.trent.storage;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Byte-level search helpers for tests that look for leaked plaintext. */
final class Bytes {

    private Bytes() {}

    static boolean contains(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }

    static boolean fileContains(Path file, byte[] needle) throws IOException {
        return Files.exists(file) && contains(Files.readAllBytes(file), needle);
    }
}
