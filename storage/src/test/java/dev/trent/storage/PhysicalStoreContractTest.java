package dev.trent.storage;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import java.util.SortedMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What every {@link PhysicalStore} must do; run once per implementation. */
abstract class PhysicalStoreContractTest {

    static final SealedKeyring KEYRING = new SealedKeyring("test-kind", new byte[] {9, 8}, new byte[] {1, 2, 3});

    private PhysicalStore store;

    /** A new, empty, never-initialized store. */
    abstract PhysicalStore newStore() throws Exception;

    @BeforeEach
    void openStore() throws Exception {
        store = newStore();
    }

    @AfterEach
    void closeStore() {
        store.close();
    }

    private PhysicalStore initialized() {
        store.initialize(KEYRING);
        return store;
    }

    private static byte[] bytes(String s) {
        return s.getBytes(UTF_8);
    }

    private static void put(PhysicalStore s, String... paths) {
        s.apply(Arrays.stream(paths).map(p -> PhysicalWrite.put(p, bytes(p))).toList());
    }

    @Test
    void readSealedKeyring_freshStore_isEmpty() {
        assertTrue(store.readSealedKeyring().isEmpty());
    }

    @Test
    void initialize_thenReadSealedKeyring_returnsWhatWasStored() {
        initialized();
        SealedKeyring read = store.readSealedKeyring().orElseThrow();
        assertEquals("test-kind", read.rootKind());
        assertArrayEquals(new byte[] {9, 8}, read.rootParameters());
        assertArrayEquals(new byte[] {1, 2, 3}, read.wrappedKeyring());
    }

    @Test
    void initialize_twice_throws() {
        initialized();
        assertThrows(StorageException.class, () -> store.initialize(KEYRING));
    }

    @Test
    void recordOperations_beforeInitialize_throw() {
        assertThrows(StorageException.class, () -> store.get("a"));
        assertThrows(StorageException.class, () -> store.scan(""));
        assertThrows(StorageException.class, () -> store.apply(List.of(PhysicalWrite.put("a", new byte[1]))));
        assertThrows(StorageException.class, () -> store.replaceSealedKeyring(KEYRING));
        assertThrows(StorageException.class, () -> store.replaceSealedKeyringIfUnchanged(KEYRING, KEYRING));
    }

    @Test
    void replaceSealedKeyring_replacesAllFields() {
        initialized().replaceSealedKeyring(new SealedKeyring("other", new byte[0], new byte[] {7}));
        SealedKeyring read = store.readSealedKeyring().orElseThrow();
        assertEquals("other", read.rootKind());
        assertArrayEquals(new byte[0], read.rootParameters());
        assertArrayEquals(new byte[] {7}, read.wrappedKeyring());
    }

    @Test
    void replaceSealedKeyringIfUnchanged_whenUnchanged_replacesKindParametersAndKeyringTogether() {
        SealedKeyring rekeyed = new SealedKeyring("other", new byte[] {4}, new byte[] {7});
        assertTrue(initialized().replaceSealedKeyringIfUnchanged(
                new SealedKeyring("test-kind", new byte[] {9, 8}, new byte[] {1, 2, 3}), rekeyed));
        assertEquals(rekeyed, store.readSealedKeyring().orElseThrow());
    }

    @Test
    void replaceSealedKeyringIfUnchanged_whenAnyFieldDiffers_writesNothing() {
        initialized();
        SealedKeyring rekeyed = new SealedKeyring("other", new byte[0], new byte[] {7});
        for (SealedKeyring stale : List.of(new SealedKeyring("kind-b", new byte[] {9, 8}, new byte[] {1, 2, 3}),
                new SealedKeyring("test-kind", new byte[] {9}, new byte[] {1, 2, 3}),
                new SealedKeyring("test-kind", new byte[] {9, 8}, new byte[] {1, 2, 4}))) {
            assertFalse(store.replaceSealedKeyringIfUnchanged(stale, rekeyed), stale.toString());
        }
        assertEquals(KEYRING, store.readSealedKeyring().orElseThrow());
    }

    @Test
    void replaceSealedKeyringIfUnchanged_leavesRecordsAlone() {
        put(initialized(), "a");
        store.replaceSealedKeyringIfUnchanged(KEYRING, new SealedKeyring("other", new byte[0], new byte[] {7}));
        assertArrayEquals(bytes("a"), store.get("a").orElseThrow());
    }

    @Test
    void apply_putThenGet_returnsBytes() {
        put(initialized(), "key/1");
        assertArrayEquals(bytes("key/1"), store.get("key/1").orElseThrow());
        assertTrue(store.get("key/2").isEmpty());
    }

    @Test
    void apply_putExisting_overwrites() {
        initialized().apply(List.of(PhysicalWrite.put("a", new byte[] {1})));
        store.apply(List.of(PhysicalWrite.put("a", new byte[] {2})));
        assertArrayEquals(new byte[] {2}, store.get("a").orElseThrow());
    }

    @Test
    void apply_delete_removesAndToleratesAbsent() {
        put(initialized(), "a", "b");
        store.apply(List.of(PhysicalWrite.delete("a"), PhysicalWrite.delete("never-there")));
        assertTrue(store.get("a").isEmpty());
        assertTrue(store.get("b").isPresent());
    }

    @Test
    void apply_samePathTwiceInOneBatch_lastWriteWins() {
        initialized().apply(List.of(PhysicalWrite.put("a", new byte[] {1}), PhysicalWrite.delete("a"),
                PhysicalWrite.put("a", new byte[] {3})));
        assertArrayEquals(new byte[] {3}, store.get("a").orElseThrow());
    }

    @Test
    void apply_emptyBatch_isNoOp() {
        initialized().apply(List.of());
        assertTrue(store.scan("").isEmpty());
    }

    @Test
    void get_returnsCopy_callerCannotChangeStore() {
        initialized().apply(List.of(PhysicalWrite.put("a", new byte[] {1})));
        store.get("a").orElseThrow()[0] = 42;
        store.scan("a").get("a")[0] = 42;
        assertArrayEquals(new byte[] {1}, store.get("a").orElseThrow());
    }

    @Test
    void scan_prefix_returnsOnlyMatchesSortedByPath() {
        put(initialized(), "key/b", "key/a", "keys", "key", "kex/z", "alias/x");
        SortedMap<String, byte[]> found = store.scan("key/");
        assertEquals(List.of("key/a", "key/b"), List.copyOf(found.keySet()));
        assertArrayEquals(bytes("key/a"), found.get("key/a"));
    }

    @Test
    void scan_emptyPrefix_returnsEverything() {
        put(initialized(), "b", "a", "c");
        assertEquals(List.of("a", "b", "c"), List.copyOf(store.scan("").keySet()));
    }

    @Test
    void scan_likeWildcardsInPrefix_matchLiterally() {
        put(initialized(), "a%b", "axb", "a_c", "abc", "a\\d");
        assertEquals(List.of("a%b"), List.copyOf(store.scan("a%").keySet()));
        assertEquals(List.of("a_c"), List.copyOf(store.scan("a_").keySet()));
        assertEquals(List.of("a\\d"), List.copyOf(store.scan("a\\").keySet()));
    }

    @Test
    void scan_prefixesAtTheEdgesOfUnicode_matchExactly() {
        String max = new String(Character.toChars(Character.MAX_CODE_POINT));
        String emoji = new String(Character.toChars(0x1F600));
        put(initialized(), "k\uffff", "k\uffffz", "k" + emoji, "k" + max, "k" + max + "x", "l", "k\ud7ff",
                "k\ue000");
        assertEquals(List.of("k\uffff", "k\uffffz"), List.copyOf(store.scan("k\uffff").keySet()));
        assertEquals(List.of("k" + emoji), List.copyOf(store.scan("k" + emoji).keySet()));
        assertEquals(List.of("k" + max, "k" + max + "x"), List.copyOf(store.scan("k" + max).keySet()));
        assertEquals(List.of("k\ud7ff"), List.copyOf(store.scan("k\ud7ff").keySet()));
        assertEquals(7, store.scan("k").size());
        assertEquals(List.of("l"), List.copyOf(store.scan("l").keySet()));
    }

    @Test
    void scan_noMatches_isEmpty() {
        put(initialized(), "a");
        assertTrue(store.scan("b").isEmpty());
    }

    @Test
    void invalidPaths_areRejected() {
        initialized();
        assertThrows(IllegalArgumentException.class, () -> store.get(""));
        assertThrows(IllegalArgumentException.class, () -> store.get("a\ud800"));
        assertThrows(IllegalArgumentException.class, () -> PhysicalWrite.put("a\0b", new byte[1]));
        assertThrows(IllegalArgumentException.class, () -> store.scan("\udc00"));
    }

    @Test
    void close_thenUse_throws_andCloseIsIdempotent() {
        initialized();
        store.close();
        store.close();
        assertThrows(StorageException.class, () -> store.get("a"));
        assertThrows(StorageException.class, () -> store.readSealedKeyring());
    }

    @Test
    void migrate_onInitializedStore_isIdempotent() {
        put(initialized(), "a");
        store.migrate();
        store.migrate();
        assertFalse(store.get("a").isEmpty());
    }
}
