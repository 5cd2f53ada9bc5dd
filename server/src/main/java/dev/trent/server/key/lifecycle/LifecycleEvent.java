package dev.trent.server.key.lifecycle;

import java.time.Instant;
import java.util.Objects;

/**
 * One entry of a key's lifecycle history: a change of its AWS state or NIST phase, or of its Trent lifecycle
 * settings. {@code awsFrom} is null for the key's creation; {@code awsTo} is null for its destruction;
 * {@code phaseFrom} is null for the creation.
 */
public record LifecycleEvent(
        Instant at,
        String trigger,
        String caller,
        String reason,
        KeyState awsFrom,
        KeyState awsTo,
        NistPhase phaseFrom,
        NistPhase phaseTo) {

    public LifecycleEvent {
        Objects.requireNonNull(at);
        Objects.requireNonNull(trigger);
        Objects.requireNonNull(caller);
        Objects.requireNonNull(phaseTo);
    }
}
