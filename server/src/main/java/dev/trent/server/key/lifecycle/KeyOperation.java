package dev.trent.server.key.lifecycle;

/** The AWS KMS operations that act on one key, by their wire names. */
public enum KeyOperation {
    CancelKeyDeletion, CreateAlias, CreateGrant, Decrypt, DeleteAlias, DeleteImportedKeyMaterial, DeriveSharedSecret,
    DescribeKey, DisableKey, DisableKeyRotation, EnableKey, EnableKeyRotation, Encrypt, GenerateDataKey,
    GenerateDataKeyPair, GenerateDataKeyPairWithoutPlaintext, GenerateDataKeyWithoutPlaintext, GenerateMac,
    GetKeyLastUsage, GetKeyPolicy, GetKeyRotationStatus, GetParametersForImport, GetPublicKey, ImportKeyMaterial,
    ListAliases, ListGrants, ListKeyPolicies, ListKeyRotations, ListResourceTags, PutKeyPolicy,
    ReEncryptFrom, ReEncryptTo, ReplicateKey, RetireGrant, RevokeGrant, RotateKeyOnDemand, ScheduleKeyDeletion,
    Sign, TagResource, UntagResource, UpdateAlias, UpdateKeyDescription, UpdatePrimaryRegion, Verify, VerifyMac
}
