package dev.trent.server.audit;

import java.time.Duration;
import java.time.Instant;

/**
 * When the chain head is signed: after every {@code events} events, or once {@code interval} has passed since
 * the last digest with any event since, and always at shutdown.
 */
public record DigestPolicy(int events, Duration interval) {

    /** Every 1,000 events or 5 minutes. */
    public static final DigestPolicy DEFAULT = new DigestPolicy(1000, Duration.ofMinutes(5));

    public DigestPolicy {
        if (events < 1 || interval.isNegative() || interval.isZero()) {
            throw new IllegalArgumentException("a digest needs at least one event and a positive interval");
        }
    }

    boolean due(ChainHead head, Instant now) {
        long undigested = head.lastSequence() - head.lastDigestSequence();
        return undigested >= events
                || undigested > 0 && !now.isBefore(head.lastDigestTime().plus(interval));
    }
}
