package dev.trent.server.service;

import dev.trent.server.error.KMSInvalidStateException;
import dev.trent.server.error.NotFoundException;
import dev.trent.server.error.ValidationException;
import dev.trent.server.key.KeyId;
import dev.trent.server.key.KeyReference;
import dev.trent.server.key.KmsKey;
import dev.trent.server.key.Scope;
import dev.trent.server.key.lifecycle.Attribution;
import dev.trent.server.key.lifecycle.Compromise;
import dev.trent.server.key.lifecycle.Cryptoperiods;
import dev.trent.server.key.lifecycle.KeyLifecycle;
import dev.trent.server.key.lifecycle.NistPhase;
import dev.trent.server.key.lifecycle.NistPhases;
import dev.trent.server.repository.KeyRepository;
import dev.trent.server.service.KeyLookup.Aliases;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

/**
 * Trent's own key lifecycle, beyond AWS: reading a key's NIST phase and history, setting cryptoperiods,
 * suspending and resuming with a reason, and marking a key compromised. Suspension is AWS's DisableKey and
 * resumption EnableKey, so AWS callers see exactly what they would see in AWS; cryptoperiods and compromise
 * are Trent's additions, enforced by {@link KeyLookup}.
 */
public final class LifecycleService {

    /** A key's lifecycle as the admin API shows it; {@code key} is empty once the key is destroyed. */
    public record View(Scope scope, KeyId id, Optional<KmsKey> key, KeyLifecycle lifecycle, NistPhase phase) {
    }

    private final KeyRepository repository;
    private final KeyLookup lookup;
    private final KeyService keys;
    private final Clock clock;

    public LifecycleService(KeyRepository repository, KeyLookup lookup, KeyService keys, Clock clock) {
        this.repository = repository;
        this.lookup = lookup;
        this.keys = keys;
        this.clock = clock;
    }

    /**
     * The lifecycle of the key {@code text} names (id, ARN or alias), in the state callers see (a key of a
     * disconnected custom key store is Unavailable, so suspended); a destroyed key's record stays readable.
     */
    public View view(Scope scope, String text) {
        try {
            KmsKey key = lookup.visible(lookup.find(scope, text, Aliases.ACCEPTED));
            KeyLifecycle lifecycle = repository.lifecycle().get(key.scope(), key.id());
            NistPhase phase = NistPhases.of(key.state(), key.hasMaterial() || key.imported() != null,
                    key.creationDate(), lifecycle, clock.instant());
            return new View(key.scope(), key.id(), Optional.of(key), lifecycle, phase);
        } catch (NotFoundException e) {
            KeyReference reference = KeyReference.parse(text);
            KeyId id = reference instanceof KeyReference.ById byId ? byId.id()
                    : reference instanceof KeyReference.ByKeyArn arn ? arn.id() : null;
            Scope where = reference instanceof KeyReference.ByKeyArn arn ? new Scope(arn.account(), arn.region()) : scope;
            KeyLifecycle destroyed = id == null ? null : repository.lifecycle().find(where, id)
                    .filter(KeyLifecycle::destroyed).orElse(null);
            if (destroyed == null) {
                throw e;
            }
            return new View(where, id, Optional.empty(), destroyed, NistPhases.ofDestroyed(destroyed));
        }
    }

    /** Sets the key's cryptoperiods, counted from its creation; a key past them is refused at once. */
    public View setCryptoperiods(Scope scope, String text, Cryptoperiods periods, String caller, String reason) {
        KmsKey key = live(scope, text);
        new Attribution("cryptoperiods set", caller, reason)
                .during(() -> repository.changeLifecycle(key, lifecycle -> lifecycle.withCryptoperiods(periods)));
        return view(scope, text);
    }

    /** Removes the key's cryptoperiods: it protects and processes as its AWS state allows. */
    public View clearCryptoperiods(Scope scope, String text, String caller, String reason) {
        KmsKey key = live(scope, text);
        new Attribution("cryptoperiods cleared", caller, reason)
                .during(() -> repository.changeLifecycle(key, lifecycle -> lifecycle.withCryptoperiods(null)));
        return view(scope, text);
    }

    /** Suspends the key: DisableKey, with the reason in its history. */
    public View suspend(Scope scope, String text, String caller, String reason) {
        KmsKey key = live(scope, text);
        new Attribution("suspend (DisableKey)", caller, required(reason))
                .during(() -> keys.disable(key.scope(), key.arn()));
        return view(scope, text);
    }

    /** Resumes a suspended key: EnableKey, with the reason in its history. */
    public View resume(Scope scope, String text, String caller, String reason) {
        KmsKey key = live(scope, text);
        new Attribution("resume (EnableKey)", caller, required(reason))
                .during(() -> keys.enable(key.scope(), key.arn()));
        return view(scope, text);
    }

    /**
     * Marks the key compromised, for good: it never protects again, and processes only when
     * {@code processingAllowed}.
     */
    public View compromise(Scope scope, String text, String caller, String reason, boolean processingAllowed) {
        String why = required(reason);
        synchronized (repository) {
            KmsKey key = live(scope, text);
            if (repository.lifecycle().get(key.scope(), key.id()).compromised()) {
                throw new KMSInvalidStateException(key.arn() + " is already compromised.");
            }
            Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
            new Attribution("marked compromised", caller, why).during(() -> repository.changeLifecycle(key,
                    lifecycle -> lifecycle.withCompromise(new Compromise(now, why, processingAllowed))));
        }
        return view(scope, text);
    }

    private KmsKey live(Scope scope, String text) {
        return lookup.find(scope, text, Aliases.ACCEPTED).metadata();
    }

    private static String required(String reason) {
        if (reason == null || reason.isBlank()) {
            throw new ValidationException("A reason is required.");
        }
        return reason;
    }
}
