package dev.trent.storage;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class PassphraseRootOfTrustTest {

    /** Cheap enough for unit tests; production uses {@link PassphraseRootOfTrust.Cost#DEFAULT}. */
    static final PassphraseRootOfTrust.Cost CHEAP = new PassphraseRootOfTrust.Cost(64, 1, 1);

    private static final byte[] AAD = "trent/test".getBytes(UTF_8);
    private static final byte[] PLAINTEXT = "keyring bytes".getBytes(UTF_8);

    static RootOfTrustProvider cheap(String passphrase) {
        return PassphraseRootOfTrust.provider(passphrase.toCharArray(), CHEAP);
    }

    @Test
    void provider_emptyPassphrase_isRejected() {
        assertThrows(IllegalArgumentException.class, () -> PassphraseRootOfTrust.provider(new char[0]));
        assertThrows(IllegalArgumentException.class, () -> PassphraseRootOfTrust.provider(new char[0], CHEAP));
    }

    @Test
    void defaultCost_is64MiB3Iterations1Lane() {
        assertEquals(new PassphraseRootOfTrust.Cost(65536, 3, 1), PassphraseRootOfTrust.Cost.DEFAULT);
    }

    @Test
    void cost_outOfBounds_isRejected() {
        assertThrows(IllegalArgumentException.class, () -> new PassphraseRootOfTrust.Cost(7, 1, 1));
        assertThrows(IllegalArgumentException.class, () -> new PassphraseRootOfTrust.Cost(64, 0, 1));
        assertThrows(IllegalArgumentException.class, () -> new PassphraseRootOfTrust.Cost(64, 1, 0));
        assertThrows(IllegalArgumentException.class, () -> new PassphraseRootOfTrust.Cost(2 * 1024 * 1024, 1, 1));
    }

    @Test
    void parameters_encodeVersionCostAndRandomSalt() {
        RootOfTrust root = cheap("correct horse").initialize();
        assertEquals("passphrase", root.kind());
        byte[] parameters = root.parameters();
        ByteBuffer in = ByteBuffer.wrap(parameters);
        assertEquals(1, in.get());
        assertEquals(64, in.getInt());
        assertEquals(1, in.getInt());
        assertEquals(1, in.getInt());
        assertEquals(16, in.get());
        assertEquals(16, in.remaining());
        assertEquals(KdfParameters.decode(parameters).cost(), CHEAP);
        assertFalse(Arrays.equals(parameters, cheap("correct horse").initialize().parameters()));
    }

    @Test
    void open_rightPassphrase_unwrapsWhatInitializeWrapped() {
        RootOfTrust first = cheap("correct horse").initialize();
        byte[] wrapped = first.wrap(PLAINTEXT, AAD);
        RootOfTrust reopened = cheap("correct horse").open("passphrase", first.parameters());
        assertArrayEquals(PLAINTEXT, reopened.unwrap(wrapped, AAD));
    }

    @Test
    void open_wrongPassphrase_throwsWrongRoot() {
        RootOfTrust first = cheap("correct horse").initialize();
        byte[] wrapped = first.wrap(PLAINTEXT, AAD);
        RootOfTrust wrong = cheap("battery staple").open("passphrase", first.parameters());
        WrongRootOfTrustException e = assertThrows(WrongRootOfTrustException.class, () -> wrong.unwrap(wrapped, AAD));
        assertTrue(e.getMessage().contains("passphrase does not open"), e.getMessage());
    }

    @Test
    void open_usesStoredSaltAndCost_notTheProvidersCost() {
        RootOfTrust first = cheap("correct horse").initialize();
        byte[] wrapped = first.wrap(PLAINTEXT, AAD);
        PassphraseRootOfTrust.Cost other = new PassphraseRootOfTrust.Cost(128, 2, 1);
        RootOfTrust reopened = PassphraseRootOfTrust.provider("correct horse".toCharArray(), other)
                .open("passphrase", first.parameters());
        assertArrayEquals(first.parameters(), reopened.parameters());
        assertArrayEquals(PLAINTEXT, reopened.unwrap(wrapped, AAD));
    }

    @Test
    void open_withAnotherSalt_derivesAnotherKey() {
        RootOfTrust first = cheap("correct horse").initialize();
        byte[] wrapped = first.wrap(PLAINTEXT, AAD);
        byte[] otherSalt = first.parameters();
        otherSalt[otherSalt.length - 1] ^= 1;
        RootOfTrust reopened = cheap("correct horse").open("passphrase", otherSalt);
        assertThrows(WrongRootOfTrustException.class, () -> reopened.unwrap(wrapped, AAD));
    }

    @Test
    void open_malformedOrExcessiveParameters_throwsStorageException() {
        byte[] good = cheap("p").initialize().parameters();
        byte[] badVersion = good.clone();
        badVersion[0] = 9;
        byte[] hugeMemory = good.clone();
        ByteBuffer.wrap(hugeMemory).putInt(1, Integer.MAX_VALUE);
        for (byte[] bad : new byte[][] {new byte[0], badVersion, hugeMemory, Arrays.copyOf(good, 20)}) {
            assertThrows(StorageException.class, () -> cheap("p").open("passphrase", bad));
        }
    }

    @Test
    void open_storeSealedWithKeyFile_throwsWrongRoot() {
        WrongRootOfTrustException e = assertThrows(WrongRootOfTrustException.class,
                () -> cheap("p").open("key-file", new byte[0]));
        assertTrue(e.getMessage().contains("sealed with a key file"), e.getMessage());
    }

    @Test
    void provider_copiesPassphrase_callerMayClearIt() {
        char[] passphrase = "correct horse".toCharArray();
        RootOfTrustProvider provider = PassphraseRootOfTrust.provider(passphrase, CHEAP);
        Arrays.fill(passphrase, '\0');
        RootOfTrust root = provider.initialize();
        RootOfTrust reopened = cheap("correct horse").open("passphrase", root.parameters());
        assertArrayEquals(PLAINTEXT, reopened.unwrap(root.wrap(PLAINTEXT, AAD), AAD));
        assertNotEquals(-1, provider.toString().indexOf("redacted"));
    }
}
