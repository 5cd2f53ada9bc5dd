package dev.trent.server.sts.op;

import dev.trent.server.auth.AuthMode;
import dev.trent.server.auth.Principal;
import dev.trent.server.iam.IamIds;
import dev.trent.server.iam.IamPolicies;
import dev.trent.server.iam.IamRole;
import dev.trent.server.iam.IamStore;
import dev.trent.server.iam.IdentityPolicies;
import dev.trent.server.policy.ApplicablePolicies;
import dev.trent.server.policy.AuthorizationRequest;
import dev.trent.server.policy.Authorizer;
import dev.trent.server.policy.ContextKeys;
import dev.trent.server.policy.Decision;
import dev.trent.server.policy.Policy;
import dev.trent.server.policy.Resource;
import dev.trent.server.query.Patterns;
import dev.trent.server.query.QueryAction;
import dev.trent.server.query.QueryCaller;
import dev.trent.server.query.QueryError;
import dev.trent.server.query.QueryException;
import dev.trent.server.query.QueryRequest;
import dev.trent.server.query.Xml;
import dev.trent.server.sts.Session;
import dev.trent.server.sts.SessionTokens;
import dev.trent.server.sts.StsXml;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * AssumeRole: temporary credentials for a session of the role, named
 * {@code arn:aws:sts::<account>:assumed-role/<role>/<session>}, lasting DurationSeconds (900 up to the role's
 * maximum; one hour by default and at most when a role session assumes a role). With {@code --auth enforce}
 * the role's trust policy must allow the caller (and, where it names only the caller's account, the caller's
 * identity policies must too), as AWS weighs a role trust policy; a root user may not assume roles.
 */
public final class AssumeRole implements QueryAction {

    static final int DEFAULT_DURATION = 3600;
    static final int SESSION_POLICY_MAX = 2048;

    private final IamStore store;
    private final IdentityPolicies identities;
    private final Authorizer authorizer;
    private final SessionTokens tokens;
    private final Clock clock;
    private final AuthMode mode;

    public AssumeRole(IamStore store, IdentityPolicies identities, Authorizer authorizer, SessionTokens tokens,
                      Clock clock, AuthMode mode) {
        this.store = store;
        this.identities = identities;
        this.authorizer = authorizer;
        this.tokens = tokens;
        this.clock = clock;
        this.mode = mode;
    }

    @Override
    public void run(QueryRequest request, QueryCaller caller, Xml result) {
        String roleArn = request.required("RoleArn", 20, 2048, null);
        String sessionName = request.required("RoleSessionName", 2, 64, Patterns.SESSION_NAME);
        Optional<Integer> requested = request.integer("DurationSeconds", 900, 43200);
        Optional<String> policy = request.optional("Policy", 1, Integer.MAX_VALUE, null);
        Map<String, String> tags = request.tags("Tags");
        policy.ifPresent(text -> {
            IamPolicies.identityPolicy(text);
            if (text.length() > SESSION_POLICY_MAX) {
                throw new QueryException(QueryError.PACKED_POLICY_TOO_LARGE, "Packed policy consumes "
                        + (100L * text.length() / SESSION_POLICY_MAX) + "% of allotted space, please use smaller"
                        + " policy set.");
            }
        });
        IamRole role = find(roleArn).orElseThrow(() -> denied(caller, roleArn));
        if (mode == AuthMode.ENFORCE) {
            authorize(caller, role, "sts:AssumeRole");
            if (!tags.isEmpty()) {
                // Passing session tags is a permission of its own, which the trust policy must grant too.
                authorize(caller, role, "sts:TagSession");
            }
        }
        boolean chained = caller.principal().kind() == Principal.Kind.ASSUMED_ROLE;
        int duration = requested.orElse(DEFAULT_DURATION);
        if (chained && duration > DEFAULT_DURATION) {
            throw QueryException.validation("The requested DurationSeconds exceeds the 1 hour session limit for"
                    + " roles assumed by role chaining.");
        }
        if (duration > role.maxSessionDuration()) {
            throw QueryException.validation(
                    "The requested DurationSeconds exceeds the MaxSessionDuration set for this role.");
        }
        String account = roleArn.split(":")[4];
        Principal principal = new Principal(Principal.Kind.ASSUMED_ROLE, account,
                "arn:aws:sts::" + account + ":assumed-role/" + role.name() + "/" + sessionName,
                role.id() + ":" + sessionName);
        Instant expiration = clock.instant().plusSeconds(duration);
        Session session = new Session(IamIds.temporaryAccessKeyId(), principal, role.arn(), expiration, policy,
                tags);
        StsXml.credentials(result, session, tokens);
        result.start("AssumedRoleUser").element("AssumedRoleId", principal.principalId())
                .element("Arn", principal.arn()).end();
        if (policy.isPresent() || !tags.isEmpty()) {
            int size = policy.map(String::length).orElse(0) + tags.toString().length();
            result.element("PackedPolicySize", Math.min(100, 100 * size / SESSION_POLICY_MAX));
        }
    }

    private Optional<IamRole> find(String roleArn) {
        String[] parts = roleArn.split(":", 6);
        if (parts.length != 6 || !parts[2].equals("iam") || !parts[5].startsWith("role/")) {
            throw QueryException.validation(roleArn + " is invalid");
        }
        return store.account(parts[4]).roles().values().stream().filter(r -> r.arn().equals(roleArn)).findFirst();
    }

    private void authorize(QueryCaller caller, IamRole role, String action) {
        if (caller.principal().isRoot()) {
            throw new QueryException(QueryError.ACCESS_DENIED, "Roles may not be assumed by root accounts.");
        }
        IdentityPolicies.Holding holding = identities.ofCaller(caller.principal());
        ApplicablePolicies policies = new ApplicablePolicies(
                Policy.keyPolicy(identities.document(
                        IamPolicies.asResourcePolicy(role.trustPolicy(), role.arn()))), holding.policies(),
                holding.session());
        Decision decision = authorizer.authorize(new AuthorizationRequest(holding.principal(), action,
                Resource.of(role.arn()), ContextKeys.EMPTY, true), policies, false);
        if (!decision.allowed()) {
            throw denied(caller, role.arn(), action);
        }
    }

    private static QueryException denied(QueryCaller caller, String roleArn) {
        return denied(caller, roleArn, "sts:AssumeRole");
    }

    private static QueryException denied(QueryCaller caller, String roleArn, String action) {
        return new QueryException(QueryError.ACCESS_DENIED, "User: " + caller.principal().arn()
                + " is not authorized to perform: " + action + " on resource: " + roleArn);
    }
}
