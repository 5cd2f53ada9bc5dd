package dev.trent.server.policy;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class KmsActionsTest {

    /** The 54 operations of the KMS API model. */
    private static final Set<String> MODEL_OPERATIONS = Set.of("CancelKeyDeletion", "ConnectCustomKeyStore",
            "CreateAlias", "CreateCustomKeyStore", "CreateGrant", "CreateKey", "Decrypt", "DeleteAlias",
            "DeleteCustomKeyStore", "DeleteImportedKeyMaterial", "DeriveSharedSecret", "DescribeCustomKeyStores",
            "DescribeKey", "DisableKey", "DisableKeyRotation", "DisconnectCustomKeyStore", "EnableKey",
            "EnableKeyRotation", "Encrypt", "GenerateDataKey", "GenerateDataKeyPair",
            "GenerateDataKeyPairWithoutPlaintext", "GenerateDataKeyWithoutPlaintext", "GenerateMac", "GenerateRandom",
            "GetKeyLastUsage", "GetKeyPolicy", "GetKeyRotationStatus", "GetParametersForImport", "GetPublicKey",
            "ImportKeyMaterial", "ListAliases", "ListGrants", "ListKeyPolicies", "ListKeyRotations", "ListKeys",
            "ListResourceTags", "ListRetirableGrants", "PutKeyPolicy", "ReEncrypt", "ReplicateKey", "RetireGrant",
            "RevokeGrant", "RotateKeyOnDemand", "ScheduleKeyDeletion", "Sign", "TagResource", "UntagResource",
            "UpdateAlias", "UpdateCustomKeyStore", "UpdateKeyDescription", "UpdatePrimaryRegion", "Verify",
            "VerifyMac");

    @Test
    void everyModelOperation_isListed_andEachHasAnOperationClass() {
        Set<String> listed = KmsActions.all().stream().map(KmsOperation::name).collect(Collectors.toSet());
        assertEquals(54, MODEL_OPERATIONS.size());
        assertEquals(MODEL_OPERATIONS, listed);
        for (String name : listed) {
            assertDoesNotThrow(() -> Class.forName("dev.trent.server.api.op." + name), name);
        }
        assertNull(KmsActions.operation("Frobnicate"));
    }

    @Test
    void accountLevelOperations_areExactlyThoseWithoutAKeyPolicy() {
        Set<String> accountLevel = KmsActions.all().stream().filter(KmsOperation::accountLevel)
                .map(KmsOperation::name).collect(Collectors.toCollection(TreeSet::new));
        assertEquals(new TreeSet<>(Set.of("ConnectCustomKeyStore", "CreateCustomKeyStore", "CreateKey",
                "DeleteCustomKeyStore", "DescribeCustomKeyStores", "DisconnectCustomKeyStore", "GenerateRandom",
                "ListAliases", "ListKeys", "ListRetirableGrants", "UpdateCustomKeyStore")), accountLevel);
    }

    @Test
    void mostOperations_needTheirOwnActionOnTheirKey() {
        KmsOperation sign = KmsActions.operation("Sign");
        assertEquals(List.of(new KmsPermission("kms:Sign", PermissionTarget.KEY, null)), sign.permissions());
        assertTrue(sign.crossAccountUse());
        assertFalse(KmsActions.operation("ScheduleKeyDeletion").crossAccountUse());
        assertTrue(KmsActions.operation("Decrypt").crossAccountUse());
    }

    @Test
    void reEncrypt_needsFromOnTheSource_andToOnTheDestination() {
        assertEquals(List.of(new KmsPermission("kms:ReEncryptFrom", PermissionTarget.KEY, null),
                new KmsPermission("kms:ReEncryptTo", PermissionTarget.SECOND_KEY, null)),
                KmsActions.operation("ReEncrypt").permissions());
    }

    @Test
    void aliasOperations_needTheAliasByIdentityPolicy_andTheKeysByKeyPolicy() {
        List<KmsPermission> update = KmsActions.operation("UpdateAlias").permissions();
        assertEquals(List.of(PermissionTarget.ALIAS, PermissionTarget.KEY, PermissionTarget.SECOND_KEY),
                update.stream().map(KmsPermission::target).toList());
        assertFalse(update.get(0).keyPolicyApplies());
        assertTrue(update.get(1).keyPolicyApplies());
        assertEquals(List.of(PermissionTarget.ALIAS, PermissionTarget.KEY),
                KmsActions.operation("CreateAlias").permissions().stream().map(KmsPermission::target).toList());
    }

    @Test
    void createKey_needsTagResource_onlyWithTags() {
        KmsOperation createKey = KmsActions.operation("CreateKey");
        assertEquals(List.of("kms:CreateKey"), actions(KmsActions.required(createKey, Map.of())));
        assertEquals(List.of("kms:CreateKey"), actions(KmsActions.required(createKey, Map.of("Tags", List.of()))));
        assertEquals(List.of("kms:CreateKey", "kms:TagResource"), actions(KmsActions.required(createKey,
                Map.of("Tags", List.of(Map.of("TagKey", "a", "TagValue", "b"))))));
    }

    @Test
    void replicateKey_needsReplicateOnThePrimary_andCreateKeyInTheReplicaRegion() {
        assertEquals(List.of("kms:ReplicateKey", "kms:CreateKey"),
                actions(KmsActions.required(KmsActions.operation("ReplicateKey"), Map.of())));
        assertEquals(PermissionTarget.REPLICA_REGION,
                KmsActions.operation("ReplicateKey").permissions().get(1).target());
    }

    private static List<String> actions(List<KmsPermission> permissions) {
        return permissions.stream().map(KmsPermission::action).toList();
    }
}
