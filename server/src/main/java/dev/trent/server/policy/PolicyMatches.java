package dev.trent.server.policy;

import java.util.ArrayList;
import java.util.List;

/**
 * The statements of some policies that apply to one request, split by effect. A statement applies when its
 * principal names the caller, its action and resource cover the request's and all its conditions hold.
 */
final class PolicyMatches {

    final List<MatchedStatement> allows = new ArrayList<>();
    final List<MatchedStatement> denies = new ArrayList<>();
    /** The strongest way an applicable Allow statement named the caller. */
    PrincipalMatch strongestAllow = PrincipalMatch.NONE;

    static PolicyMatches of(List<Policy> policies, AuthorizationRequest request) {
        PolicyMatches matches = new PolicyMatches();
        for (Policy policy : policies) {
            matches.add(policy, request);
        }
        return matches;
    }

    private void add(Policy policy, AuthorizationRequest request) {
        PolicyDocument document = policy.document();
        boolean variables = document.variablesEnabled();
        boolean resourcePolicy = policy.type() == PolicyType.RESOURCE_BASED;
        for (Statement statement : document.statements()) {
            // A resource policy grants only to whom it names; an identity policy's statements apply to its holder.
            PrincipalMatch principal = !resourcePolicy ? PrincipalMatch.DIRECT
                    : statement.principals() == null ? PrincipalMatch.NONE
                    : statement.principalMatch(request.principal());
            if (principal == PrincipalMatch.NONE
                    || !statement.coversAction(request.action())
                    || !statement.coversResource(request.resource().arn(), request.context(), variables)
                    || !statement.conditionsHold(request.context(), variables)) {
                continue;
            }
            MatchedStatement matched = new MatchedStatement(policy.name(), policy.type(), statement.index(),
                    statement.sid(), statement.effect(), principal);
            if (statement.effect() == Effect.Deny) {
                denies.add(matched);
            } else {
                allows.add(matched);
                strongestAllow = strongestAllow.strongest(principal);
            }
        }
    }

    boolean allows() {
        return !allows.isEmpty();
    }

    boolean denies() {
        return !denies.isEmpty();
    }

    /** The allowing statements whose principal was named at least as strongly as {@code at}. */
    List<MatchedStatement> allowsAtLeast(PrincipalMatch at) {
        List<MatchedStatement> out = new ArrayList<>();
        for (MatchedStatement m : allows) {
            if (m.principalMatch().ordinal() >= at.ordinal()) {
                out.add(m);
            }
        }
        return out;
    }
}
