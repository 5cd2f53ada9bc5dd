package dev.trent.server.keystore;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.trent.server.crypto.Aead;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** What every {@link TokenConnector} does, whatever token is behind it. */
abstract class TokenConnectorContract {

    /** A cluster whose token accepts {@link #pin()}. */
    abstract Cluster cluster();

    abstract char[] pin();

    abstract TokenConnector connector();

    /** A library path that names no PKCS#11 library. */
    Path missingLibrary() {
        return Path.of("/nonexistent/libpkcs11.so");
    }

    private static final byte[] NONCE = new byte[12];
    private static final byte[] AAD = "aad".getBytes(StandardCharsets.UTF_8);

    private static String label() {
        return UUID.randomUUID().toString();
    }

    @Test
    void aGeneratedKeyEncryptsAndDecryptsInsideTheToken() throws Exception {
        try (TokenSession session = connector().login(cluster(), pin())) {
            String label = label();
            assertFalse(session.hasKey(label));
            session.generateKey(label);
            assertTrue(session.hasKey(label));
            Aead aead = session.aead(label);
            byte[] sealed = aead.encrypt(NONCE, "hello".getBytes(StandardCharsets.UTF_8), AAD);
            assertEquals(12 + 5 + 16, sealed.length, "the token's IV, the ciphertext and the tag");
            assertArrayEquals("hello".getBytes(StandardCharsets.UTF_8), aead.decrypt(NONCE, sealed, AAD));
            session.deleteKey(label);
        }
    }

    @Test
    void aChangedCiphertextOrAssociatedDataDoesNotDecrypt() throws Exception {
        try (TokenSession session = connector().login(cluster(), pin())) {
            String label = label();
            session.generateKey(label);
            Aead aead = session.aead(label);
            byte[] sealed = aead.encrypt(NONCE, new byte[32], AAD);
            assertThrows(GeneralSecurityException.class, () -> aead.decrypt(NONCE, sealed, new byte[3]));
            sealed[sealed.length - 1] ^= 1;
            assertThrows(GeneralSecurityException.class, () -> aead.decrypt(NONCE, sealed, AAD));
            session.deleteKey(label);
        }
    }

    @Test
    void keysAreSeparateAndOutliveTheSession() throws Exception {
        String first = label();
        String second = label();
        byte[] sealed;
        try (TokenSession session = connector().login(cluster(), pin())) {
            session.generateKey(first);
            session.generateKey(second);
            sealed = session.aead(first).encrypt(NONCE, new byte[16], AAD);
            byte[] copy = sealed;
            assertThrows(GeneralSecurityException.class, () -> session.aead(second).decrypt(NONCE, copy, AAD));
        }
        try (TokenSession session = connector().login(cluster(), pin())) {
            assertArrayEquals(new byte[16], session.aead(first).decrypt(NONCE, sealed, AAD));
            session.deleteKey(first);
            session.deleteKey(second);
            assertFalse(session.hasKey(first));
            session.deleteKey(first);
        }
    }

    @Test
    void randomBytesComeInTheAskedLength() throws Exception {
        try (TokenSession session = connector().login(cluster(), pin())) {
            byte[] a = session.random(1024);
            assertEquals(1024, a.length);
            assertNotEquals(java.util.Arrays.toString(a), java.util.Arrays.toString(session.random(1024)));
            assertEquals(1, session.random(1).length);
        }
    }

    @Test
    void aWrongPinIsInvalidCredentials() {
        TokenException e = assertThrows(TokenException.class,
                () -> connector().login(cluster(), "wrong-pin-1234".toCharArray()));
        assertEquals(ConnectionErrorCode.INVALID_CREDENTIALS, e.code());
    }

    @Test
    void anUnknownTokenLabelIsClusterNotFound() {
        Cluster missing = new Cluster(cluster().id(), cluster().library(), "no-such-token");
        TokenException e = assertThrows(TokenException.class, () -> connector().login(missing, pin()));
        assertEquals(ConnectionErrorCode.CLUSTER_NOT_FOUND, e.code());
    }

    @Test
    void aLibraryThatCannotBeLoadedIsANetworkError() {
        Cluster missing = new Cluster(cluster().id(), missingLibrary(), cluster().tokenLabel());
        TokenException e = assertThrows(TokenException.class, () -> connector().login(missing, pin()));
        assertEquals(ConnectionErrorCode.NETWORK_ERRORS, e.code());
    }
}
