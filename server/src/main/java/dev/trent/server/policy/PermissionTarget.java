package dev.trent.server.policy;

/** What one permission of a KMS operation is checked against. */
public enum PermissionTarget {
    /** The key the operation names (KeyId; for ReEncrypt the source key; for UpdateAlias the alias's current key). */
    KEY,
    /**
     * The operation's second key: ReEncrypt's destination key, UpdateAlias's new target key, UpdatePrimaryRegion's
     * replica in the new primary Region.
     */
    SECOND_KEY,
    /** The alias of CreateAlias, UpdateAlias or DeleteAlias, by alias ARN; governed by identity policies only. */
    ALIAS,
    /** No key: the caller's account in the request's Region; identity policies only. */
    ACCOUNT,
    /** The caller's account in ReplicateKey's ReplicaRegion, where the replica is created. */
    REPLICA_REGION
}
