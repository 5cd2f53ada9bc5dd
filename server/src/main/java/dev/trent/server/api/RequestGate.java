package dev.trent.server.api;

import java.util.concurrent.locks.StampedLock;
import java.util.function.Supplier;

/**
 * Lets KMS requests run side by side, and lets one piece of work run alone: {@link #exclusively} waits until
 * every request in flight has finished and holds new ones back until it is done, so a request sees the state
 * of the server before that work or after it, never in between. The wipe behind the reset endpoints is such
 * work; requests take the shared side, which costs an uncontended read lock.
 */
public final class RequestGate {

    // StampedLock queues new readers behind a waiting writer, so a steady stream of requests cannot keep the
    // exclusive work waiting; requests never nest, so its lack of reentrancy does not matter.
    private final StampedLock lock = new StampedLock();

    /** Runs one request, beside other requests but never beside exclusive work. */
    public <T> T request(Supplier<T> request) {
        long stamp = lock.readLock();
        try {
            return request.get();
        } finally {
            lock.unlockRead(stamp);
        }
    }

    /** Runs {@code work} once no request is in flight, holding new requests back until it returns. */
    public <T> T exclusively(Supplier<T> work) {
        long stamp = lock.writeLock();
        try {
            return work.get();
        } finally {
            lock.unlockWrite(stamp);
        }
    }
}
