package dev.trent.server.service;

import dev.trent.server.key.KmsKey;
import dev.trent.server.key.StoredKey;
import dev.trent.server.key.lifecycle.Attribution;
import dev.trent.server.key.lifecycle.KeyEvent;
import dev.trent.server.key.lifecycle.KeyState;
import dev.trent.server.key.lifecycle.KeyStateMachine;
import dev.trent.server.repository.KeyRepository;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Destroys keys whose deletion date has passed, by the injected clock, and starts the waiting period of
 * multi-Region primary keys whose last replica is gone. It runs on a schedule and never as a
 * side effect of reading a key, so what a caller sees never depends on whether someone looked.
 */
public final class DeletionSweeper {

    private static final Attribution WINDOW_ENDED = new Attribution("the deletion window ended", "Trent", null);
    private static final Attribution REPLICAS_GONE = new Attribution("the last replica was deleted", "Trent", null);

    private final KeyRepository repository;
    private final Clock clock;
    /** Told of each destroyed key with its material, so a key in a token can be removed from the token too. */
    private final Consumer<StoredKey> destroyed;

    public DeletionSweeper(KeyRepository repository, Clock clock) {
        this(repository, clock, key -> { });
    }

    public DeletionSweeper(KeyRepository repository, Clock clock, Consumer<StoredKey> destroyed) {
        this.repository = repository;
        this.clock = clock;
        this.destroyed = destroyed;
    }

    /** Destroys every key due by now; returns those destroyed. */
    public List<KmsKey> sweep() {
        Instant now = clock.instant();
        List<KmsKey> gone = new ArrayList<>();
        synchronized (repository) {
            for (KmsKey key : repository.all()) {
                if (key.state() == KeyState.PendingDeletion && !key.deletionDate().isAfter(now)
                        && KeyStateMachine.allows(key.state(), KeyEvent.DESTROY)) {
                    Optional<StoredKey> stored = repository.find(key.scope(), key.id());
                    WINDOW_ENDED.during(() -> repository.destroy(key));
                    gone.add(key);
                    stored.ifPresent(destroyed);
                }
            }
            startWaitingPeriodsOfPrimariesWithoutReplicas(now);
        }
        return gone;
    }

    /**
     * A primary key scheduled for deletion while it had replicas starts its own waiting period once the last of
     * them is destroyed (AWS: "When all replica keys are deleted, the key state of the primary key changes to
     * PendingDeletion and its waiting period (PendingWindowInDays) begins").
     */
    private void startWaitingPeriodsOfPrimariesWithoutReplicas(Instant now) {
        for (KmsKey key : repository.all()) {
            if (key.state() == KeyState.PendingReplicaDeletion
                    && repository.related(key.scope().account(), key.id()).size() == 1) {
                REPLICAS_GONE.during(
                        () -> repository.update(key.afterReplicasDeleted(now.truncatedTo(ChronoUnit.MILLIS))));
            }
        }
    }

    /**
     * When the next key pending deletion reaches its deletion date, or empty when none is waiting; time
     * travel stops there so the key is destroyed on its date.
     */
    public Optional<Instant> nextDue() {
        return repository.all().stream()
                .filter(key -> key.state() == KeyState.PendingDeletion
                        && KeyStateMachine.allows(key.state(), KeyEvent.DESTROY))
                .map(KmsKey::deletionDate)
                .min(Instant::compareTo);
    }
}
