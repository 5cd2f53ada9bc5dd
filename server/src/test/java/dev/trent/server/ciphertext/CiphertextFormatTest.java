package dev.trent.server.ciphertext;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.trent.server.key.KeyId;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The symmetric blob layout and the canonical encryption context, byte for byte. */
class CiphertextFormatTest {

    private static final KeyId KEY = new KeyId("1234abcd-12ab-34cd-56ef-1234567890ab");

    @Test
    void canonicalContext_isByteExact_andUnambiguous() {
        assertEquals("00000001" + "00000002" + "6162" + "00000001" + "63",
                HexFormat.of().formatHex(EncryptionContext.canonical(Map.of("ab", "c"))));
        assertFalse(Arrays.equals(EncryptionContext.canonical(Map.of("ab", "c")),
                EncryptionContext.canonical(Map.of("a", "bc"))));
    }

    @Test
    void canonicalContext_ignoresOrder_andTreatsAbsentAsEmpty() {
        Map<String, String> forward = new LinkedHashMap<>();
        forward.put("b", "2");
        forward.put("a", "1");
        Map<String, String> backward = new LinkedHashMap<>();
        backward.put("a", "1");
        backward.put("b", "2");
        assertArrayEquals(EncryptionContext.canonical(forward), EncryptionContext.canonical(backward));
        assertArrayEquals(EncryptionContext.canonical(null), EncryptionContext.canonical(Map.of()));
    }

    @Test
    void canonicalContext_sortsByUtf8Bytes() {
        Map<String, String> context = new LinkedHashMap<>();
        context.put("\u00e9", "x");
        context.put("z", "y");
        byte[] encoded = EncryptionContext.canonical(context);
        assertEquals('z', encoded[8], "'z' (0x7a) sorts before the two UTF-8 bytes of e-acute (0xc3 0xa9)");
    }

    @Test
    void blob_layout_isAsDocumented() {
        byte[] nonce = new byte[12];
        Arrays.fill(nonce, (byte) 7);
        byte[] sealed = new byte[20];
        SymmetricCiphertext blob = new SymmetricCiphertext(KEY, 3, nonce, sealed);
        byte[] bytes = blob.toBytes();

        assertEquals(1 + 1 + 36 + 4 + 12 + 20, bytes.length);
        assertEquals(0x01, bytes[0]);
        assertEquals(36, bytes[1]);
        assertEquals(KEY.value(), new String(bytes, 2, 36));
        assertArrayEquals(new byte[] {0, 0, 0, 3}, Arrays.copyOfRange(bytes, 38, 42));
        assertArrayEquals(nonce, Arrays.copyOfRange(bytes, 42, 54));
        assertArrayEquals(Arrays.copyOfRange(bytes, 0, 54), blob.header());
    }

    @Test
    void parse_roundTrips() {
        SymmetricCiphertext blob = new SymmetricCiphertext(KEY, 9, new byte[12], new byte[16]);
        SymmetricCiphertext parsed = SymmetricCiphertext.parse(blob.toBytes()).orElseThrow();
        assertEquals(KEY, parsed.keyId());
        assertEquals(9, parsed.materialVersion());
        assertArrayEquals(blob.toBytes(), parsed.toBytes());
    }

    @Test
    void parse_rejectsWhatIsNotABlob() {
        byte[] good = new SymmetricCiphertext(KEY, 1, new byte[12], new byte[16]).toBytes();
        byte[] wrongVersion = good.clone();
        wrongVersion[0] = 2;
        byte[] badId = good.clone();
        badId[2] = 'Z';
        assertTrue(SymmetricCiphertext.parse(wrongVersion).isEmpty());
        assertTrue(SymmetricCiphertext.parse(badId).isEmpty());
        assertTrue(SymmetricCiphertext.parse(Arrays.copyOf(good, good.length - 1)).isEmpty(), "shorter than a tag");
        assertTrue(SymmetricCiphertext.parse(new byte[] {1}).isEmpty());
        assertTrue(SymmetricCiphertext.parse(new byte[0]).isEmpty());
    }
}
