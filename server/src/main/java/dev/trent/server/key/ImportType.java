package dev.trent.server.key;

/** AWS KMS ImportType: new material for a key, or material the key had before. */
public enum ImportType {
    NEW_KEY_MATERIAL, EXISTING_KEY_MATERIAL
}
