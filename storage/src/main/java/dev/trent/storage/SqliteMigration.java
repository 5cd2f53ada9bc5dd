package dev.trent.storage;

import java.util.List;

/**
 * One step of the SQLite schema: applying it moves the schema from {@code version - 1} to {@code version}.
 * Migrations are append-only; a released migration is never edited.
 */
record SqliteMigration(int version, String description, List<String> statements) {

    SqliteMigration {
        if (version < 1) {
            throw new IllegalArgumentException("migration versions start at 1");
        }
        statements = List.copyOf(statements);
    }
}
