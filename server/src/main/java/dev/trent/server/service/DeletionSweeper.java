package dev.trent.server.service;

import dev.trent.server.key.KmsKey;
import dev.trent.server.key.lifecycle.KeyEvent;
import dev.trent.server.key.lifecycle.KeyState;
import dev.trent.server.key.lifecycle.KeyStateMachine;
import dev.trent.server.repository.KeyRepository;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Destroys keys whose deletion date has passed, by the injected clock. It runs on a schedule and never as a
 * side effect of reading a key, so what a caller sees never depends on whether someone looked.
 */
public final class DeletionSweeper {

    private final KeyRepository repository;
    private final Clock clock;

    public DeletionSweeper(KeyRepository repository, Clock clock) {
        this.repository = repository;
        this.clock = clock;
    }

    /** Destroys every key due by now; returns those destroyed. */
    public List<KmsKey> sweep() {
        Instant now = clock.instant();
        List<KmsKey> destroyed = new ArrayList<>();
        synchronized (repository) {
            for (KmsKey key : repository.all()) {
                if (key.state() == KeyState.PendingDeletion && !key.deletionDate().isAfter(now)
                        && KeyStateMachine.allows(key.state(), KeyEvent.DESTROY)) {
                    repository.destroy(key);
                    destroyed.add(key);
                }
            }
        }
        return destroyed;
    }
}
