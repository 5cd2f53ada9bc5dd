package dev.trent.server.audit;

import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

/** The trail's records kept in maps, as the repository keeps them in the store, for tests. */
final class MemoryAuditStore implements AuditStore {

    final SortedMap<Long, AuditLog.Reading> events = new TreeMap<>();
    final SortedMap<Long, AuditLog.Reading> digests = new TreeMap<>();
    AuditLog.Reading head;

    @Override
    public synchronized void write(ChainAppend append) {
        append.entries().forEach(entry -> events.put(entry.sequence(), AuditLog.Reading.of(entry.bytes())));
        append.digest().ifPresent(digest -> digests.put(digest.number(), AuditLog.Reading.of(digest.toBytes())));
        head = AuditLog.Reading.of(append.head().toBytes());
    }

    synchronized AuditLog log(AuditSigningKey key) {
        return new AuditLog(new TreeMap<>(events), new TreeMap<>(digests), Optional.ofNullable(head),
                key.publicKey());
    }
}
