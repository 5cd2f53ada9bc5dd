package dev.trent.server.admin;

/**
 * Wipes all of a server's state at once, in every account and Region: what the reset endpoints call. The
 * server's wiring implements it; the admin API only asks for it and reports what it removed.
 */
@FunctionalInterface
public interface StateWipe {

    /** How many of each kind of thing a wipe removed; keys include AWS managed keys, with their material and tags. */
    record Removed(int keys, int awsManagedKeys, int aliases, int grants, int keyPolicies, int tags,
                   int lifecycleRecords, int customKeyStores, int customKeyStoresDisconnected, int importTokens) {
    }

    /** For a router built without a server behind it: every reset is refused. */
    StateWipe REFUSED = () -> {
        throw new AdminException(501, "NotImplemented", "This server cannot wipe its state.");
    };

    /** Removes everything; on failure nothing was removed. */
    Removed wipeAll();
}
