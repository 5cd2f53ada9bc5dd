package dev.trent.server.key.lifecycle;

import java.time.Instant;

/**
 * A key's NIST SP 800-57 phase, derived from its AWS state and its Trent lifecycle data at a given time. The
 * order of the checks is the precedence: destruction, then compromise, then the AWS states that already stop
 * protection (pending deletion), then an ended originator-usage period, then suspension.
 */
public final class NistPhases {

    private NistPhases() {
    }

    /** The phase of a key that no longer exists. */
    public static NistPhase ofDestroyed(KeyLifecycle lifecycle) {
        return lifecycle.compromised() ? NistPhase.DESTROYED_COMPROMISED : NistPhase.DESTROYED;
    }

    /**
     * The phase of an existing key.
     *
     * @param state           its AWS state
     * @param everHadMaterial false only for a key that has never held material (imported or generated)
     * @param created         its creation date, from which cryptoperiods count
     */
    public static NistPhase of(KeyState state, boolean everHadMaterial, Instant created, KeyLifecycle lifecycle,
            Instant now) {
        if (lifecycle.compromised()) {
            return NistPhase.COMPROMISED;
        }
        if (state == KeyState.PendingDeletion || state == KeyState.PendingReplicaDeletion) {
            return NistPhase.DEACTIVATED;
        }
        boolean protectionEnded = lifecycle.periods()
                .flatMap(p -> p.originatorUsageEnds(created))
                .map(end -> !now.isBefore(end))
                .orElse(false);
        if (protectionEnded) {
            return NistPhase.DEACTIVATED;
        }
        if (state == KeyState.PendingImport) {
            // Material that was imported and then deleted or expired can come back: a suspension, not a key
            // that was never active.
            return everHadMaterial ? NistPhase.SUSPENDED : NistPhase.PRE_ACTIVATION;
        }
        return state.nistPhase();
    }
}
