package dev.trent.storage;

import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.util.Arrays;

/**
 * The sealed summary of the whole record set, rewritten in the same transaction as every commit: a commit
 * counter that only grows, the number of records, and per bucket the sum (mod 2^256) of the keyed digests of
 * the records in it. Because it changes with every commit and is sealed like any record, an older copy of a
 * row, a deleted row or a row from elsewhere leaves some bucket's sum wrong, and a lost tail of commits leaves
 * the counter behind the {@link CommitWitness}.
 *
 * <p>Layout (big-endian): format (1 byte, = 1) || counter (8) || record count (8) || 256 x bucket sum (32).
 * Mutable; used under the barrier's commit lock.
 */
final class Manifest {

    /** Where the manifest is stored; the barrier hides this path from callers and refuses writes to it. */
    static final String PATH = "~trent/manifest";
    /** Paths starting with this are the store's own. */
    static final String RESERVED_PREFIX = "~trent/";

    private static final byte FORMAT = 1;
    private static final int BYTES = 1 + 8 + 8 + RecordDigest.BUCKETS * RecordDigest.TERM_BYTES;

    private long counter;
    private long records;
    private final byte[][] sums;

    private Manifest(long counter, long records, byte[][] sums) {
        this.counter = counter;
        this.records = records;
        this.sums = sums;
    }

    static Manifest empty() {
        return new Manifest(0, 0, new byte[RecordDigest.BUCKETS][RecordDigest.TERM_BYTES]);
    }

    long counter() {
        return counter;
    }

    long records() {
        return records;
    }

    void add(String path, byte[] term) {
        addInto(sums[RecordDigest.bucket(path)], term, false);
        records++;
    }

    void remove(String path, byte[] term) {
        addInto(sums[RecordDigest.bucket(path)], term, true);
        records--;
    }

    void nextCommit() {
        counter++;
    }

    void restoreCounter(long value) {
        counter = value;
    }

    Manifest copy() {
        byte[][] copied = new byte[sums.length][];
        for (int i = 0; i < sums.length; i++) {
            copied[i] = sums[i].clone();
        }
        return new Manifest(counter, records, copied);
    }

    /** The buckets whose sums differ from {@code other}'s. */
    int[] bucketsDifferingFrom(Manifest other) {
        return java.util.stream.IntStream.range(0, sums.length)
                .filter(b -> !Arrays.equals(sums[b], other.sums[b]))
                .toArray();
    }

    byte[] encode() {
        ByteBuffer out = ByteBuffer.allocate(BYTES).put(FORMAT).putLong(counter).putLong(records);
        for (byte[] sum : sums) {
            out.put(sum);
        }
        return out.array();
    }

    static Manifest decode(byte[] encoded) {
        try {
            ByteBuffer in = ByteBuffer.wrap(encoded);
            if (encoded.length != BYTES || in.get() != FORMAT) {
                throw new StorageException("the integrity manifest has an unknown format");
            }
            long counter = in.getLong();
            long records = in.getLong();
            byte[][] sums = new byte[RecordDigest.BUCKETS][RecordDigest.TERM_BYTES];
            for (byte[] sum : sums) {
                in.get(sum);
            }
            return new Manifest(counter, records, sums);
        } catch (BufferUnderflowException e) {
            throw new StorageException("the integrity manifest is truncated");
        }
    }

    /** {@code into += term} (or {@code -=}) modulo 2^256, both big-endian. */
    private static void addInto(byte[] into, byte[] term, boolean subtract) {
        int carry = 0;
        for (int i = into.length - 1; i >= 0; i--) {
            int t = Byte.toUnsignedInt(term[i]);
            int v = subtract ? Byte.toUnsignedInt(into[i]) - t - carry : Byte.toUnsignedInt(into[i]) + t + carry;
            carry = subtract ? (v < 0 ? 1 : 0) : v >>> 8;
            into[i] = (byte) v;
        }
    }
}
