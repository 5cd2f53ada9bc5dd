package dev.trent.server.http;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.function.LongFunction;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * A log line for an event that can repeat thousands of times a second (a refused connection, a failed accept):
 * every event is counted, and at most one line per interval reports how many happened since the last line.
 * Logging itself may fail when the process is out of file descriptors; that must never stop the caller.
 */
final class ThrottledLog {

    private final Logger log;
    private final Level level;
    private final Clock clock;
    private final Duration interval;
    private Instant lastLine;
    private long unreported;

    ThrottledLog(Logger log, Level level, Clock clock, Duration interval) {
        this.log = log;
        this.level = level;
        this.clock = clock;
        this.interval = interval;
    }

    /** Counts one event; {@code line} gets the number of events since the last line. */
    void event(LongFunction<String> line, Throwable cause) {
        long count;
        synchronized (this) {
            unreported++;
            Instant now = clock.instant();
            if (lastLine != null && now.isBefore(lastLine.plus(interval))) {
                return;
            }
            lastLine = now;
            count = unreported;
            unreported = 0;
        }
        try {
            log.logp(level, log.getName(), null, line.apply(count), cause);
        } catch (RuntimeException | LinkageError e) {
            // Nowhere left to report it; the event was counted and the next line will try again.
        }
    }
}
