package dev.trent.storage;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import javax.crypto.AEADBadTagException;

/**
 * The {@link Barrier} over a {@link PhysicalStore}. Sealed value layout:
 *
 * <pre>
 *   0        4         5                 17                          n-16       n
 *   | term   | version | nonce (12)       | ciphertext               | tag (16) |
 *   | int BE | = 1     |                  |                          |          |
 * </pre>
 *
 * AES-256-GCM under the key of {@code term}; AAD = the path in UTF-8. The term and version sit outside the
 * ciphertext, but changing either selects another key or is refused, so the tag still fails.
 */
final class AesGcmBarrier implements Barrier {

    static final byte FORMAT_VERSION = 1;
    static final int HEADER_BYTES = 4 + 1;
    static final int OVERHEAD_BYTES = HEADER_BYTES + AesGcm.NONCE_BYTES + AesGcm.TAG_BYTES;
    /** Separates derived keys from any other use of the keyring's keys. */
    private static final byte[] DERIVATION_SALT = "trent barrier: derived key".getBytes(StandardCharsets.UTF_8);

    private final PhysicalStore physical;
    private volatile Keyring keyring;

    AesGcmBarrier(PhysicalStore physical, Keyring keyring) {
        this.physical = physical;
        this.keyring = keyring;
    }

    Keyring keyring() {
        Keyring current = keyring;
        if (current == null) {
            throw new StorageException("the storage is closed");
        }
        return current;
    }

    /** Seals later writes under {@code next}'s active term; {@code next} must hold every older term. */
    void useKeyring(Keyring next) {
        keyring = next;
    }

    /** Drops the keys so a closed storage cannot be used to open values. */
    void seal() {
        keyring = null;
    }

    @Override
    public Optional<byte[]> get(String path) {
        RecordPaths.requireValidPath(path);
        Keyring current = keyring();
        return physical.get(path).map(sealed -> open(current, path, sealed));
    }

    @Override
    public SortedMap<String, byte[]> getAll(String prefix) {
        RecordPaths.requireValidPrefix(prefix);
        Keyring current = keyring();
        SortedMap<String, byte[]> plaintexts = new TreeMap<>();
        for (Map.Entry<String, byte[]> entry : physical.scan(prefix).entrySet()) {
            plaintexts.put(entry.getKey(), open(current, entry.getKey(), entry.getValue()));
        }
        return plaintexts;
    }

    @Override
    public void commit(WriteBatch batch) {
        if (batch.isEmpty()) {
            return;
        }
        BarrierKey active = keyring().activeKey();
        List<PhysicalWrite> writes = new ArrayList<>(batch.changes().size());
        for (Map.Entry<String, byte[]> change : batch.changes().entrySet()) {
            String path = change.getKey();
            writes.add(change.getValue() == null
                    ? PhysicalWrite.delete(path)
                    : PhysicalWrite.put(path, seal(active, path, change.getValue())));
        }
        physical.apply(writes);
    }

    @Override
    public byte[] derivedKey(String purpose) {
        if (purpose == null || purpose.isEmpty() || purpose.length() > 256) {
            throw new IllegalArgumentException("a purpose is 1 to 256 characters");
        }
        Keyring current = keyring();
        BarrierKey first = current.key(current.terms().first()).orElseThrow();
        byte[] inputKey = first.key().getEncoded();
        try {
            return Hkdf.sha256(inputKey, DERIVATION_SALT, purpose.getBytes(StandardCharsets.UTF_8), AesGcm.KEY_BYTES);
        } finally {
            java.util.Arrays.fill(inputKey, (byte) 0);
        }
    }

    static byte[] seal(BarrierKey key, String path, byte[] plaintext) {
        byte[] sealed = AesGcm.seal(key.key(), plaintext, aad(path));
        return ByteBuffer.allocate(HEADER_BYTES + sealed.length)
                .putInt(key.term())
                .put(FORMAT_VERSION)
                .put(sealed)
                .array();
    }

    static byte[] open(Keyring keyring, String path, byte[] sealed) {
        if (sealed.length < OVERHEAD_BYTES) {
            throw new BarrierIntegrityException(path, "the value is too short (" + sealed.length + " bytes)");
        }
        int term = ByteBuffer.wrap(sealed).getInt();
        if (sealed[4] != FORMAT_VERSION) {
            throw new BarrierIntegrityException(path, "unknown value format " + sealed[4]);
        }
        BarrierKey key = keyring.key(term).orElseThrow(() -> new BarrierIntegrityException(path,
                "it was sealed under term " + term + ", which the keyring does not hold"));
        try {
            return AesGcm.open(key.key(), sealed, HEADER_BYTES, aad(path));
        } catch (AEADBadTagException e) {
            throw new BarrierIntegrityException(path, "authentication failed (altered, damaged, or sealed for "
                    + "another path)");
        }
    }

    private static byte[] aad(String path) {
        return path.getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public String toString() {
        return "AesGcmBarrier[" + physical + "]";
    }
}
