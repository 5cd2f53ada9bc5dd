package dev.trent.storage;

import java.io.IOException;
import java.net.InetAddress;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Who holds a data dir's lock and what it is doing with it. Written into the lock file, so that a process refused
 * the lock can tell its user which process to stop.
 */
record DataDirHolder(long pid, String host, Instant since, String activity) {

    /** This process, doing {@code activity} from now on. */
    static DataDirHolder thisProcess(String activity, Clock clock) {
        return new DataDirHolder(ProcessHandle.current().pid(), hostName(), clock.instant().truncatedTo(ChronoUnit.SECONDS),
                oneLine(activity));
    }

    /** The same holder, now doing {@code newActivity}; the time it took the lock stays. */
    DataDirHolder doing(String newActivity) {
        return new DataDirHolder(pid, host, since, oneLine(newActivity));
    }

    /** The lock file's text: one {@code name=value} line per field. */
    String fileText() {
        return "pid=" + pid + "\nhost=" + host + "\nsince=" + since + "\nactivity=" + activity + "\n";
    }

    /** Reads what {@link #fileText()} wrote; empty if the text is not that (a holder that has not written yet). */
    static Optional<DataDirHolder> parse(String text) {
        Map<String, String> fields = new HashMap<>();
        for (String line : text.split("\n")) {
            int equals = line.indexOf('=');
            if (equals > 0) {
                fields.put(line.substring(0, equals), line.substring(equals + 1));
            }
        }
        try {
            return Optional.of(new DataDirHolder(Long.parseLong(fields.get("pid")), fields.getOrDefault("host", "?"),
                    Instant.parse(fields.get("since")), fields.getOrDefault("activity", "?")));
        } catch (NumberFormatException | DateTimeParseException | NullPointerException e) {
            return Optional.empty();
        }
    }

    /** For a person: {@code pid 1234 on host x, serving http://127.0.0.1:4566 since 2026-12-03T15:00:00Z}. */
    String describe() {
        return "pid " + pid + " on host " + host + ", " + activity + " since " + since;
    }

    private static String hostName() {
        try {
            return oneLine(InetAddress.getLocalHost().getHostName());
        } catch (IOException e) {
            return "unknown";
        }
    }

    private static String oneLine(String text) {
        return text.replaceAll("[\\r\\n]+", " ");
    }
}
