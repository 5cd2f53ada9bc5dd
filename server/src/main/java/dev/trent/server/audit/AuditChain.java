package dev.trent.server.audit;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The trail's one writer of links: numbers events in the order they are committed, links each to the one before,
 * and adds a signed digest when {@link DigestPolicy} says one is due. Every append runs under this object's lock
 * up to and including its commit, so the links reach storage in sequence order; the head moves only once the
 * commit succeeded.
 */
public final class AuditChain {

    private AuditSigningKey key;
    private final Clock clock;
    private final DigestPolicy policy;
    private ChainHead head;

    public AuditChain(ChainHead head, AuditSigningKey key, Clock clock, DigestPolicy policy) {
        this.head = head;
        this.key = key;
        this.clock = clock;
        this.policy = policy;
    }

    /** A chain with no event yet. */
    public static ChainHead emptyHead(Clock clock) {
        return ChainHead.empty(clock.instant());
    }

    /**
     * Links {@code events} after the head and hands the result to {@code commit}, which must write it durably
     * (with whatever else belongs to the same commit) or throw; nothing moves when it throws.
     */
    public synchronized void append(List<AuditEvent> events, Consumer<ChainAppend> commit) {
        ChainHead next = head;
        List<ChainEntry> entries = new ArrayList<>(events.size());
        for (AuditEvent event : events) {
            ChainEntry entry = ChainEntry.of(next.lastSequence() + 1, next.lastHash(), event);
            entries.add(entry);
            next = next.after(entry);
        }
        Optional<SignedDigest> digest = Optional.empty();
        if (policy.due(next, clock.instant())) {
            digest = Optional.of(digestOf(next));
            next = next.digested(digest.get());
        }
        commit.accept(new ChainAppend(entries, next, digest));
        head = next;
    }

    /** Writes a digest of the head if any event is not yet covered by one, or if {@code onlyWhenDue} is false. */
    public synchronized boolean digest(boolean onlyWhenDue, Consumer<ChainAppend> commit) {
        boolean undigested = head.lastSequence() > head.lastDigestSequence() || head.digests() == 0;
        if (!undigested || onlyWhenDue && !policy.due(head, clock.instant())) {
            return false;
        }
        SignedDigest digest = digestOf(head);
        ChainHead next = head.digested(digest);
        commit.accept(new ChainAppend(List.of(), next, Optional.of(digest)));
        head = next;
        return true;
    }

    private SignedDigest digestOf(ChainHead at) {
        return SignedDigest.sign(at.digests() + 1, clock.instant(), at.firstSequence(), at.firstPreviousHash(),
                at.lastSequence(), at.lastHash(), at.lastDigestHash(), key);
    }

    /**
     * Removes the oldest events: {@code plan} is given the head and names how far to prune; the links before
     * that sequence and the digests that cover nothing after it go, and a digest signs where the chain now starts.
     * Returns how many events were pruned.
     */
    public synchronized int prune(java.util.function.Function<ChainHead, PrunePlan> plan,
                                  Consumer<ChainAppend> commit) {
        PrunePlan cut = plan.apply(head);
        if (cut.firstKept() <= head.firstSequence()) {
            return 0;
        }
        List<Long> events = new ArrayList<>();
        for (long sequence = head.firstSequence(); sequence < cut.firstKept(); sequence++) {
            events.add(sequence);
        }
        List<Long> digests = new ArrayList<>();
        long firstDigest = head.firstDigest();
        for (java.util.Map.Entry<Long, Long> covered : cut.digestsCovering().entrySet()) {
            if (covered.getValue() < cut.firstKept() && covered.getKey() < head.digests()) {
                digests.add(covered.getKey());
                firstDigest = Math.max(firstDigest, covered.getKey() + 1);
            }
        }
        ChainHead pruned = head.startingAt(cut.firstKept(), cut.previousHash(), firstDigest);
        SignedDigest digest = digestOf(pruned);
        ChainHead next = pruned.digested(digest);
        commit.accept(new ChainAppend(List.of(), next, Optional.of(digest), events, digests));
        head = next;
        return events.size();
    }

    /**
     * How far to prune: the first event kept, the hash it names, and each kept digest's last covered sequence
     * (by digest number), so digests covering only pruned events go too.
     */
    public record PrunePlan(long firstKept, String previousHash, java.util.SortedMap<Long, Long> digestsCovering) {
    }

    /**
     * Starts a new chain: {@code wipe} removes the old one (and whatever else goes with it), a new signing key is
     * made and handed to {@code saveKey}, and {@code first} becomes event 1. Nothing is appended in between.
     */
    synchronized void restart(Runnable wipe, Consumer<AuditSigningKey> saveKey, AuditEvent first,
                              Consumer<ChainAppend> commit) {
        wipe.run();
        AuditSigningKey fresh = AuditSigningKey.generate();
        saveKey.accept(fresh);
        key = fresh;
        head = ChainHead.empty(clock.instant());
        append(List.of(first), commit);
    }

    public synchronized ChainHead head() {
        return head;
    }

    public synchronized AuditSigningKey key() {
        return key;
    }
}
