package dev.trent.storage;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

class KeyringTest {

    private static final byte[] VALUE = "sealed under some term".getBytes(UTF_8);

    @Test
    void initial_hasTermOneActive_withA256BitKey() {
        Keyring keyring = Keyring.initial();
        assertEquals(1, keyring.activeTerm());
        assertEquals(List.of(1), List.copyOf(keyring.terms()));
        assertEquals(32, keyring.activeKey().key().getEncoded().length);
        assertEquals("AES", keyring.activeKey().key().getAlgorithm());
    }

    @Test
    void initial_twice_givesDifferentKeys() {
        assertFalse(Arrays.equals(Keyring.initial().activeKey().key().getEncoded(),
                Keyring.initial().activeKey().key().getEncoded()));
    }

    @Test
    void rotate_addsActiveTerm_keepsOldTerms_andLeavesOriginalUnchanged() {
        Keyring first = Keyring.initial();
        Keyring second = first.rotate();
        Keyring third = second.rotate();
        assertEquals(List.of(1), List.copyOf(first.terms()));
        assertEquals(1, first.activeTerm());
        assertEquals(List.of(1, 2, 3), List.copyOf(third.terms()));
        assertEquals(3, third.activeTerm());
        assertNotSame(first.activeKey(), third.activeKey());
        assertArrayEquals(first.activeKey().key().getEncoded(), third.key(1).orElseThrow().key().getEncoded());
    }

    @Test
    void rotate_valuesSealedUnderOldTerm_stillOpen() {
        Keyring before = Keyring.initial();
        byte[] sealed = AesGcmBarrier.seal(before.activeKey(), "p", VALUE);
        Keyring after = before.rotate();
        assertArrayEquals(VALUE, AesGcmBarrier.open(after, "p", sealed));
        byte[] sealedNow = AesGcmBarrier.seal(after.activeKey(), "p", VALUE);
        assertEquals(2, ByteBuffer.wrap(sealedNow).getInt());
        assertThrows(BarrierIntegrityException.class, () -> AesGcmBarrier.open(before, "p", sealedNow));
    }

    @Test
    void serialize_thenDeserialize_preservesTermsKeysAndActiveTerm() {
        Keyring keyring = Keyring.initial().rotate().rotate();
        byte[] serialized = keyring.serialize();
        assertEquals(1 + 4 + 4 + 3 * 36, serialized.length);
        Keyring copy = Keyring.deserialize(serialized);
        assertEquals(keyring.terms(), copy.terms());
        assertEquals(3, copy.activeTerm());
        for (int term : keyring.terms()) {
            assertArrayEquals(keyring.key(term).orElseThrow().key().getEncoded(),
                    copy.key(term).orElseThrow().key().getEncoded());
        }
    }

    @Test
    void deserialize_malformedInput_throwsStorageException() {
        byte[] good = Keyring.initial().rotate().serialize();
        byte[] badVersion = good.clone();
        badVersion[0] = 2;
        byte[] missingActive = good.clone();
        ByteBuffer.wrap(missingActive).putInt(1, 7);
        byte[] descendingTerms = good.clone();
        ByteBuffer.wrap(descendingTerms).putInt(9, 5);
        byte[] zeroCount = good.clone();
        ByteBuffer.wrap(zeroCount).putInt(5, 0);
        for (byte[] bad : List.of(badVersion, missingActive, descendingTerms, zeroCount,
                Arrays.copyOf(good, good.length - 1), Arrays.copyOf(good, good.length + 1),
                new byte[0], new byte[] {1})) {
            assertThrows(StorageException.class, () -> Keyring.deserialize(bad));
        }
    }

    @Test
    void toString_neverContainsKeyBytes() {
        Keyring keyring = Keyring.initial();
        String hex = HexFormat.of().formatHex(keyring.activeKey().key().getEncoded());
        for (String text : List.of(keyring.toString(), keyring.activeKey().toString())) {
            assertFalse(text.toLowerCase().contains(hex.substring(0, 8)), text);
        }
    }
}
