package dev.trent.storage;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.concurrent.locks.ReentrantLock;
import org.sqlite.SQLiteException;

/**
 * A {@link PhysicalStore} in one SQLite file: WAL journal, synchronous=FULL (a committed batch survives a power
 * cut), every write in a transaction, one connection behind a lock (writes are control-plane only).
 *
 * <p>Opening creates nothing: a missing database file (and its directories) is created by {@link #initialize},
 * so a start that fails before the store is initialized leaves no file behind. The schema is versioned with
 * {@code PRAGMA user_version} and moved forward by ordered migrations, each run inside a transaction.
 */
public final class SqlitePhysicalStore implements PhysicalStore {

    private final Path databaseFile;
    private final List<SqliteMigration> migrations;
    private final int latestVersion;
    private final boolean soleUse;
    private final ReentrantLock lock = new ReentrantLock();
    private SqliteConnection connection;
    private int schemaVersion;
    private boolean hasKeyring;
    private boolean closed;
    /** The WAL files this store's connection created; removed at close if the database proved read-only. */
    private List<Path> walFilesCreatedOnOpen = List.of();
    private boolean provedReadOnly;

    private SqlitePhysicalStore(Path databaseFile, List<SqliteMigration> migrations, boolean soleUse) {
        this.databaseFile = databaseFile;
        this.soleUse = soleUse;
        this.migrations = List.copyOf(migrations);
        this.latestVersion = SqliteSchema.latestVersion(this.migrations);
    }

    /**
     * Opens the database at {@code databaseFile}, or prepares to create it there on {@link #initialize}.
     *
     * @throws StorageException if the file is not a Trent database or its schema is newer than this code supports
     */
    public static SqlitePhysicalStore open(Path databaseFile) {
        return open(databaseFile, SqliteSchema.MIGRATIONS);
    }

    /**
     * Opens the existing database at {@code databaseFile} for this store's sole use: until it is closed, no other
     * connection, in this process or another (a running Trent server), can read or write the database. For work
     * that must not run beside a server, such as a rekey. Holds SQLite's exclusive lock, which the operating
     * system releases when the process ends, so a crash leaves no stale lock behind.
     *
     * @throws StoreInUseException if another connection has the database open
     * @throws StorageException if the file does not exist, is not a Trent database, or has a newer schema
     */
    public static SqlitePhysicalStore openForSoleUse(Path databaseFile) {
        SqlitePhysicalStore store = new SqlitePhysicalStore(databaseFile.toAbsolutePath(), SqliteSchema.MIGRATIONS, true);
        if (!Files.isRegularFile(store.databaseFile)) {
            throw new StorageException("there is no Trent database at " + store.databaseFile);
        }
        try {
            store.connectToExistingFile();
        } catch (RuntimeException e) {
            store.close();
            throw e;
        }
        return store;
    }

    static SqlitePhysicalStore open(Path databaseFile, List<SqliteMigration> migrations) {
        SqlitePhysicalStore store = new SqlitePhysicalStore(databaseFile.toAbsolutePath(), migrations, false);
        if (Files.exists(store.databaseFile)) {
            try {
                store.connectToExistingFile();
            } catch (RuntimeException e) {
                store.close();
                throw e;
            }
        }
        return store;
    }

    /** The database file. */
    public Path databaseFile() {
        return databaseFile;
    }

    /** The schema version this code migrates to. */
    public static int latestSchemaVersion() {
        return SqliteSchema.latestVersion(SqliteSchema.MIGRATIONS);
    }

    @Override
    public Optional<SealedKeyring> readSealedKeyring() {
        lock.lock();
        try {
            requireOpen();
            if (!hasKeyring) {
                return Optional.empty();
            }
            boolean hasChecksum = schemaVersion >= 2;
            SealedKeyring sealed = connection.read("read the sealed keyring",
                    c -> SqliteKeyringRow.read(c, hasChecksum, databaseFile));
            return Optional.of(sealed);
        } finally {
            lock.unlock();
        }
    }

    @Override
    public void initialize(SealedKeyring sealedKeyring) {
        lock.lock();
        try {
            requireOpen();
            if (hasKeyring) {
                throw new StorageException("database " + databaseFile + " is already initialized");
            }
            Path createdDirectory = null;
            boolean createdFile = false;
            try {
                if (connection == null) {
                    createdDirectory = OwnerOnlyFiles.createDirectories(databaseFile.getParent());
                    createdFile = SqliteFiles.createEmptyDatabaseFile(databaseFile);
                    connection = SqliteConnection.open(databaseFile, true);
                }
                connection.inTransaction("initialize the schema and keyring", c -> {
                    SqliteSchema.migrate(c, migrations, requireSupported(connection.userVersion()));
                    SqliteKeyringRow.insert(c, sealedKeyring);
                    return null;
                });
                schemaVersion = latestVersion;
                hasKeyring = true;
            } catch (IOException | RuntimeException e) {
                if (createdFile) {
                    closeQuietly();
                    SqliteFiles.deleteDatabaseFiles(databaseFile, createdDirectory);
                }
                if (e instanceof StorageException) {
                    throw (StorageException) e;
                }
                throw new StorageException("cannot create database " + databaseFile + ": " + e, e);
            }
        } finally {
            lock.unlock();
        }
    }

    @Override
    public void migrate() {
        lock.lock();
        try {
            requireOpen();
            requireKeyring();
            requireWritable();
            if (schemaVersion == latestVersion) {
                return;
            }
            connection.inTransaction("migrate the schema", c -> {
                SqliteSchema.migrate(c, migrations, requireSupported(connection.userVersion()));
                SqliteKeyringRow.fillChecksum(c);
                return null;
            });
            schemaVersion = latestVersion;
        } finally {
            lock.unlock();
        }
    }

    @Override
    public void replaceSealedKeyring(SealedKeyring sealedKeyring) {
        lock.lock();
        try {
            requireRecordsReady();
            connection.inTransaction("replace the sealed keyring", c -> {
                SqliteKeyringRow.replace(c, sealedKeyring);
                return null;
            });
        } finally {
            lock.unlock();
        }
    }

    @Override
    public boolean replaceSealedKeyringIfUnchanged(SealedKeyring expected, SealedKeyring replacement) {
        Objects.requireNonNull(expected, "expected");
        Objects.requireNonNull(replacement, "replacement");
        lock.lock();
        try {
            requireRecordsReady();
            return connection.inTransaction("replace the sealed keyring if unchanged",
                    c -> SqliteKeyringRow.replaceIfUnchanged(c, expected, replacement));
        } finally {
            lock.unlock();
        }
    }

    @Override
    public Optional<byte[]> get(String path) {
        RecordPaths.requireValidPath(path);
        lock.lock();
        try {
            requireRecordsReady();
            return connection.read("read record '" + path + "'", c -> {
                try (PreparedStatement select = c.prepareStatement("SELECT value FROM records WHERE path = ?")) {
                    select.setString(1, path);
                    try (ResultSet row = select.executeQuery()) {
                        return row.next() ? Optional.of(row.getBytes(1)) : Optional.<byte[]>empty();
                    }
                }
            });
        } finally {
            lock.unlock();
        }
    }

    @Override
    public SortedMap<String, byte[]> scan(String prefix) {
        RecordPaths.requireValidPrefix(prefix);
        Optional<String> upperBound = RecordPaths.exclusiveUpperBound(prefix);
        String sql = "SELECT path, value FROM records WHERE path >= ?" + (upperBound.isPresent() ? " AND path < ?" : "");
        lock.lock();
        try {
            requireRecordsReady();
            return connection.read("scan records under '" + prefix + "'", c -> {
                try (PreparedStatement select = c.prepareStatement(sql)) {
                    select.setString(1, prefix);
                    if (upperBound.isPresent()) {
                        select.setString(2, upperBound.get());
                    }
                    SortedMap<String, byte[]> matches = new TreeMap<>();
                    try (ResultSet rows = select.executeQuery()) {
                        while (rows.next()) {
                            matches.put(rows.getString(1), rows.getBytes(2));
                        }
                    }
                    return matches;
                }
            });
        } finally {
            lock.unlock();
        }
    }

    @Override
    public void apply(List<PhysicalWrite> writes) {
        if (writes.isEmpty()) {
            return;
        }
        lock.lock();
        try {
            requireRecordsReady();
            connection.inTransaction("apply " + writes.size() + " writes", c -> {
                try (PreparedStatement upsert = c.prepareStatement("INSERT INTO records (path, value) VALUES (?, ?)"
                                + " ON CONFLICT (path) DO UPDATE SET value = excluded.value");
                        PreparedStatement delete = c.prepareStatement("DELETE FROM records WHERE path = ?")) {
                    for (PhysicalWrite write : writes) {
                        if (write.isDelete()) {
                            delete.setString(1, write.path());
                            delete.executeUpdate();
                        } else {
                            upsert.setString(1, write.path());
                            upsert.setBytes(2, write.sealedValue());
                            upsert.executeUpdate();
                        }
                    }
                }
                return null;
            });
        } finally {
            lock.unlock();
        }
    }

    @Override
    public void close() {
        lock.lock();
        try {
            closed = true;
            if (connection != null) {
                SqliteConnection open = connection;
                connection = null;
                open.close();
                if (provedReadOnly) {
                    SqliteFiles.deleteUnusedWalFiles(walFilesCreatedOnOpen);
                }
            }
        } finally {
            lock.unlock();
        }
    }

    /** The value of {@code PRAGMA name} on this store's connection; lets tests check per-connection settings. */
    String pragma(String name) {
        lock.lock();
        try {
            requireOpen();
            if (connection == null) {
                throw new StorageException("database " + databaseFile + " does not exist yet");
            }
            return connection.queryString("PRAGMA " + name);
        } finally {
            lock.unlock();
        }
    }

    @Override
    public String toString() {
        return "SqlitePhysicalStore[" + databaseFile + "]";
    }

    private void connectToExistingFile() {
        walFilesCreatedOnOpen = SqliteFiles.absentWalFiles(databaseFile);
        try {
            connection = soleUse ? SqliteConnection.openForSoleUse(databaseFile)
                    : SqliteConnection.open(databaseFile, false);
        } catch (ReadOnlyStoreException e) {
            SqliteFiles.deleteUnusedWalFiles(walFilesCreatedOnOpen);
            throw e;
        }
        schemaVersion = requireSupported(connection.userVersion());
        hasKeyring = schemaVersion >= 1 && connection.read("look for the keyring", c -> {
            try (PreparedStatement count = c.prepareStatement("SELECT count(*) FROM barrier_keyring");
                    ResultSet row = count.executeQuery()) {
                return row.next() && row.getInt(1) == 1;
            }
        });
    }

    /**
     * Commits a write that changes no value, so a database SQLite can only read fails here, at start, rather
     * than on every later write.
     */
    private void requireWritable() {
        try {
            connection.inTransaction("prove the database is writable", c -> {
                try (PreparedStatement rewrite = c.prepareStatement("UPDATE barrier_keyring SET id = id WHERE id = 1")) {
                    rewrite.executeUpdate();
                }
                return null;
            });
        } catch (StorageException e) {
            if (SqliteConnection.isReadOnly(e.getCause())) {
                provedReadOnly = true;
                throw new ReadOnlyStoreException(databaseFile, (SQLiteException) e.getCause());
            }
            throw e;
        }
    }

    private int requireSupported(int version) {
        if (version > latestVersion) {
            throw new StorageException("database " + databaseFile + " has schema version " + version + ", but this "
                    + "Trent supports schema versions up to " + latestVersion + "; it was written by a newer Trent, so run "
                    + "that version or newer (downgrades are not supported)");
        }
        return version;
    }

    private void closeQuietly() {
        if (connection != null) {
            try {
                connection.close();
            } catch (RuntimeException ignored) {
                // Deleting the half-made database matters more than a clean close.
            }
            connection = null;
        }
    }

    private void requireOpen() {
        if (closed) {
            throw new StorageException("database " + databaseFile + " is closed");
        }
    }

    private void requireKeyring() {
        if (!hasKeyring) {
            throw new StorageException("database " + databaseFile + " is not initialized");
        }
    }

    private void requireRecordsReady() {
        requireOpen();
        requireKeyring();
        if (schemaVersion != latestVersion) {
            throw new StorageException("database " + databaseFile + " has schema version " + schemaVersion
                    + " and needs migrating to " + latestVersion + " once its root of trust is verified");
        }
    }
}
