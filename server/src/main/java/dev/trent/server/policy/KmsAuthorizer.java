package dev.trent.server.policy;

import java.util.ArrayList;
import java.util.List;

/**
 * Decides a KMS request the way AWS KMS does ("Policy evaluation logic"; KMS developer guide, "Key policies"):
 * <ol>
 * <li>An explicit Deny in the key policy, an identity policy or a session policy refuses, whatever else allows.
 * <li>Within the key's account, a key policy Allow that names the caller (user, session, root, or {@code *})
 *     allows on its own; one that names the caller's role allows if the session's policies (when it has any)
 *     allow too; one that names the account delegates to the caller's identity policies (and session policies),
 *     which must allow. Unlike most AWS resources, a KMS key is never usable through identity policies alone:
 *     the key policy must at least name the account.
 * <li>From another account, the key policy must name the caller's account or the caller, and the caller's
 *     identity policies must allow as well; actions without cross-account use are never allowed across accounts.
 * <li>Permissions no key policy governs (account-level actions, alias resources) need identity policies only.
 * <li>Otherwise a grant that allows the operation allows it (grants cannot override an explicit deny).
 * <li>Otherwise the request is implicitly denied, naming the policy type that failed to allow it.
 * </ol>
 * An account's root user holds no identity policies and needs none: it passes the identity step, also for another
 * account's key whose policy names the root user's account. Pure: no I/O, no clock; the request context carries
 * the time.
 */
public final class KmsAuthorizer implements Authorizer {

    @Override
    public Decision authorize(AuthorizationRequest request, ApplicablePolicies policies, boolean grantAllows) {
        PolicyMatches resource = PolicyMatches.of(policies.keyPolicy() == null ? List.of()
                : List.of(policies.keyPolicy()), request);
        boolean root = request.principal().kind() == PrincipalKind.ROOT;
        PolicyMatches identity = PolicyMatches.of(root ? List.of() : policies.identity(), request);
        PolicyMatches session = policies.session() == null ? null : PolicyMatches.of(policies.session(), request);

        if (resource.denies()) {
            return Decision.explicitDeny(request, PolicyType.RESOURCE_BASED, resource.denies);
        }
        if (identity.denies()) {
            return Decision.explicitDeny(request, PolicyType.IDENTITY_BASED, identity.denies);
        }
        if (session != null && session.denies()) {
            return Decision.explicitDeny(request, PolicyType.SESSION, session.denies);
        }

        boolean identityAllows = root || identity.allows();
        boolean sessionAllows = session == null || session.allows();

        Decision decision = policies.keyPolicy() == null
                ? identityOnly(request, identity, identityAllows, sessionAllows)
                : withKeyPolicy(request, resource, identity, identityAllows, sessionAllows);
        if (decision.allowed() || !grantAllows) {
            return decision;
        }
        return Decision.allow(request, AllowedBy.GRANT, List.of());
    }

    private static Decision identityOnly(AuthorizationRequest request, PolicyMatches identity,
            boolean identityAllows, boolean sessionAllows) {
        if (request.crossAccount() || !identityAllows) {
            return Decision.implicitDeny(request, PolicyType.IDENTITY_BASED);
        }
        if (!sessionAllows) {
            return Decision.implicitDeny(request, PolicyType.SESSION);
        }
        return Decision.allow(request, AllowedBy.IDENTITY, identity.allows);
    }

    private static Decision withKeyPolicy(AuthorizationRequest request, PolicyMatches resource,
            PolicyMatches identity, boolean identityAllows, boolean sessionAllows) {
        PrincipalMatch named = resource.strongestAllow;
        if (named == PrincipalMatch.NONE || (request.crossAccount() && !request.crossAccountUse())) {
            return Decision.implicitDeny(request, PolicyType.RESOURCE_BASED);
        }
        if (!request.crossAccount()) {
            if (named == PrincipalMatch.DIRECT) {
                return Decision.allow(request, AllowedBy.KEY_POLICY, resource.allowsAtLeast(PrincipalMatch.DIRECT));
            }
            if (named == PrincipalMatch.ROLE) {
                // Every other way in also passes through the session's policies, so they decide.
                return sessionAllows
                        ? Decision.allow(request, AllowedBy.KEY_POLICY, resource.allowsAtLeast(PrincipalMatch.ROLE))
                        : Decision.implicitDeny(request, PolicyType.SESSION);
            }
        }
        if (!identityAllows) {
            return Decision.implicitDeny(request, PolicyType.IDENTITY_BASED);
        }
        if (!sessionAllows) {
            return Decision.implicitDeny(request, PolicyType.SESSION);
        }
        List<MatchedStatement> statements = new ArrayList<>(resource.allows);
        statements.addAll(identity.allows);
        return Decision.allow(request, AllowedBy.KEY_POLICY_AND_IDENTITY, statements);
    }
}
