package dev.trent.server.fuzz;

/**
 * The Trent a fuzz target runs against, started on first use and started afresh every so many inputs, so
 * that a long session's keys and aliases do not pile up without bound.
 */
final class Fixture implements AutoCloseable {

    private static final int INPUTS_PER_TRENT = 20_000;

    private FuzzedTrent trent;
    private int inputs;

    synchronized FuzzedTrent get() {
        if (trent == null || ++inputs % INPUTS_PER_TRENT == 0) {
            close();
            trent = FuzzedTrent.start();
        }
        return trent;
    }

    @Override
    public synchronized void close() {
        if (trent != null) {
            trent.close();
            trent = null;
        }
    }
}
