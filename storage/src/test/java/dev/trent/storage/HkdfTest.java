package dev.trent.storage;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/** HKDF-SHA256 against the test vectors of RFC 5869, appendix A. */
class HkdfTest {

    private static final HexFormat HEX = HexFormat.of();

    @Test
    void rfc5869_testCase1_basic() {
        byte[] ikm = new byte[22];
        Arrays.fill(ikm, (byte) 0x0b);
        assertArrayEquals(HEX.parseHex("3cb25f25faacd57a90434f64d0362f2a2d2d0a90cf1a5a4c5db02d56ecc4c5bf34007208d5b887185865"),
                Hkdf.sha256(ikm, HEX.parseHex("000102030405060708090a0b0c"), HEX.parseHex("f0f1f2f3f4f5f6f7f8f9"), 42));
    }

    @Test
    void rfc5869_testCase3_emptySaltAndInfo() {
        byte[] ikm = new byte[22];
        Arrays.fill(ikm, (byte) 0x0b);
        assertArrayEquals(HEX.parseHex("8da4e775a563c18f715f802a063c5a31b8a11f5c5ee1879ec3454e5f3c738d2d9d201395faa4b61a96c8"),
                Hkdf.sha256(ikm, new byte[0], new byte[0], 42));
    }

    @Test
    void outputLength_isBoundedByTheRfc() {
        assertThrows(IllegalArgumentException.class, () -> Hkdf.sha256(new byte[32], new byte[0], new byte[0], 0));
        assertThrows(IllegalArgumentException.class,
                () -> Hkdf.sha256(new byte[32], new byte[0], new byte[0], 255 * 32 + 1));
    }
}
