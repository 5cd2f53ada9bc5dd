package dev.trent.server.policy;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Remembers decisions so that the data plane pays for policy evaluation once per distinct question, not once per
 * request. A decision is a pure function of: the caller, the action, the resource, whether the action may cross
 * accounts, the policies (by their text), the grant verdict, and the values of just those condition keys the
 * policies read. That tuple is the cache key, so:
 * <ul>
 * <li>A changed key policy or identity policy is a different document, hence a different key: the next request
 *     is evaluated afresh and the old entry can never be served again. No invalidation call is needed, and none
 *     can be forgotten.
 * <li>Request values no policy reads (most encryption context pairs, the time, the source address) do not split
 *     the cache; a policy that reads {@code aws:CurrentTime} makes every request distinct, which is correct.
 * </ul>
 * The map is bounded: past {@code maxEntries} it is emptied and refills with what is in use, which keeps every
 * lookup lock-free and the worst case (a workload of ever-new questions) at one evaluation per request, as without
 * a cache.
 */
public final class DecisionCache implements Authorizer {

    private record Key(PolicyPrincipal principal, String action, Resource resource, boolean crossAccountUse,
            ApplicablePolicies policies, boolean grantAllows, Map<String, List<String>> context) {
    }

    private final Authorizer authorizer;
    private final int maxEntries;
    private final Map<Key, Decision> entries = new ConcurrentHashMap<>();

    public DecisionCache(Authorizer authorizer, int maxEntries) {
        if (maxEntries < 1) {
            throw new IllegalArgumentException("a cache holds at least one decision");
        }
        this.authorizer = authorizer;
        this.maxEntries = maxEntries;
    }

    /** The decision {@code authorizer} would give, evaluated only when not already known. */
    @Override
    public Decision authorize(AuthorizationRequest request, ApplicablePolicies policies, boolean grantAllows) {
        Key key = new Key(request.principal(), request.action(), request.resource(), request.crossAccountUse(),
                policies, grantAllows, request.context().restrictedTo(policies.contextKeys()));
        Decision cached = entries.get(key);
        if (cached != null) {
            return cached;
        }
        Decision decision = authorizer.authorize(request, policies, grantAllows);
        if (entries.size() >= maxEntries) {
            entries.clear();
        }
        entries.put(key, decision);
        return decision;
    }

    /** Forgets everything, e.g. when the whole store is reset. */
    public void clear() {
        entries.clear();
    }

    public int size() {
        return entries.size();
    }
}
