package dev.trent.server.key.lifecycle;

import dev.trent.server.error.KMSInvalidStateException;
import java.time.Instant;

/**
 * What a key's Trent lifecycle data forbids, on top of its AWS state ({@link KeyStateRules} is checked first):
 * a compromised key never protects and processes only when its compromise allows it; after the originator-usage
 * period a key no longer protects; after the recipient-usage period it no longer processes. Each refusal is
 * AWS's KMSInvalidStateException with a message that names the phase and the reason. A key without
 * cryptoperiods or compromise is never refused here.
 */
public final class LifecycleRules {

    private LifecycleRules() {
    }

    /** Throws when {@code lifecycle} forbids {@code operation} at {@code now}. */
    public static void check(KeyOperation operation, String keyArn, Instant created, KeyLifecycle lifecycle,
            Instant now) {
        UsageRole role = UsageRole.of(operation);
        if (role == UsageRole.NEITHER) {
            return;
        }
        Compromise compromise = lifecycle.compromise();
        if (compromise != null) {
            String why = keyArn + " is compromised (since " + compromise.at() + ": " + compromise.reason() + ")";
            if (role == UsageRole.PROTECT) {
                throw new KMSInvalidStateException(why + ", so it may not protect data.");
            }
            if (!compromise.processingAllowed()) {
                throw new KMSInvalidStateException(why + ", and its compromise setting forbids processing data.");
            }
        }
        Cryptoperiods periods = lifecycle.cryptoperiods();
        if (periods == null) {
            return;
        }
        if (role == UsageRole.PROTECT) {
            periods.originatorUsageEnds(created).filter(end -> !now.isBefore(end)).ifPresent(end -> {
                throw new KMSInvalidStateException(keyArn + " is deactivated: its originator-usage period ended at "
                        + end + ", so it may process data but not protect it.");
            });
        } else {
            periods.recipientUsageEnds(created).filter(end -> !now.isBefore(end)).ifPresent(end -> {
                throw new KMSInvalidStateException(keyArn + " is deactivated: its recipient-usage period ended at "
                        + end + ", so it may no longer process data.");
            });
        }
    }
}
