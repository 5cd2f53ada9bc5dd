package dev.trent.server.audit;

import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Event ids: random version-4 UUIDs, as CloudTrail's look. They need to be unique, not unpredictable, so they
 * come from each thread's own generator rather than the one shared SecureRandom behind UUID.randomUUID, which
 * every data-plane thread would otherwise queue for.
 */
final class EventIds {

    private EventIds() {
    }

    static String next() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        long high = random.nextLong() & ~0xF000L | 0x4000L;
        long low = random.nextLong() & ~(0x3L << 62) | (0x2L << 62);
        return new UUID(high, low).toString();
    }
}
