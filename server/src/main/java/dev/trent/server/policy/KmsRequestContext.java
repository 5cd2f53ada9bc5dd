package dev.trent.server.policy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Turns one KMS request into the authorization questions it raises: for each permission the operation needs,
 * the action, the resource and the condition keys. A pure function of the operation name, the request members,
 * the keys the request resolved to ({@code keys} by target: KEY and, for ReEncrypt, UpdateAlias and
 * UpdatePrimaryRegion, SECOND_KEY) and the caller's facts; the wiring step only feeds it.
 */
public final class KmsRequestContext {

    private KmsRequestContext() {
    }

    public static List<PermissionCheck> checks(String operationName, Map<String, ?> members,
            Map<PermissionTarget, KeyFacts> keys, CallerFacts caller) {
        KmsOperation operation = KmsActions.operation(operationName);
        if (operation == null) {
            throw new IllegalArgumentException("not a KMS operation: " + operationName);
        }
        List<PermissionCheck> checks = new ArrayList<>();
        for (KmsPermission permission : KmsActions.required(operation, members)) {
            KeyFacts key = permission.keyPolicyApplies() ? keys.get(permission.target()) : null;
            if (permission.keyPolicyApplies() && key == null) {
                throw new IllegalArgumentException(operationName + " needs the key for " + permission.target());
            }
            ContextKeys context = context(operation, permission, members, key, keys, caller);
            Resource resource = resource(permission, members, key, caller);
            checks.add(new PermissionCheck(permission, new AuthorizationRequest(caller.principal(),
                    permission.action(), resource, context, operation.crossAccountUse()), key));
        }
        return checks;
    }

    /**
     * The question one permission of a request raises, for wiring that resolves keys one at a time: {@code keys}
     * must hold the key of {@code permission}'s target when a key policy applies to it.
     */
    public static PermissionCheck check(KmsOperation operation, KmsPermission permission, Map<String, ?> members,
            Map<PermissionTarget, KeyFacts> keys, CallerFacts caller) {
        KeyFacts key = permission.keyPolicyApplies() ? keys.get(permission.target()) : null;
        if (permission.keyPolicyApplies() && key == null) {
            throw new IllegalArgumentException(operation.name() + " needs the key for " + permission.target());
        }
        ContextKeys context = context(operation, permission, members, key, keys, caller);
        return new PermissionCheck(permission, new AuthorizationRequest(caller.principal(), permission.action(),
                resource(permission, members, key, caller), context, operation.crossAccountUse()), key);
    }

    /** The condition keys of one permission of a request. */
    public static ContextKeys context(KmsOperation operation, KmsPermission permission, Map<String, ?> members,
            KeyFacts key, Map<PermissionTarget, KeyFacts> keys, CallerFacts caller) {
        ContextKeys.Builder builder = ContextKeys.builder();
        GlobalConditionKeys.add(builder, caller);
        if (key != null) {
            GlobalConditionKeys.addKey(builder, key);
        }
        RequestConditionKeys.add(builder, operation.name(), permission, members);
        if (operation.name().equals("ReEncrypt") && keys.containsKey(PermissionTarget.KEY)
                && keys.containsKey(PermissionTarget.SECOND_KEY)) {
            boolean same = keys.get(PermissionTarget.KEY).arn().equals(keys.get(PermissionTarget.SECOND_KEY).arn());
            builder.put("kms:ReEncryptOnSameKey", Boolean.toString(same));
        }
        return builder.build();
    }

    private static Resource resource(KmsPermission permission, Map<String, ?> members, KeyFacts key,
            CallerFacts caller) {
        return resource(permission, members::get, key, caller);
    }

    /**
     * The resource one permission of a request names: the key ({@code key}, null for permissions without one),
     * the caller's account in its Region or in the replica's, or the alias; {@code member} reads the request.
     */
    public static Resource resource(KmsPermission permission, Function<String, ?> member, KeyFacts key,
            CallerFacts caller) {
        String account = caller.principal().account();
        return switch (permission.target()) {
            case KEY, SECOND_KEY -> Resource.of(key.arn());
            case ACCOUNT -> Resource.account(caller.region(), account);
            case REPLICA_REGION -> Resource.account(String.valueOf(member.apply("ReplicaRegion")), account);
            case ALIAS -> Resource.of("arn:aws:kms:" + caller.region() + ":" + account + ":"
                    + member.apply("AliasName"));
        };
    }
}
