package dev.trent.server.ciphertext;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.trent.server.key.KeyId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The self-describing symmetric blob, byte for byte as its javadoc lays it out. */
class SymmetricCiphertextTest {

    private static final HexFormat HEX = HexFormat.of();
    private static final KeyId KEY = new KeyId("1234abcd-12ab-34cd-56ef-1234567890ab");
    private static final KeyId MRK = new KeyId("mrk-1234abcd12ab34cd56ef1234567890ab");
    private static final byte[] NONCE = HEX.parseHex("000102030405060708090a0b");
    /** Version, id length, id, material version, nonce, sealed part: the smallest blob has a bare 16-byte tag. */
    private static final int MINIMUM = 1 + 1 + 36 + 4 + 12 + 16;

    @Test
    void header_isVersionIdLengthIdMaterialVersionNonce() {
        SymmetricCiphertext blob = new SymmetricCiphertext(KEY, 0x01020304, NONCE, HEX.parseHex("aabbcc"));
        String id = HEX.formatHex("1234abcd-12ab-34cd-56ef-1234567890ab".getBytes());
        String header = "01" + "24" + id + "01020304" + "000102030405060708090a0b";

        assertEquals(header, HEX.formatHex(blob.header()));
        assertEquals(header + "aabbcc", HEX.formatHex(blob.toBytes()));
        assertEquals(header + "00000000", HEX.formatHex(blob.associatedData(EncryptionContext.canonical(Map.of()))));
    }

    @Test
    void multiRegionKeyId_isFramedTheSameWay() {
        byte[] bytes = new SymmetricCiphertext(MRK, 1, NONCE, new byte[16]).toBytes();
        assertEquals(36, bytes[1]);
        assertEquals(MRK.value(), new String(bytes, 2, 36, java.nio.charset.StandardCharsets.US_ASCII));
        assertEquals(MRK, SymmetricCiphertext.parse(bytes).orElseThrow().keyId());
    }

    @Test
    void parse_roundTripsEveryField() {
        byte[] sealed = HEX.parseHex("00112233445566778899aabbccddeeff0102");
        SymmetricCiphertext blob = new SymmetricCiphertext(KEY, Integer.MAX_VALUE, NONCE, sealed);
        SymmetricCiphertext parsed = SymmetricCiphertext.parse(blob.toBytes()).orElseThrow();
        assertEquals(KEY, parsed.keyId());
        assertEquals(Integer.MAX_VALUE, parsed.materialVersion());
        assertArrayEquals(NONCE, parsed.nonce());
        assertArrayEquals(sealed, parsed.sealed());
        assertArrayEquals(blob.toBytes(), parsed.toBytes());
    }

    @Test
    void parse_acceptsTheShortestBlob_andRejectsEveryShorterPrefix() {
        byte[] shortest = new SymmetricCiphertext(KEY, 1, NONCE, new byte[16]).toBytes();
        assertEquals(MINIMUM, shortest.length);
        assertEquals(true, SymmetricCiphertext.parse(shortest).isPresent());
        List<Integer> accepted = new ArrayList<>();
        for (int length = 0; length < MINIMUM; length++) {
            if (SymmetricCiphertext.parse(Arrays.copyOf(shortest, length)).isPresent()) {
                accepted.add(length);
            }
        }
        assertEquals(List.of(), accepted, "truncated blobs parsed");
    }

    @Test
    void parse_rejectsOtherFormatVersions() {
        byte[] good = new SymmetricCiphertext(KEY, 1, NONCE, new byte[20]).toBytes();
        List<Integer> accepted = new ArrayList<>();
        for (int version = 0; version < 256; version++) {
            byte[] blob = good.clone();
            blob[0] = (byte) version;
            if (version != 1 && SymmetricCiphertext.parse(blob).isPresent()) {
                accepted.add(version);
            }
        }
        assertEquals(List.of(), accepted);
    }

    @Test
    void parse_rejectsIdsThatAreNotCanonicalKeyIds() {
        byte[] good = new SymmetricCiphertext(KEY, 1, NONCE, new byte[20]).toBytes();
        List<String> accepted = new ArrayList<>();
        for (int idLength : new int[] {0, 1, 35, 37, 255}) {
            byte[] blob = good.clone();
            blob[1] = (byte) idLength;
            if (SymmetricCiphertext.parse(blob).isPresent()) {
                accepted.add("id length " + idLength);
            }
        }
        for (byte replacement : new byte[] {'Z', 'A', '-', 0, (byte) 0xff}) {
            byte[] blob = good.clone();
            blob[2] = replacement;
            if (SymmetricCiphertext.parse(blob).isPresent()) {
                accepted.add("id byte 0x" + HEX.toHexDigits(replacement));
            }
        }
        byte[] upperCase = good.clone();
        byte[] upperId = KEY.value().toUpperCase().getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        System.arraycopy(upperId, 0, upperCase, 2, upperId.length);
        if (SymmetricCiphertext.parse(upperCase).isPresent()) {
            accepted.add("upper-case id");
        }
        assertEquals(List.of(), accepted);
    }
}
