package dev.trent.server.key.lifecycle;

import dev.trent.server.error.DisabledException;
import dev.trent.server.error.KMSInvalidStateException;
import dev.trent.server.error.KmsException;
import java.util.Optional;

/**
 * One cell of the state x operation matrix: allowed, or the exception AWS raises, with the footnote of the
 * AWS key-state table it comes from.
 */
public enum StateRule {
    ALLOWED(null),
    /** [1] DisabledException: "&lt;key ARN&gt; is disabled." */
    DISABLED("%s is disabled."),
    /** [3] KMSInvalidStateException: "&lt;key ARN&gt; is pending deletion." */
    PENDING_DELETION("%s is pending deletion."),
    /** [3] for the multi-Region variant of the same state. */
    PENDING_REPLICA_DELETION("%s is pending replica deletion."),
    /** [4] KMSInvalidStateException: "&lt;key ARN&gt; is not pending deletion." */
    NOT_PENDING_DELETION("%s is not pending deletion."),
    /** [5] KMSInvalidStateException: "&lt;key ARN&gt; is pending import." */
    PENDING_IMPORT("%s is pending import."),
    /** [11] KMSInvalidStateException: "&lt;key ARN&gt; is unavailable." */
    UNAVAILABLE("%s is unavailable."),
    /** [14] KMSInvalidStateException: "&lt;key ARN&gt; is creating." */
    CREATING("%s is creating."),
    /** [15] KMSInvalidStateException: "&lt;key ARN&gt; is updating." */
    UPDATING("%s is updating.");

    private final String template;

    StateRule(String template) {
        this.template = template;
    }

    /** The exception this cell means for the key with this ARN; empty when allowed. */
    public Optional<KmsException> exceptionFor(String keyArn) {
        if (this == ALLOWED) {
            return Optional.empty();
        }
        String message = String.format(template, keyArn);
        return Optional.of(this == DISABLED ? new DisabledException(message) : new KMSInvalidStateException(message));
    }
}
