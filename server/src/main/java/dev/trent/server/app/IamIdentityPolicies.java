package dev.trent.server.app;

import dev.trent.server.auth.Principal;
import dev.trent.server.iam.IamAccount;
import dev.trent.server.iam.IamStore;
import dev.trent.server.policy.PolicyPrincipal;
import dev.trent.server.service.IdentityPolicies;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The callers KMS authorization weighs, from the IAM store: a user with its tags and its inline and attached
 * policies; a role session with its role's policies, its role's and session's tags and its session policy; an
 * account root with none, which needs none. Answers are kept per caller while the caller's account is the same
 * (the store replaces an account's immutable state on every change), so a request pays a map lookup, and an IAM
 * change is seen by the very next request.
 */
final class IamIdentityPolicies implements IdentityPolicies {

    /** More callers than a test run has; past it the map starts over rather than grow without end. */
    private static final int MAX_CALLERS = 10_000;

    private record Known(IamAccount account, Caller caller) {
    }

    private final IamStore store;
    private final dev.trent.server.iam.IdentityPolicies policies;
    private final Map<Principal, Known> known = new ConcurrentHashMap<>();

    IamIdentityPolicies(IamStore store) {
        this.store = store;
        this.policies = new dev.trent.server.iam.IdentityPolicies(store);
    }

    @Override
    public Caller of(Principal principal) {
        if (principal.isRoot()) {
            return new Caller(PolicyPrincipal.root(principal.account()), List.of(), null);
        }
        IamAccount account = store.account(principal.account());
        Known cached = known.get(principal);
        if (cached != null && sameState(cached.account(), account)) {
            return cached.caller();
        }
        dev.trent.server.iam.IdentityPolicies.Holding held = policies.ofCaller(principal);
        Caller caller = new Caller(held.principal(), held.policies(), held.session());
        if (known.size() >= MAX_CALLERS) {
            known.clear();
        }
        known.put(principal, new Known(account, caller));
        return caller;
    }

    /** An account with no IAM state is a fresh empty instance at every read; any other is compared by identity. */
    private static boolean sameState(IamAccount before, IamAccount now) {
        return before == now || before.isEmpty() && now.isEmpty();
    }
}
