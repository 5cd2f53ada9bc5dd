package dev.trent.pkcs11;

/**
 * A PKCS#11 library, token or token key that cannot be used as asked. The message is one line written for an
 * operator; {@link #reason()} says which failure it is, so callers can react without reading the message.
 */
public final class Pkcs11Exception extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** What went wrong, from the library outwards. */
    public enum Reason {
        /** This Java runtime cannot reach PKCS#11 (no SunPKCS11, or its wrapper package is not exported to Trent). */
        JAVA_RUNTIME,
        /** The library path names no file. */
        LIBRARY_NOT_FOUND,
        /** The file is not a PKCS#11 library, or the library fails to initialise. */
        NOT_A_PKCS11_LIBRARY,
        /** No token with the given label is present, or more than one. */
        TOKEN_NOT_FOUND,
        /** The token is already open in this process (PKCS#11 logins are per process, not per handle). */
        TOKEN_ALREADY_OPEN,
        /** The token refused the user PIN (CKR_PIN_INCORRECT). */
        WRONG_PIN,
        /** The PIN is locked, expired or not set up, or login failed for another reason the token gave. */
        LOGIN_FAILED,
        /** No key with the given label in the token. */
        KEY_NOT_FOUND,
        /** A key with the given label exists already. */
        KEY_EXISTS,
        /** The key with the given label is not a sensitive, non-extractable AES-256 key stored on the token. */
        KEY_UNSUITABLE,
        /** The token failed an operation that should have worked. */
        TOKEN_FAILURE
    }

    private final Reason reason;

    public Pkcs11Exception(Reason reason, String message) {
        super(message);
        this.reason = reason;
    }

    public Pkcs11Exception(Reason reason, String message, Throwable cause) {
        super(message, cause);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
