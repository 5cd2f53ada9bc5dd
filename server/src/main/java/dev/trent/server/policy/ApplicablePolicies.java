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
    private final Set<String> contextKeys;
    private final int hash;

    public ApplicablePolicies(Policy keyPolicy, List<Policy> identity, List<Policy> session) {
        this.keyPolicy = keyPolicy;
        this.identity = List.copyOf(identity);
        this.session = session == null ? null : List.copyOf(session);
        Set<String> keys = new TreeSet<>();
        if (keyPolicy != null) {
            keys.addAll(keyPolicy.document().contextKeys());
        }
        this.identity.forEach(p -> keys.addAll(p.document().contextKeys()));
        if (this.session != null) {
            this.session.forEach(p -> keys.addAll(p.document().contextKeys()));
        }
        this.contextKeys = Set.copyOf(keys);
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
        return contextKeys;
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
