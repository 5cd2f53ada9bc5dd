package dev.trent.server.http;

import java.time.Duration;

/**
 * How long a connection may stay idle and may take to send a request; {@link Duration#ZERO} turns either off.
 *
 * @param idleTimeout        no request being sent and none unanswered for this long closes the connection
 * @param requestReadTimeout a request not complete this long after its first byte closes the connection
 */
public record ConnectionSettings(Duration idleTimeout, Duration requestReadTimeout) {

    public ConnectionSettings {
        if (idleTimeout.isNegative() || requestReadTimeout.isNegative()) {
            throw new IllegalArgumentException("timeouts must not be negative");
        }
    }
}
