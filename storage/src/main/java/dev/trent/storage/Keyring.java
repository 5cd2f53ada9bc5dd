package dev.trent.storage;

import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.Collections;
import java.util.NavigableSet;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;
import javax.crypto.spec.SecretKeySpec;

/**
 * The barrier keys, numbered by term. Immutable: {@link #rotate()} returns a new keyring with one more term, which
 * becomes the active one; older terms stay so values sealed under them still open.
 *
 * <p>Serialised form (big-endian): version (1 byte, = 1) || active term (4) || count (4) || count x (term (4) ||
 * key (32)), terms strictly ascending. The serialised bytes hold every key, so they exist only briefly, to be
 * wrapped by the root of trust.
 */
final class Keyring {

    private static final byte FORMAT_VERSION = 1;
    private static final int HEADER_BYTES = 1 + 4 + 4;
    private static final int ENTRY_BYTES = 4 + AesGcm.KEY_BYTES;
    private static final int MAX_TERMS = 1 << 16;

    private final SortedMap<Integer, BarrierKey> keysByTerm;
    private final int activeTerm;

    private Keyring(SortedMap<Integer, BarrierKey> keysByTerm, int activeTerm) {
        this.keysByTerm = Collections.unmodifiableSortedMap(new TreeMap<>(keysByTerm));
        this.activeTerm = activeTerm;
    }

    /** A new keyring holding one random key, term 1. */
    static Keyring initial() {
        TreeMap<Integer, BarrierKey> keys = new TreeMap<>();
        keys.put(1, new BarrierKey(1, AesGcm.newKey()));
        return new Keyring(keys, 1);
    }

    /** A new keyring with every term of this one plus a new random key under the next term, which is active. */
    Keyring rotate() {
        int last = keysByTerm.lastKey();
        if (last == Integer.MAX_VALUE || keysByTerm.size() >= MAX_TERMS) {
            throw new StorageException("the keyring has no room for another term");
        }
        TreeMap<Integer, BarrierKey> keys = new TreeMap<>(keysByTerm);
        keys.put(last + 1, new BarrierKey(last + 1, AesGcm.newKey()));
        return new Keyring(keys, last + 1);
    }

    int activeTerm() {
        return activeTerm;
    }

    /** Separates derived keys from any other use of the keyring's keys. */
    private static final byte[] DERIVATION_SALT =
            "trent barrier: derived key".getBytes(java.nio.charset.StandardCharsets.UTF_8);

    /**
     * A 32-byte key for {@code purpose}, derived with HKDF-SHA256 from the first term, which every later keyring
     * keeps: the same across rotations and rekeys, different for every purpose and every store.
     */
    byte[] derive(String purpose) {
        BarrierKey first = key(keysByTerm.firstKey()).orElseThrow();
        byte[] inputKey = first.key().getEncoded();
        try {
            return Hkdf.sha256(inputKey, DERIVATION_SALT,
                    purpose.getBytes(java.nio.charset.StandardCharsets.UTF_8), AesGcm.KEY_BYTES);
        } finally {
            Arrays.fill(inputKey, (byte) 0);
        }
    }

    /** The key new values are sealed under. */
    BarrierKey activeKey() {
        return keysByTerm.get(activeTerm);
    }

    Optional<BarrierKey> key(int term) {
        return Optional.ofNullable(keysByTerm.get(term));
    }

    NavigableSet<Integer> terms() {
        return Collections.unmodifiableNavigableSet(new TreeSet<>(keysByTerm.keySet()));
    }

    /** The serialised keyring; the caller must zero the returned array once it has wrapped it. */
    byte[] serialize() {
        ByteBuffer out = ByteBuffer.allocate(HEADER_BYTES + keysByTerm.size() * ENTRY_BYTES);
        out.put(FORMAT_VERSION).putInt(activeTerm).putInt(keysByTerm.size());
        for (BarrierKey key : keysByTerm.values()) {
            byte[] encoded = key.key().getEncoded();
            out.putInt(key.term()).put(encoded);
            Arrays.fill(encoded, (byte) 0);
        }
        return out.array();
    }

    /** Parses {@link #serialize()} output; the caller keeps ownership of (and should zero) {@code serialized}. */
    static Keyring deserialize(byte[] serialized) {
        try {
            ByteBuffer in = ByteBuffer.wrap(serialized);
            byte version = in.get();
            if (version != FORMAT_VERSION) {
                throw malformed("unknown format version " + version);
            }
            int activeTerm = in.getInt();
            int count = in.getInt();
            if (count < 1 || count > MAX_TERMS || in.remaining() != (long) count * ENTRY_BYTES) {
                throw malformed("bad term count " + count + " for " + serialized.length + " bytes");
            }
            TreeMap<Integer, BarrierKey> keys = new TreeMap<>();
            byte[] keyBytes = new byte[AesGcm.KEY_BYTES];
            try {
                for (int i = 0; i < count; i++) {
                    int term = in.getInt();
                    if (term < 1 || (!keys.isEmpty() && term <= keys.lastKey())) {
                        throw malformed("terms are not positive and strictly ascending");
                    }
                    in.get(keyBytes);
                    keys.put(term, new BarrierKey(term, new SecretKeySpec(keyBytes, "AES")));
                }
            } finally {
                Arrays.fill(keyBytes, (byte) 0);
            }
            if (!keys.containsKey(activeTerm)) {
                throw malformed("active term " + activeTerm + " is not in the keyring");
            }
            return new Keyring(keys, activeTerm);
        } catch (BufferUnderflowException e) {
            throw malformed("truncated");
        }
    }

    private static StorageException malformed(String why) {
        return new StorageException("the stored keyring is malformed: " + why);
    }

    @Override
    public String toString() {
        return "Keyring[terms=" + keysByTerm.keySet() + ", active=" + activeTerm + "]";
    }
}
