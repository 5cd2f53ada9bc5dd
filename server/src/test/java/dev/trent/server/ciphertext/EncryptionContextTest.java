package dev.trent.server.ciphertext;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.Arrays;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The canonical encryption context bound into every symmetric ciphertext, byte for byte. */
class EncryptionContextTest {

    private static String hex(Map<String, String> context) {
        return HexFormat.of().formatHex(EncryptionContext.canonical(context));
    }

    @Test
    void canonical_isCountThenLengthPrefixedPairs() {
        assertEquals("00000001" + "00000002" + "6162" + "00000001" + "63", hex(Map.of("ab", "c")));
        assertEquals("00000001" + "00000001" + "6b" + "00000000", hex(Map.of("k", "")));
    }

    @Test
    void canonical_separatesKeyFromValue() {
        assertFalse(Arrays.equals(EncryptionContext.canonical(Map.of("ab", "c")),
                EncryptionContext.canonical(Map.of("a", "bc"))));
        assertFalse(Arrays.equals(EncryptionContext.canonical(Map.of("a", "b", "c", "d")),
                EncryptionContext.canonical(Map.of("a", "bcd"))));
        assertFalse(Arrays.equals(EncryptionContext.canonical(Map.of("A", "1")),
                EncryptionContext.canonical(Map.of("a", "1"))), "keys are case-sensitive");
    }

    @Test
    void canonical_ignoresTheOrderTheCallerSent() {
        Map<String, String> forward = new LinkedHashMap<>();
        forward.put("purpose", "test");
        forward.put("department", "10103.0");
        forward.put("ab", "x");
        forward.put("a", "y");
        Map<String, String> backward = new LinkedHashMap<>();
        backward.put("a", "y");
        backward.put("ab", "x");
        backward.put("department", "10103.0");
        backward.put("purpose", "test");
        assertArrayEquals(EncryptionContext.canonical(forward), EncryptionContext.canonical(backward));
        assertArrayEquals(EncryptionContext.canonical(forward), EncryptionContext.canonical(new HashMap<>(forward)));
        assertEquals("00000004" + "00000001" + "61" + "00000001" + "79" + "00000002" + "6162" + "00000001" + "78",
                hex(forward).substring(0, 8 + 2 * (4 + 1 + 4 + 1) + 2 * (4 + 2 + 4 + 1)),
                "a prefix sorts before the longer key");
    }

    @Test
    void canonical_treatsAbsentAndEmptyAlike() {
        assertEquals("00000000", hex(null));
        assertEquals("00000000", hex(Map.of()));
    }

    /**
     * U+FF21 is one UTF-16 unit (0xFF21) but U+10000 is a surrogate pair (0xD800 0xDC00), so Java's String order
     * puts U+10000 first; in UTF-8 (EF BC A1 against F0 90 80 80) U+FF21 comes first, and that order is the one used.
     */
    @Test
    void canonical_sortsKeysByTheirUtf8Bytes_notByJavaStringOrder() {
        String fullwidthA = "\uFF21";
        String linearB = new String(Character.toChars(0x10000));
        assertEquals(true, linearB.compareTo(fullwidthA) < 0, "the premise: String order differs");
        Map<String, String> context = new LinkedHashMap<>();
        context.put(linearB, "2");
        context.put(fullwidthA, "1");
        assertEquals("00000002" + "00000003" + "efbca1" + "00000001" + "31"
                + "00000004" + "f0908080" + "00000001" + "32", hex(context));
    }

    @Test
    void canonical_encodesValuesAsUtf8() {
        assertEquals("00000001" + "00000001" + "6b" + "00000002" + "c3a9", hex(Map.of("k", "\u00e9")));
    }
}
