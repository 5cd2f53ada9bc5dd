package dev.trent.server.app;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The time-driven work of a server, in the order it runs on every tick: keys whose deletion window has ended
 * are destroyed, imported material past its ValidTo is deleted, due keys rotate, and key usage is saved. Each
 * task reads time from the injected clock; a failing task is logged and retried on the next tick, and does
 * not stop the others.
 */
final class Housekeeping {

    private static final Logger LOG = Logger.getLogger(Housekeeping.class.getName());

    private final Map<String, Runnable> tasks = new LinkedHashMap<>();

    Housekeeping add(String name, Runnable task) {
        tasks.put(name, task);
        return this;
    }

    /** Runs every task once, now. */
    void run() {
        tasks.forEach((name, task) -> {
            try {
                task.run();
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, name + " failed; it will be retried", e);
            }
        });
    }
}
