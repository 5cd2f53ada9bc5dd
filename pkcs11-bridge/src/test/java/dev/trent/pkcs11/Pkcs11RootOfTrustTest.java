package dev.trent.pkcs11;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.trent.pkcs11.Pkcs11Exception.Reason;
import dev.trent.storage.RootOfTrust;
import dev.trent.storage.StorageException;
import dev.trent.storage.WrongRootOfTrustException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The same promises the key-file and passphrase roots keep, kept by a key inside a SoftHSM2 token. */
class Pkcs11RootOfTrustTest {

    private static final byte[] AAD = "trent/test".getBytes(UTF_8);
    private static final byte[] PLAINTEXT = "keyring bytes".getBytes(UTF_8);
    private static final String KEY = "root-key";

    @RegisterExtension
    final FreshSoftHsmToken softHsm = new FreshSoftHsmToken();

    private Pkcs11RootOfTrustProvider provider() {
        return provider(softHsm.library());
    }

    private Pkcs11RootOfTrustProvider provider(Path library) {
        return Pkcs11RootOfTrust.provider(library, softHsm.label(), softHsm.pin(), KEY);
    }

    private byte[] parameters() {
        return new RootParameters(softHsm.label(), KEY).encode();
    }

    /** Wraps {@link #PLAINTEXT} under a newly initialised root, then logs out. */
    private byte[] wrapWithNewRoot() {
        try (Pkcs11RootOfTrustProvider provider = provider()) {
            return provider.initialize().wrap(PLAINTEXT, AAD);
        }
    }

    @Test
    void initialize_emptyToken_createsTheKeyAndStoresOnlyLabels() {
        try (Pkcs11RootOfTrustProvider provider = provider()) {
            RootOfTrust root = provider.initialize();

            assertEquals("pkcs11", root.kind());
            assertTrue(provider.createdKey());
            assertEquals(new RootParameters(softHsm.label(), KEY), RootParameters.decode(root.parameters()));
            assertTrue(((Pkcs11RootOfTrust) root).key().attributes().isNonExtractableAes256());
        }
    }

    @Test
    void initialize_keyAlreadyInToken_usesIt() {
        byte[] wrapped = wrapWithNewRoot();

        try (Pkcs11RootOfTrustProvider provider = provider()) {
            RootOfTrust root = provider.initialize();

            assertFalse(provider.createdKey());
            assertArrayEquals(PLAINTEXT, root.unwrap(wrapped, AAD));
        }
    }

    @Test
    void open_afterRestart_unwrapsWhatTheFirstRootWrapped() {
        byte[] wrapped = wrapWithNewRoot();

        try (Pkcs11RootOfTrustProvider provider = provider(softHsm.freshLibrary())) {
            RootOfTrust root = provider.open("pkcs11", parameters());

            assertArrayEquals(PLAINTEXT, root.unwrap(wrapped, AAD));
        }
    }

    @Test
    void open_keyMissingFromToken_throwsWrongRootAndCreatesNoKey() {
        try (Pkcs11RootOfTrustProvider provider = provider()) {
            WrongRootOfTrustException e = assertThrows(WrongRootOfTrustException.class,
                    () -> provider.open("pkcs11", parameters()));

            assertEquals(Reason.KEY_NOT_FOUND, assertInstanceOf(Pkcs11Exception.class, e.getCause()).reason());
            assertTrue(e.getMessage().startsWith("PKCS#11 token '" + softHsm.label() + "' has no key labelled '" + KEY
                    + "', but this data dir's keyring is wrapped by that key"), e.getMessage());
        }
        try (Pkcs11Token token = Pkcs11Token.open(softHsm.library(), softHsm.label(), softHsm.pin())) {
            assertFalse(token.hasKey(KEY));
        }
    }

    @Test
    void open_storeSealedWithKeyFile_throwsWrongRootNamingBothKinds_beforeTouchingTheToken() {
        Pkcs11RootOfTrustProvider wrongPin = Pkcs11RootOfTrust.provider(softHsm.library(), softHsm.label(),
                "not-the-pin".toCharArray(), KEY);

        WrongRootOfTrustException e = assertThrows(WrongRootOfTrustException.class,
                () -> wrongPin.open("key-file", new byte[0]));

        assertEquals("this data dir was sealed with a key file, but Trent was started with a key in a PKCS#11 token;"
                + " start it with the same kind of root of trust", e.getMessage());
    }

    @Test
    void open_storeSealedWithAnotherTokenOrKey_namesTheStoredOnes() {
        try (Pkcs11RootOfTrustProvider provider = provider()) {
            WrongRootOfTrustException otherToken = assertThrows(WrongRootOfTrustException.class,
                    () -> provider.open("pkcs11", new RootParameters("hsm-prod", KEY).encode()));
            WrongRootOfTrustException otherKey = assertThrows(WrongRootOfTrustException.class,
                    () -> provider.open("pkcs11", new RootParameters(softHsm.label(), "old-root").encode()));

            assertTrue(otherToken.getMessage().contains("sealed with the key '" + KEY + "' in PKCS#11 token 'hsm-prod'"),
                    otherToken.getMessage());
            assertTrue(otherKey.getMessage().contains("sealed with the key 'old-root'"), otherKey.getMessage());
        }
    }

    @Test
    void open_malformedParameters_throwsStorageException() {
        try (Pkcs11RootOfTrustProvider provider = provider()) {
            assertThrows(StorageException.class, () -> provider.open("pkcs11", new byte[] {1, 0}));
            assertThrows(StorageException.class, () -> provider.open("pkcs11", new byte[0]));
        }
    }

    @Test
    void wrongPin_isWrongRootForAnExistingStore_andAStorageFailureForANewOne() {
        char[] wrong = "not-the-pin".toCharArray();
        try (Pkcs11RootOfTrustProvider provider = Pkcs11RootOfTrust.provider(softHsm.library(), softHsm.label(), wrong,
                KEY)) {
            StorageException atOpen = assertThrows(WrongRootOfTrustException.class,
                    () -> provider.open("pkcs11", parameters()));
            StorageException atInitialize = assertThrows(StorageException.class, provider::initialize);

            for (StorageException e : new StorageException[] {atOpen, atInitialize}) {
                assertEquals(Reason.WRONG_PIN, assertInstanceOf(Pkcs11Exception.class, e.getCause()).reason());
                assertEquals("wrong PIN for PKCS#11 token '" + softHsm.label() + "' (CKR_PIN_INCORRECT)", e.getMessage());
            }
        }
    }

    @Test
    void unwrap_withAnotherKeyUnderTheSameLabel_throwsWrongRoot() {
        byte[] wrapped = wrapWithNewRoot();
        try (Pkcs11Token token = Pkcs11Token.open(softHsm.library(), softHsm.label(), softHsm.pin())) {
            token.deleteKey(KEY);
            token.createKey(KEY);
        }

        try (Pkcs11RootOfTrustProvider provider = provider()) {
            RootOfTrust root = provider.open("pkcs11", parameters());

            WrongRootOfTrustException e = assertThrows(WrongRootOfTrustException.class, () -> root.unwrap(wrapped, AAD));
            assertTrue(e.getMessage().contains("does not open this data dir's keyring"), e.getMessage());
        }
    }

    @Test
    void unwrap_otherAadDamagedBytesOrUnknownFormat_throwsWrongRoot() {
        try (Pkcs11RootOfTrustProvider provider = provider()) {
            RootOfTrust root = provider.initialize();
            byte[] wrapped = root.wrap(PLAINTEXT, AAD);
            byte[] damaged = wrapped.clone();
            damaged[damaged.length / 2] ^= 1;
            byte[] unknownFormat = wrapped.clone();
            unknownFormat[0] = 2;

            assertThrows(WrongRootOfTrustException.class, () -> root.unwrap(wrapped, "other".getBytes(UTF_8)));
            assertThrows(WrongRootOfTrustException.class, () -> root.unwrap(damaged, AAD));
            assertThrows(WrongRootOfTrustException.class, () -> root.unwrap(unknownFormat, AAD));
            assertThrows(WrongRootOfTrustException.class, () -> root.unwrap(new byte[0], AAD));
        }
    }

    @Test
    void close_logsOut_soTheTokenCanBeOpenedAgain() {
        Pkcs11RootOfTrustProvider provider = provider();
        RootOfTrust root = provider.initialize();

        provider.close();
        provider.close();

        assertThrows(IllegalStateException.class, () -> root.wrap(PLAINTEXT, AAD));
        Pkcs11Token.open(softHsm.library(), softHsm.label(), softHsm.pin()).close();
    }

    @Test
    void toString_namesTokenAndKeyButNotThePin() {
        try (Pkcs11RootOfTrustProvider provider = provider()) {
            RootOfTrust root = provider.initialize();

            for (String text : new String[] {provider.toString(), root.toString()}) {
                assertTrue(text.contains(softHsm.label()) && text.contains(KEY), text);
                assertFalse(text.contains(softHsm.pinText()), text);
            }
        }
    }
}
