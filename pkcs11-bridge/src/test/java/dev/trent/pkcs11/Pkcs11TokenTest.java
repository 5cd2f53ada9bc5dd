package dev.trent.pkcs11;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.trent.pkcs11.Pkcs11Exception.Reason;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import javax.crypto.AEADBadTagException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.extension.RegisterExtension;

class Pkcs11TokenTest {

    private static final byte[] AAD = "trent/test".getBytes(UTF_8);
    private static final byte[] PLAINTEXT = "keyring bytes".getBytes(UTF_8);

    @RegisterExtension
    final FreshSoftHsmToken softHsm = new FreshSoftHsmToken();

    private Pkcs11Token open() {
        return Pkcs11Token.open(softHsm.library(), softHsm.label(), softHsm.pin());
    }

    @Test
    void open_byLabel_logsInToThatToken() {
        try (Pkcs11Token token = open()) {
            assertEquals(softHsm.label(), token.label());
            assertEquals(softHsm.library(), token.library());
            assertFalse(token.hasKey("anything"));
        }
    }

    @Test
    void open_wrongPin_isWrongPin() {
        Pkcs11Exception e = assertThrows(Pkcs11Exception.class,
                () -> Pkcs11Token.open(softHsm.library(), softHsm.label(), "not-the-pin".toCharArray()));

        assertEquals(Reason.WRONG_PIN, e.reason());
        assertEquals("wrong PIN for PKCS#11 token '" + softHsm.label() + "' (CKR_PIN_INCORRECT)", e.getMessage());
    }

    @Test
    void open_wrongPin_thenRightPin_works() {
        assertThrows(Pkcs11Exception.class,
                () -> Pkcs11Token.open(softHsm.library(), softHsm.label(), "not-the-pin".toCharArray()));

        open().close();
    }

    @Test
    void open_unknownLabel_isTokenNotFoundListingTheTokensThereAre() {
        Pkcs11Exception e = assertThrows(Pkcs11Exception.class,
                () -> Pkcs11Token.open(softHsm.library(), "no-such-token", softHsm.pin()));

        assertEquals(Reason.TOKEN_NOT_FOUND, e.reason());
        assertTrue(e.getMessage().startsWith("no token labelled 'no-such-token' in PKCS#11 library "
                + softHsm.library()), e.getMessage());
        assertTrue(e.getMessage().contains("'" + softHsm.label() + "'"), e.getMessage());
    }

    @Test
    void open_missingLibrary_isLibraryNotFound(@TempDir Path dir) {
        Path missing = dir.resolve("libnothing.so");

        Pkcs11Exception e = assertThrows(Pkcs11Exception.class,
                () -> Pkcs11Token.open(missing, softHsm.label(), softHsm.pin()));

        assertEquals(Reason.LIBRARY_NOT_FOUND, e.reason());
        assertEquals("PKCS#11 library " + missing + " not found", e.getMessage());
    }

    @Test
    void open_fileThatIsNoLibrary_isNotAPkcs11Library(@TempDir Path dir) throws Exception {
        Path notALibrary = Files.writeString(dir.resolve("libfake.so"), "not a shared object");

        Pkcs11Exception e = assertThrows(Pkcs11Exception.class,
                () -> Pkcs11Token.open(notALibrary, softHsm.label(), softHsm.pin()));

        assertEquals(Reason.NOT_A_PKCS11_LIBRARY, e.reason());
        assertTrue(e.getMessage().startsWith("cannot load " + notALibrary + " as a PKCS#11 library: "), e.getMessage());
        assertFalse(e.getMessage().contains("\n"), e.getMessage());
        assertFalse(e.getMessage().endsWith(notALibrary.toString()), "the path is named once: " + e.getMessage());
    }

    @Test
    void open_directory_isNotAPkcs11Library(@TempDir Path dir) {
        Pkcs11Exception e = assertThrows(Pkcs11Exception.class, () -> Pkcs11Token.open(dir, "t", softHsm.pin()));

        assertEquals(Reason.NOT_A_PKCS11_LIBRARY, e.reason());
    }

    @Test
    void open_sameTokenTwice_isRefusedWhileTheFirstIsOpen() {
        Pkcs11Token first = open();
        try {
            Pkcs11Exception e = assertThrows(Pkcs11Exception.class, this::open);
            assertEquals(Reason.TOKEN_ALREADY_OPEN, e.reason());
        } finally {
            first.close();
        }
        open().close();
    }

    @Test
    void open_sameTokenThroughALinkToTheLibrary_isRefusedToo(@TempDir Path dir) throws Exception {
        Path link = Files.createSymbolicLink(dir.resolve("libsofthsm2.so"), softHsm.library());
        Pkcs11Token first = open();
        try {
            Pkcs11Exception e = assertThrows(Pkcs11Exception.class,
                    () -> Pkcs11Token.open(link, softHsm.label(), softHsm.pin()));
            assertEquals(Reason.TOKEN_ALREADY_OPEN, e.reason());
        } finally {
            first.close();
        }
    }

    @Test
    void createKey_thenFindKey_inAFreshlyLoadedLibrary() {
        try (Pkcs11Token token = open()) {
            token.createKey("root");
            assertTrue(token.hasKey("root"));
        }
        try (Pkcs11Token reopened = Pkcs11Token.open(softHsm.freshLibrary(), softHsm.label(), softHsm.pin())) {
            assertTrue(reopened.findKey("root").isPresent());
            assertTrue(reopened.findKey("other").isEmpty());
        }
    }

    @Test
    void createKey_labelTaken_isKeyExists() {
        try (Pkcs11Token token = open()) {
            token.createKey("root");

            Pkcs11Exception e = assertThrows(Pkcs11Exception.class, () -> token.createKey("root"));

            assertEquals(Reason.KEY_EXISTS, e.reason());
        }
    }

    @Test
    void encrypt_thenDecrypt_roundTripsInsideTheToken() throws Exception {
        try (Pkcs11Token token = open()) {
            TokenKey key = token.createKey("root");

            byte[] sealed = key.encrypt(PLAINTEXT, AAD);

            assertEquals(TokenKey.IV_BYTES + PLAINTEXT.length + TokenKey.TAG_BYTES, sealed.length);
            assertArrayEquals(PLAINTEXT, key.decrypt(sealed, AAD));
            assertFalse(Arrays.equals(Arrays.copyOf(sealed, TokenKey.IV_BYTES), Arrays.copyOf(key.encrypt(PLAINTEXT,
                    AAD), TokenKey.IV_BYTES)), "every encryption draws a new IV");
        }
    }

    @Test
    void decrypt_otherAadTamperedBytesOrOtherKey_isBadTag() throws Exception {
        try (Pkcs11Token token = open()) {
            TokenKey key = token.createKey("root");
            TokenKey other = token.createKey("other");
            byte[] sealed = key.encrypt(PLAINTEXT, AAD);
            byte[] tampered = sealed.clone();
            tampered[tampered.length - 1] ^= 1;

            assertThrows(AEADBadTagException.class, () -> key.decrypt(sealed, "other".getBytes(UTF_8)));
            assertThrows(AEADBadTagException.class, () -> key.decrypt(tampered, AAD));
            assertThrows(AEADBadTagException.class, () -> other.decrypt(sealed, AAD));
            assertThrows(AEADBadTagException.class, () -> key.decrypt(new byte[5], AAD));
        }
    }

    @Test
    void deleteKey_removesItFromTheToken() {
        try (Pkcs11Token token = open()) {
            token.createKey("root");

            assertTrue(token.deleteKey("root"));

            assertFalse(token.hasKey("root"));
            assertTrue(token.findKey("root").isEmpty());
            assertFalse(token.deleteKey("root"));
        }
    }

    @Test
    void randomBytes_comeFromTheTokenAndDiffer() {
        try (Pkcs11Token token = open()) {
            byte[] first = token.randomBytes(32);
            byte[] second = token.randomBytes(32);

            assertEquals(32, first.length);
            assertNotEquals(Arrays.toString(first), Arrays.toString(second));
        }
    }

    @Test
    void close_logsOut_andKeysStopWorking() {
        Pkcs11Token token = open();
        TokenKey key = token.createKey("root");

        token.close();
        token.close();

        assertThrows(IllegalStateException.class, () -> key.encrypt(PLAINTEXT, AAD));
        assertThrows(IllegalStateException.class, () -> token.hasKey("root"));
    }

    @Test
    void open_blankOrTooLongLabel_isRejectedBeforeTheLibraryIsTouched(@TempDir Path dir) {
        Path missing = dir.resolve("never-read.so");

        assertThrows(IllegalArgumentException.class, () -> Pkcs11Token.open(missing, "", softHsm.pin()));
        assertThrows(IllegalArgumentException.class, () -> Pkcs11Token.open(missing, " padded", softHsm.pin()));
        assertThrows(IllegalArgumentException.class, () -> Pkcs11Token.open(missing, "x".repeat(33), softHsm.pin()));
    }
}
