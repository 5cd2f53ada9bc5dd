package dev.trent.server.error;

/** AWS KMS {@code DryRunOperationException}: the request would have succeeded, but DryRun was set. */
public final class DryRunOperationException extends KmsException {

    private static final String MESSAGE = "The request would have succeeded, but the DryRun option is set.";

    public DryRunOperationException(String message) {
        super(message);
    }

    /** The one answer AWS gives to a dry run that passed every check. */
    public static DryRunOperationException wouldHaveSucceeded() {
        return new DryRunOperationException(MESSAGE);
    }
}
