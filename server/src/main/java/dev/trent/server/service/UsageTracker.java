package dev.trent.server.service;

import dev.trent.server.key.KeyReference;
import dev.trent.server.key.KmsKey;
import dev.trent.server.key.LastUsage;
import dev.trent.server.key.Scope;
import dev.trent.server.key.lifecycle.KeyOperation;
import dev.trent.server.repository.KeyRepository;
import dev.trent.server.service.KeyLookup.Aliases;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

/**
 * GetKeyLastUsage: the last successful cryptographic operation of each key. Recording is a memory write on the
 * request path; a background task persists what changed ({@link KeyRepository#saveUsage()}).
 */
public final class UsageTracker {

    /** What GetKeyLastUsage reports. Trent tracks every key from its creation. */
    public record Report(KmsKey key, Optional<LastUsage> lastUsage, Instant trackingStartDate) {
    }

    private final KeyRepository repository;
    private final KeyLookup lookup;
    private final Clock clock;

    public UsageTracker(KeyRepository repository, KeyLookup lookup, Clock clock) {
        this.repository = repository;
        this.lookup = lookup;
        this.clock = clock;
    }

    /**
     * Records a use of the key with this ARN (as a successful response names it), in the key's own account: a
     * key another account used across accounts records that use too.
     */
    public void record(Scope scope, String keyArn, String operation, String requestId) {
        if (KeyReference.parse(keyArn) instanceof KeyReference.ByKeyArn arn) {
            repository.find(new Scope(arn.account(), arn.region()), arn.id()).ifPresent(key -> repository.usage().record(key.metadata(),
                    new LastUsage(operation, clock.instant().truncatedTo(ChronoUnit.MILLIS), requestId)));
        }
    }

    public Report report(Scope scope, String keyId) {
        KmsKey key = lookup.forOperation(scope, keyId, KeyOperation.GetKeyLastUsage, Aliases.REJECTED).metadata();
        return new Report(key, repository.usage().last(scope, key.id()), key.creationDate());
    }
}
