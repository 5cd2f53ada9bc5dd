package dev.trent.storage;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.List;
import java.util.SortedMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What the barrier guarantees over any {@link PhysicalStore}; run once per physical store. */
abstract class BarrierContractTest {

    static final byte[] SECRET = "key material: do not leak 0123456789".getBytes(UTF_8);

    PhysicalStore physical;
    Storage storage;
    Barrier barrier;

    /** A new, empty physical store. */
    abstract PhysicalStore newPhysicalStore() throws Exception;

    @BeforeEach
    void open() throws Exception {
        physical = newPhysicalStore();
        storage = Storage.open(physical, EphemeralRootOfTrust.provider());
        barrier = storage.barrier();
    }

    @AfterEach
    void close() {
        storage.close();
    }

    void put(String path, byte[] value) {
        barrier.commit(new WriteBatch().put(path, value));
    }

    byte[] raw(String path) {
        return physical.get(path).orElseThrow();
    }

    void putRaw(String path, byte[] sealed) {
        physical.apply(List.of(PhysicalWrite.put(path, sealed)));
    }

    @Test
    void get_absentPath_returnsEmpty() {
        assertTrue(barrier.get("nothing/here").isEmpty());
    }

    @Test
    void commit_put_thenGetReturnsPlaintext() {
        put("key/1/material/1", SECRET);
        assertArrayEquals(SECRET, barrier.get("key/1/material/1").orElseThrow());
    }

    @Test
    void commit_emptyValue_roundTrips() {
        put("empty", new byte[0]);
        assertArrayEquals(new byte[0], barrier.get("empty").orElseThrow());
    }

    @Test
    void commit_putExisting_overwrites() {
        put("a", new byte[] {1});
        put("a", new byte[] {2});
        assertArrayEquals(new byte[] {2}, barrier.get("a").orElseThrow());
    }

    @Test
    void commit_delete_removesRecord() {
        put("a", SECRET);
        barrier.commit(new WriteBatch().delete("a").delete("absent"));
        assertTrue(barrier.get("a").isEmpty());
    }

    @Test
    void commit_batch_appliesPutsAndDeletesTogether() {
        put("old", SECRET);
        barrier.commit(new WriteBatch().put("x/1", new byte[] {1}).put("x/2", new byte[] {2}).delete("old")
                .put("x/1", new byte[] {11}));
        assertArrayEquals(new byte[] {11}, barrier.get("x/1").orElseThrow());
        assertArrayEquals(new byte[] {2}, barrier.get("x/2").orElseThrow());
        assertTrue(barrier.get("old").isEmpty());
    }

    @Test
    void commit_emptyBatch_writesNothing() {
        WriteBatch batch = new WriteBatch();
        assertTrue(batch.isEmpty());
        java.util.SortedMap<String, byte[]> before = physical.scan("");
        barrier.commit(batch);
        java.util.SortedMap<String, byte[]> after = physical.scan("");
        assertEquals(before.keySet(), after.keySet());
        before.forEach((path, value) -> assertArrayEquals(value, after.get(path), path));
        assertTrue(barrier.getAll("").isEmpty());
    }

    @Test
    void writeBatch_invalidPath_isRejectedBeforeAnythingIsWritten() {
        WriteBatch batch = new WriteBatch().put("ok", SECRET);
        assertThrows(IllegalArgumentException.class, () -> batch.put("bad\ud800", SECRET));
        assertThrows(IllegalArgumentException.class, () -> batch.delete(""));
        assertThrows(IllegalArgumentException.class, () -> batch.put("x".repeat(1025), SECRET));
        assertTrue(barrier.get("ok").isEmpty());
    }

    @Test
    void writeBatch_copiesValues_laterChangesAreNotCommitted() {
        byte[] value = {1, 2, 3};
        WriteBatch batch = new WriteBatch().put("a", value);
        value[0] = 9;
        barrier.commit(batch);
        assertArrayEquals(new byte[] {1, 2, 3}, barrier.get("a").orElseThrow());
    }

    @Test
    void getAll_returnsDecryptedPrefixMatchesSortedByPath() {
        put("key/b/material/1", new byte[] {2});
        put("key/a/material/1", new byte[] {1});
        put("keys", new byte[] {3});
        put("alias/x", new byte[] {4});
        SortedMap<String, byte[]> found = barrier.getAll("key/");
        assertEquals(List.of("key/a/material/1", "key/b/material/1"), List.copyOf(found.keySet()));
        assertArrayEquals(new byte[] {1}, found.get("key/a/material/1"));
        assertEquals(4, barrier.getAll("").size());
        assertEquals(List.of("key_%"), List.copyOf(putAndScan("key_%", "key_").keySet()));
    }

    private SortedMap<String, byte[]> putAndScan(String path, String prefix) {
        put(path, SECRET);
        return barrier.getAll(prefix);
    }

    @Test
    void seal_storesNoPlaintext_andLayoutIsTermVersionNonceCiphertextTag() {
        put("a", SECRET);
        byte[] sealed = raw("a");
        assertEquals(AesGcmBarrier.OVERHEAD_BYTES + SECRET.length, sealed.length);
        assertEquals(1, ByteBuffer.wrap(sealed).getInt());
        assertEquals(AesGcmBarrier.FORMAT_VERSION, sealed[4]);
        assertFalse(Bytes.contains(sealed, SECRET));
    }

    @Test
    void seal_sameValueTwice_producesDifferentBytes() {
        put("a", SECRET);
        put("b", SECRET);
        byte[] a = raw("a");
        byte[] b = raw("b");
        assertFalse(Arrays.equals(Arrays.copyOfRange(a, 5, a.length), Arrays.copyOfRange(b, 5, b.length)));
    }

    @Test
    void open_valueMovedToAnotherPath_failsIntegrity() {
        put("key/A/material/1", SECRET);
        putRaw("key/B/material/1", raw("key/A/material/1"));
        BarrierIntegrityException e =
                assertThrows(BarrierIntegrityException.class, () -> barrier.get("key/B/material/1"));
        assertEquals("key/B/material/1", e.path());
        assertTrue(e.getMessage().contains("key/B/material/1"));
        assertThrows(BarrierIntegrityException.class, () -> barrier.getAll("key/"));
        assertArrayEquals(SECRET, barrier.get("key/A/material/1").orElseThrow());
    }

    @Test
    void open_anyTamperedByte_failsIntegrity() {
        put("a", SECRET);
        byte[] original = raw("a");
        for (int i = 0; i < original.length; i++) {
            byte[] tampered = original.clone();
            tampered[i] ^= 0x01;
            putRaw("a", tampered);
            assertThrows(BarrierIntegrityException.class, () -> barrier.get("a"), "flipped byte " + i);
        }
    }

    @Test
    void open_unknownTerm_failsIntegrity() {
        put("a", SECRET);
        byte[] sealed = raw("a");
        ByteBuffer.wrap(sealed).putInt(0, 99);
        putRaw("a", sealed);
        BarrierIntegrityException e = assertThrows(BarrierIntegrityException.class, () -> barrier.get("a"));
        assertTrue(e.getMessage().contains("term 99"), e.getMessage());
    }

    @Test
    void open_truncatedOrEmptyValue_failsIntegrity() {
        put("a", SECRET);
        byte[] sealed = raw("a");
        putRaw("a", Arrays.copyOf(sealed, sealed.length - 1));
        assertThrows(BarrierIntegrityException.class, () -> barrier.get("a"));
        putRaw("a", new byte[0]);
        assertThrows(BarrierIntegrityException.class, () -> barrier.get("a"));
    }

    @Test
    void rotate_newWritesUseNewTerm_oldRecordsStillOpen() {
        put("old", new byte[] {1});
        assertEquals(2, storage.rotateKeyring());
        put("new", new byte[] {2});
        assertEquals(1, ByteBuffer.wrap(raw("old")).getInt());
        assertEquals(2, ByteBuffer.wrap(raw("new")).getInt());
        assertArrayEquals(new byte[] {1}, barrier.get("old").orElseThrow());
        assertArrayEquals(new byte[] {2}, barrier.get("new").orElseThrow());
    }

    @Test
    void returnedValues_areCallersCopies() {
        put("a", new byte[] {1});
        barrier.get("a").orElseThrow()[0] = 9;
        barrier.getAll("").get("a")[0] = 9;
        assertArrayEquals(new byte[] {1}, barrier.get("a").orElseThrow());
    }

    @Test
    void close_thenUse_throwsStorageException() {
        put("a", SECRET);
        storage.close();
        assertThrows(StorageException.class, () -> barrier.get("a"));
        assertThrows(StorageException.class, () -> barrier.commit(new WriteBatch().put("b", SECRET)));
    }

    @Test
    void derivedKey_isStablePerPurpose_acrossRotation_andDiffersPerPurposeAndStore() {
        byte[] grants = barrier.derivedKey("grant tokens");
        assertEquals(32, grants.length);
        assertArrayEquals(grants, barrier.derivedKey("grant tokens"));
        assertFalse(Arrays.equals(grants, barrier.derivedKey("import tokens")));

        storage.rotateKeyring();
        assertArrayEquals(grants, barrier.derivedKey("grant tokens"), "rotation keeps the first term");

        try (Storage other = Storage.inMemory()) {
            assertFalse(Arrays.equals(grants, other.barrier().derivedKey("grant tokens")), "another keyring");
        }
        assertThrows(IllegalArgumentException.class, () -> barrier.derivedKey(""));
        storage.close();
        assertThrows(StorageException.class, () -> barrier.derivedKey("grant tokens"));
    }
}
