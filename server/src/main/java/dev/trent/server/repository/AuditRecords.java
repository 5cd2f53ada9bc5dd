package dev.trent.server.repository;

import dev.trent.server.audit.AuditChain;
import dev.trent.server.audit.AuditLog;
import dev.trent.server.audit.AuditSigningKey;
import dev.trent.server.audit.AuditStore;
import dev.trent.server.audit.ChainAppend;
import dev.trent.server.audit.ChainEntry;
import dev.trent.server.audit.ChainHead;
import dev.trent.server.audit.DigestPolicy;
import dev.trent.server.audit.SignedDigest;
import dev.trent.storage.Barrier;
import dev.trent.storage.BarrierIntegrityException;
import dev.trent.storage.OpenedRecord;
import dev.trent.storage.WriteBatch;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The audit trail's records, sealed by the barrier like every other: {@code audit/events/<20-digit sequence>}
 * (one chain link each), {@code audit/digests/<20-digit number>}, {@code audit/head} and the signing key at
 * {@code audit/signing-key}. Zero-padded numbers keep the paths in sequence order.
 */
public final class AuditRecords implements AuditStore {

    public static final String PREFIX = "audit/";
    static final String EVENTS = PREFIX + "events/";
    static final String DIGESTS = PREFIX + "digests/";
    static final String HEAD = PREFIX + "head";
    static final String SIGNING_KEY = PREFIX + "signing-key";

    private final Barrier barrier;

    public AuditRecords(Barrier barrier) {
        this.barrier = barrier;
    }

    /** The path of every record of the trail, its signing key included. */
    public java.util.List<String> storedPaths() {
        return barrier.paths(PREFIX);
    }

    /** Stores {@code key} as the trail's signing key, in a commit of its own. */
    public void saveKey(AuditSigningKey key) {
        byte[] stored = key.toStored();
        barrier.commit(new WriteBatch().put(SIGNING_KEY, stored));
        Arrays.fill(stored, (byte) 0);
    }

    /** The chain as stored, continued where it stopped; a new store gets its signing key and an empty chain. */
    public AuditChain openChain(Clock clock, DigestPolicy policy) {
        AuditSigningKey key = barrier.get(SIGNING_KEY).map(AuditSigningKey::fromStored).orElseGet(() -> {
            AuditSigningKey created = AuditSigningKey.generate();
            saveKey(created);
            return created;
        });
        ChainHead head = barrier.get(HEAD).map(AuditRecords::parseHead)
                .orElseGet(() -> AuditChain.emptyHead(clock));
        return new AuditChain(head, key, clock, policy);
    }

    private static ChainHead parseHead(byte[] bytes) {
        try {
            return ChainHead.parse(bytes);
        } catch (IOException e) {
            throw new UncheckedIOException("the audit chain head is damaged", e);
        }
    }

    @Override
    public void write(ChainAppend append) {
        WriteBatch batch = new WriteBatch();
        addTo(batch, append);
        barrier.commit(batch);
    }

    /** Adds {@code append}'s links, head and digest to {@code batch}, for the caller to commit. */
    static void addTo(WriteBatch batch, ChainAppend append) {
        for (ChainEntry entry : append.entries()) {
            batch.put(eventPath(entry.sequence()), entry.bytes());
        }
        append.prunedEvents().forEach(sequence -> batch.delete(eventPath(sequence)));
        append.prunedDigests().forEach(number -> batch.delete(digestPath(number)));
        append.digest().ifPresent(digest -> batch.put(digestPath(digest.number()), digest.toBytes()));
        batch.put(HEAD, append.head().toBytes());
    }

    /**
     * Removes the events recorded before {@code cutoff} from the start of the chain, stopping at the first younger
     * one (or one that does not open), with a digest of where the chain now starts; returns how many went.
     */
    public int prune(AuditChain chain, Instant cutoff) {
        return chain.prune(head -> plan(head, cutoff), this::write);
    }

    private AuditChain.PrunePlan plan(ChainHead head, Instant cutoff) {
        long sequence = head.firstSequence();
        String previous = head.firstPreviousHash();
        while (sequence <= head.lastSequence()) {
            Optional<byte[]> bytes = readable(eventPath(sequence));
            if (bytes.isEmpty()) {
                break;
            }
            ChainEntry entry = new ChainEntry(sequence, bytes.get());
            if (!Instant.parse(entry.event().path("eventTime").asText()).isBefore(cutoff)) {
                break;
            }
            previous = entry.hash();
            sequence++;
        }
        SortedMap<Long, Long> covering = new TreeMap<>();
        for (long number = head.firstDigest(); sequence > head.firstSequence() && number < head.digests(); number++) {
            Optional<byte[]> bytes = readable(digestPath(number));
            long last;
            try {
                last = bytes.isPresent() ? SignedDigest.parse(bytes.get()).lastSequence() : Long.MAX_VALUE;
            } catch (IOException e) {
                last = Long.MAX_VALUE;
            }
            if (last >= sequence) {
                break;
            }
            covering.put(number, last);
        }
        return new AuditChain.PrunePlan(sequence, previous, covering);
    }

    private Optional<byte[]> readable(String path) {
        try {
            return barrier.get(path);
        } catch (BarrierIntegrityException e) {
            return Optional.empty();
        }
    }

    static String eventPath(long sequence) {
        return EVENTS + String.format("%020d", sequence);
    }

    static String digestPath(long number) {
        return DIGESTS + String.format("%020d", number);
    }

    /** The links in sequence order, each as stored; those that do not open are left out. */
    public java.util.NavigableMap<Long, ChainEntry> events() {
        TreeMap<Long, ChainEntry> events = new TreeMap<>();
        for (String path : barrier.paths(EVENTS)) {
            try {
                barrier.get(path).ifPresent(bytes -> events.put(number(path), new ChainEntry(number(path), bytes)));
            } catch (BarrierIntegrityException e) {
                // Left out here; the check reports it.
            }
        }
        return events;
    }

    /** The whole trail read through the running store, for checking. */
    public AuditLog log(AuditSigningKey key) {
        SortedMap<String, OpenedRecord> opened = new TreeMap<>();
        for (String path : barrier.paths(PREFIX)) {
            try {
                barrier.get(path).ifPresent(bytes -> opened.put(path, new OpenedRecord(bytes, null)));
            } catch (BarrierIntegrityException e) {
                opened.put(path, new OpenedRecord(null, e.getMessage()));
            }
        }
        return logOf(opened, Optional.of(key));
    }

    /**
     * The trail among {@code opened} (records under {@link #PREFIX}, opened), checked with {@code key} or, when
     * empty, with the public half of the stored signing key.
     *
     * @throws IllegalArgumentException when there is no key to check with
     */
    public static AuditLog logOf(SortedMap<String, OpenedRecord> opened, Optional<AuditSigningKey> key) {
        SortedMap<Long, AuditLog.Reading> events = new TreeMap<>();
        SortedMap<Long, AuditLog.Reading> digests = new TreeMap<>();
        for (Map.Entry<String, OpenedRecord> record : opened.entrySet()) {
            String path = record.getKey();
            if (path.startsWith(EVENTS)) {
                events.put(number(path), reading(record.getValue()));
            } else if (path.startsWith(DIGESTS)) {
                digests.put(number(path), reading(record.getValue()));
            }
        }
        Optional<AuditLog.Reading> head = Optional.ofNullable(opened.get(HEAD)).map(AuditRecords::reading);
        AuditSigningKey checking = key.orElseGet(() -> {
            OpenedRecord stored = opened.get(SIGNING_KEY);
            if (stored == null || stored.value() == null) {
                throw new IllegalArgumentException("the audit signing key is missing or damaged");
            }
            return AuditSigningKey.fromStored(stored.value());
        });
        return new AuditLog(events, digests, head, checking.publicKey());
    }

    private static AuditLog.Reading reading(OpenedRecord record) {
        return record.value() != null ? AuditLog.Reading.of(record.value()) : AuditLog.Reading.failed(record.failure());
    }

    private static long number(String path) {
        return Long.parseLong(path.substring(path.lastIndexOf('/') + 1));
    }
}
