package dev.trent.server.repository;

import dev.trent.server.audit.AuditTrail;
import dev.trent.server.audit.EventResource;
import dev.trent.storage.Barrier;
import dev.trent.storage.IntegrityReport;
import dev.trent.storage.WriteBatch;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SortedMap;

/**
 * The barrier as the server's state sees it: a commit made while a call is running on the same thread carries
 * that call's audit event, so the change and its record are written together or not at all. The event names as
 * resources the keys the commit writes (their record, material or lifecycle). A commit Trent makes by itself
 * ({@link AuditTrail#asService}) carries one service event per key it changes.
 */
public final class AuditingBarrier implements Barrier {

    private final Barrier barrier;
    private final AuditTrail trail;

    public AuditingBarrier(Barrier barrier, AuditTrail trail) {
        this.barrier = barrier;
        this.trail = trail;
    }

    @Override
    public void commit(WriteBatch batch) {
        boolean recorded = trail.commitWith(keysIn(batch), append -> {
            AuditRecords.addTo(batch, append);
            barrier.commit(batch);
        });
        if (!recorded) {
            barrier.commit(batch);
        }
    }

    private static List<EventResource> keysIn(WriteBatch batch) {
        java.util.Set<EventResource> keys = new java.util.LinkedHashSet<>();
        for (String path : batch.paths()) {
            for (String prefix : List.of(RecordPaths.KEYS, RecordPaths.MATERIAL, RecordPaths.LIFECYCLE)) {
                if (path.startsWith(prefix)) {
                    String[] parts = path.substring(prefix.length()).split("/");
                    if (parts.length >= 3) {
                        keys.add(EventResource.kmsKey("arn:aws:kms:" + parts[1] + ":" + parts[0] + ":key/" + parts[2]));
                    }
                }
            }
        }
        return new ArrayList<>(keys);
    }

    @Override
    public Optional<byte[]> get(String path) {
        return barrier.get(path);
    }

    @Override
    public SortedMap<String, byte[]> getAll(String prefix) {
        return barrier.getAll(prefix);
    }

    @Override
    public SortedMap<String, byte[]> getAllIntact(String prefix, DamageSink damaged) {
        return barrier.getAllIntact(prefix, damaged);
    }

    @Override
    public IntegrityReport integrity() {
        return barrier.integrity();
    }

    @Override
    public List<String> paths(String prefix) {
        return barrier.paths(prefix);
    }

    @Override
    public void acceptCurrentState() {
        barrier.acceptCurrentState();
    }

    @Override
    public byte[] derivedKey(String purpose) {
        return barrier.derivedKey(purpose);
    }
}
