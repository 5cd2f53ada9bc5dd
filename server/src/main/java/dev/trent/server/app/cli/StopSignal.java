package dev.trent.server.app.cli;

/** How {@code trent serve} learns that it should stop. Single use: arm once, then await. */
public interface StopSignal {

    /**
     * Starts listening for a stop request (Ctrl-C, SIGTERM). If the JVM shuts down some other way instead,
     * {@code onJvmShutdown} runs in a shutdown hook.
     */
    void arm(Runnable onJvmShutdown);

    /** Blocks until a stop was requested (possibly before this call); the caller then closes the server. */
    void await() throws InterruptedException;
}
