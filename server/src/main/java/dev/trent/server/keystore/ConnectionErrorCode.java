package dev.trent.server.keystore;

/**
 * The AWS KMS ConnectionErrorCodeType values a token can cause. A PKCS#11 failure maps to the code whose AWS
 * meaning is closest: a wrong PIN is INVALID_CREDENTIALS, a locked PIN USER_LOCKED_OUT, a missing token
 * CLUSTER_NOT_FOUND, a library that cannot be loaded NETWORK_ERRORS (the token cannot be reached at all).
 */
public enum ConnectionErrorCode {
    INVALID_CREDENTIALS, CLUSTER_NOT_FOUND, NETWORK_ERRORS, INTERNAL_ERROR, USER_LOCKED_OUT, USER_LOGGED_IN
}
