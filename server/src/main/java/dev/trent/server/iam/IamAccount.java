package dev.trent.server.iam;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Everything IAM holds for one account, as an immutable value: a change makes a new one, which the store writes
 * before anyone sees it. Users, roles and managed policies are found by name ignoring case, as IAM does (names
 * are unique regardless of case); access keys by id.
 */
public record IamAccount(String account, Map<String, IamUser> users, Map<String, IamRole> roles,
                         Map<String, ManagedPolicy> policies, Map<String, AccessKey> accessKeys) {

    public IamAccount {
        users = ordered(users);
        roles = ordered(roles);
        policies = ordered(policies);
        accessKeys = ordered(accessKeys);
    }

    public static IamAccount empty(String account) {
        return new IamAccount(account, Map.of(), Map.of(), Map.of(), Map.of());
    }

    static <V> Map<String, V> ordered(Map<String, V> map) {
        return Collections.unmodifiableMap(new LinkedHashMap<>(map));
    }

    static String key(String name) {
        return name.toLowerCase(Locale.ROOT);
    }

    public Optional<IamUser> user(String name) {
        return Optional.ofNullable(users.get(key(name)));
    }

    public Optional<IamRole> role(String name) {
        return Optional.ofNullable(roles.get(key(name)));
    }

    public Optional<ManagedPolicy> policy(String arn) {
        return policies.values().stream().filter(p -> p.arn().equals(arn)).findFirst();
    }

    public Optional<ManagedPolicy> policyNamed(String name) {
        return Optional.ofNullable(policies.get(key(name)));
    }

    public IamAccount withUser(IamUser user) {
        Map<String, IamUser> next = new LinkedHashMap<>(users);
        next.put(key(user.name()), user);
        return new IamAccount(account, next, roles, policies, accessKeys);
    }

    public IamAccount withoutUser(String name) {
        Map<String, IamUser> next = new LinkedHashMap<>(users);
        next.remove(key(name));
        return new IamAccount(account, next, roles, policies, accessKeys);
    }

    public IamAccount withRole(IamRole role) {
        Map<String, IamRole> next = new LinkedHashMap<>(roles);
        next.put(key(role.name()), role);
        return new IamAccount(account, users, next, policies, accessKeys);
    }

    public IamAccount withoutRole(String name) {
        Map<String, IamRole> next = new LinkedHashMap<>(roles);
        next.remove(key(name));
        return new IamAccount(account, users, next, policies, accessKeys);
    }

    public IamAccount withPolicy(ManagedPolicy policy) {
        Map<String, ManagedPolicy> next = new LinkedHashMap<>(policies);
        next.put(key(policy.name()), policy);
        return new IamAccount(account, users, roles, next, accessKeys);
    }

    public IamAccount withoutPolicy(String name) {
        Map<String, ManagedPolicy> next = new LinkedHashMap<>(policies);
        next.remove(key(name));
        return new IamAccount(account, users, roles, next, accessKeys);
    }

    public IamAccount withAccessKey(AccessKey key) {
        Map<String, AccessKey> next = new LinkedHashMap<>(accessKeys);
        next.put(key.id(), key);
        return new IamAccount(account, users, roles, policies, next);
    }

    public IamAccount withoutAccessKey(String id) {
        Map<String, AccessKey> next = new LinkedHashMap<>(accessKeys);
        next.remove(id);
        return new IamAccount(account, users, roles, policies, next);
    }

    /** How many users and roles have {@code policyArn} attached. */
    public int attachmentCount(String policyArn) {
        return (int) (users.values().stream().filter(u -> u.attached().contains(policyArn)).count()
                + roles.values().stream().filter(r -> r.attached().contains(policyArn)).count());
    }

    public boolean isEmpty() {
        return users.isEmpty() && roles.isEmpty() && policies.isEmpty() && accessKeys.isEmpty();
    }
}
