package dev.trent.server.service;

import dev.trent.server.error.AccessDeniedException;
import dev.trent.server.error.KmsException;
import dev.trent.server.key.Alias;
import dev.trent.server.key.Grant;
import dev.trent.server.key.KeyId;
import dev.trent.server.key.KmsKey;
import dev.trent.server.key.Scope;
import dev.trent.server.key.StoredKey;
import dev.trent.server.key.lifecycle.KeyOperation;
import dev.trent.server.policy.ApplicablePolicies;
import dev.trent.server.policy.Authorizer;
import dev.trent.server.policy.CallerFacts;
import dev.trent.server.policy.Decision;
import dev.trent.server.policy.GrantEvaluation;
import dev.trent.server.policy.KeyFacts;
import dev.trent.server.policy.KmsOperation;
import dev.trent.server.policy.KmsPermission;
import dev.trent.server.policy.KmsRequestContext;
import dev.trent.server.policy.Policy;
import dev.trent.server.policy.PolicyDocuments;
import dev.trent.server.policy.PermissionCheck;
import dev.trent.server.policy.PermissionTarget;
import dev.trent.server.policy.PolicyPrincipal;
import dev.trent.server.policy.Resource;
import dev.trent.server.repository.KeyRepository;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Authorization as {@code --auth enforce} applies it, for the request bound by {@link AuthorizedRequest}: each
 * permission the operation needs is put to the authorizer with the key's policy, the caller's identity and
 * session policies, and the verdict of the key's grants (with those the request's grant tokens name). Everything
 * it reads is in memory; decisions come from a {@link dev.trent.server.policy.DecisionCache} when one is given.
 * A lookup made outside a request (background work, admin endpoints) is not a caller's and is not judged.
 */
public final class KeyAuthorization implements PolicyEnforcement {

    /** Parsed policies kept by text; more than any store has keys with distinct policies in a test. */
    private static final int PARSED_POLICIES = 4096;
    private static final String RESOURCE_ALIASES = "kms:resourcealiases";
    private static final String RE_ENCRYPT_ON_SAME_KEY = "kms:reencryptonsamekey";
    private static final int UNCONDITIONAL_DECISIONS = 100_000;

    private final KeyRepository repository;
    private final Authorizer authorizer;
    private final IdentityPolicies identities;
    private final PolicyDocuments documents = new PolicyDocuments(PARSED_POLICIES);
    private final GrantTokens tokens;
    /** Decisions under policies that read no condition key, by the only things such a decision depends on. */
    private final Map<Unconditional, Decision> unconditional = new ConcurrentHashMap<>();

    /** Decisions on account-level permissions under such policies, likewise. */
    private final Map<AccountLevel, Decision> accountLevel = new ConcurrentHashMap<>();

    private record AccountLevel(PolicyPrincipal principal, String action, Resource resource,
            ApplicablePolicies policies) {
    }

    private record Unconditional(PolicyPrincipal principal, String action, boolean crossAccountUse, Scope keyScope,
            KeyId keyId, ApplicablePolicies policies, boolean grantAllows) {
    }

    public KeyAuthorization(KeyRepository repository, Authorizer authorizer, IdentityPolicies identities) {
        this.repository = repository;
        this.authorizer = authorizer;
        this.identities = identities;
        this.tokens = new GrantTokens(repository.grants()::tokenKey);
    }

    /** {@code principal} as policies see it, with the policies it carries into every request. */
    public IdentityPolicies.Caller caller(dev.trent.server.auth.Principal principal) {
        return identities.of(principal);
    }

    @Override
    public boolean crossAccount() {
        return true;
    }

    /**
     * Checks the permissions no key policy governs (the account, an alias, a replica's Region); the request path
     * calls it before the operation acts, so a refused operation changes nothing.
     */
    public void checkAccountLevel(AuthorizedRequest request) {
        KmsOperation operation = request.operation();
        ApplicablePolicies policies = null;
        for (KmsPermission permission : dev.trent.server.policy.KmsActions.required(operation, request::member)) {
            if (permission.keyPolicyApplies()) {
                continue;
            }
            if (policies == null) {
                policies = ApplicablePolicies.identityOnly(request.policies().identity(), request.policies().session());
            }
            // As for keys: policies that read no condition key decide alike for every such request of the caller.
            AccountLevel question = policies.readsConditionKeys() ? null : new AccountLevel(
                    request.caller().principal(), permission.action(),
                    KmsRequestContext.resource(permission, request::member, null, request.caller()), policies);
            Decision decision = question == null ? null : accountLevel.get(question);
            if (decision == null) {
                PermissionCheck check = KmsRequestContext.check(operation, permission, request.members(),
                        request.keys(), request.caller());
                decision = authorizer.authorize(check.request(), policies, false);
                if (question != null) {
                    remember(accountLevel, question, decision);
                }
            }
            decision.orThrow();
        }
    }

    private static <K> void remember(Map<K, Decision> decisions, K question, Decision decision) {
        if (decisions.size() >= UNCONDITIONAL_DECISIONS) {
            decisions.clear();
        }
        decisions.put(question, decision);
    }

    @Override
    public void check(Scope scope, StoredKey key, KeyOperation keyOperation, PermissionTarget target) {
        AuthorizedRequest request = AuthorizedRequest.current();
        if (request == null) {
            return;
        }
        KmsOperation operation = request.operation();
        KmsKey metadata = key.metadata();
        Policy keyPolicy = Policy.keyPolicy(documents.get(repository.policy(metadata.scope(), metadata.id())
                .orElseGet(() -> KeyPolicies.defaultPolicy(metadata.scope().account()))));
        CallerFacts caller = request.caller();
        ApplicablePolicies policies = new ApplicablePolicies(keyPolicy, request.policies().identity(),
                request.policies().session());
        if (awaitsTheSourceKey(request, target, policies)) {
            // ReEncrypt resolves its destination before the ciphertext names the source: a policy reading
            // kms:ReEncryptOnSameKey can be judged only once both keys are known, before anything is encrypted.
            request.resolve(target, facts(metadata, policies));
            request.defer(() -> check(scope, key, keyOperation, target));
            return;
        }
        Map<PermissionTarget, KeyFacts> keys = null;
        for (KmsPermission permission : dev.trent.server.policy.KmsActions.required(operation, request::member)) {
            if (permission.target() != target) {
                continue;
            }
            boolean grantAllows = grantAllows(metadata, request, permission);
            // Policies that read no condition key decide alike for every request of this caller on this key, so
            // the request's condition keys need not even be gathered.
            Unconditional question = !policies.readsConditionKeys() ? new Unconditional(caller.principal(),
                    permission.action(), operation.crossAccountUse(), metadata.scope(), metadata.id(), policies,
                    grantAllows) : null;
            Decision decision = question == null ? null : unconditional.get(question);
            if (decision == null) {
                if (keys == null) {
                    keys = request.resolve(target, facts(metadata, policies));
                }
                PermissionCheck check = KmsRequestContext.check(operation, permission, request.members(), keys,
                        caller);
                decision = authorizer.authorize(check.request(), policies, grantAllows);
                if (question != null) {
                    remember(unconditional, question, decision);
                }
            }
            decision.orThrow();
        }
        if (keys == null && keyPermissions(operation) > 1) {
            // A later permission's conditions may compare this key with the other one (kms:ReEncryptOnSameKey).
            request.resolve(target, facts(metadata, policies));
        }
        if (target == PermissionTarget.KEY) {
            request.runDeferred();
        }
    }

    private static boolean awaitsTheSourceKey(AuthorizedRequest request, PermissionTarget target,
            ApplicablePolicies policies) {
        return target == PermissionTarget.SECOND_KEY && request.operation().name().equals("ReEncrypt")
                && !request.keys().containsKey(PermissionTarget.KEY)
                && policies.contextKeys().contains(RE_ENCRYPT_ON_SAME_KEY);
    }

    private static int keyPermissions(KmsOperation operation) {
        int count = 0;
        for (KmsPermission permission : operation.permissions()) {
            if (permission.keyPolicyApplies()) {
                count++;
            }
        }
        return count;
    }

    private boolean grantAllows(KmsKey key, AuthorizedRequest request, KmsPermission permission) {
        if (permission.action().equals("kms:RetireGrant") && mayRetire(key, request)) {
            return true;
        }
        if (request.grantTokens().isEmpty() && repository.grants().count(key.scope(), key.id()) == 0) {
            return false;
        }
        return GrantEvaluation.allowing(grants(key, request), request.caller().principal(), permission.action(),
                encryptionContext(request, permission)).isPresent();
    }

    /**
     * AWS's refusal for another account's key the caller may not use, which is also its answer when that key does
     * not exist: no key policy there names the caller.
     */
    @Override
    public KmsException absentElsewhere(String arn, KeyOperation operation) {
        AuthorizedRequest request = AuthorizedRequest.current();
        if (request == null) {
            return PolicyEnforcement.super.absentElsewhere(arn, operation);
        }
        // Key operations are named as their actions (ReEncryptTo is kms:ReEncryptTo).
        String action = operation != null ? "kms:" + operation.name() : request.operation().permissions().stream()
                .filter(KmsPermission::keyPolicyApplies).map(KmsPermission::action).findFirst()
                .orElse("kms:" + request.operation().name());
        return new AccessDeniedException("User: " + request.caller().principal().arn()
                + " is not authorized to perform: " + action + " on resource: " + arn
                + " because no resource-based policy allows the " + action + " action");
    }

    /** The key's facts; its aliases are listed only when a policy asks for them (kms:ResourceAliases). */
    private KeyFacts facts(KmsKey key, ApplicablePolicies policies) {
        List<String> aliases = List.of();
        if (policies.contextKeys().contains(RESOURCE_ALIASES)) {
            aliases = new ArrayList<>();
            for (Alias alias : repository.aliases().in(key.scope())) {
                if (alias.target().equals(key.id())) {
                    aliases.add(alias.name().toString());
                }
            }
        }
        String multiRegionType = !key.multiRegion() ? null : key.isPrimary() ? "PRIMARY" : "REPLICA";
        return new KeyFacts(key.arn(), key.spec().name(), key.usage().name(), key.origin().name(), key.multiRegion(),
                multiRegionType, key.tags(), aliases);
    }

    /** The key's grants, and those the request's grant tokens name on this key. */
    private List<Grant> grants(KmsKey key, AuthorizedRequest request) {
        List<Grant> grants = repository.grants().of(key.scope(), key.id());
        if (request.grantTokens().isEmpty()) {
            return grants;
        }
        List<Grant> all = new ArrayList<>(grants);
        for (String token : request.grantTokens()) {
            GrantTokens.Named named = tokens.minted(token);
            if (named.scope().equals(key.scope()) && named.keyId().equals(key.id())) {
                repository.grants().find(named.scope(), named.keyId(), named.grantId()).ifPresent(all::add);
            }
        }
        return all;
    }

    /**
     * RetireGrant: the grant's retiring principal (or its grantee, when the grant allows RetireGrant) may retire
     * it without the key policy. The grant is named by GrantId with the key, or by the grant token.
     */
    private boolean mayRetire(KmsKey key, AuthorizedRequest request) {
        String grantId = request.member("GrantId") instanceof String id ? id : null;
        if (grantId == null && request.member("GrantToken") instanceof String token) {
            GrantTokens.Named named = tokens.minted(token);
            grantId = named.scope().equals(key.scope()) && named.keyId().equals(key.id()) ? named.grantId() : null;
        }
        return grantId != null && repository.grants().find(key.scope(), key.id(), grantId)
                .map(grant -> GrantEvaluation.mayRetire(grant, request.caller().principal())).orElse(false);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, String> encryptionContext(AuthorizedRequest request, KmsPermission permission) {
        String member = switch (permission.action()) {
            case "kms:ReEncryptFrom" -> "SourceEncryptionContext";
            case "kms:ReEncryptTo" -> "DestinationEncryptionContext";
            default -> "EncryptionContext";
        };
        Object context = request.member(member);
        return context instanceof Map<?, ?> map ? (Map<String, String>) map : Map.of();
    }
}
