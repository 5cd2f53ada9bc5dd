package dev.trent.server.key.lifecycle;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What Trent knows of a key's lifecycle beyond its AWS state: optional cryptoperiods, a compromise, and the
 * history of every change. A key without cryptoperiods or compromise behaves exactly as in AWS. The record
 * outlives the key: once destroyed ({@code destroyedAt}), its history stays readable.
 *
 * @param recipientEndRecorded whether the history already tells that the recipient-usage period ended, so the
 *                             time-driven task records it once
 */
public record KeyLifecycle(
        Cryptoperiods cryptoperiods,
        Compromise compromise,
        List<LifecycleEvent> history,
        Instant destroyedAt,
        boolean recipientEndRecorded) {

    public KeyLifecycle {
        history = List.copyOf(history);
    }

    /** A key with no history yet. */
    public static KeyLifecycle empty() {
        return new KeyLifecycle(null, null, List.of(), null, false);
    }

    public Optional<Cryptoperiods> periods() {
        return Optional.ofNullable(cryptoperiods);
    }

    public boolean compromised() {
        return compromise != null;
    }

    public boolean destroyed() {
        return destroyedAt != null;
    }

    /** The phase the history last recorded, if any. */
    public Optional<NistPhase> lastRecordedPhase() {
        return history.isEmpty() ? Optional.empty() : Optional.of(history.get(history.size() - 1).phaseTo());
    }

    public KeyLifecycle with(LifecycleEvent event) {
        List<LifecycleEvent> longer = new ArrayList<>(history);
        longer.add(event);
        return new KeyLifecycle(cryptoperiods, compromise, longer, destroyedAt, recipientEndRecorded);
    }

    /** New cryptoperiods (null clears them); whether their ends were recorded starts over. */
    public KeyLifecycle withCryptoperiods(Cryptoperiods periods) {
        return new KeyLifecycle(periods, compromise, history, destroyedAt, false);
    }

    public KeyLifecycle withCompromise(Compromise newCompromise) {
        if (compromise != null) {
            throw new IllegalStateException("a key is compromised once");
        }
        return new KeyLifecycle(cryptoperiods, newCompromise, history, destroyedAt, recipientEndRecorded);
    }

    public KeyLifecycle destroyedAt(Instant at) {
        return new KeyLifecycle(cryptoperiods, compromise, history, at, recipientEndRecorded);
    }

    public KeyLifecycle withRecipientEndRecorded() {
        return new KeyLifecycle(cryptoperiods, compromise, history, destroyedAt, true);
    }
}
