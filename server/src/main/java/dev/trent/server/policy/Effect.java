package dev.trent.server.policy;

/** A statement's Effect. */
public enum Effect {
    Allow, Deny
}
