package dev.trent.server.api;

import dev.trent.server.key.KeySpec;
import dev.trent.server.keystore.KeyStoreService;
import dev.trent.server.key.KmsKey;
import dev.trent.server.key.lifecycle.KeyState;
import java.util.ArrayList;
import java.util.List;

/** The KeyMetadata structure, member for member as AWS returns it. */
public final class KeyMetadataJson {

    private KeyMetadataJson() {
    }

    /** A single-Region key's metadata. */
    public static JsonResponse of(KmsKey key) {
        return of(key, List.of(key));
    }

    /**
     * A key's metadata; for a multi-Region key, {@code related} lists every key with its id in the account (the
     * primary and all replicas, this key included), from which MultiRegionConfiguration is built.
     */
    public static JsonResponse of(KmsKey key, List<KmsKey> related) {
        return of(key, related, null);
    }

    /** As {@link #of(KmsKey, List)}, for a key in the custom key store {@code store} when that is not null. */
    public static JsonResponse of(KmsKey key, List<KmsKey> related, KeyStoreService.Membership store) {
        JsonResponse json = JsonResponse.create()
                .string("AWSAccountId", key.scope().account())
                .string("KeyId", key.id().value())
                .string("Arn", key.arn())
                .time("CreationDate", key.creationDate())
                .bool("Enabled", key.state().enabledFlag())
                .string("Description", key.description())
                .string("KeyUsage", key.usage())
                .string("KeyState", key.state().name())
                .time("DeletionDate", key.deletionDate())
                .string("Origin", key.origin());
        if (store != null) {
            json.string("CustomKeyStoreId", store.customKeyStoreId())
                    .string("CloudHsmClusterId", store.cloudHsmClusterId());
        }
        json.string("KeyManager", key.keyManager());
        if (key.spec().hasCustomerMasterKeySpec()) {
            json.string("CustomerMasterKeySpec", key.spec());
        }
        json.string("KeySpec", key.spec())
                .names("EncryptionAlgorithms", key.spec().encryptionAlgorithms(key.usage()))
                .names("SigningAlgorithms", key.spec().signingAlgorithms(key.usage()))
                .names("KeyAgreementAlgorithms", key.spec().keyAgreementAlgorithms(key.usage()))
                .bool("MultiRegion", key.multiRegion());
        if (key.multiRegion()) {
            json.object("MultiRegionConfiguration", multiRegionConfiguration(key, related));
        }
        // The model: "present only when the KeyState of the KMS key is PendingReplicaDeletion".
        json.integer("PendingDeletionWindowInDays",
                        key.state() == KeyState.PendingReplicaDeletion ? key.pendingWindowInDays() : null)
                .names("MacAlgorithms", key.spec().macAlgorithms(key.usage()));
        // Recorded against AWS: a replica being created has no CurrentKeyMaterialId yet.
        if (key.spec() == KeySpec.SYMMETRIC_DEFAULT && key.state() != KeyState.Creating) {
            json.string("CurrentKeyMaterialId", key.currentMaterialId().orElse(null));
        }
        // Recorded against AWS: ExpirationModel (and ValidTo) only while imported material is present.
        if (key.currentImportPresent()) {
            json.string("ExpirationModel", key.imported().expirationModel())
                    .time("ValidTo", key.imported().validTo());
        }
        return json;
    }

    private static JsonResponse multiRegionConfiguration(KmsKey key, List<KmsKey> related) {
        String primaryRegion = key.primaryRegion();
        List<JsonResponse> replicas = new ArrayList<>();
        for (KmsKey other : related) {
            if (!other.scope().region().equals(primaryRegion)) {
                replicas.add(regionKey(other.arn(), other.scope().region()));
            }
        }
        String primaryArn = new dev.trent.server.key.Scope(key.scope().account(), primaryRegion).keyArn(key.id());
        return JsonResponse.create()
                .string("MultiRegionKeyType", key.isPrimary() ? "PRIMARY" : "REPLICA")
                .object("PrimaryKey", regionKey(primaryArn, primaryRegion))
                .objects("ReplicaKeys", replicas);
    }

    private static JsonResponse regionKey(String arn, String region) {
        return JsonResponse.create().string("Arn", arn).string("Region", region);
    }
}
