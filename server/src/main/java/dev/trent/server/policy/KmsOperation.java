package dev.trent.server.policy;

import java.util.List;

/**
 * A KMS API operation's authorization needs, from the "Required permissions" and "Cross-account use" notes of
 * the KMS API reference: the permissions it checks, in order, and whether it may act on another account's key.
 */
public record KmsOperation(String name, boolean crossAccountUse, List<KmsPermission> permissions) {

    public KmsOperation {
        permissions = List.copyOf(permissions);
    }

    /** True when no key policy is consulted at all (CreateKey, ListKeys, ListAliases, custom key stores, ...). */
    public boolean accountLevel() {
        return permissions.stream().noneMatch(KmsPermission::keyPolicyApplies);
    }
}
