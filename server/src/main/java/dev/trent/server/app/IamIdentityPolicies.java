package dev.trent.server.app;

import dev.trent.server.iam.IamStore;
import dev.trent.server.policy.Policy;
import dev.trent.server.policy.PolicyPrincipal;
import dev.trent.server.policy.PrincipalKind;
import dev.trent.server.service.IdentityPolicies;
import java.util.List;

/**
 * The identity policies KMS authorization weighs, from the IAM store: a user's inline and attached policies, a
 * role session's role's; none for an account root, which needs none.
 */
final class IamIdentityPolicies implements IdentityPolicies {

    private final dev.trent.server.iam.IdentityPolicies policies;

    IamIdentityPolicies(IamStore store) {
        this.policies = new dev.trent.server.iam.IdentityPolicies(store);
    }

    @Override
    public List<Policy> identity(PolicyPrincipal principal) {
        if (principal.kind() == PrincipalKind.ROOT) {
            return List.of();
        }
        return policies.of(principal.principalArn()).map(dev.trent.server.iam.IdentityPolicies.Holding::policies)
                .orElse(List.of());
    }

    /** Session policies travel in the session's token and are not weighed by KMS authorization yet. */
    @Override
    public List<Policy> session(PolicyPrincipal principal) {
        return null;
    }
}
