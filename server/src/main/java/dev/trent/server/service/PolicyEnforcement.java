package dev.trent.server.service;

import dev.trent.server.key.Scope;
import dev.trent.server.key.StoredKey;
import dev.trent.server.key.lifecycle.KeyOperation;

/**
 * The one place where a key policy decides whether a request may use a key. Trent stores and validates key
 * policies but does not evaluate them yet: {@link #ALLOW_ALL} lets every request through. A later issue plugs
 * policy evaluation in here; {@link KeyLookup#forOperation} calls it for every key an operation resolves.
 * Grants are likewise stored (CreateGrant, ListGrants, RetireGrant, RevokeGrant; see {@link GrantService}) but
 * not enforced: a grant neither allows nor is required for anything yet, and the GrantTokens member of other
 * operations is read and checked for length only. Grant evaluation belongs here too, with policy evaluation.
 */
@FunctionalInterface
public interface PolicyEnforcement {

    /** Lets every request through. */
    PolicyEnforcement ALLOW_ALL = (scope, key, operation) -> { };

    /** Throws (AccessDeniedException, once implemented) when the caller may not run {@code operation} on the key. */
    void check(Scope scope, StoredKey key, KeyOperation operation);
}
