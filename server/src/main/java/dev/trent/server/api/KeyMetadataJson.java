package dev.trent.server.api;

import dev.trent.server.key.KeySpec;
import dev.trent.server.key.KmsKey;

/** The KeyMetadata structure, member for member as AWS returns it for customer managed keys. */
public final class KeyMetadataJson {

    private KeyMetadataJson() {
    }

    public static JsonResponse of(KmsKey key) {
        JsonResponse json = JsonResponse.create()
                .string("AWSAccountId", key.scope().account())
                .string("KeyId", key.id().value())
                .string("Arn", key.arn())
                .time("CreationDate", key.creationDate())
                .bool("Enabled", key.state().enabledFlag())
                .string("Description", key.description())
                .string("KeyUsage", key.usage())
                .string("KeyState", key.state())
                .time("DeletionDate", key.deletionDate())
                .string("Origin", key.origin())
                .string("KeyManager", "CUSTOMER");
        if (key.spec().hasCustomerMasterKeySpec()) {
            json.string("CustomerMasterKeySpec", key.spec());
        }
        json.string("KeySpec", key.spec())
                .names("EncryptionAlgorithms", key.spec().encryptionAlgorithms(key.usage()))
                .names("SigningAlgorithms", key.spec().signingAlgorithms(key.usage()))
                .names("KeyAgreementAlgorithms", key.spec().keyAgreementAlgorithms(key.usage()))
                .bool("MultiRegion", false)
                .integer("PendingDeletionWindowInDays", key.pendingWindowInDays())
                .names("MacAlgorithms", key.spec().macAlgorithms(key.usage()));
        if (key.spec() == KeySpec.SYMMETRIC_DEFAULT) {
            json.string("CurrentKeyMaterialId", key.currentMaterialId().orElse(null));
        }
        // Recorded against AWS: ExpirationModel (and ValidTo) only while imported material is present.
        if (key.imported() != null && key.hasMaterial()) {
            json.string("ExpirationModel", key.imported().expirationModel())
                    .time("ValidTo", key.imported().validTo());
        }
        return json;
    }
}
