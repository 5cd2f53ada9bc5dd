package dev.trent.storage;

import java.util.List;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * What opening a store found: the commit it is at, and the damage that could be confined. A record in a
 * {@link #isSuspect suspect} bucket may be an older copy, may have lost a sibling, or may be a row that was
 * never written by Trent: whoever serves the store must not serve it.
 */
public final class IntegrityReport {

    private final long commitCounter;
    private final Set<Integer> suspectBuckets;
    private final List<String> problems;
    private final SortedSet<String> suspectGroups;

    IntegrityReport(long commitCounter, Set<Integer> suspectBuckets, SortedSet<String> suspectGroups,
                    List<String> problems) {
        this.commitCounter = commitCounter;
        this.suspectBuckets = Set.copyOf(suspectBuckets);
        this.suspectGroups = new TreeSet<>(suspectGroups);
        this.problems = List.copyOf(problems);
    }

    static IntegrityReport clean(long commitCounter) {
        return new IntegrityReport(commitCounter, Set.of(), new TreeSet<>(), List.of());
    }

    /** The number of commits this store has recorded since its integrity manifest was made. */
    public long commitCounter() {
        return commitCounter;
    }

    /** Whether nothing was found wrong. */
    public boolean isClean() {
        return problems.isEmpty();
    }

    /** Every problem found, one sentence each. */
    public List<String> problems() {
        return problems;
    }

    /** Whether the record at {@code path} shares a bucket with a change the manifest does not account for. */
    public boolean isSuspect(String path) {
        return !suspectBuckets.isEmpty() && suspectBuckets.contains(RecordDigest.bucket(path));
    }

    /** The groups ({@code ACCOUNT/REGION/ID}) of the records present in suspect buckets. */
    public SortedSet<String> suspectGroups() {
        return java.util.Collections.unmodifiableSortedSet(suspectGroups);
    }

    @Override
    public String toString() {
        return isClean() ? "IntegrityReport[clean, commit " + commitCounter + "]"
                : "IntegrityReport[commit " + commitCounter + ", " + problems + "]";
    }
}
