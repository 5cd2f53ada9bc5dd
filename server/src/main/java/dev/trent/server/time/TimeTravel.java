package dev.trent.server.time;

import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;
import java.util.logging.Logger;

/**
 * Moves a server's clock and fires, in order and at once, everything that would have happened in that time.
 * Advancing by a year does not jump there: time stops at each instant some housekeeping task is due (a
 * deletion window ends, a rotation falls due, imported material expires), the housekeeping runs there, and
 * only then does time go on. A key rotating every 365 days, advanced by 800, rotates twice, each time dated
 * on its due date.
 *
 * <p>Advancing, resetting and the scheduled housekeeping {@link #tick()} take one lock, so the background
 * sweep never runs in the middle of a journey, and two journeys never interleave.
 */
public final class TimeTravel {

    private static final Logger LOG = Logger.getLogger(TimeTravel.class.getName());

    private final MovableClock clock;
    private final Housekeeping housekeeping;
    private final ReentrantLock lock = new ReentrantLock();

    public TimeTravel(MovableClock clock, Housekeeping housekeeping) {
        this.clock = clock;
        this.housekeeping = housekeeping;
    }

    public MovableClock clock() {
        return clock;
    }

    /** Runs the housekeeping once at the current time: what the background schedule calls. */
    public void tick() {
        lock.lock();
        try {
            housekeeping.run();
        } finally {
            lock.unlock();
        }
    }

    /**
     * Moves the clock forward by {@code amount}, running the housekeeping at every due instant on the way and
     * once more at the end; returns how many things each timed task did in all.
     *
     * @throws IllegalArgumentException unless {@code amount} is positive
     */
    public Map<String, Integer> advance(Duration amount) {
        MovableClock.requireForward(amount);
        lock.lock();
        try {
            Map<String, Integer> fired = new LinkedHashMap<>();
            housekeeping.timedTaskNames().forEach(name -> fired.put(name, 0));
            Instant target = clock.instant().plus(amount);
            try {
                fireDueUntil(target, fired);
                clock.advance(amount);
            } finally {
                clock.release();
            }
            add(fired, housekeeping.run());
            return Collections.unmodifiableMap(fired);
        } finally {
            lock.unlock();
        }
    }

    /** Takes the clock back to real time. Nothing that fired is undone. */
    public void reset() {
        lock.lock();
        try {
            clock.reset();
        } finally {
            lock.unlock();
        }
    }

    /**
     * Runs {@code work} while neither the scheduled housekeeping nor a journey runs, so that work sees no key
     * rotating or being deleted under it.
     */
    public <T> T withoutHousekeeping(Supplier<T> work) {
        lock.lock();
        try {
            return work.get();
        } finally {
            lock.unlock();
        }
    }

    private void fireDueUntil(Instant target, Map<String, Integer> fired) {
        Instant previous = null;
        while (true) {
            Optional<Instant> due = housekeeping.nextDue();
            if (due.isEmpty() || due.get().isAfter(target)) {
                return;
            }
            // Work already overdue (the background sweep has not come round yet) fires now; time never goes back.
            Instant step = latest(due.get(), clock.instant());
            if (previous != null && !step.isAfter(previous)) {
                LOG.warning("housekeeping still reports work due at " + due.get() + " after running at "
                        + previous + "; skipping ahead to " + target);
                return;
            }
            clock.hold(step);
            add(fired, housekeeping.run());
            previous = step;
        }
    }

    private static Instant latest(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }

    private static void add(Map<String, Integer> total, Map<String, Integer> more) {
        more.forEach((name, count) -> total.merge(name, count, Integer::sum));
    }
}
