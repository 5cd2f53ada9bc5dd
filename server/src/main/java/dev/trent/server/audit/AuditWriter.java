package dev.trent.server.audit;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Writes queued events on its own thread, many per commit, and signs a digest when one falls due while idle.
 * The queue holds at most what {@link AuditTrail}'s room admits; an event's room is given back only once it is
 * written, so a commit that fails keeps its events (tried again a moment later) and their room.
 */
final class AuditWriter {

    private static final Logger LOG = Logger.getLogger(AuditWriter.class.getName());
    /** The most events one commit carries. */
    static final int BATCH = 512;
    private static final long IDLE_MILLIS = 200;
    private static final long RETRY_MILLIS = 1000;

    private final AuditChain chain;
    private final AuditStore store;
    private final Semaphore room;
    private final LinkedBlockingQueue<AuditEvent> queue = new LinkedBlockingQueue<>();
    private final Thread thread;
    private final Object progress = new Object();
    private final java.util.concurrent.atomic.AtomicLong enqueued = new java.util.concurrent.atomic.AtomicLong();
    private long written;
    private volatile boolean running = true;

    AuditWriter(AuditChain chain, AuditStore store, Semaphore room) {
        this.chain = chain;
        this.store = store;
        this.room = room;
        this.thread = new Thread(this::run, "trent-audit-writer");
        this.thread.setDaemon(true);
        this.thread.start();
    }

    void enqueue(AuditEvent event) {
        // Counted without a lock: every worker thread passes here.
        enqueued.incrementAndGet();
        queue.add(event);
    }

    private void run() {
        List<AuditEvent> batch = new ArrayList<>();
        while (running || !queue.isEmpty() || !batch.isEmpty()) {
            try {
                if (batch.isEmpty()) {
                    AuditEvent first = queue.poll(IDLE_MILLIS, TimeUnit.MILLISECONDS);
                    if (first == null) {
                        chain.digest(true, store::write);
                        continue;
                    }
                    batch.add(first);
                }
                queue.drainTo(batch, BATCH - batch.size());
                chain.append(batch, store::write);
                room.release(batch.size());
                synchronized (progress) {
                    written += batch.size();
                    progress.notifyAll();
                }
                batch.clear();
            } catch (InterruptedException e) {
                running = false;
            } catch (RuntimeException e) {
                LOG.log(Level.SEVERE, "writing " + batch.size() + " audit events failed; retrying", e);
                if (!pause()) {
                    return;
                }
            }
        }
    }

    private boolean pause() {
        try {
            Thread.sleep(RETRY_MILLIS);
            return true;
        } catch (InterruptedException e) {
            return false;
        }
    }

    void flush() {
        synchronized (progress) {
            long target = enqueued.get();
            while (written < target && thread.isAlive()) {
                try {
                    progress.wait(100);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    /** Writes everything queued, then stops. */
    void close() {
        running = false;
        try {
            thread.join(10_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
