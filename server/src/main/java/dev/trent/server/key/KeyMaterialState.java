package dev.trent.server.key;

/** AWS KMS KeyMaterialState, as ListKeyRotations reports each material of a key. */
public enum KeyMaterialState {
    /** Encrypts and decrypts. */
    CURRENT,
    /** Decrypts what it encrypted while it was current. */
    NON_CURRENT,
    /** Imported for an on-demand rotation that has not happened yet: used for nothing. */
    PENDING_ROTATION
}
