package dev.trent.server.service;

import dev.trent.server.error.AccessDeniedException;
import dev.trent.server.key.KmsKey;
import dev.trent.server.key.lifecycle.KeyOperation;
import java.util.EnumSet;
import java.util.Set;

/**
 * What callers may not do to AWS managed keys: everything their key policy does not grant. That policy lets the
 * account use the key (through the service) and read it (kms:Describe*, kms:Get*, kms:List*, kms:RevokeGrant),
 * so AWS answers every management operation with the AccessDeniedException of a policy that allows nothing.
 * Operations the policy does allow keep their own checks (GetParametersForImport, for example, still answers
 * that origin AWS_KMS is not valid for it).
 */
final class AwsManagedKeyRules {

    private static final Set<KeyOperation> REFUSED = EnumSet.of(
            KeyOperation.CancelKeyDeletion, KeyOperation.CreateAlias, KeyOperation.DeleteAlias,
            KeyOperation.DeleteImportedKeyMaterial, KeyOperation.DisableKey, KeyOperation.DisableKeyRotation,
            KeyOperation.EnableKey, KeyOperation.EnableKeyRotation, KeyOperation.ImportKeyMaterial,
            KeyOperation.PutKeyPolicy, KeyOperation.ReplicateKey, KeyOperation.RotateKeyOnDemand,
            KeyOperation.ScheduleKeyDeletion, KeyOperation.TagResource, KeyOperation.UntagResource,
            KeyOperation.UpdateAlias, KeyOperation.UpdateKeyDescription, KeyOperation.UpdatePrimaryRegion);

    private AwsManagedKeyRules() {
    }

    /** Whether callers may never run {@code operation} on an AWS managed key. */
    static boolean refused(KeyOperation operation) {
        return REFUSED.contains(operation);
    }

    /**
     * Throws AccessDeniedException, worded as AWS words a key policy's refusal, when {@code key} is AWS managed
     * and {@code operation} changes it. Trent knows a caller by account only, so the message names the
     * account's root user as the principal.
     */
    static void check(KeyOperation operation, KmsKey key) {
        if (key.awsManaged() && refused(operation)) {
            String action = "kms:" + operation.name();
            throw new AccessDeniedException("User: arn:aws:iam::" + key.scope().account() + ":root is not "
                    + "authorized to perform: " + action + " on resource: " + key.arn()
                    + " because no resource-based policy allows the " + action + " action");
        }
    }
}
