package dev.trent.storage;

import java.util.Objects;
import java.util.Optional;

/**
 * Rules for record paths and prefixes. A path is the record's identity and its AAD, so it must encode to UTF-8
 * without loss: an unpaired surrogate would become '?' and two different paths could share one AAD. NUL is
 * refused because SQLite text functions stop at it.
 */
final class RecordPaths {

    /** Longest path, in UTF-16 chars. */
    static final int MAX_PATH_LENGTH = 1024;

    private RecordPaths() {}

    /** @throws IllegalArgumentException unless {@code path} is 1..{@value #MAX_PATH_LENGTH} well-formed chars */
    static String requireValidPath(String path) {
        Objects.requireNonNull(path, "path");
        if (path.isEmpty() || path.length() > MAX_PATH_LENGTH) {
            throw new IllegalArgumentException("a record path is 1.." + MAX_PATH_LENGTH + " chars, was " + path.length());
        }
        requireWellFormed(path, "record path");
        return path;
    }

    /** A prefix follows the path rules except that it may be empty (meaning every record). */
    static String requireValidPrefix(String prefix) {
        Objects.requireNonNull(prefix, "prefix");
        if (prefix.length() > MAX_PATH_LENGTH) {
            throw new IllegalArgumentException("a prefix is at most " + MAX_PATH_LENGTH + " chars");
        }
        requireWellFormed(prefix, "prefix");
        return prefix;
    }

    /**
     * The smallest string greater than every string that starts with {@code prefix}, in code point order (which is
     * UTF-8 byte order, SQLite's BINARY collation). Empty when no such bound exists (an empty prefix, or one made
     * only of U+10FFFF). Then {@code prefix <= s < bound} holds exactly for the strings s starting with prefix.
     */
    static Optional<String> exclusiveUpperBound(String prefix) {
        int[] codePoints = prefix.codePoints().toArray();
        for (int i = codePoints.length - 1; i >= 0; i--) {
            if (codePoints[i] < Character.MAX_CODE_POINT) {
                int next = codePoints[i] + 1;
                // Surrogate code points cannot appear in a well-formed string; skip over them.
                codePoints[i] = next == Character.MIN_SURROGATE ? Character.MAX_SURROGATE + 1 : next;
                return Optional.of(new String(codePoints, 0, i + 1));
            }
        }
        return Optional.empty();
    }

    private static void requireWellFormed(String s, String what) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\0') {
                throw new IllegalArgumentException("a " + what + " must not contain NUL");
            }
            if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                throw new IllegalArgumentException("a " + what + " must not contain an unpaired surrogate (index " + i + ")");
            }
        }
    }
}
