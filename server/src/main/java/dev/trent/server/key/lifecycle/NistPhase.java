package dev.trent.server.key.lifecycle;

/**
 * The key states of NIST SP 800-57 Part 1 Rev. 5, section 7 ("Key States and Transitions"). AWS KMS has no
 * such phases; Trent derives one for every key from its AWS state ({@link KeyState#nistPhase()}) so that a
 * later lifecycle layer can add what AWS lacks (suspension with a reason, compromise, cryptoperiods) as
 * extra data on the key without changing the AWS states.
 */
public enum NistPhase {
    /** Material exists or is awaited but may not yet be used (SP 800-57 7.1). */
    PRE_ACTIVATION,
    /** May protect and process (7.2). */
    ACTIVE,
    /** Temporarily not usable (7.2, suspension). */
    SUSPENDED,
    /** May process what it protected before, never protect anew (7.3). */
    DEACTIVATED,
    /** Known or suspected to be disclosed (7.4). */
    COMPROMISED,
    /** Material gone (7.5). */
    DESTROYED,
    /** Material gone after a compromise (7.6). */
    DESTROYED_COMPROMISED
}
