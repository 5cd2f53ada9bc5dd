package dev.trent.server.key;

/** AWS KMS RotationType: how a material version came to be. */
public enum RotationType {
    AUTOMATIC, ON_DEMAND
}
