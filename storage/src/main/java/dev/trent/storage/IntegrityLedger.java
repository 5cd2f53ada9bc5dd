package dev.trent.storage;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeSet;

/**
 * Keeps the {@link Manifest} in step with the records: checked against every stored record when the store
 * opens, and carried forward by every commit in the same transaction, then recorded in the
 * {@link CommitWitness}. The barrier holds its commit lock around {@link #next} and {@link #committed}.
 */
final class IntegrityLedger {

    private final RecordDigest digest;
    private final CommitWitness witness;
    private volatile IntegrityReport report;
    private Manifest manifest;
    private boolean manifestUnwritten;
    private boolean witnessUnwritten;

    private IntegrityLedger(RecordDigest digest, CommitWitness witness, Manifest manifest, IntegrityReport report) {
        this.digest = digest;
        this.witness = witness;
        this.manifest = manifest;
        this.report = report;
    }

    /**
     * Writes what {@link #open} found missing: the manifest of a store that had none (new, or written before
     * manifests existed) and a witness that lost its file or was damaged. Call once the store may be written to.
     */
    void writeWhatIsMissing(PhysicalStore physical, Keyring keyring) {
        if (manifestUnwritten) {
            physical.apply(List.of(PhysicalWrite.put(Manifest.PATH,
                    AesGcmBarrier.seal(keyring.activeKey(), Manifest.PATH, manifest.encode()))));
            manifestUnwritten = false;
        }
        if (witnessUnwritten) {
            witness.record(digest, manifest.counter());
            witnessUnwritten = false;
        }
    }

    /**
     * Checks the store in {@code physical} against its manifest and witness; writes nothing (see
     * {@link #writeWhatIsMissing}).
     *
     * @throws StoreDamagedException for damage that cannot be confined to some records
     */
    static IntegrityLedger open(PhysicalStore physical, Keyring keyring, CommitWitness witness) {
        RecordDigest digest = RecordDigest.of(keyring);
        Manifest actual = Manifest.empty();
        SortedMap<String, byte[]> records = physical.scan("");
        for (Map.Entry<String, byte[]> record : records.entrySet()) {
            if (!record.getKey().startsWith(Manifest.RESERVED_PREFIX)) {
                actual.add(record.getKey(), digest.term(record.getKey(), record.getValue()));
            }
        }
        CommitWitness.Reading witnessed = witness.read(digest);
        Optional<byte[]> sealedManifest = Optional.ofNullable(records.get(Manifest.PATH));
        if (sealedManifest.isEmpty()) {
            if (witnessed.state() != CommitWitness.State.ABSENT) {
                throw new StoreDamagedException("the database has no integrity manifest, but its commit witness "
                        + witness.path() + " exists: the database was replaced by another or by a copy older than "
                        + "its witness");
            }
            // A new store, or one written before manifests existed: what is there now is the baseline.
            IntegrityLedger ledger = new IntegrityLedger(digest, witness, actual, IntegrityReport.clean(0));
            ledger.manifestUnwritten = true;
            ledger.witnessUnwritten = true;
            return ledger;
        }
        Manifest stored;
        try {
            stored = Manifest.decode(AesGcmBarrier.open(keyring, Manifest.PATH, sealedManifest.get()));
        } catch (StorageException e) {
            throw new StoreDamagedException("the integrity manifest is damaged (" + e.getMessage() + "), so no "
                    + "record of this store can be vouched for");
        }
        List<String> problems = new ArrayList<>();
        switch (witnessed.state()) {
            case PRESENT -> {
                if (witnessed.counter() > stored.counter()) {
                    long missing = witnessed.counter() - stored.counter();
                    throw new StoreDamagedException("the database ends at commit " + stored.counter() + " but commit "
                            + witnessed.counter() + " was acknowledged: " + missing + (missing == 1 ? " commit is"
                            : " commits are") + " missing (a lost or damaged write-ahead log, or a database put "
                            + "back from an older copy)");
                }
            }
            case DAMAGED -> problems.add("the commit witness " + witness.path() + " is damaged, so commits lost "
                    + "before this start cannot be ruled out; it is written again");
            case ABSENT -> {
                if (!witness.isNone()) {
                    problems.add("the commit witness " + witness.path() + " is missing, so commits lost before this "
                            + "start cannot be ruled out; it is written again");
                }
            }
        }
        Set<Integer> suspect = new HashSet<>();
        for (int bucket : stored.bucketsDifferingFrom(actual)) {
            suspect.add(bucket);
        }
        TreeSet<String> groups = new TreeSet<>();
        if (!suspect.isEmpty()) {
            for (String path : records.keySet()) {
                if (!path.startsWith(Manifest.RESERVED_PREFIX) && suspect.contains(RecordDigest.bucket(path))) {
                    groups.add(RecordDigest.group(path));
                }
            }
            long difference = actual.records() - stored.records();
            problems.add("the records of " + groups.size() + " group(s) " + groups + " do not match the integrity "
                    + "manifest (" + (difference == 0 ? "rows changed or put back from an older copy"
                    : Math.abs(difference) + (difference < 0 ? " rows missing" : " rows more than written"))
                    + "); they are not served");
        }
        IntegrityLedger ledger = new IntegrityLedger(digest, witness, stored,
                new IntegrityReport(stored.counter(), suspect, groups, problems));
        ledger.witnessUnwritten = witnessed.state() != CommitWitness.State.PRESENT;
        return ledger;
    }

    IntegrityReport report() {
        return report;
    }

    /**
     * The manifest after {@code writes}, which replace the sealed values {@code before} (null where a path held
     * nothing); the caller stores it with the writes in one transaction and then calls {@link #committed}.
     */
    Manifest next(List<PhysicalWrite> writes, Map<String, byte[]> before) {
        Manifest next = manifest.copy();
        for (PhysicalWrite write : writes) {
            byte[] old = before.get(write.path());
            if (old != null) {
                next.remove(write.path(), digest.term(write.path(), old));
            }
            if (!write.isDelete()) {
                next.add(write.path(), digest.term(write.path(), write.sealedValue()));
            }
        }
        next.nextCommit();
        return next;
    }

    /** The manifest of exactly {@code records}, one commit on from the current one. */
    Manifest recomputed(SortedMap<String, byte[]> records) {
        Manifest next = Manifest.empty();
        for (Map.Entry<String, byte[]> record : records.entrySet()) {
            if (!record.getKey().startsWith(Manifest.RESERVED_PREFIX)) {
                next.add(record.getKey(), digest.term(record.getKey(), record.getValue()));
            }
        }
        next.restoreCounter(manifest.counter() + 1);
        return next;
    }

    /** {@code next}, from {@link #recomputed}, is stored: nothing is suspect any more. */
    void accepted(Manifest next) {
        committed(next);
        report = IntegrityReport.clean(next.counter());
    }

    void committed(Manifest next) {
        manifest = next;
        witness.record(digest, next.counter());
    }

    void close() {
        witness.close();
    }
}
