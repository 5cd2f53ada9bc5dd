package dev.trent.server.key;

/** AWS KMS MessageType: what the Message member of Sign and Verify holds. */
public enum MessageType {
    RAW, DIGEST, EXTERNAL_MU
}
