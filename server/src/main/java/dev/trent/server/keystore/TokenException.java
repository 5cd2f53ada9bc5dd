package dev.trent.server.keystore;

/** A token refused or failed an operation; {@link #code()} is what DescribeCustomKeyStores reports for it. */
public final class TokenException extends Exception {

    private final ConnectionErrorCode code;

    public TokenException(ConnectionErrorCode code, String message, Throwable cause) {
        super(message, cause);
        this.code = code;
    }

    public TokenException(ConnectionErrorCode code, String message) {
        this(code, message, null);
    }

    public ConnectionErrorCode code() {
        return code;
    }
}
