package dev.trent.server.service;

import dev.trent.server.key.KmsKey;
import dev.trent.server.repository.KeyRepository;
import java.time.Instant;
import java.util.Optional;

/**
 * Records in each key's history the end of its cryptoperiods, dated when they ended. Enforcement does not wait
 * for it (the checks compare with the clock on every request); this keeps the history complete, and lets time
 * travel fire the ends in order with the other time-driven work.
 */
public final class CryptoperiodSweeper {

    private final KeyRepository repository;

    public CryptoperiodSweeper(KeyRepository repository) {
        this.repository = repository;
    }

    /** Records every cryptoperiod end due by now; returns how many keys had one. */
    public int sweep() {
        int recorded = 0;
        synchronized (repository) {
            for (KmsKey key : repository.all()) {
                if (repository.catchUpLifecycle(key)) {
                    recorded++;
                }
            }
        }
        return recorded;
    }

    /** When the next cryptoperiod end that is not recorded yet falls. */
    public Optional<Instant> nextDue() {
        return repository.nextCryptoperiodEnd();
    }
}
