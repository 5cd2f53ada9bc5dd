package dev.trent.server.key.lifecycle;

/**
 * AWS KMS KeyState, each mapped to the NIST SP 800-57 phase it corresponds to.
 *
 * <table>
 * <caption>AWS state to NIST phase</caption>
 * <tr><th>AWS</th><th>NIST SP 800-57</th><th>why</th></tr>
 * <tr><td>Creating</td><td>pre-activation</td><td>a replica whose material is still arriving</td></tr>
 * <tr><td>PendingImport</td><td>pre-activation</td><td>no material yet</td></tr>
 * <tr><td>Enabled</td><td>active</td><td>protects and processes</td></tr>
 * <tr><td>Updating</td><td>active</td><td>still usable while the primary Region moves</td></tr>
 * <tr><td>Disabled</td><td>suspended</td><td>reversible stop of all use</td></tr>
 * <tr><td>Unavailable</td><td>suspended</td><td>its key store is disconnected</td></tr>
 * <tr><td>PendingDeletion</td><td>deactivated</td><td>waiting for destruction; AWS also forbids processing</td></tr>
 * <tr><td>PendingReplicaDeletion</td><td>deactivated</td><td>as PendingDeletion, waiting for replicas</td></tr>
 * </table>
 * Destroyed keys have no AWS state at all: they are gone, and AWS answers NotFoundException.
 */
public enum KeyState {
    Creating(NistPhase.PRE_ACTIVATION),
    Enabled(NistPhase.ACTIVE),
    Disabled(NistPhase.SUSPENDED),
    PendingDeletion(NistPhase.DEACTIVATED),
    PendingImport(NistPhase.PRE_ACTIVATION),
    PendingReplicaDeletion(NistPhase.DEACTIVATED),
    Unavailable(NistPhase.SUSPENDED),
    Updating(NistPhase.ACTIVE);

    private final NistPhase nistPhase;

    KeyState(NistPhase nistPhase) {
        this.nistPhase = nistPhase;
    }

    public NistPhase nistPhase() {
        return nistPhase;
    }

    /** DescribeKey's {@code Enabled} flag is true in this state only. */
    public boolean enabledFlag() {
        return this == Enabled;
    }
}
