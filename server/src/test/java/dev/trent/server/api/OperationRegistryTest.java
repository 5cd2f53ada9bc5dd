package dev.trent.server.api;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.trent.server.repository.KeyRepository;
import dev.trent.storage.Storage;
import java.time.Clock;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** Every operation of the KMS model has a name in the registry, implemented or not. */
class OperationRegistryTest {

    /** The 54 operations of the KMS API model (2014-11-01, as of 2026-05). */
    static final Set<String> MODEL = new TreeSet<>(Set.of(
            "CancelKeyDeletion", "ConnectCustomKeyStore", "CreateAlias", "CreateCustomKeyStore", "CreateGrant",
            "CreateKey", "Decrypt", "DeleteAlias", "DeleteCustomKeyStore", "DeleteImportedKeyMaterial",
            "DeriveSharedSecret", "DescribeCustomKeyStores", "DescribeKey", "DisableKey", "DisableKeyRotation",
            "DisconnectCustomKeyStore", "EnableKey", "EnableKeyRotation", "Encrypt", "GenerateDataKey",
            "GenerateDataKeyPair", "GenerateDataKeyPairWithoutPlaintext", "GenerateDataKeyWithoutPlaintext",
            "GenerateMac", "GenerateRandom", "GetKeyLastUsage", "GetKeyPolicy", "GetKeyRotationStatus",
            "GetParametersForImport", "GetPublicKey", "ImportKeyMaterial", "ListAliases", "ListGrants",
            "ListKeyPolicies", "ListKeyRotations", "ListKeys", "ListResourceTags", "ListRetirableGrants",
            "PutKeyPolicy", "ReEncrypt", "ReplicateKey", "RetireGrant", "RevokeGrant", "RotateKeyOnDemand",
            "ScheduleKeyDeletion", "Sign", "TagResource", "UntagResource", "UpdateAlias", "UpdateCustomKeyStore",
            "UpdateKeyDescription", "UpdatePrimaryRegion", "Verify", "VerifyMac"));

    @Test
    void registry_namesExactlyTheModelsOperations() {
        try (Storage storage = Storage.inMemory()) {
            OperationRegistry registry = new OperationRegistry(
                    Services.over(KeyRepository.load(storage.barrier()), Clock.systemUTC()));
            assertEquals(54, MODEL.size());
            assertEquals(MODEL, new TreeSet<>(registry.operations().keySet()));
        }
    }
}
