package dev.trent.server.time;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.IntSupplier;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The time-driven work of a server, run in the order the tasks were added: for Trent, keys whose deletion
 * window has ended are destroyed, imported material past its ValidTo is deleted, due keys rotate, and key
 * usage is saved. Each task reads time from the injected clock; a failing task is logged and retried on the
 * next run, and does not stop the others.
 *
 * <p>A timed task says when it is next due and how many things it did, so {@link TimeTravel} can stop at each
 * due instant and report what fired; a chore (saving usage) just runs.
 */
public final class Housekeeping {

    private static final Logger LOG = Logger.getLogger(Housekeeping.class.getName());

    private record Task(String name, IntSupplier work, Supplier<Optional<Instant>> nextDue) {
    }

    private final List<Task> tasks = new ArrayList<>();

    /**
     * Adds a timed task. {@code name} is also how its count is reported (for example {@code keysDeleted});
     * {@code work} does everything due by now and returns how many things it did; {@code nextDue} tells when
     * the earliest thing not done yet falls due, or empty when nothing is waiting.
     */
    public Housekeeping add(String name, IntSupplier work, Supplier<Optional<Instant>> nextDue) {
        requireNewName(name);
        tasks.add(new Task(name, work, nextDue));
        return this;
    }

    /** Adds a chore that runs every time but is never due and reports no count. */
    public Housekeeping add(String name, Runnable chore) {
        requireNewName(name);
        tasks.add(new Task(name, () -> {
            chore.run();
            return 0;
        }, null));
        return this;
    }

    /** Runs every task once, now; returns the count of each timed task, in the order they were added. */
    public Map<String, Integer> run() {
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (Task task : tasks) {
            int done = 0;
            try {
                done = task.work().getAsInt();
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "housekeeping task " + task.name() + " failed; it will be retried", e);
            }
            if (task.nextDue() != null) {
                counts.put(task.name(), done);
            }
        }
        return Collections.unmodifiableMap(counts);
    }

    /** The names of the timed tasks, in order: what {@link #run()} reports counts for. */
    public List<String> timedTaskNames() {
        return tasks.stream().filter(t -> t.nextDue() != null).map(Task::name).toList();
    }

    /** The earliest instant at which any timed task has work, or empty when none has. */
    public Optional<Instant> nextDue() {
        Instant earliest = null;
        for (Task task : tasks) {
            if (task.nextDue() == null) {
                continue;
            }
            try {
                Optional<Instant> due = task.nextDue().get();
                if (due.isPresent() && (earliest == null || due.get().isBefore(earliest))) {
                    earliest = due.get();
                }
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "cannot tell when housekeeping task " + task.name() + " is next due", e);
            }
        }
        return Optional.ofNullable(earliest);
    }

    private void requireNewName(String name) {
        if (tasks.stream().anyMatch(t -> t.name().equals(name))) {
            throw new IllegalArgumentException("a housekeeping task named " + name + " exists already");
        }
    }
}
