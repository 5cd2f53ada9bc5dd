package dev.trent.server.app.cli;

/**
 * A failure the user can act on: an option value that parses but makes no sense, a missing environment variable,
 * a server that cannot start. The command line prints {@code trent: <message>} and exits with 1 — never a stack
 * trace. Syntax mistakes (unknown option, conflicting options) are picocli's {@code ParameterException}s instead
 * and exit with 2.
 */
public final class CliException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public CliException(String message) {
        super(message);
    }

    public CliException(String message, Throwable cause) {
        super(message, cause);
    }
}
