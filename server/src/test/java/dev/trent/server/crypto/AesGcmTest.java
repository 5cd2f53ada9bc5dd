package dev.trent.server.crypto;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.security.GeneralSecurityException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

/** AES-256-GCM against the test vectors of the GCM specification (McGrew and Viega, test cases 13-16). */
class AesGcmTest {

    private static final HexFormat HEX = HexFormat.of();

    private record Vector(String name, String key, String nonce, String plaintext, String aad, String ciphertext, String tag) {
    }

    private static final String K15 = "feffe9928665731c6d6a8f9467308308feffe9928665731c6d6a8f9467308308";
    private static final String P15 = "d9313225f88406e5a55909c5aff5269a86a7a9531534f7da2e4c303d8a318a72"
            + "1c3c0c95956809532fcf0e2449a6b525b16aedf5aa0de657ba637b391aafd255";
    private static final String C15 = "522dc1f099567d07f47f37a32a84427d643a8cdcbfe5c0c97598a2bd2555d1aa"
            + "8cb08e48590dbb3da7b08b1056828838c5f61e6393ba7a0abcc9f662898015ad";

    private static final List<Vector> VECTORS = List.of(
            new Vector("13", "00".repeat(32), "00".repeat(12), "", "", "", "530f8afbc74536b9a963b4f1c4cb738b"),
            new Vector("14", "00".repeat(32), "00".repeat(12), "00".repeat(16), "",
                    "cea7403d4d606b6e074ec5d3baf39d18", "d0d1c8a799996bf0265b98b5d48ab919"),
            new Vector("15", K15, "cafebabefacedbaddecaf888", P15, "", C15, "b094dac5d93471bdec1a502270e3cc6c"),
            new Vector("16", K15, "cafebabefacedbaddecaf888", P15.substring(0, 120),
                    "feedfacedeadbeeffeedfacedeadbeefabaddad2", C15.substring(0, 120), "76fc6ece0f4e1768cddf8853bb2d551b"));

    @Test
    void encryptAndDecrypt_matchTheSpecificationVectors() throws GeneralSecurityException {
        List<String> failures = new ArrayList<>();
        for (Vector v : VECTORS) {
            AesGcm aead = new AesGcm(SecretBytes.copyOf(HEX.parseHex(v.key())));
            byte[] sealed = aead.encrypt(HEX.parseHex(v.nonce()), HEX.parseHex(v.plaintext()), HEX.parseHex(v.aad()));
            String expected = v.ciphertext() + v.tag();
            if (!expected.equals(HEX.formatHex(sealed))) {
                failures.add("test case " + v.name() + ": got " + HEX.formatHex(sealed));
            }
            byte[] opened = aead.decrypt(HEX.parseHex(v.nonce()), HEX.parseHex(expected), HEX.parseHex(v.aad()));
            if (!v.plaintext().equals(HEX.formatHex(opened))) {
                failures.add("test case " + v.name() + ": decrypt gave " + HEX.formatHex(opened));
            }
        }
        assertEquals(List.of(), failures);
    }

    @Test
    void decrypt_withAnyByteChanged_fails() throws GeneralSecurityException {
        AesGcm aead = new AesGcm(SecretBytes.copyOf(Random.bytes(32)));
        byte[] nonce = Random.bytes(12);
        byte[] aad = "context".getBytes();
        byte[] sealed = aead.encrypt(nonce, "secret".getBytes(), aad);
        assertArrayEquals("secret".getBytes(), aead.decrypt(nonce, sealed, aad));
        for (int i = 0; i < sealed.length; i++) {
            byte[] tampered = sealed.clone();
            tampered[i] ^= 1;
            assertThrows(GeneralSecurityException.class, () -> aead.decrypt(nonce, tampered, aad), "byte " + i);
        }
        assertThrows(GeneralSecurityException.class, () -> aead.decrypt(nonce, sealed, "other".getBytes()));
    }

    @Test
    void secretBytes_neverPrintsItsContent() {
        SecretBytes secret = SecretBytes.copyOf(new byte[] {1, 2, 3});
        assertEquals("SecretBytes[3 bytes]", secret.toString());
    }
}
