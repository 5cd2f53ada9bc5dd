package dev.trent.server.crypto;

/**
 * A token that code must name to read secret bytes. It guards nothing at run time; it makes every reader of
 * key material visible in review (only the repository, which hands material to the barrier, should use it).
 */
public final class SecretAccess {

    public static final SecretAccess INSTANCE = new SecretAccess();

    private SecretAccess() {
    }
}
