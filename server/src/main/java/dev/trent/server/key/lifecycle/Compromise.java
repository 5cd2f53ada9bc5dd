package dev.trent.server.key.lifecycle;

import java.time.Instant;
import java.util.Objects;

/**
 * That a key is known or suspected to be disclosed (NIST SP 800-57 Part 1, 7.4). A compromised key never
 * protects again; it processes what it protected before only when {@code processingAllowed}, the choice
 * SP 800-57 leaves to the owner (recovering data may be worth the risk). There is no way back.
 */
public record Compromise(Instant at, String reason, boolean processingAllowed) {

    public Compromise {
        Objects.requireNonNull(at);
        Objects.requireNonNull(reason);
    }
}
