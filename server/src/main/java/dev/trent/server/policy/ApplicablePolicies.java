package dev.trent.server.policy;

import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * The policies that bear on one request. {@code keyPolicy} is null for permissions no key policy governs
 * (account-level actions, and the alias half of CreateAlias/UpdateAlias/DeleteAlias). {@code identity} are the
 * caller's identity policies (none for an account root). {@code session} is null when the caller is not a
 * session or its session was given no policy; otherwise the session's policies cap what it may do. Equal when
 * the same documents play the same roles, which is what a cached decision may be reused for.
 */
public final class ApplicablePolicies {

    private final Policy keyPolicy;
    private final List<Policy> identity;
    private final List<Policy> session;
    /** Built at first use: most requests only ask whether there are any ({@link #readsConditionKeys()}). */
    private volatile Set<String> contextKeys;
    private final boolean readsConditionKeys;
    private final int hash;

    public ApplicablePolicies(Policy keyPolicy, List<Policy> identity, List<Policy> session) {
        this.keyPolicy = keyPolicy;
        this.identity = List.copyOf(identity);
        this.session = session == null ? null : List.copyOf(session);
        boolean reads = keyPolicy != null && !keyPolicy.document().contextKeys().isEmpty();
        for (Policy policy : this.identity) {
            reads |= !policy.document().contextKeys().isEmpty();
        }
        if (this.session != null) {
            for (Policy policy : this.session) {
                reads |= !policy.document().contextKeys().isEmpty();
            }
        }
        this.readsConditionKeys = reads;
        this.hash = Objects.hash(keyPolicy, this.identity, this.session);
    }

    public static ApplicablePolicies identityOnly(List<Policy> identity, List<Policy> session) {
        return new ApplicablePolicies(null, identity, session);
    }

    public Policy keyPolicy() {
        return keyPolicy;
    }

    public List<Policy> identity() {
        return identity;
    }

    public List<Policy> session() {
        return session;
    }

    /** Every condition key any of these policies reads, normalised: all a decision over them can depend on. */
    public Set<String> contextKeys() {
        Set<String> keys = contextKeys;
        if (keys == null) {
            Set<String> all = new TreeSet<>();
            if (keyPolicy != null) {
                all.addAll(keyPolicy.document().contextKeys());
            }
            identity.forEach(p -> all.addAll(p.document().contextKeys()));
            if (session != null) {
                session.forEach(p -> all.addAll(p.document().contextKeys()));
            }
            keys = Set.copyOf(all);
            contextKeys = keys;
        }
        return keys;
    }

    /** True when any of these policies reads a condition key, so that a decision can depend on the request. */
    public boolean readsConditionKeys() {
        return readsConditionKeys;
    }

    @Override
    public boolean equals(Object o) {
        return o == this || o instanceof ApplicablePolicies other && hash == other.hash
                && Objects.equals(keyPolicy, other.keyPolicy) && identity.equals(other.identity)
                && Objects.equals(session, other.session);
    }

    @Override
    public int hashCode() {
        return hash;
    }
}
