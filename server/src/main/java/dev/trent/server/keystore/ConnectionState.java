package dev.trent.server.keystore;

/** AWS KMS ConnectionStateType. Trent connects and disconnects within the call, so it never reports CONNECTING. */
public enum ConnectionState {
    CONNECTED, CONNECTING, FAILED, DISCONNECTED, DISCONNECTING
}
