package dev.trent.server.service;

import dev.trent.server.key.ImportedMaterial;
import dev.trent.server.key.KmsKey;
import dev.trent.server.key.lifecycle.Attribution;
import dev.trent.server.repository.KeyRepository;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Deletes imported material whose ValidTo has passed, by the injected clock, and forgets expired import tokens.
 * Like {@link DeletionSweeper} it runs on a schedule and never as a side effect of reading a key. AWS: "When
 * the key material expires, KMS deletes the key material from the KMS key"; the key waits for a re-import
 * (PendingImport), or stays PendingDeletion.
 */
public final class MaterialExpirySweeper {

    private static final Attribution EXPIRED = new Attribution("imported material expired", "Trent", null);

    private final KeyRepository repository;
    private final ImportTokens tokens;
    private final Clock clock;

    public MaterialExpirySweeper(KeyRepository repository, ImportTokens tokens, Clock clock) {
        this.repository = repository;
        this.tokens = tokens;
        this.clock = clock;
    }

    /** Deletes every imported material due by now; returns the keys as they are afterwards. */
    public List<KmsKey> sweep() {
        Instant now = clock.instant();
        tokens.purgeExpired(now);
        List<KmsKey> expired = new ArrayList<>();
        synchronized (repository) {
            for (KmsKey key : repository.all()) {
                KmsKey next = key;
                for (ImportedMaterial material : key.imports()) {
                    if (next.holds(material.version()) && material.expiredAt(now)) {
                        next = next.withoutMaterial(material.version());
                    }
                }
                if (next != key) {
                    KmsKey after = next;
                    EXPIRED.during(() -> repository.deleteMaterial(key, after));
                    expired.add(after);
                }
            }
        }
        return expired;
    }

    /** When the next imported material that is still present reaches its ValidTo, or empty when none expires. */
    public Optional<Instant> nextDue() {
        return repository.all().stream()
                .flatMap(key -> key.imports().stream()
                        .filter(material -> material.validTo() != null && key.holds(material.version())))
                .map(ImportedMaterial::validTo)
                .min(Instant::compareTo);
    }
}
