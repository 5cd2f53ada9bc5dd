package dev.trent.server.policy;

/** The callers Trent knows: an account's root user, an IAM user, or a session of an assumed role. */
public enum PrincipalKind {
    ROOT, USER, ASSUMED_ROLE
}
