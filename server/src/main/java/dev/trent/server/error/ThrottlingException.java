package dev.trent.server.error;

/**
 * {@code ThrottlingException}: the request was refused because Trent has as much work queued as it accepts. Not
 * in the KMS model, but what KMS sends when a caller exceeds its request quota, with HTTP 400. The message is
 * KMS's own wording, as raw KMS error bodies show it (2015 and 2023); other AWS JSON services say "Rate
 * exceeded", but a KMS client sees KMS's sentence.
 */
public final class ThrottlingException extends KmsException {

    static final String MESSAGE = "You have exceeded the rate at which you may call KMS. Reduce the frequency of "
            + "your calls.";

    public ThrottlingException() {
        super(MESSAGE);
    }

    /** Throttled for a reason of Trent's own, which {@code message} tells. */
    public ThrottlingException(String message) {
        super(message);
    }
}
