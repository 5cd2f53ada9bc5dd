package dev.trent.server.key;

/** The model's GrantOperation enum: the operations a grant can allow, in the model's order. */
public enum GrantOperation {
    Decrypt, Encrypt, GenerateDataKey, GenerateDataKeyWithoutPlaintext, ReEncryptFrom, ReEncryptTo, Sign, Verify,
    GetPublicKey, CreateGrant, RetireGrant, DescribeKey, GenerateDataKeyPair, GenerateDataKeyPairWithoutPlaintext,
    GenerateMac, VerifyMac, DeriveSharedSecret
}
