package dev.trent.server.key;

import java.time.Instant;

/** The last successful cryptographic use of a key: which operation, when, and in which request. */
public record LastUsage(String operation, Instant timestamp, String requestId) {
}
