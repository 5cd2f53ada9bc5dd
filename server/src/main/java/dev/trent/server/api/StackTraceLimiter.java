package dev.trent.server.api;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/**
 * Decides whether an unexpected failure earns a full stack trace in the log. One client repeating a request that
 * fails the same way would otherwise write the same trace for every request; here each cause (its exception class
 * and the frame that threw it, and those of its root cause) gets one full trace per interval, and the failures
 * left out are counted and reported with the next trace of that cause.
 */
public final class StackTraceLimiter {

    /** Whether to log the whole trace now; {@code suppressed} is how many of this cause went without one before. */
    public record Verdict(boolean fullTrace, long suppressed, String cause) {
    }

    /** Distinct causes remembered at most; beyond it, old entries are forgotten first. */
    private static final int MAX_CAUSES = 1024;

    private static final class Entry {
        Instant lastTrace;
        long suppressed;
    }

    private final Clock clock;
    private final Duration interval;
    private final Map<String, Entry> causes = new HashMap<>();

    public StackTraceLimiter(Clock clock, Duration interval) {
        if (interval.isNegative()) {
            throw new IllegalArgumentException("a negative interval: " + interval);
        }
        this.clock = clock;
        this.interval = interval;
    }

    public synchronized Verdict admit(Throwable failure) {
        String cause = signature(failure);
        Instant now = clock.instant();
        Entry entry = causes.get(cause);
        if (entry != null && now.isBefore(entry.lastTrace.plus(interval))) {
            entry.suppressed++;
            return new Verdict(false, entry.suppressed, cause);
        }
        if (entry == null) {
            if (causes.size() >= MAX_CAUSES) {
                causes.values().removeIf(e -> !now.isBefore(e.lastTrace.plus(interval)));
                if (causes.size() >= MAX_CAUSES) {
                    causes.clear();
                }
            }
            entry = new Entry();
            causes.put(cause, entry);
        }
        long before = entry.suppressed;
        entry.lastTrace = now;
        entry.suppressed = 0;
        return new Verdict(true, before, cause);
    }

    /** {@code Class@frame}, followed by the root cause's when it differs. */
    static String signature(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String own = describe(failure);
        return root == failure ? own : own + " <- " + describe(root);
    }

    private static String describe(Throwable t) {
        StackTraceElement[] frames = t.getStackTrace();
        return t.getClass().getName() + "@" + (frames.length == 0 ? "?" : frames[0].toString());
    }
}
