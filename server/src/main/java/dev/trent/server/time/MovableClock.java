package dev.trent.server.time;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Objects;

/**
 * The server's clock: a base clock (the system's, unless a test injects one) plus an offset that users move
 * forward, so that a 30-day deletion window or a yearly rotation can be watched in seconds. The offset only
 * grows through {@link #advance(Duration)} and only goes back through {@link #reset()}, which returns to the
 * base clock's time without undoing anything.
 *
 * <p>While {@link TimeTravel} fires what fell due on the way, it holds the clock at each due instant, so work
 * done then (a rotation, a deletion) is dated exactly when it was due, not a few milliseconds later.
 */
public final class MovableClock extends Clock {

    private final Clock base;
    private volatile Duration offset = Duration.ZERO;
    /** The instant time stands at while due work fires; null the rest of the time. */
    private volatile Instant heldAt;

    /** The system clock in UTC, not moved yet. */
    public MovableClock() {
        this(Clock.systemUTC());
    }

    public MovableClock(Clock base) {
        this.base = Objects.requireNonNull(base);
    }

    /**
     * Moves the clock forward by {@code amount}. This moves time only; {@link TimeTravel#advance(Duration)} also
     * fires what falls due on the way.
     *
     * @throws IllegalArgumentException unless {@code amount} is positive: the clock never goes backwards
     */
    public synchronized void advance(Duration amount) {
        requireForward(amount);
        offset = offset.plus(amount);
    }

    /** Takes the offset back to zero: the clock tells the base clock's time again. */
    public synchronized void reset() {
        offset = Duration.ZERO;
    }

    /** How far this clock is ahead of its base clock. */
    public Duration offset() {
        return offset;
    }

    @Override
    public Instant instant() {
        Instant held = heldAt;
        return held != null ? held : base.instant().plus(offset);
    }

    @Override
    public ZoneId getZone() {
        return base.getZone();
    }

    /** The same movable time in another zone; moving this clock moves the returned one. */
    @Override
    public Clock withZone(ZoneId zone) {
        MovableClock moved = this;
        return new Clock() {
            @Override
            public ZoneId getZone() {
                return zone;
            }

            @Override
            public Clock withZone(ZoneId other) {
                return moved.withZone(other);
            }

            @Override
            public Instant instant() {
                return moved.instant();
            }
        };
    }

    static void requireForward(Duration amount) {
        Objects.requireNonNull(amount, "amount");
        if (amount.isNegative() || amount.isZero()) {
            throw new IllegalArgumentException("the clock only moves forward: the amount must be positive, got "
                    + amount);
        }
    }

    /** Stops time at {@code instant} until {@link #release()}. */
    synchronized void hold(Instant instant) {
        heldAt = Objects.requireNonNull(instant);
    }

    /** Lets time run again from base clock plus offset. */
    synchronized void release() {
        heldAt = null;
    }
}
