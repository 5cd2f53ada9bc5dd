package dev.trent.server.key;

/** AWS KMS OriginType. */
public enum Origin {
    AWS_KMS, EXTERNAL, AWS_CLOUDHSM, EXTERNAL_KEY_STORE
}
