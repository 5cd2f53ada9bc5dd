package dev.trent.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class RecordPathsTest {

    private static final String MAX = new String(Character.toChars(Character.MAX_CODE_POINT));

    @Test
    void exclusiveUpperBound_incrementsLastCodePoint() {
        assertEquals(Optional.of("key0"), RecordPaths.exclusiveUpperBound("key/"));
        assertEquals(Optional.of(new String(Character.toChars(0x10000))), RecordPaths.exclusiveUpperBound("\uffff"));
        assertEquals(Optional.of("\ue000"), RecordPaths.exclusiveUpperBound("\ud7ff"));
        assertEquals(Optional.of("b"), RecordPaths.exclusiveUpperBound("a" + MAX + MAX));
    }

    @Test
    void exclusiveUpperBound_none_forEmptyOrAllMaximalPrefix() {
        assertEquals(Optional.empty(), RecordPaths.exclusiveUpperBound(""));
        assertEquals(Optional.empty(), RecordPaths.exclusiveUpperBound(MAX + MAX));
    }

    @Test
    void requireValidPath_rejectsEmptyTooLongNulAndUnpairedSurrogates() {
        assertEquals("a/b", RecordPaths.requireValidPath("a/b"));
        assertEquals("x".repeat(1024), RecordPaths.requireValidPath("x".repeat(1024)));
        assertEquals("\ud83d\ude00", RecordPaths.requireValidPath("\ud83d\ude00"));
        for (String bad : new String[] {"", "x".repeat(1025), "a\0", "\ud83d", "\ude00a", "a\ud83dx"}) {
            assertThrows(IllegalArgumentException.class, () -> RecordPaths.requireValidPath(bad), bad);
        }
        assertThrows(NullPointerException.class, () -> RecordPaths.requireValidPath(null));
    }

    @Test
    void requireValidPrefix_allowsEmpty() {
        assertEquals("", RecordPaths.requireValidPrefix(""));
        assertThrows(IllegalArgumentException.class, () -> RecordPaths.requireValidPrefix("\ud800"));
    }
}
