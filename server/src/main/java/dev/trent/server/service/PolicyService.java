package dev.trent.server.service;

import dev.trent.server.error.NotFoundException;
import dev.trent.server.key.KmsKey;
import dev.trent.server.key.Scope;
import dev.trent.server.key.lifecycle.KeyOperation;
import dev.trent.server.repository.KeyRepository;
import dev.trent.server.service.KeyLookup.Aliases;
import java.util.List;

/**
 * GetKeyPolicy, PutKeyPolicy and ListKeyPolicies. Each key has exactly one policy, named {@code default}; a key
 * stored before Trent kept policies has AWS's default key policy. These operations take a key id or key ARN,
 * never an alias (KeyId documentation of all three).
 */
public final class PolicyService {

    /** A policy as GetKeyPolicy returns it. */
    public record Policy(String name, String document) {
    }

    private final KeyRepository repository;
    private final KeyLookup lookup;
    private final KeyPolicies.Checker checker;

    public PolicyService(KeyRepository repository, KeyLookup lookup, KeyPolicies.Checker checker) {
        this.repository = repository;
        this.lookup = lookup;
        this.checker = checker;
    }

    public Policy get(Scope scope, String keyId, String policyName) {
        KmsKey key = lookup.forOperation(scope, keyId, KeyOperation.GetKeyPolicy, Aliases.REJECTED).metadata();
        checkName(policyName);
        return new Policy(KeyPolicies.DEFAULT_NAME, current(key));
    }

    public void put(Scope scope, String keyId, String policyName, String policy, boolean bypassLockoutSafetyCheck) {
        synchronized (repository) {
            KmsKey key = lookup.forOperation(scope, keyId, KeyOperation.PutKeyPolicy, Aliases.REJECTED).metadata();
            checkName(policyName);
            checker.check(policy, scope.account(), bypassLockoutSafetyCheck);
            repository.putPolicy(key, policy);
        }
    }

    public List<String> names(Scope scope, String keyId) {
        lookup.forOperation(scope, keyId, KeyOperation.ListKeyPolicies, Aliases.REJECTED);
        return List.of(KeyPolicies.DEFAULT_NAME);
    }

    private String current(KmsKey key) {
        return repository.policy(key.scope(), key.id()).orElseGet(() -> KeyPolicies.defaultPolicy(key.scope().account()));
    }

    private static void checkName(String policyName) {
        if (!KeyPolicies.DEFAULT_NAME.equals(policyName)) {
            throw new NotFoundException("Policy '" + policyName + "' does not exist. The only key policy name is "
                    + KeyPolicies.DEFAULT_NAME + ".");
        }
    }
}
