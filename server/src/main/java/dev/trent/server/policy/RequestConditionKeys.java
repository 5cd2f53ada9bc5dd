package dev.trent.server.policy;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The {@code kms:} and {@code aws:Request*} keys an operation takes from its request members, as "Condition keys
 * for AWS KMS" lists them per operation. Members are the request body as plain values (strings, booleans,
 * numbers, maps and lists), the way a JSON reader gives them. Defaults the API applies (SYMMETRIC_DEFAULT,
 * ENCRYPT_DECRYPT, AWS_KMS, RAW) are reported as the values the request stands for.
 */
final class RequestConditionKeys {

    private static final Set<String> ENCRYPTION_CONTEXT_OPERATIONS = Set.of("Encrypt", "Decrypt", "GenerateDataKey",
            "GenerateDataKeyPair", "GenerateDataKeyPairWithoutPlaintext", "GenerateDataKeyWithoutPlaintext");
    private static final Set<String> REQUEST_ALIAS_OPERATIONS = Set.of("Encrypt", "Decrypt", "ReEncrypt",
            "GenerateDataKey", "GenerateDataKeyPair", "GenerateDataKeyPairWithoutPlaintext",
            "GenerateDataKeyWithoutPlaintext", "GenerateMac", "VerifyMac", "Sign", "Verify", "DeriveSharedSecret",
            "DescribeKey", "GetPublicKey");
    private static final String SYMMETRIC_DEFAULT = "SYMMETRIC_DEFAULT";

    private RequestConditionKeys() {
    }

    static void add(ContextKeys.Builder keys, String operation, KmsPermission permission, Map<String, ?> members) {
        boolean destination = permission.action().equals("kms:ReEncryptTo");
        if (ENCRYPTION_CONTEXT_OPERATIONS.contains(operation)) {
            encryptionContext(keys, members.get("EncryptionContext"));
            keys.put("kms:EncryptionAlgorithm", text(members.get("EncryptionAlgorithm"), SYMMETRIC_DEFAULT));
        }
        if (operation.equals("ReEncrypt")) {
            String side = destination ? "Destination" : "Source";
            encryptionContext(keys, members.get(side + "EncryptionContext"));
            keys.put("kms:EncryptionAlgorithm", text(members.get(side + "EncryptionAlgorithm"), SYMMETRIC_DEFAULT));
        }
        if (REQUEST_ALIAS_OPERATIONS.contains(operation)) {
            String keyMember = operation.equals("ReEncrypt") ? (destination ? "DestinationKeyId" : "SourceKeyId")
                    : "KeyId";
            keys.put("kms:RequestAlias", aliasName(text(members.get(keyMember), null)));
        }
        switch (operation) {
            case "Sign", "Verify" -> {
                keys.put("kms:SigningAlgorithm", text(members.get("SigningAlgorithm"), null));
                keys.put("kms:MessageType", text(members.get("MessageType"), "RAW"));
            }
            case "GenerateMac", "VerifyMac" -> keys.put("kms:MacAlgorithm", text(members.get("MacAlgorithm"), null));
            case "GenerateDataKeyPair", "GenerateDataKeyPairWithoutPlaintext" ->
                    keys.put("kms:DataKeyPairSpec", text(members.get("KeyPairSpec"), null));
            case "CreateGrant" -> grant(keys, members);
            case "ListGrants", "RevokeGrant" -> keys.put("kms:GrantIsForAWSResource", "false");
            case "CreateKey" -> createKey(keys, members);
            case "PutKeyPolicy" -> keys.put("kms:BypassPolicyLockoutSafetyCheck",
                    text(members.get("BypassPolicyLockoutSafetyCheck"), "false"));
            case "ImportKeyMaterial" -> {
                keys.put("kms:ExpirationModel", text(members.get("ExpirationModel"), "KEY_MATERIAL_EXPIRES"));
                keys.put("kms:ValidTo", text(members.get("ValidTo"), null));
            }
            case "ReplicateKey" -> {
                keys.put("kms:ReplicaRegion", text(members.get("ReplicaRegion"), null));
                requestTags(keys, members.get("Tags"));
            }
            case "UpdatePrimaryRegion" -> keys.put("kms:PrimaryRegion", text(members.get("PrimaryRegion"), null));
            case "TagResource" -> requestTags(keys, members.get("Tags"));
            case "UntagResource" -> keys.putAll("aws:TagKeys", strings(members.get("TagKeys")));
            default -> {
            }
        }
    }

    private static void createKey(ContextKeys.Builder keys, Map<String, ?> members) {
        String spec = text(members.get("KeySpec"), text(members.get("CustomerMasterKeySpec"), SYMMETRIC_DEFAULT));
        keys.put("kms:KeySpec", spec);
        keys.put("kms:CustomerMasterKeySpec", spec);
        String usage = text(members.get("KeyUsage"), "ENCRYPT_DECRYPT");
        keys.put("kms:KeyUsage", usage);
        keys.put("kms:CustomerMasterKeyUsage", usage);
        keys.put("kms:KeyOrigin", text(members.get("Origin"), "AWS_KMS"));
        boolean multiRegion = Boolean.parseBoolean(text(members.get("MultiRegion"), "false"));
        keys.put("kms:MultiRegion", Boolean.toString(multiRegion));
        keys.put("kms:MultiRegionKeyType", multiRegion ? "PRIMARY" : null);
        keys.put("kms:BypassPolicyLockoutSafetyCheck", text(members.get("BypassPolicyLockoutSafetyCheck"), "false"));
        requestTags(keys, members.get("Tags"));
    }

    private static void grant(ContextKeys.Builder keys, Map<String, ?> members) {
        keys.putAll("kms:GrantOperations", strings(members.get("Operations")));
        keys.put("kms:GranteePrincipal", text(members.get("GranteePrincipal"), null));
        keys.put("kms:RetiringPrincipal", text(members.get("RetiringPrincipal"), null));
        keys.put("kms:GrantIsForAWSResource", "false");
        if (members.get("Constraints") instanceof Map<?, ?> constraints) {
            for (String type : List.of("EncryptionContextEquals", "EncryptionContextSubset")) {
                if (constraints.get(type) instanceof Map<?, ?> context) {
                    keys.put("kms:GrantConstraintType", type);
                    encryptionContext(keys, context);
                }
            }
        }
    }

    /** One {@code kms:EncryptionContext:<key>} per pair, and the keys as {@code kms:EncryptionContextKeys}. */
    private static void encryptionContext(ContextKeys.Builder keys, Object context) {
        if (!(context instanceof Map<?, ?> pairs)) {
            return;
        }
        List<String> names = new ArrayList<>();
        for (Map.Entry<?, ?> pair : pairs.entrySet()) {
            String name = String.valueOf(pair.getKey());
            names.add(name);
            keys.put("kms:EncryptionContext:" + name, String.valueOf(pair.getValue()));
        }
        keys.putAll("kms:EncryptionContextKeys", names);
    }

    /** {@code aws:RequestTag/<key>} per tag and {@code aws:TagKeys}, from a Tags list of TagKey/TagValue. */
    private static void requestTags(ContextKeys.Builder keys, Object tags) {
        if (!(tags instanceof Collection<?> list)) {
            return;
        }
        List<String> names = new ArrayList<>();
        for (Object tag : list) {
            if (tag instanceof Map<?, ?> t && t.get("TagKey") != null) {
                String name = String.valueOf(t.get("TagKey"));
                names.add(name);
                keys.put("aws:RequestTag/" + name, text(t.get("TagValue"), ""));
            }
        }
        keys.putAll("aws:TagKeys", names);
    }

    /** {@code alias/x} for an alias name or alias ARN; null for key ids and key ARNs. */
    static String aliasName(String keyId) {
        if (keyId == null) {
            return null;
        }
        if (keyId.startsWith("alias/")) {
            return keyId;
        }
        int at = keyId.indexOf(":alias/");
        return keyId.startsWith("arn:") && at >= 0 ? keyId.substring(at + 1) : null;
    }

    private static String text(Object value, String fallback) {
        return value == null ? fallback : String.valueOf(value);
    }

    private static List<String> strings(Object value) {
        List<String> out = new ArrayList<>();
        if (value instanceof Collection<?> list) {
            list.forEach(v -> out.add(String.valueOf(v)));
        }
        return out;
    }
}
