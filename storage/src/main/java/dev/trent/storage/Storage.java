package dev.trent.storage;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.SortedMap;

/**
 * An open store: its root of trust has unwrapped the keyring, and its {@link #barrier()} reads and writes
 * records. Thread-safe.
 *
 * <p>Guarantees of {@link #open}: a new store gets its root of trust and keyring in one atomic write; an existing
 * store is not written to at all (no migration, no pragma that writes) until its root of trust has opened its
 * keyring, so a wrong key file or passphrase leaves the data dir exactly as it was.
 */
public final class Storage implements AutoCloseable {

    // Binds the wrapped keyring to its purpose, so bytes the root wraps for anything else can never pass as one.
    private static final byte[] KEYRING_AAD = "trent/keyring".getBytes(StandardCharsets.UTF_8);

    private final PhysicalStore physical;
    private final RootOfTrust root;
    private final AesGcmBarrier barrier;
    private final Object rotationLock = new Object();
    private boolean closed;

    private final IntegrityLedger ledger;

    private Storage(PhysicalStore physical, RootOfTrust root, Keyring keyring, IntegrityLedger ledger) {
        this.physical = physical;
        this.root = root;
        this.ledger = ledger;
        this.barrier = new AesGcmBarrier(physical, keyring, ledger);
    }

    /**
     * Opens {@code physical} with the root of trust from {@code provider}: an empty store is initialized (new root,
     * keyring with term 1), an existing one is unlocked and then migrated. Takes ownership of {@code physical}: it
     * is closed by {@link #close()}, or at once if opening fails.
     *
     * @throws WrongRootOfTrustException if the provider's root cannot open the stored keyring; nothing was written
     * @throws StorageException on any other failure
     */
    public static Storage open(PhysicalStore physical, RootOfTrustProvider provider) {
        return open(physical, provider, CommitWitness.none());
    }

    /**
     * As {@link #open(PhysicalStore, RootOfTrustProvider)}, with every commit also recorded in {@code witness},
     * which is checked first: a store whose database is behind its witness, or missing while its witness exists,
     * is refused. Damage confined to some records does not stop the store from opening: {@link #integrity()}
     * tells of it, and the barrier does not serve those records. Takes ownership of {@code witness}.
     *
     * @throws StoreDamagedException for damage that cannot be confined; nothing was written
     */
    public static Storage open(PhysicalStore physical, RootOfTrustProvider provider, CommitWitness witness) {
        Objects.requireNonNull(physical, "physical");
        Objects.requireNonNull(provider, "provider");
        Objects.requireNonNull(witness, "witness");
        try {
            Optional<SealedKeyring> stored = physical.readSealedKeyring();
            return stored.isPresent() ? unlock(physical, provider, stored.get(), witness)
                    : create(physical, provider, witness);
        } catch (RuntimeException e) {
            witness.close();
            closeAfterFailure(physical, e);
            throw e;
        }
    }

    /**
     * Checks the store in {@code physical} without writing anything: the root of trust opens the keyring, every
     * record is opened, and the records are checked against the integrity manifest and {@code witness}. The
     * caller keeps ownership of {@code physical}.
     *
     * @return one sentence per problem found; empty when the store is sound
     * @throws WrongRootOfTrustException if the root cannot open the keyring
     */
    public static List<String> check(PhysicalStore physical, RootOfTrustProvider provider, CommitWitness witness) {
        Optional<SealedKeyring> stored = physical.readSealedKeyring();
        if (stored.isEmpty()) {
            return List.of(witness.exists()
                    ? "the database holds no store, but the commit witness " + witness.path() + " shows one was made"
                    : "the database holds no store");
        }
        RootOfTrust root = openRoot(provider, stored.get());
        Keyring keyring = unwrapKeyring(root, stored.get());
        List<String> problems = new ArrayList<>();
        IntegrityLedger ledger;
        try {
            ledger = IntegrityLedger.open(physical, keyring, witness);
        } catch (StoreDamagedException e) {
            problems.add(e.getMessage());
            ledger = null;
        }
        if (ledger != null) {
            problems.addAll(ledger.report().problems());
        }
        for (Map.Entry<String, byte[]> record : physical.scan("").entrySet()) {
            try {
                AesGcmBarrier.open(keyring, record.getKey(), record.getValue());
            } catch (BarrierIntegrityException e) {
                problems.add(e.getMessage());
            }
        }
        return problems;
    }

    /**
     * Opens every record under {@code prefix} without writing anything and without consulting the integrity
     * manifest: each path maps to its plaintext, or to why it does not open. For checks that judge the records
     * themselves (the audit trail's chain); safe beside a running server. The caller keeps {@code physical}.
     *
     * @throws WrongRootOfTrustException if the root cannot open the keyring
     */
    public static SortedMap<String, OpenedRecord> openAll(PhysicalStore physical, RootOfTrustProvider provider,
                                                          String prefix) {
        SealedKeyring stored = physical.readSealedKeyring()
                .orElseThrow(() -> new StorageException("the database holds no store"));
        Keyring keyring = unwrapKeyring(openRoot(provider, stored), stored);
        SortedMap<String, OpenedRecord> opened = new java.util.TreeMap<>();
        for (Map.Entry<String, byte[]> record : physical.scan(prefix).entrySet()) {
            try {
                opened.put(record.getKey(), OpenedRecord.of(AesGcmBarrier.open(keyring, record.getKey(),
                        record.getValue())));
            } catch (BarrierIntegrityException e) {
                opened.put(record.getKey(), OpenedRecord.failed(e.getMessage()));
            }
        }
        return opened;
    }

    /**
     * Moves the store in {@code physical} from the root of trust {@code from} opens to a new one made by
     * {@code to}, re-wrapping only the keyring: every term is kept, so every record stays readable, and no record
     * is rewritten. Root kind, root parameters and wrapped keyring are replaced in one atomic write, and only after
     * {@code to} has shown it can rebuild its root from what will be stored; so after a crash at any point the
     * store opens with exactly one of the two roots. Afterwards the store is read back and opened with {@code to}.
     * Rekeying to the same kind is allowed (a new passphrase, another key file).
     *
     * <p>{@code from} is asked for one root. {@code to} is asked for three in turn: {@code initialize()} makes the
     * new root, then {@code open()} rebuilds it from the stored kind and parameters, as a later start would, once
     * before the write and once from what was read back after it; no root is used once the next has been asked
     * for. The caller keeps ownership of {@code physical}, which should not be in use by an open {@code Storage}.
     *
     * @throws WrongRootOfTrustException if {@code from} cannot open the stored keyring; nothing was written
     * @throws StorageException on any other failure, with a message that says which root now opens the store
     */
    public static RekeyResult rekey(PhysicalStore physical, RootOfTrustProvider from, RootOfTrustProvider to) {
        return Rekey.run(physical, from, to);
    }

    /** A store that lives only in memory, under an ephemeral root of trust: for tests and {@code --in-memory}. */
    public static Storage inMemory() {
        return open(new InMemoryPhysicalStore(), EphemeralRootOfTrust.provider());
    }

    /** The barrier through which every record is read and written. */
    public Barrier barrier() {
        return barrier;
    }

    /** What opening the store found: the commit it is at and any damage confined to some records. */
    public IntegrityReport integrity() {
        return ledger.report();
    }

    /** The kind of root of trust this store is sealed with: "key-file", "passphrase" or "ephemeral". */
    public String rootOfTrustKind() {
        return root.kind();
    }

    /**
     * Adds a keyring term, stores the re-wrapped keyring, and seals later writes under the new term; values sealed
     * under older terms still open.
     *
     * @return the new active term
     */
    int rotateKeyring() {
        synchronized (rotationLock) {
            Keyring next = barrier.keyring().rotate();
            physical.replaceSealedKeyring(seal(root, next));
            barrier.useKeyring(next);
            return next.activeTerm();
        }
    }

    /** The active keyring term. */
    int activeTerm() {
        return barrier.keyring().activeTerm();
    }

    /** Forgets the keys and closes the physical store; idempotent. */
    @Override
    public void close() {
        synchronized (rotationLock) {
            if (closed) {
                return;
            }
            closed = true;
            barrier.seal();
            ledger.close();
            physical.close();
        }
    }

    @Override
    public String toString() {
        return "Storage[" + root.kind() + ", " + physical + "]";
    }

    private static Storage create(PhysicalStore physical, RootOfTrustProvider provider, CommitWitness witness) {
        if (witness.exists()) {
            throw new StoreDamagedException("the database is missing or empty, but the commit witness "
                    + witness.path() + " shows a store was made here: the database was deleted or truncated; restore "
                    + "it from a backup (Trent will not start a new, empty store in its place)");
        }
        RootOfTrust root = provider.initialize();
        Keyring keyring = Keyring.initial();
        physical.initialize(seal(root, keyring));
        IntegrityLedger ledger = IntegrityLedger.open(physical, keyring, witness);
        ledger.writeWhatIsMissing(physical, keyring);
        return new Storage(physical, root, keyring, ledger);
    }

    private static Storage unlock(PhysicalStore physical, RootOfTrustProvider provider, SealedKeyring stored,
                                  CommitWitness witness) {
        RootOfTrust root = openRoot(provider, stored);
        Keyring keyring = unwrapKeyring(root, stored);
        // Only now that the root is proven may the store be written to; damage that cannot be confined stops it
        // before any record is.
        physical.migrate();
        IntegrityLedger ledger = IntegrityLedger.open(physical, keyring, witness);
        ledger.writeWhatIsMissing(physical, keyring);
        return new Storage(physical, root, keyring, ledger);
    }

    /** Rebuilds, from what is stored, the root that wrapped {@code stored}; writes nothing. */
    static RootOfTrust openRoot(RootOfTrustProvider provider, SealedKeyring stored) {
        RootOfTrust root = provider.open(stored.rootKind(), stored.rootParameters());
        RootKinds.requireStoredKind(root.kind(), stored.rootKind());
        return root;
    }

    /** @throws WrongRootOfTrustException if {@code root} did not wrap {@code stored} */
    static Keyring unwrapKeyring(RootOfTrust root, SealedKeyring stored) {
        byte[] serialized = root.unwrap(stored.wrappedKeyring(), KEYRING_AAD);
        try {
            return Keyring.deserialize(serialized);
        } finally {
            Arrays.fill(serialized, (byte) 0);
        }
    }

    static SealedKeyring seal(RootOfTrust root, Keyring keyring) {
        byte[] serialized = keyring.serialize();
        try {
            return new SealedKeyring(root.kind(), root.parameters(), root.wrap(serialized, KEYRING_AAD));
        } finally {
            Arrays.fill(serialized, (byte) 0);
        }
    }

    private static void closeAfterFailure(PhysicalStore physical, RuntimeException failure) {
        try {
            physical.close();
        } catch (RuntimeException e) {
            failure.addSuppressed(e);
        }
    }
}
