package dev.trent.server.service;

import dev.trent.server.error.KmsException;
import dev.trent.server.error.NotFoundException;
import dev.trent.server.key.Scope;
import dev.trent.server.key.StoredKey;
import dev.trent.server.key.lifecycle.KeyOperation;
import dev.trent.server.policy.PermissionTarget;

/**
 * The one place where policies and grants decide whether a request may use a key. {@link #ALLOW_ALL} (with
 * {@code --auth off} and {@code verify}) lets every request through; {@link KeyAuthorization} (with
 * {@code enforce}) asks the key policy, the caller's identity policies and the key's grants.
 * {@link KeyLookup} calls it for every key an operation resolves, before the key's state is judged, as AWS
 * refuses a caller before telling it anything about the key.
 */
public interface PolicyEnforcement {

    /** Lets every request through, and keeps every caller inside its own account. */
    PolicyEnforcement ALLOW_ALL = (scope, key, operation, target) -> { };

    /**
     * Throws AccessDeniedException when the caller may not run {@code operation} on {@code key}, which plays the
     * part {@code target} in the request (the second key of ReEncrypt, UpdateAlias and UpdatePrimaryRegion).
     */
    void check(Scope scope, StoredKey key, KeyOperation operation, PermissionTarget target);

    /**
     * Whether a key ARN of another account reaches that account's key. Only when policies decide who may use it;
     * otherwise every caller stays in the account its access key picks.
     */
    default boolean crossAccount() {
        return false;
    }

    /**
     * The refusal for a key or alias ARN of another account that names nothing: the same as for a key there the
     * caller may not use, so that a caller cannot learn which keys another account has. {@code operation} is the
     * permission the key was looked up for, or null for the request's own (Decrypt's KeyId).
     */
    default KmsException absentElsewhere(String arn, KeyOperation operation) {
        return new NotFoundException("Key '" + arn + "' does not exist");
    }
}
