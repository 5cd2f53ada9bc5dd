package dev.trent.server.key;

/** AWS KMS KeyUsageType. */
public enum KeyUsage {
    SIGN_VERIFY, ENCRYPT_DECRYPT, GENERATE_VERIFY_MAC, KEY_AGREEMENT
}
