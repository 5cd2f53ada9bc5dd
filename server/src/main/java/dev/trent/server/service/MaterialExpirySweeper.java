package dev.trent.server.service;

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
                if (key.hasMaterial() && key.imported() != null && key.imported().expiredAt(now)) {
                    KmsKey next = key.withoutMaterial();
                    EXPIRED.during(() -> repository.deleteMaterial(key, next));
                    expired.add(next);
                }
            }
        }
        return expired;
    }

    /** When the next imported material that is still present reaches its ValidTo, or empty when none expires. */
    public Optional<Instant> nextDue() {
        return repository.all().stream()
                .filter(key -> key.hasMaterial() && key.imported() != null && key.imported().validTo() != null)
                .map(key -> key.imported().validTo())
                .min(Instant::compareTo);
    }
}
