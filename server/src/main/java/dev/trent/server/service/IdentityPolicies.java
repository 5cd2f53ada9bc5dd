package dev.trent.server.service;

import dev.trent.server.policy.Policy;
import dev.trent.server.policy.PolicyPrincipal;
import java.util.List;

/**
 * The policies a principal carries into every request: its identity policies (inline and managed, of the user
 * or of the role behind a session) and, for a session given policies when it was created, those session
 * policies, which cap what the session may do.
 */
public interface IdentityPolicies {

    /** Principals without policies: an account root needs none, and no other principal exists without IAM. */
    IdentityPolicies NONE = new IdentityPolicies() {
        @Override
        public List<Policy> identity(PolicyPrincipal principal) {
            return List.of();
        }

        @Override
        public List<Policy> session(PolicyPrincipal principal) {
            return null;
        }
    };

    List<Policy> identity(PolicyPrincipal principal);

    /** The session's policies, or null when the principal is no session or its session was given none. */
    List<Policy> session(PolicyPrincipal principal);
}
