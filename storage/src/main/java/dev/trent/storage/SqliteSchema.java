package dev.trent.storage;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;

/**
 * The ordered SQLite migrations. The schema version is SQLite's {@code PRAGMA user_version}: the number of
 * migrations applied.
 *
 * <p>Every later migration must leave {@code barrier_keyring} readable by the query in
 * {@link SqlitePhysicalStore}, because that table is read to verify the root of trust before any migration runs.
 */
final class SqliteSchema {

    static final List<SqliteMigration> MIGRATIONS = List.of(
            new SqliteMigration(1, "barrier keyring and records", List.of(
                    "CREATE TABLE barrier_keyring ("
                            + " id INTEGER PRIMARY KEY CHECK (id = 1),"
                            + " root_kind TEXT NOT NULL,"
                            + " root_parameters BLOB NOT NULL,"
                            + " wrapped_keyring BLOB NOT NULL"
                            + ") STRICT",
                    // BINARY collation compares UTF-8 bytes, which the prefix-scan bounds rely on.
                    "CREATE TABLE records ("
                            + " path TEXT NOT NULL PRIMARY KEY COLLATE BINARY,"
                            + " value BLOB NOT NULL"
                            + ") STRICT, WITHOUT ROWID")),
            // Filled in by SqlitePhysicalStore, which computes it; null only until the migration's transaction ends.
            new SqliteMigration(2, "keyring checksum", List.of(
                    "ALTER TABLE barrier_keyring ADD COLUMN keyring_checksum BLOB")));

    private SqliteSchema() {}

    /** Checks that {@code migrations} are numbered 1, 2, 3, ... in order; returns the latest version. */
    static int latestVersion(List<SqliteMigration> migrations) {
        for (int i = 0; i < migrations.size(); i++) {
            if (migrations.get(i).version() != i + 1) {
                throw new IllegalArgumentException("migration " + (i + 1) + " is numbered " + migrations.get(i).version());
            }
        }
        if (migrations.isEmpty()) {
            throw new IllegalArgumentException("no migrations");
        }
        return migrations.size();
    }

    /**
     * Applies the migrations after {@code fromVersion} and records the new version. The caller holds the
     * transaction, so a failing migration leaves the schema as it was.
     */
    static void migrate(Connection c, List<SqliteMigration> migrations, int fromVersion) throws SQLException {
        int latest = latestVersion(migrations);
        for (SqliteMigration migration : migrations.subList(fromVersion, latest)) {
            for (String sql : migration.statements()) {
                try (PreparedStatement statement = c.prepareStatement(sql)) {
                    statement.execute();
                } catch (SQLException e) {
                    throw new SQLException("migration " + migration.version() + " (" + migration.description() + "): "
                            + e.getMessage(), e);
                }
            }
        }
        try (PreparedStatement setVersion = c.prepareStatement("PRAGMA user_version = " + latest)) {
            setVersion.execute();
        }
    }
}
