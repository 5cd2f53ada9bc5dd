package dev.trent.server.seed;

/**
 * A seed file that cannot be applied: the message names the file, the line and column of the entry at fault, and
 * the problem, so that it can be the one line {@code trent serve} prints before it exits.
 */
public final class SeedException extends RuntimeException {

    public SeedException(SeedNode.Location at, String problem) {
        super("seed file " + at + ": " + problem);
    }

    /** A problem with the file as a whole (unreadable, empty of keys), which has no line. */
    public SeedException(String message, Throwable cause) {
        super(message, cause);
    }
}
