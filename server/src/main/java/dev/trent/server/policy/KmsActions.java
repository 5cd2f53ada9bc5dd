package dev.trent.server.policy;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * All 54 KMS operations and the permissions each needs, as the KMS API reference states them under "Required
 * permissions" (key policy or IAM policy) and "Cross-account use". Most operations need the permission of their
 * own name on one key; the exceptions are spelled out below.
 */
public final class KmsActions {

    private static final Map<String, KmsOperation> OPERATIONS = new LinkedHashMap<>();

    static {
        // One key, usable from another account ("Cross-account use: Yes").
        for (String name : List.of("CreateGrant", "Decrypt", "DeriveSharedSecret", "DescribeKey", "Encrypt",
                "GenerateDataKey", "GenerateDataKeyPair", "GenerateDataKeyPairWithoutPlaintext",
                "GenerateDataKeyWithoutPlaintext", "GenerateMac", "GetKeyRotationStatus", "GetPublicKey",
                "ListGrants", "RetireGrant", "RevokeGrant", "Sign", "Verify", "VerifyMac")) {
            add(name, true, key(name));
        }
        // One key of the caller's own account.
        for (String name : List.of("CancelKeyDeletion", "DeleteImportedKeyMaterial", "DisableKey",
                "DisableKeyRotation", "EnableKey", "EnableKeyRotation", "GetKeyLastUsage", "GetKeyPolicy",
                "GetParametersForImport", "ImportKeyMaterial", "ListKeyPolicies", "ListKeyRotations",
                "ListResourceTags", "PutKeyPolicy", "RotateKeyOnDemand", "ScheduleKeyDeletion", "TagResource",
                "UntagResource", "UpdateKeyDescription")) {
            add(name, false, key(name));
        }
        // No key: identity policies only.
        for (String name : List.of("ConnectCustomKeyStore", "CreateCustomKeyStore", "DeleteCustomKeyStore",
                "DescribeCustomKeyStores", "DisconnectCustomKeyStore", "GenerateRandom", "ListAliases", "ListKeys",
                "ListRetirableGrants", "UpdateCustomKeyStore")) {
            add(name, false, new KmsPermission(action(name), PermissionTarget.ACCOUNT, null));
        }
        add("CreateKey", false, new KmsPermission("kms:CreateKey", PermissionTarget.ACCOUNT, null),
                new KmsPermission("kms:TagResource", PermissionTarget.ACCOUNT, "Tags"));
        add("ReEncrypt", true, new KmsPermission("kms:ReEncryptFrom", PermissionTarget.KEY, null),
                new KmsPermission("kms:ReEncryptTo", PermissionTarget.SECOND_KEY, null));
        add("ReplicateKey", false, key("ReplicateKey"),
                new KmsPermission("kms:CreateKey", PermissionTarget.REPLICA_REGION, null),
                new KmsPermission("kms:TagResource", PermissionTarget.REPLICA_REGION, "Tags"));
        add("UpdatePrimaryRegion", false, key("UpdatePrimaryRegion"),
                new KmsPermission("kms:UpdatePrimaryRegion", PermissionTarget.SECOND_KEY, null));
        add("CreateAlias", false, alias("CreateAlias"), key("CreateAlias"));
        add("DeleteAlias", false, alias("DeleteAlias"), key("DeleteAlias"));
        add("UpdateAlias", false, alias("UpdateAlias"), key("UpdateAlias"),
                new KmsPermission("kms:UpdateAlias", PermissionTarget.SECOND_KEY, null));
    }

    private KmsActions() {
    }

    /** The operation of this wire name ({@code Encrypt}), or null when KMS has none. */
    public static KmsOperation operation(String name) {
        return OPERATIONS.get(name);
    }

    public static Collection<KmsOperation> all() {
        return OPERATIONS.values();
    }

    /** The permissions a request with these members needs, leaving out those its members do not call for. */
    public static List<KmsPermission> required(KmsOperation operation, Map<String, ?> members) {
        return required(operation, members::get);
    }

    /** As {@link #required(KmsOperation, Map)}, reading only the members that select permissions. */
    public static List<KmsPermission> required(KmsOperation operation, Function<String, ?> member) {
        List<KmsPermission> out = new ArrayList<>();
        for (KmsPermission p : operation.permissions()) {
            if (p.onlyWithMember() == null || present(member.apply(p.onlyWithMember()))) {
                out.add(p);
            }
        }
        return out;
    }

    private static boolean present(Object value) {
        return value != null && !(value instanceof Collection<?> c && c.isEmpty());
    }

    private static String action(String operation) {
        return "kms:" + operation;
    }

    private static KmsPermission key(String operation) {
        return new KmsPermission(action(operation), PermissionTarget.KEY, null);
    }

    private static KmsPermission alias(String operation) {
        return new KmsPermission(action(operation), PermissionTarget.ALIAS, null);
    }

    private static void add(String name, boolean crossAccountUse, KmsPermission... permissions) {
        OPERATIONS.put(name, new KmsOperation(name, crossAccountUse, List.of(permissions)));
    }
}
