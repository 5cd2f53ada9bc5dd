package dev.trent.storage;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteErrorCode;
import org.sqlite.SQLiteException;
import org.sqlite.SQLiteOpenMode;

/**
 * One JDBC connection to a Trent database with the settings the store relies on: WAL journal, fsync on every
 * commit (synchronous=FULL), foreign keys on, a busy timeout, and explicit {@code BEGIN IMMEDIATE}
 * transactions. Not thread-safe; the store serialises access.
 */
final class SqliteConnection implements AutoCloseable {

    static final int BUSY_TIMEOUT_MILLIS = 5_000;
    static final int SOLE_USE_BUSY_TIMEOUT_MILLIS = 1_000;

    /** Work run inside a transaction. */
    interface Work<T> {
        T run(Connection connection) throws SQLException;
    }

    private final Path file;
    private final Connection connection;

    private SqliteConnection(Path file, Connection connection) {
        this.file = file;
        this.connection = connection;
    }

    /**
     * Opens {@code file}; with {@code create} false a missing file is an error instead of a new database. Setting
     * these pragmas writes nothing to a database that is already in WAL mode.
     */
    static SqliteConnection open(Path file, boolean create) {
        return open(file, create, false);
    }

    /**
     * Opens an existing {@code file} in SQLite's exclusive locking mode. Every open connection to a WAL database
     * holds a shared lock on it for as long as it is open, so taking the exclusive lock fails while any other
     * connection (such as a running server's) exists, and once taken it keeps every other connection out until
     * this one closes.
     *
     * @throws StoreInUseException if another connection has the database open
     */
    static SqliteConnection openForSoleUse(Path file) {
        return open(file, false, true);
    }

    private static SqliteConnection open(Path file, boolean create, boolean soleUse) {
        SQLiteConfig config = new SQLiteConfig();
        if (!create) {
            config.resetOpenMode(SQLiteOpenMode.CREATE);
        }
        // A percent-encoded URI filename, so characters such as '?' in a directory name are not read as options.
        config.setOpenMode(SQLiteOpenMode.OPEN_URI);
        if (soleUse) {
            // Must be set before the first read: that read is what takes the lock.
            config.setLockingMode(SQLiteConfig.LockingMode.EXCLUSIVE);
            // A server holds its lock for as long as it runs, so waiting longer would not help.
            config.setBusyTimeout(SOLE_USE_BUSY_TIMEOUT_MILLIS);
        } else {
            config.setBusyTimeout(BUSY_TIMEOUT_MILLIS);
        }
        Connection connection;
        try {
            connection = config.createConnection("jdbc:sqlite:" + file.toUri().toASCIIString());
        } catch (SQLException e) {
            throw new StorageException("cannot open database " + file + ": " + e.getMessage(), e);
        }
        SqliteConnection opened = new SqliteConnection(file, connection);
        try {
            String journalMode = opened.queryString("PRAGMA journal_mode=WAL");
            if (!"wal".equalsIgnoreCase(journalMode)) {
                throw new StorageException("database " + file + " cannot use WAL journaling (got '" + journalMode
                        + "'); is it on a network or read-only file system?");
            }
            opened.execute("PRAGMA synchronous=FULL");
            opened.execute("PRAGMA foreign_keys=ON");
            return opened;
        } catch (StorageException e) {
            opened.close();
            if (e.getCause() instanceof SQLiteException
                    && ((SQLiteException) e.getCause()).getResultCode() == SQLiteErrorCode.SQLITE_NOTADB) {
                throw new StorageException(file + " is not a Trent database (not an SQLite file, or damaged)", e);
            }
            if (isReadOnly(e.getCause())) {
                throw new ReadOnlyStoreException(file, (SQLiteException) e.getCause());
            }
            if (soleUse && isBusy(e.getCause())) {
                throw new StoreInUseException("database " + file + " is in use by another process (is a Trent server"
                        + " running on this data dir?); stop it and try again", e);
            }
            throw e;
        }
    }

    /** Whether SQLite refused a write because the database is read-only (SQLITE_READONLY and its variants). */
    static boolean isReadOnly(Throwable failure) {
        return failure instanceof SQLiteException
                && (((SQLiteException) failure).getResultCode().code & 0xff) == SQLiteErrorCode.SQLITE_READONLY.code;
    }

    private static boolean isBusy(Throwable failure) {
        // Extended result codes (SQLITE_BUSY_RECOVERY, ...) keep the primary code in their low byte.
        return failure instanceof SQLiteException
                && (((SQLiteException) failure).getResultCode().code & 0xff) == SQLiteErrorCode.SQLITE_BUSY.code;
    }

    /** SQLite's {@code user_version}: the schema version. */
    int userVersion() {
        return Integer.parseInt(queryString("PRAGMA user_version"));
    }

    /** Runs {@code work} in one {@code BEGIN IMMEDIATE} transaction: committed if it returns, rolled back if not. */
    <T> T inTransaction(String what, Work<T> work) {
        execute("BEGIN IMMEDIATE");
        boolean committed = false;
        try {
            T result = work.run(connection);
            execute("COMMIT");
            committed = true;
            return result;
        } catch (SQLException e) {
            throw failure(what, e);
        } finally {
            if (!committed) {
                rollbackQuietly();
            }
        }
    }

    /** Runs a read outside any explicit transaction. */
    <T> T read(String what, Work<T> work) {
        try {
            return work.run(connection);
        } catch (SQLException e) {
            throw failure(what, e);
        }
    }

    void execute(String sql) {
        try (Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw failure(sql, e);
        }
    }

    StorageException failure(String what, SQLException e) {
        return new StorageException(what + " failed on database " + file + ": " + e.getMessage(), e);
    }

    @Override
    public void close() {
        try {
            connection.close();
        } catch (SQLException e) {
            throw failure("close", e);
        }
    }

    String queryString(String sql) {
        return read(sql, c -> {
            try (Statement statement = c.createStatement(); ResultSet rows = statement.executeQuery(sql)) {
                if (!rows.next()) {
                    throw new SQLException("no result from " + sql);
                }
                return rows.getString(1);
            }
        });
    }

    private void rollbackQuietly() {
        try (Statement statement = connection.createStatement()) {
            statement.execute("ROLLBACK");
        } catch (SQLException ignored) {
            // SQLite may already have rolled back (for example after an I/O error); nothing is left to undo.
        }
    }
}
