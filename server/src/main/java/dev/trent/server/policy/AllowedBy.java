package dev.trent.server.policy;

/** What made an allowed request allowed. */
public enum AllowedBy {
    /** The key policy named the caller (or its role, or everyone). */
    KEY_POLICY,
    /** The key policy allowed the account (or another account) and the caller's identity policies allowed it. */
    KEY_POLICY_AND_IDENTITY,
    /** Identity policies alone, for actions no key policy governs (CreateKey, ListKeys, alias permissions). */
    IDENTITY,
    /** A grant on the key. */
    GRANT
}
