package dev.trent.server.app.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.trent.storage.KeyFileRootOfTrust;
import dev.trent.storage.RekeyResult;
import dev.trent.storage.RootOfTrust;
import dev.trent.storage.RootOfTrustProvider;
import dev.trent.storage.SqlitePhysicalStore;
import dev.trent.storage.Storage;
import dev.trent.storage.StorageException;
import dev.trent.storage.WriteBatch;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A rekey to a root that behaves like a PKCS#11 token (one root per provider, one open token per process) works
 * through {@link OneRootAtATime}, and fails without it, writing nothing.
 */
class OneRootAtATimeTest {

    private static final byte[] SECRET = {4, 2};

    @TempDir
    Path dir;

    private final AtomicBoolean tokenOpen = new AtomicBoolean();
    private final AtomicInteger providersMade = new AtomicInteger();

    @BeforeEach
    void dataDirSealedWithKeyFileA() {
        try (Storage storage = Storage.open(SqlitePhysicalStore.open(db()), KeyFileRootOfTrust.provider(keyFile("a")))) {
            storage.barrier().commit(new WriteBatch().put("key/1/material/1", SECRET));
        }
    }

    @Test
    void rekey_toATokenLikeRoot_throughOneRootAtATime_succeeds_andLeavesTheTokenClosed() {
        RekeyResult result;
        try (OneRootAtATime to = new OneRootAtATime(this::tokenLikeProvider);
                SqlitePhysicalStore physical = SqlitePhysicalStore.openForSoleUse(db())) {
            result = Storage.rekey(physical, KeyFileRootOfTrust.provider(keyFile("a")), to);
        }

        assertEquals(new RekeyResult("key-file", "key-file", 1), result);
        assertEquals(3, providersMade.get(), "initialize, then open before and after the write");
        assertFalse(tokenOpen.get());
        try (Storage storage = Storage.open(SqlitePhysicalStore.open(db()), KeyFileRootOfTrust.provider(keyFile("b")))) {
            assertArrayEquals(SECRET, storage.barrier().get("key/1/material/1").orElseThrow());
        }
    }

    @Test
    void rekey_toATokenLikeRootWithoutIt_failsWithoutWriting() {
        try (SqlitePhysicalStore physical = SqlitePhysicalStore.openForSoleUse(db())) {
            StorageException e = assertThrows(StorageException.class,
                    () -> Storage.rekey(physical, KeyFileRootOfTrust.provider(keyFile("a")), tokenLikeProvider()));
            assertTrue(e.getMessage().contains("nothing was written"), e.getMessage());
        }
        try (Storage storage = Storage.open(SqlitePhysicalStore.open(db()), KeyFileRootOfTrust.provider(keyFile("a")))) {
            assertArrayEquals(SECRET, storage.barrier().get("key/1/material/1").orElseThrow());
        }
    }

    @Test
    void aProviderThatCannotBeMade_failsAtOnce() {
        CliException e = assertThrows(CliException.class, () -> new OneRootAtATime(() -> {
            throw new CliException("environment variable PIN is not set");
        }));
        assertEquals("environment variable PIN is not set", e.getMessage());
    }

    private Path db() {
        return dir.resolve("data").resolve("trent.db");
    }

    private Path keyFile(String name) {
        return dir.resolve(name + ".key");
    }

    /** Key file b, behind the rules of a PKCS#11 provider: one root per provider, one open "token" per process. */
    private RootOfTrustProvider tokenLikeProvider() {
        providersMade.incrementAndGet();
        RootOfTrustProvider keyFileB = KeyFileRootOfTrust.provider(keyFile("b"));
        class TokenLike implements RootOfTrustProvider, AutoCloseable {
            private boolean madeRoot;

            @Override
            public RootOfTrust initialize() {
                login();
                return keyFileB.initialize();
            }

            @Override
            public RootOfTrust open(String storedKind, byte[] storedParameters) {
                login();
                return keyFileB.open(storedKind, storedParameters);
            }

            private void login() {
                if (madeRoot) {
                    throw new IllegalStateException("this provider has made its root of trust already");
                }
                if (!tokenOpen.compareAndSet(false, true)) {
                    throw new IllegalStateException("the token is already open in this process");
                }
                madeRoot = true;
            }

            @Override
            public void close() {
                if (madeRoot) {
                    tokenOpen.set(false);
                }
            }
        }
        return new TokenLike();
    }
}
