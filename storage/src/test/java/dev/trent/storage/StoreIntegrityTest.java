package dev.trent.storage;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Damage that used to go unnoticed: a lost or damaged write-ahead log, a database put back from an older copy,
 * rows restored, deleted or altered one by one, a truncated database. Each is either reported by name and
 * confined to the records it touches, or refuses the whole store; none is served as if it were current.
 */
class StoreIntegrityTest {

    private static final int KEYS = 20;

    @TempDir
    Path dir;

    private Path db() {
        return dir.resolve("data/trent.db");
    }

    private Path keyFile() {
        return dir.resolve("data/master.key");
    }

    private Storage open() {
        return open(db());
    }

    private Storage open(Path database) {
        return Storage.open(SqlitePhysicalStore.open(database), KeyFileRootOfTrust.provider(keyFile()),
                CommitWitness.file(CommitWitness.besideDatabase(database)));
    }

    private static void write(Storage storage, int key, String value) {
        storage.barrier().commit(new WriteBatch()
                .put("keys/000000000000/us-east-1/key-" + key, value.getBytes(UTF_8))
                .put("material/000000000000/us-east-1/key-" + key + "/1", ("material of " + value).getBytes(UTF_8)));
    }

    /** Writes {@link #KEYS} keys, each with its material, one commit each, and closes the store. */
    private void writeKeys(String value) {
        try (Storage storage = open()) {
            for (int i = 0; i < KEYS; i++) {
                write(storage, i, value);
            }
        }
    }

    /** Flips the lowest bit of the byte {@code fromEnd} bytes before the end of the stored row at {@code path}. */
    private void flipByte(String path, int fromEnd) throws SQLException {
        byte[] row = readRow(path);
        row[row.length - fromEnd] ^= 1;
        writeRow(path, row);
    }

    private static String key(int key) {
        return "keys/000000000000/us-east-1/key-" + key;
    }

    @Test
    void commits_countUpAndReachTheWitness() {
        try (Storage storage = open()) {
            assertTrue(storage.integrity().isClean());
            long start = storage.integrity().commitCounter();
            for (int i = 0; i < 3; i++) {
                write(storage, i, "v" + i);
            }
            assertEquals(start, storage.integrity().commitCounter(), "the report is what opening found");
        }
        try (Storage storage = open()) {
            assertTrue(storage.integrity().isClean(), storage.integrity().toString());
            assertEquals(3, storage.integrity().commitCounter());
            assertArrayEquals("v2".getBytes(UTF_8), storage.barrier().get(key(2)).orElseThrow());
        }
        assertTrue(Files.isRegularFile(CommitWitness.besideDatabase(db())));
    }

    @Test
    void lostWriteAheadLogTail_isRefusedWithTheMissingCommits() throws IOException {
        Path copy = dir.resolve("copy/trent.db");
        try (Storage storage = open()) {
            write(storage, 0, "before");
            copyDatabaseWhileOpen(db(), copy);
            for (int i = 1; i <= KEYS; i++) {
                write(storage, i, "acknowledged");
            }
            copyWitness(db(), copy);
        }
        StoreDamagedException refused = assertThrows(StoreDamagedException.class, () -> open(copy));
        assertTrue(refused.getMessage().contains("the database ends at commit 1 but commit 21 was acknowledged: "
                + "20 commits are missing"), refused.getMessage());
    }

    @Test
    void flippedByteInTheWriteAheadLog_isNeverServedAsTheCurrentState() throws IOException {
        Path copy = copyOfAStoreThatWasKilled();
        Path wal = copy.resolveSibling("trent.db-wal");
        byte[] log = Files.readAllBytes(wal);
        log[log.length / 2] ^= 0x40;
        Files.write(wal, log);
        // SQLite stops reading the log at the damaged frame; what followed it is lost, and that must show.
        StoreDamagedException refused = assertThrows(StoreDamagedException.class, () -> open(copy));
        assertTrue(refused.getMessage().contains("was acknowledged"), refused.getMessage());
    }

    @Test
    void deletedWriteAheadLog_isRefused() throws IOException {
        Path copy = copyOfAStoreThatWasKilled();
        Files.delete(copy.resolveSibling("trent.db-wal"));
        assertThrows(StoreDamagedException.class, () -> open(copy));
    }

    @Test
    void truncatedDatabase_isNotReinitialisedAsAnEmptyStore() throws IOException {
        try (Storage storage = open()) {
            write(storage, 0, "acknowledged");
        }
        Files.write(db(), new byte[0]);
        StoreDamagedException refused = assertThrows(StoreDamagedException.class, this::open);
        assertTrue(refused.getMessage().contains("deleted or truncated"), refused.getMessage());
        StoreDamagedException again = assertThrows(StoreDamagedException.class, this::open, "no store was made");
        assertEquals(refused.getMessage(), again.getMessage());
    }

    @Test
    void rowRestoredFromAnOlderCopy_isNotServedAndTheRestIs() throws Exception {
        writeKeys("first");
        byte[] older = readRow(key(7));
        try (Storage storage = open()) {
            write(storage, 7, "compromised");
        }
        writeRow(key(7), older);

        try (Storage storage = open()) {
            IntegrityReport report = storage.integrity();
            assertFalse(report.isClean());
            assertTrue(report.suspectGroups().contains("000000000000/us-east-1/key-7"), report.toString());
            assertTrue(report.isSuspect(key(7)));
            assertThrows(BarrierIntegrityException.class, () -> storage.barrier().get(key(7)));
            List<String> damaged = new ArrayList<>();
            Map<String, byte[]> intact = storage.barrier().getAllIntact("keys/", (path, why) -> damaged.add(path));
            assertTrue(damaged.contains(key(7)), damaged.toString());
            assertFalse(intact.containsKey(key(7)));
            for (int i = 0; i < KEYS; i++) {
                if (!report.isSuspect(key(i))) {
                    assertArrayEquals("first".getBytes(UTF_8), intact.get(key(i)), key(i));
                }
            }
            assertTrue(intact.size() >= KEYS - 2, "damage stays confined to its bucket: " + intact.size());
        }
    }

    @Test
    void acceptCurrentState_afterDeletingTheDamagedRecords_leavesAStoreThatOpensClean() throws Exception {
        writeKeys("first");
        deleteRow(key(5));
        try (Storage storage = open()) {
            assertFalse(storage.integrity().isClean());
            List<String> suspect = storage.barrier().paths("").stream().filter(storage.integrity()::isSuspect).toList();
            WriteBatch wipe = new WriteBatch();
            suspect.forEach(wipe::delete);
            storage.barrier().commit(wipe);
            storage.barrier().acceptCurrentState();
            assertTrue(storage.barrier().integrity().isClean());
        }
        try (Storage storage = open()) {
            assertTrue(storage.integrity().isClean(), storage.integrity().toString());
            assertTrue(storage.barrier().get(key(5)).isEmpty());
        }
    }

    @Test
    void deletedRow_isReported() throws Exception {
        writeKeys("first");
        deleteRow("material/000000000000/us-east-1/key-3/1");
        try (Storage storage = open()) {
            IntegrityReport report = storage.integrity();
            assertTrue(report.isSuspect(key(3)), report.toString());
            assertTrue(report.problems().get(0).contains("1 rows missing"), report.problems().toString());
        }
    }

    @Test
    void flippedByteInOneRecord_isConfinedToItsRecord() throws Exception {
        writeKeys("first");
        flipByte(key(11), 3);
        try (Storage storage = open()) {
            Map<String, String> damaged = new HashMap<>();
            storage.barrier().getAllIntact("", damaged::put);
            assertTrue(damaged.containsKey(key(11)), damaged.toString());
            assertTrue(damaged.get(key(11)).contains("failed its integrity check"), damaged.get(key(11)));
        }
    }

    @Test
    void storeWithoutManifest_getsOneAsItsBaseline() throws Exception {
        try (Storage storage = open()) {
            write(storage, 0, "written before manifests existed");
        }
        deleteRow(Manifest.PATH);
        Files.delete(CommitWitness.besideDatabase(db()));
        try (Storage storage = open()) {
            assertTrue(storage.integrity().isClean());
            assertEquals(0, storage.integrity().commitCounter());
            write(storage, 1, "after");
        }
        try (Storage storage = open()) {
            assertTrue(storage.integrity().isClean());
            assertEquals(1, storage.integrity().commitCounter());
        }
    }

    @Test
    void manifestDeletedWhileTheWitnessRemains_isRefused() throws Exception {
        try (Storage storage = open()) {
            write(storage, 0, "x");
        }
        deleteRow(Manifest.PATH);
        assertThrows(StoreDamagedException.class, this::open);
    }

    @Test
    void missingWitness_isReportedAndWrittenAgain() throws IOException {
        try (Storage storage = open()) {
            write(storage, 0, "x");
        }
        Files.delete(CommitWitness.besideDatabase(db()));
        try (Storage storage = open()) {
            assertTrue(storage.integrity().problems().get(0).contains("is missing"));
        }
        try (Storage storage = open()) {
            assertTrue(storage.integrity().isClean(), storage.integrity().toString());
        }
    }

    @Test
    void check_reportsEveryProblemAndChangesNothing() throws Exception {
        writeKeys("first");
        flipByte(key(4), 1);
        byte[] databaseBefore = Files.readAllBytes(db());
        byte[] witnessBefore = Files.readAllBytes(CommitWitness.besideDatabase(db()));
        List<String> problems;
        try (SqlitePhysicalStore physical = SqlitePhysicalStore.open(db())) {
            problems = Storage.check(physical, KeyFileRootOfTrust.provider(keyFile()),
                    CommitWitness.file(CommitWitness.besideDatabase(db())));
        }
        assertTrue(problems.stream().anyMatch(p -> p.contains("'" + key(4) + "' failed its integrity check")),
                problems.toString());
        assertTrue(problems.stream().anyMatch(p -> p.contains("do not match the integrity manifest")),
                problems.toString());
        assertArrayEquals(databaseBefore, Files.readAllBytes(db()));
        assertArrayEquals(witnessBefore, Files.readAllBytes(CommitWitness.besideDatabase(db())));
    }

    @Test
    void reservedPaths_areNeitherReadableNorWritableByCallers() {
        try (Storage storage = open()) {
            assertThrows(IllegalArgumentException.class,
                    () -> storage.barrier().commit(new WriteBatch().put(Manifest.PATH, new byte[1])));
            assertThrows(IllegalArgumentException.class, () -> storage.barrier().get(Manifest.PATH));
            assertTrue(storage.barrier().getAll("").isEmpty());
        }
    }

    @Test
    void damagedKeyringRow_isReportedAsDamageNotAsAWrongRoot() throws Exception {
        try (Storage storage = open()) {
            write(storage, 0, "x");
        }
        try (Connection c = sql(); PreparedStatement update = c.prepareStatement(
                "UPDATE barrier_keyring SET wrapped_keyring = zeroblob(length(wrapped_keyring)) WHERE id = 1")) {
            assertEquals(1, update.executeUpdate());
        }
        StoreDamagedException refused = assertThrows(StoreDamagedException.class, this::open);
        assertTrue(refused.getMessage().contains("the stored keyring in " + db().toAbsolutePath() + " is damaged"),
                refused.getMessage());
    }

    @Test
    void storeFromBeforeKeyringChecksums_getsOneWhenMigrated() throws Exception {
        try (Storage storage = open()) {
            write(storage, 0, "x");
        }
        try (Connection c = sql(); java.sql.Statement statement = c.createStatement()) {
            statement.execute("ALTER TABLE barrier_keyring DROP COLUMN keyring_checksum");
            statement.execute("PRAGMA user_version = 1");
        }
        try (Storage storage = open()) {
            assertArrayEquals("x".getBytes(UTF_8), storage.barrier().get(key(0)).orElseThrow());
        }
        try (Connection c = sql(); java.sql.Statement statement = c.createStatement();
                ResultSet row = statement.executeQuery("SELECT length(keyring_checksum) FROM barrier_keyring")) {
            assertTrue(row.next());
            assertEquals(32, row.getInt(1));
        }
    }

    /**
     * A copy of database, write-ahead log and witness taken while the store was open after {@link #KEYS}
     * commits: what a data dir looks like after its process was killed.
     */
    private Path copyOfAStoreThatWasKilled() throws IOException {
        Path copy = dir.resolve("copy/trent.db");
        try (Storage storage = open()) {
            for (int i = 0; i < KEYS; i++) {
                write(storage, i, "acknowledged");
            }
            copyDatabaseWhileOpen(db(), copy);
            copyWitness(db(), copy);
        }
        return copy;
    }

    private static void copyDatabaseWhileOpen(Path from, Path to) throws IOException {
        Files.createDirectories(to.getParent());
        Files.copy(from, to, StandardCopyOption.REPLACE_EXISTING);
        Path wal = from.resolveSibling(from.getFileName() + "-wal");
        if (Files.exists(wal)) {
            Files.copy(wal, to.resolveSibling(to.getFileName() + "-wal"), StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private static void copyWitness(Path from, Path to) throws IOException {
        Files.copy(CommitWitness.besideDatabase(from), CommitWitness.besideDatabase(to),
                StandardCopyOption.REPLACE_EXISTING);
    }

    private Connection sql() throws SQLException {
        return DriverManager.getConnection("jdbc:sqlite:" + db());
    }

    private byte[] readRow(String path) throws SQLException {
        try (Connection c = sql(); PreparedStatement select = c.prepareStatement("SELECT value FROM records WHERE path = ?")) {
            select.setString(1, path);
            try (ResultSet row = select.executeQuery()) {
                assertTrue(row.next(), path);
                return row.getBytes(1);
            }
        }
    }

    private void writeRow(String path, byte[] value) throws SQLException {
        try (Connection c = sql(); PreparedStatement update = c.prepareStatement("UPDATE records SET value = ? WHERE path = ?")) {
            update.setBytes(1, value);
            update.setString(2, path);
            assertEquals(1, update.executeUpdate());
        }
    }

    private void deleteRow(String path) throws SQLException {
        try (Connection c = sql(); PreparedStatement delete = c.prepareStatement("DELETE FROM records WHERE path = ?")) {
            delete.setString(1, path);
            assertEquals(1, delete.executeUpdate());
        }
    }
}
