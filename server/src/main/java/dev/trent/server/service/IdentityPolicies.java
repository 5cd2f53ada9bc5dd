package dev.trent.server.service;

import dev.trent.server.auth.Principal;
import dev.trent.server.policy.Policy;
import dev.trent.server.policy.PolicyPrincipal;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What a verified caller carries into every request: itself as policies see it (with its tags), its identity
 * policies (inline and managed, of the user or of the role behind a session) and, for a session given a policy
 * when it was created, that session policy, which caps what the session may do.
 */
public interface IdentityPolicies {

    /** Principals without policies or tags: an account root needs none, and no other principal exists without IAM. */
    IdentityPolicies NONE = principal -> new Caller(asPolicyPrincipal(principal), List.of(), null);

    /** The caller with its policies; the same answer, by identity, while nothing about the caller changed. */
    Caller of(Principal principal);

    /**
     * @param identity the caller's identity policies, none for an account root
     * @param session  the session policies that cap a role session, or null when there are none
     */
    record Caller(PolicyPrincipal principal, List<Policy> identity, List<Policy> session) {

        public Caller {
            Objects.requireNonNull(principal);
            identity = List.copyOf(identity);
            session = session == null ? null : List.copyOf(session);
        }
    }

    /** The caller as policies name it, without tags; a session's role ARN is rebuilt from its assumed-role ARN. */
    static PolicyPrincipal asPolicyPrincipal(Principal principal) {
        return switch (principal.kind()) {
            case ROOT -> PolicyPrincipal.root(principal.account());
            case USER -> PolicyPrincipal.user(principal.account(), principal.arn(), principal.principalId(), Map.of());
            case ASSUMED_ROLE -> {
                String[] path = principal.arn().substring(principal.arn().indexOf(":assumed-role/")
                        + ":assumed-role/".length()).split("/", 2);
                String roleArn = "arn:aws:iam::" + principal.account() + ":role/" + path[0];
                yield PolicyPrincipal.session(principal.account(), roleArn, path.length > 1 ? path[1] : "",
                        principal.principalId(), Map.of());
            }
        };
    }
}
