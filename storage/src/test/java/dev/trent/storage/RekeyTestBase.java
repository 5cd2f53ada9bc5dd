package dev.trent.storage;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/**
 * A store sealed with key file A that holds records under two keyring terms, and the checks every rekey test
 * ends with: which roots open the store, and whether it still reads every record.
 */
abstract class RekeyTestBase {

    static final byte[] FIRST = "sealed under term 1".getBytes(UTF_8);
    static final byte[] SECOND = "sealed under term 2".getBytes(UTF_8);

    @TempDir
    Path dir;

    RekeyStore store;
    RootOfTrustProvider keyFileA;
    RootOfTrustProvider keyFileB;

    /** The physical store the tests of a subclass run against. */
    abstract RekeyStore newStore(Path dir);

    @BeforeEach
    void sealWithKeyFileA_andWriteUnderTwoTerms() {
        store = newStore(dir);
        keyFileA = KeyFileRootOfTrust.provider(keyFileA());
        keyFileB = KeyFileRootOfTrust.provider(keyFileB());
        try (Storage storage = Storage.open(store.open(), keyFileA)) {
            storage.barrier().commit(new WriteBatch().put("key/1/material/1", FIRST));
            storage.rotateKeyring();
            storage.barrier().commit(new WriteBatch().put("key/2/material/1", SECOND));
        }
    }

    Path keyFileA() {
        return dir.resolve("a.key");
    }

    Path keyFileB() {
        return dir.resolve("b.key");
    }

    static RootOfTrustProvider passphrase(String passphrase) {
        return PassphraseRootOfTrustTest.cheap(passphrase);
    }

    RekeyResult rekey(RootOfTrustProvider from, RootOfTrustProvider to) {
        try (PhysicalStore physical = store.open()) {
            return Storage.rekey(physical, from, to);
        }
    }

    Map<String, byte[]> contents() {
        try {
            return store.contents();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code opens} opens the store and reads every record under both terms; each of {@code refused} is refused. */
    void assertOpensOnlyWith(RootOfTrustProvider opens, RootOfTrustProvider... refused) {
        for (RootOfTrustProvider other : refused) {
            assertThrows(WrongRootOfTrustException.class, () -> Storage.open(store.open(), other).close(),
                    "the store should not open with " + other);
        }
        assertReadsEveryRecord(opens);
    }

    void assertReadsEveryRecord(RootOfTrustProvider provider) {
        try (Storage storage = Storage.open(store.open(), provider)) {
            assertEquals(2, storage.activeTerm());
            assertArrayEquals(FIRST, storage.barrier().get("key/1/material/1").orElseThrow());
            assertArrayEquals(SECOND, storage.barrier().get("key/2/material/1").orElseThrow());
        }
    }

    /** Which of {@code candidates} open the store; a crash-safe rekey leaves exactly one. */
    List<RootOfTrustProvider> rootsThatOpen(RootOfTrustProvider... candidates) {
        List<RootOfTrustProvider> opening = new ArrayList<>();
        for (RootOfTrustProvider candidate : candidates) {
            try (Storage ignored = Storage.open(store.open(), candidate)) {
                opening.add(candidate);
            } catch (WrongRootOfTrustException e) {
                // Expected for all but one.
            }
        }
        return opening;
    }
}
