package dev.trent.server.crypto;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * AES-256-GCM against the test vectors of the GCM specification (McGrew and Viega, "The Galois/Counter Mode of
 * Operation", test cases 13 to 16: the 256-bit key with 96-bit IVs), and against tampering.
 */
class AesGcmTest {

    private static final HexFormat HEX = HexFormat.of();

    private record Vector(String name, String key, String iv, String plaintext, String aad, String ciphertext, String tag) {
    }

    private static final String K15 = "feffe9928665731c6d6a8f9467308308feffe9928665731c6d6a8f9467308308";
    private static final String IV15 = "cafebabefacedbaddecaf888";
    private static final String P15 = "d9313225f88406e5a55909c5aff5269a86a7a9531534f7da2e4c303d8a318a72"
            + "1c3c0c95956809532fcf0e2449a6b525b16aedf5aa0de657ba637b391aafd255";
    private static final String C15 = "522dc1f099567d07f47f37a32a84427d643a8cdcbfe5c0c97598a2bd2555d1aa"
            + "8cb08e48590dbb3da7b08b1056828838c5f61e6393ba7a0abcc9f662898015ad";

    /** Test case 16 is case 15 cut to 60 bytes, with associated data. */
    private static final List<Vector> VECTORS = List.of(
            new Vector("13", "00".repeat(32), "00".repeat(12), "", "", "", "530f8afbc74536b9a963b4f1c4cb738b"),
            new Vector("14", "00".repeat(32), "00".repeat(12), "00".repeat(16), "",
                    "cea7403d4d606b6e074ec5d3baf39d18", "d0d1c8a799996bf0265b98b5d48ab919"),
            new Vector("15", K15, IV15, P15, "", C15, "b094dac5d93471bdec1a502270e3cc6c"),
            new Vector("16", K15, IV15, P15.substring(0, 120), "feedfacedeadbeeffeedfacedeadbeefabaddad2",
                    C15.substring(0, 120), "76fc6ece0f4e1768cddf8853bb2d551b"));

    @Test
    void encryptAndDecrypt_matchEverySpecificationVector() throws GeneralSecurityException {
        List<String> failures = new ArrayList<>();
        for (Vector v : VECTORS) {
            AesGcm aead = new AesGcm(SecretBytes.copyOf(HEX.parseHex(v.key())));
            byte[] iv = HEX.parseHex(v.iv());
            byte[] aad = HEX.parseHex(v.aad());
            String expected = v.ciphertext() + v.tag();
            String sealed = HEX.formatHex(aead.encrypt(iv, HEX.parseHex(v.plaintext()), aad));
            if (!expected.equals(sealed)) {
                failures.add("test case " + v.name() + ": encrypt gave " + sealed);
            }
            String opened = HEX.formatHex(aead.decrypt(iv, HEX.parseHex(expected), aad));
            if (!v.plaintext().equals(opened)) {
                failures.add("test case " + v.name() + ": decrypt gave " + opened);
            }
            byte[] badTag = HEX.parseHex(expected);
            badTag[badTag.length - 1] ^= 0x01;
            try {
                aead.decrypt(iv, badTag, aad);
                failures.add("test case " + v.name() + ": a changed tag still opened");
            } catch (GeneralSecurityException expectedFailure) {
                // as it must
            }
        }
        assertEquals(List.of(), failures);
    }

    @Test
    void decrypt_withAnyBitOfCiphertextOrTagChanged_fails() {
        AesGcm aead = new AesGcm(SecretBytes.copyOf(Random.bytes(32)));
        byte[] nonce = Random.bytes(12);
        byte[] aad = utf8("context");
        byte[] sealed = aead.encrypt(nonce, utf8("secret"), aad);
        List<String> opened = new ArrayList<>();
        for (int bit = 0; bit < sealed.length * 8; bit++) {
            byte[] tampered = sealed.clone();
            tampered[bit / 8] ^= (byte) (1 << (bit % 8));
            try {
                aead.decrypt(nonce, tampered, aad);
                opened.add("bit " + bit);
            } catch (GeneralSecurityException expected) {
                // as it must
            }
        }
        assertEquals(List.of(), opened);
    }

    @Test
    void decrypt_withOtherAadNonceOrKey_fails() throws GeneralSecurityException {
        AesGcm aead = new AesGcm(SecretBytes.copyOf(Random.bytes(32)));
        byte[] nonce = Random.bytes(12);
        byte[] sealed = aead.encrypt(nonce, utf8("secret"), utf8("context"));
        assertArrayEquals(utf8("secret"), aead.decrypt(nonce, sealed, utf8("context")));

        assertThrows(GeneralSecurityException.class, () -> aead.decrypt(nonce, sealed, utf8("contexT")));
        assertThrows(GeneralSecurityException.class, () -> aead.decrypt(nonce, sealed, new byte[0]));
        byte[] otherNonce = nonce.clone();
        otherNonce[0] ^= 1;
        assertThrows(GeneralSecurityException.class, () -> aead.decrypt(otherNonce, sealed, utf8("context")));
        AesGcm otherKey = new AesGcm(SecretBytes.copyOf(Random.bytes(32)));
        assertThrows(GeneralSecurityException.class, () -> otherKey.decrypt(nonce, sealed, utf8("context")));
    }

    @Test
    void decrypt_ofTruncatedInput_fails() {
        AesGcm aead = new AesGcm(SecretBytes.copyOf(Random.bytes(32)));
        byte[] nonce = Random.bytes(12);
        byte[] sealed = aead.encrypt(nonce, utf8("secret"), new byte[0]);
        assertEquals(6 + AesGcm.TAG_LENGTH, sealed.length, "ciphertext as long as the plaintext, then a 16-byte tag");
        for (int length = 0; length < sealed.length; length++) {
            byte[] cut = Arrays.copyOf(sealed, length);
            assertThrows(GeneralSecurityException.class, () -> aead.decrypt(nonce, cut, new byte[0]), "length " + length);
        }
    }

    @Test
    void nonceOtherThan96Bits_andKeyOtherThan128Or256Bits_areRefused() {
        AesGcm aead = new AesGcm(SecretBytes.copyOf(Random.bytes(32)));
        assertThrows(IllegalStateException.class, () -> aead.encrypt(new byte[8], new byte[1], new byte[0]));
        assertThrows(GeneralSecurityException.class, () -> aead.decrypt(new byte[16], new byte[32], new byte[0]));
        assertThrows(IllegalArgumentException.class, () -> new AesGcm(SecretBytes.copyOf(new byte[24])));
        assertThrows(IllegalArgumentException.class, () -> new AesGcm(SecretBytes.copyOf(new byte[31])));
    }

    @Test
    void encrypt_underTheSameKeyAndTwoNonces_givesUnrelatedCiphertexts() {
        AesGcm aead = new AesGcm(SecretBytes.copyOf(Random.bytes(32)));
        byte[] plaintext = new byte[32];
        byte[] a = aead.encrypt(Random.bytes(12), plaintext, new byte[0]);
        byte[] b = aead.encrypt(Random.bytes(12), plaintext, new byte[0]);
        assertEquals(false, Arrays.equals(a, b));
    }

    @Test
    void secretBytes_neverPrintsItsContent_andComparesByContent() {
        SecretBytes secret = SecretBytes.copyOf(new byte[] {1, 2, 3});
        assertEquals("SecretBytes[3 bytes]", secret.toString());
        assertEquals(true, secret.sameAs(SecretBytes.copyOf(new byte[] {1, 2, 3})));
        assertEquals(false, secret.sameAs(SecretBytes.copyOf(new byte[] {1, 2, 4})));
        assertThrows(NullPointerException.class, () -> secret.reveal(null));
        secret.destroy();
        assertThrows(IllegalStateException.class, () -> secret.reveal(SecretAccess.INSTANCE),
                "destroyed bytes are not handed out as zeros");
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
