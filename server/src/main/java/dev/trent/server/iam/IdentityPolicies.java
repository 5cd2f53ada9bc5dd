package dev.trent.server.iam;

import dev.trent.server.policy.Policy;
import dev.trent.server.policy.PolicyDocument;
import dev.trent.server.policy.PolicyDocuments;
import dev.trent.server.policy.PolicyPrincipal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A user's or role's identity policies as the evaluator takes them: inline policies and attached managed
 * policies, each under a name that says where it came from, so a matched statement can be reported with IAM's
 * SourcePolicyId and SourcePolicyType. Also what authorization asks for a verified caller.
 */
public final class IdentityPolicies {

    /** Where a policy came from, as SimulatePrincipalPolicy's SourcePolicyType and SourcePolicyId say. */
    public record Source(String type, String id) {
    }

    /**
     * The principal an ARN names and its policies, with each policy's source by policy name; {@code session} is
     * the session policy that caps a role session, null when there is none.
     */
    public record Holding(PolicyPrincipal principal, List<Policy> policies, Map<String, Source> sources,
                          List<Policy> session) {

        public Holding(PolicyPrincipal principal, List<Policy> policies, Map<String, Source> sources) {
            this(principal, policies, sources, null);
        }
    }

    private final IamStore store;
    private final PolicyDocuments documents = new PolicyDocuments(1024);

    public IdentityPolicies(IamStore store) {
        this.store = store;
    }

    /** The user or role {@code arn} names (in any account the store holds), with its policies. */
    public Optional<Holding> of(String arn) {
        String[] parts = arn.split(":", 6);
        if (parts.length != 6 || !parts[2].equals("iam")) {
            return Optional.empty();
        }
        IamAccount account = store.account(parts[4]);
        for (IamUser user : account.users().values()) {
            if (user.arn().equals(arn)) {
                return Optional.of(holding(account, PolicyPrincipal.user(account.account(), arn, user.id(),
                        user.tags()), "user", user.inlinePolicies(), user.attached()));
            }
        }
        for (IamRole role : account.roles().values()) {
            if (role.arn().equals(arn)) {
                return Optional.of(holding(account, PolicyPrincipal.session(account.account(), arn,
                        role.name(), role.id(), role.tags()), "role", role.inlinePolicies(), role.attached()));
            }
        }
        return Optional.empty();
    }

    private Holding holding(IamAccount account, PolicyPrincipal principal, String inlineType,
                            Map<String, String> inline, List<String> attached) {
        List<Policy> policies = new ArrayList<>();
        Map<String, Source> sources = new java.util.LinkedHashMap<>();
        inline.forEach((name, text) -> {
            String key = inlineType + ":" + name;
            policies.add(Policy.identity(key, documents.get(text)));
            sources.put(key, new Source(inlineType, name));
        });
        for (String arn : attached) {
            account.policy(arn).ifPresent(p -> {
                String key = "managed:" + p.arn();
                policies.add(Policy.identity(key, documents.get(p.document())));
                sources.put(key, new Source("user-managed", p.name()));
            });
        }
        return new Holding(principal, policies, sources);
    }

    /**
     * A verified caller as policies see it, with its identity policies: a user's own, a role session's role's
     * (under the session's ARN, with its session policy), none for an account root, which needs none.
     */
    public Holding ofCaller(dev.trent.server.auth.Principal caller) {
        switch (caller.kind()) {
            case ROOT -> {
                return new Holding(PolicyPrincipal.root(caller.account()), List.of(), Map.of());
            }
            case USER -> {
                return of(caller.arn()).orElseGet(() -> new Holding(PolicyPrincipal.user(caller.account(),
                        caller.arn(), caller.principalId(), Map.of()), List.of(), Map.of()));
            }
            default -> {
                return ofSession(caller);
            }
        }
    }

    /**
     * A role session: its role's policies, the role's tags overridden by the session's tags of the same key (as
     * {@code aws:PrincipalTag} reports them), and the session policy AssumeRole was given, if any.
     */
    private Holding ofSession(dev.trent.server.auth.Principal caller) {
        String[] parts = caller.arn().split("/");
        String roleName = parts.length >= 3 ? parts[1] : "";
        String sessionName = parts[parts.length - 1];
        Optional<IamRole> role = store.account(caller.account()).role(roleName);
        String roleArn = role.map(IamRole::arn).orElse("arn:aws:iam::" + caller.account() + ":role/" + roleName);
        Map<String, String> tags = new java.util.HashMap<>(role.map(IamRole::tags).orElse(Map.of()));
        caller.session().ifPresent(session -> tags.putAll(session.tags()));
        PolicyPrincipal principal = PolicyPrincipal.session(caller.account(), roleArn, sessionName,
                caller.principalId(), tags);
        List<Policy> session = caller.session().flatMap(dev.trent.server.auth.Principal.SessionAttributes::policy)
                .map(text -> List.of(Policy.session("session", documents.get(text)))).orElse(null);
        if (role.isEmpty()) {
            return new Holding(principal, List.of(), Map.of(), session);
        }
        Holding held = holding(store.account(caller.account()), principal, "role", role.get().inlinePolicies(),
                role.get().attached());
        return new Holding(held.principal(), held.policies(), held.sources(), session);
    }

    /** A parsed document, from the shared cache of parsed texts. */
    public PolicyDocument document(String text) {
        return documents.get(text);
    }
}
