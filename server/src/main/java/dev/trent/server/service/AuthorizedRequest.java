package dev.trent.server.service;

import dev.trent.server.policy.CallerFacts;
import dev.trent.server.policy.KeyFacts;
import dev.trent.server.policy.KmsOperation;
import dev.trent.server.policy.PermissionTarget;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The request whose keys are being authorized: the operation, its members as plain values, the caller's facts
 * and policies, and the grant tokens it passed. The request path binds it to the thread for the duration of the
 * operation (as {@link dev.trent.server.key.lifecycle.Attribution} is bound), so the services that resolve keys
 * need not pass it through every signature. The keys resolved so far are remembered by target, because a permission's
 * condition keys may compare them (kms:ReEncryptOnSameKey).
 */
public final class AuthorizedRequest {

    private static final ThreadLocal<AuthorizedRequest> CURRENT = new ThreadLocal<>();

    private final KmsOperation operation;
    private final Function<String, Object> member;
    private final Supplier<Map<String, ?>> allMembers;
    private Map<String, ?> members;
    private final CallerFacts caller;
    private final IdentityPolicies.Caller policies;
    private final List<String> grantTokens;
    private final Map<PermissionTarget, KeyFacts> keys = new EnumMap<>(PermissionTarget.class);
    private final List<Runnable> deferred = new ArrayList<>();

    public AuthorizedRequest(KmsOperation operation, Map<String, ?> members, CallerFacts caller,
            IdentityPolicies.Caller policies, List<String> grantTokens) {
        this(operation, members::get, () -> members, caller, policies, grantTokens);
    }

    /**
     * A request whose members are read on demand: {@code member} gives one, {@code allMembers} all of them. A
     * decision already made for the same question needs at most the one or two members that select the
     * permissions, so most requests never convert their whole body.
     */
    public AuthorizedRequest(KmsOperation operation, Function<String, Object> member,
            Supplier<Map<String, ?>> allMembers, CallerFacts caller, IdentityPolicies.Caller policies,
            List<String> grantTokens) {
        this.operation = Objects.requireNonNull(operation);
        this.member = Objects.requireNonNull(member);
        this.allMembers = Objects.requireNonNull(allMembers);
        this.caller = Objects.requireNonNull(caller);
        this.policies = Objects.requireNonNull(policies);
        if (!policies.principal().equals(caller.principal())) {
            throw new IllegalArgumentException("the caller's facts and policies are of different principals");
        }
        this.grantTokens = List.copyOf(grantTokens);
    }

    /** The request being authorized on this thread, or null when none is (off and verify, background work). */
    static AuthorizedRequest current() {
        return CURRENT.get();
    }

    /** Runs {@code work} with this request in effect. */
    public <T> T during(Supplier<T> work) {
        AuthorizedRequest previous = CURRENT.get();
        CURRENT.set(this);
        try {
            return work.get();
        } finally {
            if (previous == null) {
                CURRENT.remove();
            } else {
                CURRENT.set(previous);
            }
        }
    }

    KmsOperation operation() {
        return operation;
    }

    /** Every member as plain values, converted at the first call (authorization runs on one thread). */
    Map<String, ?> members() {
        if (members == null) {
            members = java.util.Collections.unmodifiableMap(new java.util.HashMap<>(allMembers.get()));
        }
        return members;
    }

    /** One member as a plain value, or null when absent. */
    Object member(String name) {
        return members != null ? members.get(name) : member.apply(name);
    }

    CallerFacts caller() {
        return caller;
    }

    /** The caller's identity and session policies. */
    IdentityPolicies.Caller policies() {
        return policies;
    }

    List<String> grantTokens() {
        return grantTokens;
    }

    /** The keys resolved so far, with {@code key} now playing {@code target}. */
    Map<PermissionTarget, KeyFacts> resolve(PermissionTarget target, KeyFacts key) {
        keys.put(target, key);
        return keys;
    }

    Map<PermissionTarget, KeyFacts> keys() {
        return keys;
    }

    /** A check that must wait until the request has resolved a key it names later. */
    void defer(Runnable check) {
        deferred.add(check);
    }

    /** Runs the checks deferred so far, each once. */
    void runDeferred() {
        List<Runnable> due = new ArrayList<>(deferred);
        deferred.clear();
        due.forEach(Runnable::run);
    }
}
