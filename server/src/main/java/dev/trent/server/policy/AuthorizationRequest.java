package dev.trent.server.policy;

import java.util.Objects;

/**
 * One authorization question: may {@code principal} perform {@code action} (e.g. {@code kms:Encrypt}) on
 * {@code resource}, given the request's condition keys. {@code crossAccountUse} says whether the action may act
 * on another account's resource at all (KMS's "Cross-account use" column); when it may not, no policy of the
 * resource's account can allow it.
 */
public record AuthorizationRequest(PolicyPrincipal principal, String action, Resource resource, ContextKeys context,
        boolean crossAccountUse) {

    public AuthorizationRequest {
        Objects.requireNonNull(principal);
        Objects.requireNonNull(action);
        Objects.requireNonNull(resource);
        Objects.requireNonNull(context);
    }

    public boolean crossAccount() {
        return !principal.account().equals(resource.account());
    }
}
