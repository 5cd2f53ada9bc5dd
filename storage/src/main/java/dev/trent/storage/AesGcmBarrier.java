package dev.trent.storage;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
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

    private final PhysicalStore physical;
    private final IntegrityLedger ledger;
    // Commits read the values they replace and carry the manifest forward, so they must not interleave.
    private final Object commitLock = new Object();
    private volatile Keyring keyring;

    AesGcmBarrier(PhysicalStore physical, Keyring keyring, IntegrityLedger ledger) {
        this.physical = physical;
        this.keyring = keyring;
        this.ledger = ledger;
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
        requireCallerPath(path);
        Keyring current = keyring();
        return physical.get(path).map(sealed -> openVouched(current, path, sealed));
    }

    @Override
    public SortedMap<String, byte[]> getAll(String prefix) {
        RecordPaths.requireValidPrefix(prefix);
        Keyring current = keyring();
        SortedMap<String, byte[]> plaintexts = new TreeMap<>();
        for (Map.Entry<String, byte[]> entry : physical.scan(prefix).entrySet()) {
            if (!entry.getKey().startsWith(Manifest.RESERVED_PREFIX)) {
                plaintexts.put(entry.getKey(), openVouched(current, entry.getKey(), entry.getValue()));
            }
        }
        return plaintexts;
    }

    @Override
    public SortedMap<String, byte[]> getAllIntact(String prefix, DamageSink damaged) {
        RecordPaths.requireValidPrefix(prefix);
        Keyring current = keyring();
        IntegrityReport report = ledger.report();
        SortedMap<String, byte[]> plaintexts = new TreeMap<>();
        for (Map.Entry<String, byte[]> entry : physical.scan(prefix).entrySet()) {
            String path = entry.getKey();
            if (path.startsWith(Manifest.RESERVED_PREFIX)) {
                continue;
            }
            try {
                byte[] plaintext = open(current, path, entry.getValue());
                if (report.isSuspect(path)) {
                    damaged.damaged(path, "it does not match the integrity manifest (an older copy, or a sibling "
                            + "record is missing)");
                } else {
                    plaintexts.put(path, plaintext);
                }
            } catch (BarrierIntegrityException e) {
                damaged.damaged(path, e.getMessage());
            }
        }
        return plaintexts;
    }

    @Override
    public IntegrityReport integrity() {
        return ledger.report();
    }

    @Override
    public List<String> paths(String prefix) {
        RecordPaths.requireValidPrefix(prefix);
        List<String> out = new ArrayList<>();
        for (String path : physical.scan(prefix).keySet()) {
            if (!path.startsWith(Manifest.RESERVED_PREFIX)) {
                out.add(path);
            }
        }
        return out;
    }

    @Override
    public void acceptCurrentState() {
        BarrierKey active = keyring().activeKey();
        synchronized (commitLock) {
            Manifest next = ledger.recomputed(physical.scan(""));
            physical.apply(List.of(PhysicalWrite.put(Manifest.PATH, seal(active, Manifest.PATH, next.encode()))));
            ledger.accepted(next);
        }
    }

    @Override
    public void commit(WriteBatch batch) {
        if (batch.isEmpty()) {
            return;
        }
        BarrierKey active = keyring().activeKey();
        List<PhysicalWrite> writes = new ArrayList<>(batch.changes().size() + 1);
        for (Map.Entry<String, byte[]> change : batch.changes().entrySet()) {
            String path = requireCallerPath(change.getKey());
            writes.add(change.getValue() == null
                    ? PhysicalWrite.delete(path)
                    : PhysicalWrite.put(path, seal(active, path, change.getValue())));
        }
        synchronized (commitLock) {
            Map<String, byte[]> before = new HashMap<>();
            for (PhysicalWrite write : writes) {
                physical.get(write.path()).ifPresent(old -> before.put(write.path(), old));
            }
            Manifest next = ledger.next(writes, before);
            writes.add(PhysicalWrite.put(Manifest.PATH, seal(active, Manifest.PATH, next.encode())));
            physical.apply(writes);
            ledger.committed(next);
        }
    }

    private static String requireCallerPath(String path) {
        RecordPaths.requireValidPath(path);
        if (path.startsWith(Manifest.RESERVED_PREFIX)) {
            throw new IllegalArgumentException("paths starting with '" + Manifest.RESERVED_PREFIX
                    + "' belong to the store itself");
        }
        return path;
    }

    @Override
    public byte[] derivedKey(String purpose) {
        if (purpose == null || purpose.isEmpty() || purpose.length() > 256) {
            throw new IllegalArgumentException("a purpose is 1 to 256 characters");
        }
        return keyring().derive(purpose);
    }

    static byte[] seal(BarrierKey key, String path, byte[] plaintext) {
        byte[] sealed = AesGcm.seal(key.key(), plaintext, aad(path));
        return ByteBuffer.allocate(HEADER_BYTES + sealed.length)
                .putInt(key.term())
                .put(FORMAT_VERSION)
                .put(sealed)
                .array();
    }

    /** Opens a value the integrity manifest vouches for; any other is as good as damaged. */
    private byte[] openVouched(Keyring current, String path, byte[] sealed) {
        byte[] plaintext = open(current, path, sealed);
        if (ledger.report().isSuspect(path)) {
            throw new BarrierIntegrityException(path, "it does not match the integrity manifest (an older copy, or "
                    + "a sibling record is missing)");
        }
        return plaintext;
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
