package dev.trent.server.repository;

import dev.trent.server.key.KeyId;
import dev.trent.server.key.KmsKey;
import dev.trent.server.key.Scope;
import dev.trent.server.key.lifecycle.Attribution;
import dev.trent.server.key.lifecycle.Cryptoperiods;
import dev.trent.server.key.lifecycle.KeyLifecycle;
import dev.trent.server.key.lifecycle.KeyState;
import dev.trent.server.key.lifecycle.LifecycleEvent;
import dev.trent.server.key.lifecycle.NistPhase;
import dev.trent.server.key.lifecycle.NistPhases;
import dev.trent.server.key.lifecycle.NistTransitions;
import dev.trent.storage.Barrier;
import dev.trent.storage.WriteBatch;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.UnaryOperator;
import java.util.logging.Logger;

/**
 * Every key's lifecycle record (cryptoperiods, compromise, history), held in memory for the data plane's checks
 * and written in the same barrier commit as the key change it records, so the history never misses a change
 * and never tells of one that did not happen. {@link KeyRepository} calls it on each write; the record
 * outlives its key.
 */
public final class LifecycleJournal {

    private static final Logger LOG = Logger.getLogger(LifecycleJournal.class.getName());
    /**
     * Whether a phase move missing from the table fails the change instead of only being logged: on when the
     * system property {@code trent.lifecycle.strict} is true, as Trent's own test runs set it, so such a bug
     * fails the tests that reach it; off elsewhere, so a user's server or test keeps working and logs it.
     */
    private static final boolean STRICT = Boolean.getBoolean("trent.lifecycle.strict");

    private record Ref(Scope scope, KeyId id) {
    }

    /** A lifecycle record to install once the commit that writes it succeeded. */
    record Pending(Scope scope, KeyId id, KeyLifecycle lifecycle) {
    }

    private final Map<Ref, KeyLifecycle> records = new ConcurrentHashMap<>();
    private final Clock clock;

    LifecycleJournal(Clock clock) {
        this.clock = clock;
    }

    void load(Barrier barrier, DamagedRecords damaged) {
        for (byte[] record : barrier.getAllIntact(RecordPaths.LIFECYCLE, damaged::add).values()) {
            LifecycleCodec.Stored stored = LifecycleCodec.decode(record);
            records.put(new Ref(stored.scope(), stored.id()), stored.lifecycle());
        }
    }

    /** The key's lifecycle record; empty for a key that never had one (created before Trent kept them). */
    public Optional<KeyLifecycle> find(Scope scope, KeyId id) {
        return Optional.ofNullable(records.get(new Ref(scope, id)));
    }

    /** The key's lifecycle record, or an empty one. */
    public KeyLifecycle get(Scope scope, KeyId id) {
        return find(scope, id).orElse(KeyLifecycle.empty());
    }

    /** The phase of an existing key now. */
    public NistPhase phase(KmsKey key) {
        return phase(key, get(key.scope(), key.id()), now());
    }

    /**
     * The record after {@code before} became {@code after} (null before: created; null after: destroyed), added
     * to {@code batch}; null when the change is not a lifecycle event (same AWS state, same phase).
     */
    Pending change(WriteBatch batch, KmsKey before, KmsKey after) {
        Instant now = now();
        Attribution by = Attribution.current();
        KmsKey key = after != null ? after : before;
        KeyLifecycle current = get(key.scope(), key.id());
        KeyLifecycle next;
        if (before == null) {
            KeyLifecycle fresh = new KeyLifecycle(null, null, current.history(), null, false);
            next = fresh.with(event(now, by, null, after.state(), null, phase(after, fresh, now)));
        } else {
            current = caughtUp(before, current, now);
            NistPhase from = phase(before, current, now);
            if (after == null) {
                next = current.with(event(now, by, before.state(), null, from, NistPhases.ofDestroyed(current)))
                        .destroyedAt(now);
            } else {
                NistPhase to = phase(after, current, now);
                if (before.state() == after.state() && from == to) {
                    return null;
                }
                next = current.with(event(now, by, before.state(), after.state(), from, to));
            }
        }
        return write(batch, key, next);
    }

    /**
     * The record of {@code key} changed by {@code change} (new cryptoperiods, a compromise), with a history entry
     * for it even when the phase stays, added to {@code batch}.
     */
    Pending changeSettings(WriteBatch batch, KmsKey key, UnaryOperator<KeyLifecycle> change) {
        Instant now = now();
        KeyLifecycle current = caughtUp(key, get(key.scope(), key.id()), now);
        KeyLifecycle changed = change.apply(current);
        LifecycleEvent event = event(now, Attribution.current(), key.state(), key.state(),
                phase(key, current, now), phase(key, changed, now));
        return write(batch, key, changed.with(event));
    }

    /** The record of {@code key} with the ends of its cryptoperiods recorded up to now; null when none is due. */
    Pending catchUp(WriteBatch batch, KmsKey key) {
        KeyLifecycle current = get(key.scope(), key.id());
        KeyLifecycle caughtUp = caughtUp(key, current, now());
        return caughtUp == current ? null : write(batch, key, caughtUp);
    }

    /** How many lifecycle records there are, of live and destroyed keys. */
    int size() {
        return records.size();
    }

    /** Forgets every record in memory; the caller has deleted them from storage. */
    void forgetAll() {
        records.clear();
    }

    void install(Pending pending) {
        if (pending != null) {
            records.put(new Ref(pending.scope(), pending.id()), pending.lifecycle());
        }
    }

    /**
     * The next instant at which a cryptoperiod of a live key ends that the history does not tell of yet, so that
     * time-driven work can be run exactly then.
     */
    Optional<Instant> nextPeriodEnd(Iterable<KmsKey> keys) {
        Instant next = null;
        for (KmsKey key : keys) {
            KeyLifecycle lifecycle = records.get(new Ref(key.scope(), key.id()));
            if (lifecycle == null || lifecycle.cryptoperiods() == null) {
                continue;
            }
            Cryptoperiods periods = lifecycle.cryptoperiods();
            Optional<Instant> originator = periods.originatorUsageEnds(key.creationDate())
                    .filter(end -> lifecycle.lastRecordedPhase().map(p -> p != NistPhase.DEACTIVATED
                            && p != NistPhase.COMPROMISED).orElse(true));
            Optional<Instant> recipient = periods.recipientUsageEnds(key.creationDate())
                    .filter(end -> !lifecycle.recipientEndRecorded());
            for (Optional<Instant> end : java.util.List.of(originator, recipient)) {
                if (end.isPresent() && (next == null || end.get().isBefore(next))) {
                    next = end.get();
                }
            }
        }
        return Optional.ofNullable(next);
    }

    /**
     * {@code lifecycle} with history entries for the cryptoperiod ends that passed by {@code now}, each dated at
     * the instant the period ended, so history reads as if someone had watched the clock.
     */
    private KeyLifecycle caughtUp(KmsKey key, KeyLifecycle lifecycle, Instant now) {
        Cryptoperiods periods = lifecycle.cryptoperiods();
        if (periods == null || lifecycle.destroyed()) {
            return lifecycle;
        }
        KeyLifecycle out = lifecycle;
        Optional<Instant> originatorEnd = periods.originatorUsageEnds(key.creationDate());
        if (originatorEnd.isPresent() && !now.isBefore(originatorEnd.get())) {
            NistPhase last = out.lastRecordedPhase().orElse(key.state().nistPhase());
            NistPhase then = phase(key, out, originatorEnd.get());
            if (then != last) {
                out = out.with(new LifecycleEvent(originatorEnd.get(), "originator-usage period ended", "Trent", null,
                        key.state(), key.state(), last, then));
            }
        }
        Optional<Instant> recipientEnd = periods.recipientUsageEnds(key.creationDate());
        if (recipientEnd.isPresent() && !now.isBefore(recipientEnd.get()) && !out.recipientEndRecorded()) {
            NistPhase last = out.lastRecordedPhase().orElse(key.state().nistPhase());
            out = out.with(new LifecycleEvent(recipientEnd.get(), "recipient-usage period ended", "Trent", null,
                    key.state(), key.state(), last, last)).withRecipientEndRecorded();
        }
        return out;
    }

    private Pending write(WriteBatch batch, KmsKey key, KeyLifecycle lifecycle) {
        batch.put(RecordPaths.lifecycle(key.scope(), key.id()), LifecycleCodec.encode(key.scope(), key.id(), lifecycle));
        return new Pending(key.scope(), key.id(), lifecycle);
    }

    private static LifecycleEvent event(Instant at, Attribution by, KeyState awsFrom, KeyState awsTo,
            NistPhase from, NistPhase to) {
        if (from != null && !NistTransitions.allows(from, to)) {
            // The AWS rules already decided the change; a phase move missing from the table is Trent's bug to
            // fix, not a reason to refuse a user's caller or lose the entry, but Trent's own tests must fail on it.
            String message = "lifecycle move " + from + " -> " + to + " by " + by.trigger() + " is not in the table";
            if (STRICT) {
                throw new IllegalStateException(message);
            }
            LOG.warning(message);
        }
        return new LifecycleEvent(at, by.trigger(), by.caller(), by.reason(), awsFrom, awsTo, from, to);
    }

    private static NistPhase phase(KmsKey key, KeyLifecycle lifecycle, Instant at) {
        return NistPhases.of(key.state(), key.hasMaterial() || key.imported() != null, key.creationDate(),
                lifecycle, at);
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }
}
