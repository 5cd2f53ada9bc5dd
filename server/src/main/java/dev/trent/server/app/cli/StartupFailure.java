package dev.trent.server.app.cli;

import dev.trent.server.app.TlsSetupException;
import dev.trent.server.app.TrentConfig;
import dev.trent.server.seed.SeedException;
import dev.trent.storage.DataDirInUseException;
import dev.trent.storage.StorageException;
import java.net.BindException;
import java.nio.channels.UnresolvedAddressException;

/** Turns whatever {@code TrentServer.start} threw into the one line {@code trent serve} prints. */
final class StartupFailure {

    private StartupFailure() {
    }

    static String describe(Throwable failure, TrentConfig config) {
        // Storage messages are written for operators and name the file or data dir
        // (WrongRootOfTrustException, a StorageException, says which key file or passphrase does not fit).
        // A seed file's messages name the file, line and column themselves.
        SeedException seed = find(failure, SeedException.class);
        if (seed != null) {
            return oneLine(seed.getMessage());
        }
        DataDirInUseException inUse = find(failure, DataDirInUseException.class);
        if (inUse != null) {
            return inUse.getMessage() + "; stop it or use another --data-dir";
        }
        // A certificate's messages name the option and the file.
        TlsSetupException tls = find(failure, TlsSetupException.class);
        if (tls != null) {
            return oneLine(tls.getMessage());
        }
        StorageException storage = find(failure, StorageException.class);
        if (storage != null) {
            return messageOf(storage);
        }
        String listenAddress = config.host() + ":" + config.port();
        BindException bind = find(failure, BindException.class);
        if (bind != null) {
            return "cannot listen on " + listenAddress + ": " + messageOf(bind);
        }
        if (find(failure, UnresolvedAddressException.class) != null) {
            return "cannot listen on " + listenAddress + ": unknown host '" + config.host() + "'";
        }
        return "cannot start: " + messageOf(failure);
    }

    /** The outermost {@code type} in the cause chain, or null. */
    static <T extends Throwable> T find(Throwable failure, Class<T> type) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
        }
        return null;
    }

    /**
     * The outermost message written by a person: {@code new X(cause)} copies {@code cause.toString()} into its
     * message, which adds nothing but a class name. Falls back to the innermost class name.
     */
    static String messageOf(Throwable failure) {
        Throwable innermost = failure;
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            String message = t.getMessage();
            boolean copiedFromCause = t.getCause() != null && t.getCause().toString().equals(message);
            if (message != null && !message.isBlank() && !copiedFromCause) {
                return oneLine(message);
            }
            innermost = t;
        }
        return innermost.getClass().getSimpleName();
    }

    static String oneLine(String text) {
        return text.strip().replaceAll("\\s*\\R\\s*", " ");
    }
}
