package dev.trent.server.policy;

import dev.trent.server.error.AccessDeniedException;
import java.util.List;
import java.util.Objects;

/**
 * The evaluator's answer. An allow says what allowed it; a deny says which kind of policy denied (explicitly)
 * or failed to allow (implicitly), which is exactly what AWS's AccessDeniedException message names. The matched
 * statements are the allowing ones for an allow and the denying ones for an explicit deny.
 */
public record Decision(EvalDecision decision, AllowedBy allowedBy, PolicyType deniedBy,
        List<MatchedStatement> matchedStatements, String principalArn, String action, String resourceShown) {

    public Decision {
        Objects.requireNonNull(decision);
        matchedStatements = List.copyOf(matchedStatements);
        if ((decision == EvalDecision.ALLOWED) != (allowedBy != null) || (allowedBy == null) != (deniedBy != null)) {
            throw new IllegalArgumentException("an allow names what allowed it, a deny which policy type denied");
        }
    }

    static Decision allow(AuthorizationRequest request, AllowedBy by, List<MatchedStatement> statements) {
        return new Decision(EvalDecision.ALLOWED, by, null, statements, request.principal().arn(),
                request.action(), request.resource().shown());
    }

    static Decision explicitDeny(AuthorizationRequest request, PolicyType by, List<MatchedStatement> statements) {
        return new Decision(EvalDecision.EXPLICIT_DENY, null, by, statements, request.principal().arn(),
                request.action(), request.resource().shown());
    }

    static Decision implicitDeny(AuthorizationRequest request, PolicyType by) {
        return new Decision(EvalDecision.IMPLICIT_DENY, null, by, List.of(), request.principal().arn(),
                request.action(), request.resource().shown());
    }

    public boolean allowed() {
        return decision == EvalDecision.ALLOWED;
    }

    /**
     * AWS's message: "User: &lt;arn&gt; is not authorized to perform: kms:Sign on resource: &lt;key arn&gt; because no
     * identity-based policy allows the kms:Sign action", or "... with an explicit deny in a resource-based policy".
     */
    public String accessDeniedMessage() {
        if (allowed()) {
            throw new IllegalStateException("an allowed request has no access denied message");
        }
        String head = "User: " + principalArn + " is not authorized to perform: " + action + " on resource: "
                + resourceShown;
        return decision == EvalDecision.EXPLICIT_DENY
                ? head + " with an explicit deny in " + deniedBy.withArticle()
                : head + " because no " + deniedBy.bare() + " allows the " + action + " action";
    }

    /** Returns normally when allowed; otherwise throws KMS's AccessDeniedException with AWS's message. */
    public void orThrow() {
        if (!allowed()) {
            throw new AccessDeniedException(accessDeniedMessage());
        }
    }
}
