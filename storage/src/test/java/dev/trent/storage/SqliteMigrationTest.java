package dev.trent.storage;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SqliteMigrationTest {

    private static final int LATEST = SqliteSchema.MIGRATIONS.size();
    private static final SqliteMigration ADD_AUDIT_TABLE =
            new SqliteMigration(LATEST + 1, "audit table", List.of("CREATE TABLE audit (id INTEGER PRIMARY KEY) STRICT"));

    @TempDir
    Path dir;

    private Path db() {
        return dir.resolve("trent.db");
    }

    private Path keyFile() {
        return dir.resolve("trent.key");
    }

    private static List<SqliteMigration> currentPlus(SqliteMigration next) {
        List<SqliteMigration> migrations = new ArrayList<>(SqliteSchema.MIGRATIONS);
        migrations.add(next);
        return migrations;
    }

    private void createStoreWithOneRecord() {
        try (Storage storage = Storage.open(SqlitePhysicalStore.open(db()), KeyFileRootOfTrust.provider(keyFile()))) {
            storage.barrier().commit(new WriteBatch().put("a", new byte[] {1}));
        }
    }

    private int rawUserVersion() throws SQLException {
        return Integer.parseInt(rawQuery("PRAGMA user_version"));
    }

    private boolean rawTableExists(String table) throws SQLException {
        return !rawQuery("SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = '" + table + "'")
                .equals("0");
    }

    private String rawQuery(String sql) throws SQLException {
        try (Connection raw = DriverManager.getConnection("jdbc:sqlite:" + db());
                Statement statement = raw.createStatement();
                ResultSet rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getString(1);
        }
    }

    @Test
    void initialize_recordsLatestSchemaVersion() throws Exception {
        createStoreWithOneRecord();
        assertEquals(SqlitePhysicalStore.latestSchemaVersion(), rawUserVersion());
        assertEquals(2, rawUserVersion());
        assertEquals("wal", rawQuery("PRAGMA journal_mode"));
    }

    @Test
    void open_databaseWithNewerSchemaVersion_throwsClearError() throws Exception {
        createStoreWithOneRecord();
        try (Connection raw = DriverManager.getConnection("jdbc:sqlite:" + db());
                Statement statement = raw.createStatement()) {
            statement.execute("PRAGMA user_version = 7");
        }
        StorageException e = assertThrows(StorageException.class, () -> SqlitePhysicalStore.open(db()));
        assertTrue(e.getMessage().contains("schema version 7") && e.getMessage().contains("newer Trent"),
                e.getMessage());
    }

    @Test
    void open_olderSchema_migratesOnlyAfterTheRootIsVerified() throws Exception {
        createStoreWithOneRecord();
        Path otherKey = dir.resolve("other").resolve("other.key");
        KeyFileRootOfTrust.provider(otherKey).initialize();
        Map<Path, byte[]> before = TestFiles.snapshot(dir);

        assertThrows(WrongRootOfTrustException.class, () -> Storage.open(
                SqlitePhysicalStore.open(db(), currentPlus(ADD_AUDIT_TABLE)), KeyFileRootOfTrust.provider(otherKey)));
        TestFiles.assertSameFiles(before, TestFiles.snapshot(dir));
        assertEquals(LATEST, rawUserVersion());

        try (Storage storage = Storage.open(SqlitePhysicalStore.open(db(), currentPlus(ADD_AUDIT_TABLE)),
                KeyFileRootOfTrust.provider(keyFile()))) {
            assertArrayEquals(new byte[] {1}, storage.barrier().get("a").orElseThrow());
        }
        assertEquals(LATEST + 1, rawUserVersion());
        assertTrue(rawTableExists("audit"));
    }

    @Test
    void migrate_failingMigration_rollsBackEveryStatementAndKeepsTheOldVersion() throws Exception {
        createStoreWithOneRecord();
        SqliteMigration broken = new SqliteMigration(LATEST + 1, "broken",
                List.of("CREATE TABLE half_done (id INTEGER) STRICT", "THIS IS NOT SQL"));
        StorageException e = assertThrows(StorageException.class, () -> Storage.open(
                SqlitePhysicalStore.open(db(), currentPlus(broken)), KeyFileRootOfTrust.provider(keyFile())));
        assertTrue(e.getMessage().contains("migration " + (LATEST + 1) + " (broken)"), e.getMessage());
        assertEquals(LATEST, rawUserVersion());
        assertFalse(rawTableExists("half_done"));
    }

    @Test
    void recordOperations_beforeMigrate_areRefused() {
        createStoreWithOneRecord();
        try (SqlitePhysicalStore store = SqlitePhysicalStore.open(db(), currentPlus(ADD_AUDIT_TABLE))) {
            assertTrue(store.readSealedKeyring().isPresent());
            StorageException e = assertThrows(StorageException.class, () -> store.get("a"));
            assertTrue(e.getMessage().contains("needs migrating"), e.getMessage());
            store.migrate();
            assertTrue(store.get("a").isPresent());
        }
    }

    @Test
    void migrations_mustBeNumberedInOrder() {
        SqliteMigration three = new SqliteMigration(LATEST + 2, "skips one", List.of("SELECT 1"));
        assertThrows(IllegalArgumentException.class, () -> SqliteSchema.latestVersion(currentPlus(three)));
        assertThrows(IllegalArgumentException.class, () -> SqliteSchema.latestVersion(List.of()));
    }
}
