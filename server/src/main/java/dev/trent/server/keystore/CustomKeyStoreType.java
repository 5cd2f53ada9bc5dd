package dev.trent.server.keystore;

/** AWS KMS CustomKeyStoreType. */
public enum CustomKeyStoreType {
    AWS_CLOUDHSM, EXTERNAL_KEY_STORE
}
